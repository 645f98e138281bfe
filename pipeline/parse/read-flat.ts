/**
 * Read the three tables from flattened page text (cell boundaries lost). Labels give the rows; each row's run of
 * figures is split into the template's cells (split-digits.ts), and the splits are chosen by the template's
 * arithmetic (table 三 jointly over its columns: solve-columns.ts; table 四 by its row totals). A cell is:
 * - `number` when the digits allow one split only (zeros stand alone, spaces mark boundaries);
 * - `inferred` when arithmetic fixed the split: `inferredBy` names the rules;
 * - `text` (an error, with the candidate splits or the reason in `note`) when several splits fit, or none does.
 * Pure; throws InputError when a table's rows cannot be aligned with the template.
 */
import { InputError, describeLocation } from '../errors.ts';
import type { TextCell } from '../ingest/types.ts';
import type { TableCells } from '../model/report.ts';
import { APPEALS, APPLICATIONS, type Edition, PROACTIVE, type RowDef, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { checkPlaced } from './align.ts';
import { type RowPlan, MAX_CANDIDATES, ambiguity, cellsFromOptions, cellsOf, columnSpecs, planRow, shownCandidates, tableName } from './flat-plan.ts';
import { type FlatLine, OCR_LETTER, flatDataRows, flatLines, groupHeadings, isGroupHeading, ownLabel } from './flat-rows.ts';
import type { DataRow } from './segment.ts';
import { labelRecall, normalizeText, startsItem } from './normalize.ts';
import { type GapEvidence, placeUnlabelled } from './place-unlabelled.ts';
import { readValue } from './read-value.ts';
import type { MoneyUnit } from './stated-unit.ts';
import { findSupports } from './flat-solve.ts';
import { cellReadings, letterReadings } from './ocr-letters.ts';
import { type SplitOptions, splitOptions } from './split-options.ts';
import { applicationEquations } from './solve-columns.ts';
import { Budget, REPORT_BUDGET, SEARCH_STEPS, SearchLimit, type Split, splitRun, tokenValue } from './split-digits.ts';

const MIN_LABEL_SCORE = 0.3;

/** A section's cells as the lines of a lossy rendering (flattened text by default; raw pdftotext, Markdown rows). */
export type ToLines = (cells: readonly TextCell[], table: TableDef, edition: Edition) => FlatLine[];

interface Aligned {
  rows: Map<RowDef, FlatLine | null>;
  missing: Set<string>;
  /** Rows placed by the template's row order (their label was lost). */
  byOrder: Set<RowDef>;
  /** Template rows that could not be placed: the reason. */
  unplaced: Map<RowDef, string>;
}

/**
 * Each printed row of a labelled table (二, 三) with its line, or null for a row printed as its label alone; and the
 * template rows not printed (absent), when every printed row is placed by its label.
 */
function alignFlat(file: string, table: TableDef, edition: Edition, lines: readonly FlatLine[]): Aligned {
  const defs = rowsOf(table, edition);
  const headings = groupHeadings(defs);
  const blanks = blankRows(lines, defs, headings);
  const rows = [...flatDataRows(lines), ...blanks].sort((a, b) => a.index - b.index);
  const evidence = lines.some((l) => l.whole) ? rawEvidence(lines, defs, headings) : undefined;
  const first = placeRows(file, table, edition, lines, rows, blanks, false, evidence);
  // A table that leaves rows out may leave out any row of a gap: its gaps are filled only row for row.
  const { placed, out, missing } = first.missing.length > 0 && first.placed.skipped ? placeRows(file, table, edition, lines, rows, blanks, true, evidence) : first;
  if (missing.length > 0) {
    // Rows not printed are absent only when every printed row is placed by its own label; the rows without a label
    // between two of them then fill their gaps row for row, whatever the table leaves out elsewhere.
    checkPlaced({ file, table: tableName(table), edition }, { rows: placed.labelled, alignment: placed.alignment, defs, missing });
  }
  return { rows: out, missing: new Set(missing.map((d) => d.code)), byOrder: new Set(placed.byOrder.keys()), unplaced: placed.unplaced };
}

/** The rows placed by their labels, then by the row order (exactly: one row per template row of a gap), then as blanks. */
function placeRows(
  file: string,
  table: TableDef,
  edition: Edition,
  lines: readonly FlatLine[],
  rows: readonly DataRow[],
  blanks: readonly DataRow[],
  exact: boolean,
  evidence?: GapEvidence,
): { placed: NonNullable<ReturnType<typeof placeUnlabelled>>; out: Map<RowDef, FlatLine | null>; missing: RowDef[] } {
  const defs = rowsOf(table, edition);
  const placed = placeUnlabelled(rows, defs, exact, evidence);
  if (!placed) {
    throw new InputError(`${tableName(table)} has ${rows.length} rows of figures, more than the ${defs.length} rows of the ${edition} template`, file, rows[defs.length]?.at);
  }
  if (placed.stray.length > 0) throw new InputError(`${tableName(table)}: ${placed.stray[0]}`, file);
  const { labelled, alignment } = placed;
  const out = new Map<RowDef, FlatLine | null>();
  labelled.forEach((row, i) => {
    const def = defs[alignment.assigned[i]!]!;
    if (alignment.scores[i]! < MIN_LABEL_SCORE) {
      throw new InputError(`${tableName(table)}, ${describeLocation(row.at)}: row label "${row.label}" does not match the template row expected here ("${def.zh}")`, file, row.at);
    }
    out.set(def, blanks.includes(row) ? null : lines[row.index]!);
  });
  for (const [def, row] of placed.byOrder) out.set(def, lines[row.index]!);
  const subRows = defs.filter((d) => d.code.startsWith('other.'));
  const taken = (d: RowDef): boolean => out.has(d) || placed.unplaced.has(d);
  const mayBeMissing = (def: RowDef): boolean =>
    subRows.length > 0 && (def.code === 'other' ? subRows.some(taken) : subRows.includes(def) && taken(defs.find((d) => d.code === 'other')!));
  const fallbackOrder = [...defs.filter((d) => d.code !== 'other'), ...defs.filter((d) => d.code === 'other')];
  const used = new Set<number>();
  const inPlace = new Set<RowDef>();
  for (const def of fallbackOrder) {
    if (taken(def) || mayBeMissing(def)) continue;
    const at = defs.indexOf(def);
    const before = defs.slice(0, at).reverse().find((d) => out.get(d));
    const after = defs.slice(at + 1).find((d) => out.get(d));
    const low = before ? out.get(before)!.index : -1;
    const high = after ? out.get(after)!.index : Infinity;
    const blank = lines.find((l) => l.run === '' && !l.cells && !used.has(l.index) && l.index > low && l.index < high && namesRow(wrappedLabel(lines, l, defs), defs) === def);
    if (blank) {
      used.add(blank.index);
      out.set(def, null);
      inPlace.add(def);
    }
  }
  if (evidence) movedBlanks(lines, defs, fallbackOrder.filter((d) => !taken(d) && !mayBeMissing(d)), out, inPlace, placed.unplaced, used);
  return { placed, out, missing: defs.filter((def) => !taken(def) && !mayBeMissing(def)) };
}

/**
 * Raw pdftotext writes a wrapped label away from its place (after the table): a template row with no figures whose
 * label stands clearly elsewhere in the table is a row of blank cells — unless the nearest row of figures before it
 * in the template's order stands right after its own label with no row of blanks between: pdftotext prints nothing
 * for the blank cells of a row, so those figures may be that row's or this one's (its label then a row of blanks).
 * Both rows are then not read, with the reason.
 */
function movedBlanks(
  lines: readonly FlatLine[],
  defs: readonly RowDef[],
  open: readonly RowDef[],
  out: Map<RowDef, FlatLine | null>,
  inPlace: ReadonlySet<RowDef>,
  unplaced: Map<RowDef, string>,
  used: Set<number>,
): void {
  for (const def of open) {
    const moved = lines.find((l) => l.run === '' && !l.cells && !used.has(l.index) && namesRow(wrappedLabel(lines, l, defs), defs, ANCHOR_RECALL) === def);
    if (!moved) continue;
    used.add(moved.index);
    let doubt: RowDef | undefined;
    for (const d of defs.slice(0, defs.indexOf(def)).reverse()) {
      if (inPlace.has(d)) break;
      if (out.get(d) || unplaced.has(d)) {
        doubt = d;
        break;
      }
    }
    if (!doubt) {
      out.set(def, null);
      continue;
    }
    const line = out.get(doubt);
    const reason = unplaced.get(doubt) ??
      `the figures after "${doubt.zh}" (${describeLocation(line!.at)}) may be that row's or those of "${def.zh}", whose label stands away ` +
        `from its place (${describeLocation(moved.at)}), the other row's cells then blank: which row they belong to cannot be told`;
    out.delete(doubt);
    unplaced.set(doubt, reason);
    unplaced.set(def, reason);
  }
}

/**
 * A label alone names a row when it holds most of that row's label, and no other's as much: between the rows placed
 * around it, most (OCR slips lose a few bigrams); as a row among the rows placed by order, nearly all.
 */
const BLANK_ROW_RECALL = 0.6;
const ANCHOR_RECALL = 0.9;

function namesRow(label: string, defs: readonly RowDef[], min = BLANK_ROW_RECALL): RowDef | undefined {
  const scored = defs.map((d) => ({ d, r: Math.max(...[d.zh, ...(d.aliases ?? [])].map((z) => labelRecall(label, z))) })).sort((a, b) => b.r - a.r);
  const [best, second] = scored;
  return best && best.r >= min && (!second || second.r < best.r) ? best.d : undefined;
}

/**
 * A label-only line's own label with the label-only lines after it that carry it on (no new item, not a row's label
 * by itself): a wrapped label.
 */
function wrappedLabel(lines: readonly FlatLine[], line: FlatLine, defs: readonly RowDef[]): string {
  let text = ownLabel(line.label).own;
  for (let k = line.index + 1; k < lines.length && k <= line.index + 2; k++) {
    const next = lines[k]!;
    if (next.run !== '' || next.cells || startsItem(next.label)) break;
    if (defs.some((d) => labelRecall(next.label, d.zh) >= 0.9)) break;
    text += normalizeText(next.label);
  }
  return text;
}

/**
 * Lines of a label alone that name a template row clearly, in a rendering that keeps its table rows (Markdown): rows
 * whose cells are all blank. They stand among the rows when rows without a label are placed by order. Not a group heading, nor the first part of a
 * label whose figures follow on the next line.
 */
function blankRows(lines: readonly FlatLine[], defs: readonly RowDef[], headings: readonly string[]): DataRow[] {
  // Only where rows keep their order (Markdown's table rows): raw pdftotext writes moved labels after the figures.
  if (!lines.some((l) => l.cells)) return [];
  return lines.flatMap((l) => {
    if (l.run !== '' || l.cells || isGroupHeading(l.label, headings)) return [];
    // Not the first part of a label whose figures follow on the next line — unless it names a row whole by itself,
    // joining the next line's label names no other row, and that label alone names another row ("行政处罚" before
    // "行攻强制 | 2", a row OCR garbled: its figures are not 行政处罚's).
    const next = lines[l.index + 1];
    const alone = namesRow(ownLabel(l.label).own, defs, ANCHOR_RECALL);
    const nextRow = next ? namesRow(ownLabel(next.label).own, defs, MIN_LABEL_SCORE) : undefined;
    const whole = alone !== undefined && nextRow !== undefined && nextRow !== alone &&
      namesRow(ownLabel(l.label).own + normalizeText(next!.label), defs, ANCHOR_RECALL) === alone;
    if (!whole && next && (next.run !== '' || next.cells) && next.label !== '' && !startsItem(next.label)) return [];
    // Nor the end of a label whose figures stand on the row before (that row's label names no row by itself).
    const before = lines[l.index - 1];
    if (before && (before.run !== '' || before.cells) && !startsItem(l.label) && !namesRow(ownLabel(before.label).own, defs)) return [];
    const label = wrappedLabel(lines, l, defs);
    if (!namesRow(label, defs, ANCHOR_RECALL)) return [];
    return [{ label, own: label, context: '', values: [], at: l.at, index: l.index, after: '', line: l.index }];
  });
}

/** Minimum share of a template label's bigrams found in one line of a table for the label to count as printed there. */
const PRINTED_RECALL = 0.8;

/**
 * Raw pdftotext writes every text of the page: a template row whose label stands on no line of the table is not printed,
 * and a label alone that names a row clearly is a row of blank cells (its figures print nothing) standing in place
 * when it stands between the rows placed around it (placeUnlabelled keeps only those).
 */
function rawEvidence(lines: readonly FlatLine[], defs: readonly RowDef[], headings: readonly string[]): GapEvidence {
  // Each line's label (a label alone with the fragments that carry it on): a template label counts as printed when
  // one line holds nearly all of it (pdftotext writes labels exactly, a wrapped one joined on its line) — not the
  // table's text pooled, whose common words would make any label printed.
  const texts = lines.map((l) => (l.run === '' && !l.cells ? wrappedLabel(lines, l, defs) : normalizeText(l.label)));
  const anchors = lines.flatMap((l) => {
    if (l.run !== '' || l.cells || isGroupHeading(l.label, headings)) return [];
    const def = namesRow(wrappedLabel(lines, l, defs), defs, ANCHOR_RECALL);
    return def ? [{ index: l.index, def }] : [];
  });
  return { printed: (d) => [d.zh, ...(d.aliases ?? [])].some((z) => texts.some((t) => labelRecall(t, z) >= PRINTED_RECALL)), anchors };
}

function refuse(plan: RowPlan, reason: string): void {
  plan.refused = reason;
}

/** A row read from printed cells, one of which is not a figure: its figures stay out of the arithmetic. */
function hasTextCell(plan: RowPlan): boolean {
  return plan.line?.cells !== undefined && plan.candidates.length === 1 && plan.candidates[0]!.some((t, k) => valueOf(t, plan.columns[k]!.money) === undefined);
}

function valueOf(token: string, money?: boolean): number | undefined {
  const v = readValue(token, { money });
  return v.kind === 'number' ? v.value! : v.kind === 'text' ? undefined : 0;
}

function readLabelled(file: string, table: TableDef, edition: Edition, lines: readonly FlatLine[], budget: Budget, units: Record<string, MoneyUnit> = {}): TableCells {
  const aligned = alignFlat(file, table, edition, lines);
  const plans = [...aligned.rows].map(([def, line]) => planRow(table, def, edition, line, budget));
  for (const plan of plans) if (aligned.byOrder.has(plan.def)) plan.byOrder = true;
  for (const [def, reason] of aligned.unplaced) {
    plans.push({ def, line: null, columns: [], candidates: [], forced: true, rules: [], refused: reason });
  }
  if (table === APPLICATIONS) solveApplications(plans, aligned.missing, budget);
  const out: TableCells = {};
  for (const def of rowsOf(table, edition)) {
    const plan = plans.find((p) => p.def === def);
    if (!plan) continue;
    const codes = columnsOf(table, plan.def, edition);
    const cells = cellsOf(table, codes, plan, units);
    out[plan.def.code] = Object.fromEntries(codes.map((c, k) => [c, cells[k]!]));
  }
  return out;
}

/**
 * Choose table 三's splits jointly by its column rules; rows left with several splits are refused. A rule over a row
 * the source does not print is not used: the row's figures are unknown, not 0. Rows placed by the row order are
 * checked: a rule over them that does not hold leaves them not read; the rules that hold go into their inferredBy.
 */
function solveApplications(plans: RowPlan[], missing: ReadonlySet<string>, budget: Budget): void {
  const printed = new Set(plans.map((p) => p.def.code));
  const usable = plans.filter((p) => p.refused === undefined && !hasTextCell(p));
  const equations = applicationEquations(printed, missing).filter((e) => [...e.left, ...e.right].every((r) => usable.some((p) => p.def.code === r)));
  const values = (p: RowPlan, s: Split): number[] => s.map((t, k) => valueOf(t, p.columns[k]!.money) ?? 0);
  // Splits with the same figures (they differ only in where a blank stands, which the arithmetic cannot see) are one
  // choice for the search: each row's distinct figure vectors, and the splits behind each.
  const vectors = new Map(usable.map((p) => [p.def.code, distinctVectors(p.candidates.map((s) => values(p, s)))]));
  const rows = new Map([...vectors].map(([code, v]) => [code, v.vectors]));
  const solved = findSupports(rows, equations, budget.part(SEARCH_STEPS));
  for (const plan of usable) {
    const touching = equations.filter((e) => e.left.includes(plan.def.code) || e.right.includes(plan.def.code)).map((e) => e.rule);
    if (plan.candidates.length === 1) continue;
    const { of } = vectors.get(plan.def.code)!;
    const possible = new Set(solved.possible.get(plan.def.code)!);
    const kept = plan.candidates.map((_, i) => i).filter((i) => possible.has(of[i]!));
    if (!solved.consistent) {
      refuse(plan, `"${plan.line?.run}" splits ${plan.candidates.length} ways (${shownCandidates(plan)}), and no choice of splits makes the table's columns add up (${touching.join(', ')}): the source is inconsistent`);
      continue;
    }
    // The splits some solution takes (when the search ran out of steps, the ones the columns' bounds leave): one, or
    // several whose common cells are read.
    plan.candidates = kept.map((i) => plan.candidates[i]!);
    if (plan.printed) plan.printed = kept.map((i) => plan.printed![i]!);
    plan.rules = [...plan.rules, ...touching];
    if (!solved.complete && kept.length > 1) plan.searchCut = true;
  }
  checkByOrder(plans, applicationEquations(printed, missing), values);
}

/** The distinct vectors of a list, and for each item the index of its vector. */
function distinctVectors(list: readonly number[][]): { vectors: number[][]; of: number[] } {
  const index = new Map<string, number>();
  const vectors: number[][] = [];
  const of = list.map((v) => {
    const key = v.join(',');
    if (!index.has(key)) {
      index.set(key, vectors.length);
      vectors.push(v);
    }
    return index.get(key)!;
  });
  return { vectors, of };
}

/** Rows placed by order: every rule over them that can be checked must hold (the row's own total included). */
function checkByOrder(plans: readonly RowPlan[], equations: ReturnType<typeof applicationEquations>, values: (p: RowPlan, s: Split) => number[]): void {
  const known = new Map(plans.filter((p) => p.refused === undefined && p.candidates.length === 1 && !hasTextCell(p)).map((p) => [p.def.code, values(p, p.candidates[0]!)]));
  const sum = (side: readonly string[], col: number): number => side.reduce((s, r) => s + known.get(r)![col]!, 0);
  for (const plan of plans) {
    if (!plan.byOrder || !known.has(plan.def.code)) continue;
    const own = known.get(plan.def.code)!;
    const broken: string[] = [];
    const held: string[] = [];
    (own.slice(0, -1).reduce((s, x) => s + x, 0) === own[own.length - 1] ? held : broken).push('applications.row_total');
    for (const e of equations) {
      if (![...e.left, ...e.right].includes(plan.def.code) || ![...e.left, ...e.right].every((r) => known.has(r))) continue;
      (own.every((_, col) => sum(e.left, col) === sum(e.right, col)) ? held : broken).push(e.rule);
    }
    if (broken.length > 0) {
      refuse(plan, `a row of figures without a label, placed here by the template's row order, breaks ${broken.join(', ')}: where it belongs is not certain, not read`);
    } else plan.rules = [...new Set([...plan.rules, ...held])];
  }
}

/** Table 四's total cells (each the sum of the four results before it). */
const APPEAL_TOTALS = new Set([4, 9, 14]);

function groupsAddUp(v: readonly number[]): boolean {
  return [...APPEAL_TOTALS].every((t) => v.slice(t - 4, t).reduce((s, x) => s + x, 0) === v[t]);
}

/** Table 四: one run of 15 figures (three groups of five), each group's 总计 the sum of its four results. */
function readFlatAppeals(file: string, edition: Edition, lines: readonly FlatLine[], budget: Budget): TableCells {
  const figures = lines.filter((l) => l.run !== '' || l.cells);
  const unlabelled = figures.filter((l) => l.label === '');
  const used = unlabelled.length > 0 ? unlabelled : figures;
  const codes = APPEALS.rows.flatMap((r) => columnsOf(APPEALS, r, edition).map((c) => ({ row: r, c })));
  const columns = columnSpecs(APPEALS, codes.map((x) => x.c));
  const run = used.map((l) => l.run).join(' ');
  const at = used[0]?.at;
  const what = `${tableName(APPEALS)}${at ? ` (${describeLocation(at)})` : ''}`;
  const line = used[0] ? { ...used[0], run, ...(used.every((l) => l.cells) ? { cells: used.flatMap((l) => l.cells!) } : {}) } : null;
  const plan: RowPlan = { def: APPEALS.rows[0]!, line, columns, candidates: [codes.map(() => '')], forced: true, rules: ['appeals.row_total'] };
  let options: SplitOptions | undefined;
  try {
    if (line?.cells) {
      plan.candidates = [line.cells];
      if (line.cells.length !== codes.length) plan.refused = `expected 15 figures (行政复议 and two kinds of 行政诉讼, 5 each), found ${line.cells.length} cells: not read`;
      else {
        // A letter among the figures (OCR): every digit for it, kept where each 总计 is the sum of its results.
        const readings = cellReadings(line.cells, (tokens) => {
          const values = tokens.map((t, k) => tokenValue(t.trim(), columns[k]!));
          return values.every((v) => v !== undefined) && groupsAddUp(values.map((v) => v ?? 0));
        });
        if (readings) {
          plan.candidates = readings;
          plan.printed = readings.map(() => line.cells!);
          plan.forced = false;
        }
      }
    } else if (used.length > 0) {
      const readings = OCR_LETTER.test(run) ? letterReadings(run) : [run];
      if (!readings) plan.refused = `the figures "${run}" hold a letter (O for 0, l for 1: an OCR slip?): not read`;
      else {
        const whole = used.every((l) => l.whole);
        // Every split is summed up per cell (they may be too many to list): a cell all splits agree on is read.
        options = splitOptions(run, readings, columns, APPEAL_TOTALS, budget.part(SEARCH_STEPS), what, whole);
        plan.forced = readings.length === 1 && splitRun(run, columns, budget.part(SEARCH_STEPS), { what, whole, limit: 2 }).length === 1;
        if (options.count === 0) plan.refused = `no split of "${run}" into 15 cells makes each 总计 the sum of its four results: the printed figures do not add up`;
      }
    }
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    plan.refused = `"${run}" can be split into 15 cells in too many ways to search`;
  }
  if (plan.candidates.length === 0 && plan.refused === undefined) plan.refused = `no split of "${run}" into 15 cells makes each 总计 the sum of its four results: the printed figures do not add up`;
  const names = codes.map((x) => x.c);
  const read = options && plan.refused === undefined ? cellsFromOptions(APPEALS, names, plan, options) : cellsOf(APPEALS, names, plan);
  const out: TableCells = Object.fromEntries(APPEALS.rows.map((r) => [r.code, {}]));
  codes.forEach(({ row, c }, k) => { out[row.code]![c] = read[k]!; });
  return out;
}

/**
 * @param units the unit table 二 states for its money columns (stated-unit.ts).
 * @param toLines how the rendering's cells make lines (flattened text: one line a row, label and glued figures).
 */
export function readFlatTables(
  file: string,
  edition: Edition,
  sections: Record<'proactive' | 'applications' | 'appeals', readonly TextCell[]>,
  units: Record<string, MoneyUnit> = {},
  toLines: ToLines = (cells) => flatLines(cells),
): Record<'proactive' | 'applications' | 'appeals', TableCells> {
  const budget = new Budget(REPORT_BUDGET);
  const withFile = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      if (err instanceof InputError && err.file === undefined) throw new InputError(err.message, file, err.at);
      throw err;
    }
  };
  return withFile(() => ({
    proactive: readLabelled(file, PROACTIVE, edition, toLines(sections.proactive, PROACTIVE, edition), budget, units),
    applications: readLabelled(file, APPLICATIONS, edition, toLines(sections.applications, APPLICATIONS, edition), budget),
    appeals: readFlatAppeals(file, edition, toLines(sections.appeals, APPEALS, edition), budget),
  }));
}
