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
import type { Cell, TableCells } from '../model/report.ts';
import { APPEALS, APPLICATIONS, type Edition, PROACTIVE, type RowDef, type TableDef, columnDef, columnsOf, rowsOf } from '../model/template.ts';
import { alignRows, checkPlaced } from './align.ts';
import { type FlatLine, flatDataRows, flatLines, ownLabel } from './flat-rows.ts';
import { labelRecall } from './normalize.ts';
import { readValue } from './read-value.ts';
import type { MoneyUnit } from './stated-unit.ts';
import { applicationEquations, solveColumns } from './solve-columns.ts';
import { Budget, REPORT_BUDGET, SEARCH_STEPS, SearchLimit, type Split, type SplitColumn, showSplit, splitRun } from './split-digits.ts';

const MIN_LABEL_SCORE = 0.3;
/** More candidate splits than this for one row: the row is not split (too ambiguous to search jointly). */
const MAX_CANDIDATES = 400;
const SHOWN = 4;

interface RowPlan {
  def: RowDef;
  line: FlatLine | null;
  columns: SplitColumn[];
  /** Splits true to the row's own arithmetic. */
  candidates: Split[];
  /** The digits alone allow one split. */
  forced: boolean;
  rules: string[];
  /** Why the row is refused, when it is. */
  refused?: string;
}

function tableName(table: TableDef): string {
  return `table ${table.zh.slice(0, 1)} (${table.zh.slice(2)})`;
}

function columnSpecs(table: TableDef, codes: readonly string[]): SplitColumn[] {
  return codes.map((c) => ({ signed: columnDef(table, c).signed, money: columnDef(table, c).money }));
}

/**
 * Each printed row of a labelled table (二, 三) with its line, or null for a row printed as its label alone; and the
 * template rows not printed (absent), when every printed row is placed by its label.
 */
function alignFlat(file: string, table: TableDef, edition: Edition, lines: readonly FlatLine[]): { rows: Map<RowDef, FlatLine | null>; missing: Set<string> } {
  const defs = rowsOf(table, edition);
  const rows = flatDataRows(lines);
  const alignment = alignRows(rows, defs);
  if (!alignment) {
    throw new InputError(`${tableName(table)} has ${rows.length} rows of figures, more than the ${defs.length} rows of the ${edition} template`, file, rows[defs.length]?.at);
  }
  const out = new Map<RowDef, FlatLine | null>();
  rows.forEach((row, i) => {
    const def = defs[alignment.assigned[i]!]!;
    if (row.label !== '' && alignment.scores[i]! < MIN_LABEL_SCORE) {
      throw new InputError(`${tableName(table)}, ${describeLocation(row.at)}: row label "${row.label}" does not match the template row expected here ("${def.zh}")`, file, row.at);
    }
    out.set(def, lines[row.index]!);
  });
  const subRows = defs.filter((d) => d.code.startsWith('other.'));
  const mayBeMissing = (def: RowDef): boolean =>
    subRows.length > 0 && (def.code === 'other' ? subRows.some((d) => out.has(d)) : subRows.includes(def) && out.has(defs.find((d) => d.code === 'other')!));
  const byOrder = [...defs.filter((d) => d.code !== 'other'), ...defs.filter((d) => d.code === 'other')];
  const used = new Set<number>();
  for (const def of byOrder) {
    if (out.has(def) || mayBeMissing(def)) continue;
    const at = defs.indexOf(def);
    const before = defs.slice(0, at).reverse().find((d) => out.get(d));
    const after = defs.slice(at + 1).find((d) => out.get(d));
    const low = before ? out.get(before)!.index : -1;
    const high = after ? out.get(after)!.index : Infinity;
    const blank = lines.find((l) => l.run === '' && l.index > low && l.index < high && !used.has(l.index) && labelRecall(ownLabel(l.label).own, def.zh) >= 0.9);
    if (blank) {
      used.add(blank.index);
      out.set(def, null);
    }
  }
  const missing = defs.filter((def) => !out.has(def) && !mayBeMissing(def));
  if (missing.length > 0) checkPlaced({ file, table: tableName(table), edition }, { rows, alignment, defs, missing });
  return { rows: out, missing: new Set(missing.map((d) => d.code)) };
}

function planRow(table: TableDef, def: RowDef, edition: Edition, line: FlatLine | null, budget: Budget): RowPlan {
  const codes = columnsOf(table, def, edition);
  const columns = columnSpecs(table, codes);
  if (!line) return { def, line, columns, candidates: [codes.map(() => '')], forced: true, rules: [] };
  const what = `${tableName(table)}, row "${def.zh}" (${describeLocation(line.at)})`;
  const rowRule = table === APPLICATIONS ? 'applications.row_total' : undefined;
  const check = rowRule
    ? (v: readonly number[]) => v.length < codes.length || v.slice(0, -1).reduce((s, x) => s + x, 0) === v[v.length - 1]
    : undefined;
  let forced = false;
  let candidates: Split[];
  try {
    forced = splitRun(line.run, columns, budget.part(SEARCH_STEPS), { what, limit: 2 }).length === 1;
    candidates = splitRun(line.run, columns, budget.part(SEARCH_STEPS), { what, check, limit: MAX_CANDIDATES + 1 });
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { def, line, columns, candidates: [], forced, rules: [], refused: `"${line.run}" can be split into ${codes.length} cells in too many ways to search` };
  }
  const plan: RowPlan = { def, line, columns, candidates, forced, rules: forced || !rowRule ? [] : [rowRule] };
  if (rowRule && candidates.length > 1) plan.rules = [rowRule];
  if (candidates.length === 0) {
    plan.refused = rowRule
      ? `no split of "${line.run}" into ${codes.length} cells makes 总计 the sum of the six applicant columns: the printed row does not add up`
      : `"${line.run}" cannot be split into ${codes.length} cells the columns can hold`;
  } else if (candidates.length > MAX_CANDIDATES) {
    plan.refused = `"${line.run}" can be split into ${codes.length} cells in more than ${MAX_CANDIDATES} ways`;
  }
  return plan;
}

function refuse(plan: RowPlan, reason: string): void {
  plan.refused = reason;
}

function ambiguity(plan: RowPlan, splits: readonly Split[]): string {
  const shown = splits.slice(0, SHOWN).map(showSplit).join(', ');
  const fit = plan.rules.length > 0 ? ' that fit the template\'s arithmetic' : '';
  return `"${plan.line?.run ?? ''}" splits ${splits.length} ways${fit} (${shown}${splits.length > SHOWN ? ', …' : ''}): not read`;
}

function refusedCell(plan: RowPlan, note: string): Cell {
  return { kind: 'text', value: null, raw: plan.line?.run ?? '', note, ...(plan.line ? { source: plan.line.at } : {}) };
}

function readCell(file: string, table: TableDef, code: string, token: string, plan: RowPlan, units: Record<string, MoneyUnit>): Cell {
  const at = plan.line?.at;
  const stated = units[code];
  const cell = readValue(token, { money: columnDef(table, code).money, ...(stated ? { statedUnit: stated } : {}) }, at);
  if (cell.kind === 'text') throw new InputError(`${tableName(table)}, row "${plan.def.zh}": cannot read "${token}"`, file, at);
  return cell.kind === 'number' && !plan.forced ? { ...cell, kind: 'inferred', inferredBy: plan.rules } : cell;
}

/** The row's cells: read from its one split, or every cell refused with the reason. */
function cellsOf(file: string, table: TableDef, codes: readonly string[], plan: RowPlan, units: Record<string, MoneyUnit> = {}): Cell[] {
  if (plan.refused !== undefined || plan.candidates.length !== 1) {
    const note = plan.refused ?? ambiguity(plan, plan.candidates);
    return codes.map(() => refusedCell(plan, note));
  }
  const split = plan.candidates[0]!;
  return codes.map((code, k) => readCell(file, table, code, split[k]!, plan, units));
}

function readLabelled(file: string, table: TableDef, edition: Edition, cells: readonly TextCell[], budget: Budget, units: Record<string, MoneyUnit> = {}): TableCells {
  const lines = flatLines(cells);
  const aligned = alignFlat(file, table, edition, lines);
  const plans = [...aligned.rows].map(([def, line]) => planRow(table, def, edition, line, budget));
  if (table === APPLICATIONS) solveApplications(plans, aligned.missing, budget);
  const out: TableCells = {};
  for (const plan of plans) {
    const codes = columnsOf(table, plan.def, edition);
    const cells = cellsOf(file, table, codes, plan, units);
    out[plan.def.code] = Object.fromEntries(codes.map((c, k) => [c, cells[k]!]));
  }
  return out;
}

/**
 * Choose table 三's splits jointly by its column rules; rows left with several splits are refused. A rule over a row
 * the source does not print is not used: the row's figures are unknown, not 0.
 */
function solveApplications(plans: RowPlan[], missing: ReadonlySet<string>, budget: Budget): void {
  const printed = new Set(plans.map((p) => p.def.code));
  const usable = plans.filter((p) => p.refused === undefined);
  const equations = applicationEquations(printed, missing).filter((e) => [...e.left, ...e.right].every((r) => usable.some((p) => p.def.code === r)));
  const values = (p: RowPlan, s: Split): number[] => s.map((t, k) => { const v = readValue(t, { money: p.columns[k]!.money }); return v.kind === 'number' ? v.value! : 0; });
  const rows = new Map(usable.map((p) => [p.def.code, p.candidates.map((s) => values(p, s))]));
  let solved: ReturnType<typeof solveColumns>;
  try {
    solved = solveColumns(rows, equations, budget.part(SEARCH_STEPS));
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    for (const plan of usable) if (plan.candidates.length > 1) refuse(plan, `${ambiguity(plan, plan.candidates).replace(/: not read$/, '')}, and choosing among them by the columns' arithmetic takes too many steps: not read`);
    return;
  }
  for (const plan of usable) {
    const touching = equations.filter((e) => e.left.includes(plan.def.code) || e.right.includes(plan.def.code)).map((e) => e.rule);
    if (plan.candidates.length === 1) continue;
    const chosen = [...solved.chosen.get(plan.def.code)!];
    if (solved.solutions === 0) {
      refuse(plan, `"${plan.line?.run}" splits ${plan.candidates.length} ways (${plan.candidates.slice(0, SHOWN).map(showSplit).join(', ')}), and no choice of splits makes the table's columns add up (${touching.join(', ')}): the source is inconsistent`);
    } else if (!solved.complete || chosen.length !== 1) {
      refuse(plan, ambiguity(plan, solved.complete ? chosen.map((i) => plan.candidates[i]!) : plan.candidates));
    } else {
      plan.candidates = [plan.candidates[chosen[0]!]!];
      plan.rules = [...plan.rules, ...touching];
    }
  }
}

/** Table 四: one run of 15 figures (three groups of five), each group's 总计 the sum of its four results. */
function readFlatAppeals(file: string, edition: Edition, cells: readonly TextCell[], budget: Budget): TableCells {
  const lines = flatLines(cells).filter((l) => l.run !== '');
  const unlabelled = lines.filter((l) => l.label === '');
  const used = unlabelled.length > 0 ? unlabelled : lines;
  const codes = APPEALS.rows.flatMap((r) => columnsOf(APPEALS, r, edition).map((c) => ({ row: r, c })));
  const columns = columnSpecs(APPEALS, codes.map((x) => x.c));
  const run = used.map((l) => l.run).join(' ');
  const at = used[0]?.at;
  const what = `${tableName(APPEALS)}${at ? ` (${describeLocation(at)})` : ''}`;
  const check = (v: readonly number[]): boolean =>
    v.length % 5 !== 0 || v.slice(-5, -1).reduce((s, x) => s + x, 0) === v[v.length - 1];
  const plan: RowPlan = { def: APPEALS.rows[0]!, line: used[0] ? { ...used[0], run } : null, columns, candidates: [codes.map(() => '')], forced: true, rules: ['appeals.row_total'] };
  try {
    if (used.length > 0) {
      plan.candidates = splitRun(run, columns, budget.part(SEARCH_STEPS), { what, check, limit: MAX_CANDIDATES + 1 });
      plan.forced = splitRun(run, columns, budget.part(SEARCH_STEPS), { what, limit: 2 }).length === 1;
    }
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    plan.refused = `"${run}" can be split into 15 cells in too many ways to search`;
  }
  if (plan.candidates.length === 0 && plan.refused === undefined) plan.refused = `no split of "${run}" into 15 cells makes each 总计 the sum of its four results: the printed figures do not add up`;
  const read = cellsOf(file, APPEALS, codes.map((x) => x.c), plan);
  const out: TableCells = Object.fromEntries(APPEALS.rows.map((r) => [r.code, {}]));
  codes.forEach(({ row, c }, k) => { out[row.code]![c] = read[k]!; });
  return out;
}

/** @param units the unit table 二 states for its money columns (stated-unit.ts). */
export function readFlatTables(
  file: string,
  edition: Edition,
  sections: Record<'proactive' | 'applications' | 'appeals', readonly TextCell[]>,
  units: Record<string, MoneyUnit> = {},
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
    proactive: readLabelled(file, PROACTIVE, edition, sections.proactive, budget, units),
    applications: readLabelled(file, APPLICATIONS, edition, sections.applications, budget),
    appeals: readFlatAppeals(file, edition, sections.appeals, budget),
  }));
}
