/**
 * Align a lossy table's lines with the template's rows: rows by their labels, rows without a label by the row order
 * (place-unlabelled.ts), labels alone as rows of blanks — in place, or (raw pdftotext) moved away — and the template
 * rows not printed. Pure; throws InputError when the rows cannot be aligned.
 */
import { InputError, describeLocation } from '../errors.ts';
import { type Edition, type RowDef, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { checkPlaced } from './check-placed.ts';
import { tableName } from './flat-plan.ts';
import { MIN_LABEL_SCORE, blankRows, namesRow, rawEvidence, wrappedLabel } from './flat-label-lines.ts';
import { type FlatLine, flatDataRows, groupHeadings } from './flat-rows.ts';
import { dumpedLabels, movedBefore, movedBlanks } from './moved-labels.ts';
import { type GapEvidence, placeUnlabelled } from './place-unlabelled.ts';
import type { DataRow } from './segment.ts';

export interface Aligned {
  rows: Map<RowDef, FlatLine | null>;
  missing: Set<string>;
  /** Rows placed by the template's row order (their label was lost). */
  byOrder: Set<RowDef>;
  /** Template rows that could not be placed: the reason. */
  unplaced: Map<RowDef, string>;
  /** The lines aligned (raw pdftotext: a label out of order moved to a line of its own). */
  lines: readonly FlatLine[];
  /** Raw pdftotext only (its lines hold whole cells): what its labels tell, e.g. which template rows it prints. */
  evidence?: GapEvidence;
}

/**
 * Each printed row of a labelled table (二, 三) with its line, or null for a row printed as its label alone; and the
 * template rows not printed (absent), when every printed row is placed by its label.
 */
export function alignFlat(file: string, table: TableDef, edition: Edition, lines: readonly FlatLine[]): Aligned {
  if (!lines.some((l) => l.whole)) return alignLines(file, table, edition, lines);
  // Raw pdftotext writes the labels it moved at a page break, where the next row's figures may follow them: a label
  // that stands out of the template's order before figures is taken as moved, its figures a row without a label.
  let current = lines;
  for (let tries = 0; ; tries++) {
    try {
      return alignLines(file, table, edition, current);
    } catch (err) {
      const at = err instanceof InputError && tries < MAX_DETACHED && / does not match the template row expected here /.test(err.message) ? err.at : undefined;
      const i = at ? current.findIndex((l) => l.run !== '' && l.label !== '' && l.at.line === at.line && l.at.column === at.column) : -1;
      if (i < 0) throw err;
      current = detach(current, i);
    }
  }
}

/** Labels out of order taken as moved, at most: a table needing more is not aligned. */
const MAX_DETACHED = 3;

/** The lines with line `i`'s label on a line of its own before its figures, which then have no label. */
function detach(lines: readonly FlatLine[], i: number): FlatLine[] {
  const line = lines[i]!;
  const out = [...lines.slice(0, i), { ...line, run: '' }, { ...line, label: '' }, ...lines.slice(i + 1)];
  return out.map((l, index) => ({ ...l, index }));
}

function alignLines(file: string, table: TableDef, edition: Edition, lines: readonly FlatLine[]): Aligned {
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
  return { rows: out, missing: new Set(missing.map((d) => d.code)), byOrder: new Set(placed.byOrder.keys()), unplaced: placed.unplaced, lines, ...(evidence ? { evidence } : {}) };
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
  for (const def of placed.unplaced.keys()) out.delete(def);
  const subRows = defs.filter((d) => d.code.startsWith('other.'));
  const taken = (d: RowDef): boolean => out.has(d) || placed.unplaced.has(d);
  // （六） printed alone leaves its sub-rows out — not one whose label stands in the table (raw pdftotext writes every label).
  const mayBeMissing = (def: RowDef): boolean =>
    subRows.length > 0 &&
    (def.code === 'other' ? subRows.some(taken) : subRows.includes(def) && taken(defs.find((d) => d.code === 'other')!) && !evidence?.printed(def));
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
    const blank = lines.find((l) => l.run === '' && !l.cells && !used.has(l.index) && l.index > low && l.index < high && namesRow(wrappedLabel(lines, l, defs), defs) === def &&
      (!evidence || !movedBefore(lines, defs, low, l.index, before, at)));
    if (blank && evidence && before && overflows(table, edition, before, out.get(before)!)) {
      // Raw pdftotext: the run before holds more figures than its row and no cut by the totals: some may be this
      // row's, its label written after them — not a row of blanks.
      used.add(blank.index);
      placed.unplaced.set(def, `the figures after "${before.zh}" (${describeLocation(out.get(before)!.at)}) are more than its row holds and cannot be cut into rows by their totals: some may be those of "${def.zh}", whose label stands after them (${describeLocation(blank.at)}): not read`);
    } else if (blank) {
      used.add(blank.index);
      out.set(def, null);
      inPlace.add(def);
    }
  }
  if (evidence) {
    const placing = { lines, defs, out, inPlace, unplaced: placed.unplaced, byOrder: new Set(placed.byOrder.keys()) };
    dumpedLabels(placing);
    movedBlanks(placing, fallbackOrder.filter((d) => !taken(d) && !mayBeMissing(d)), used, mayBeMissing);
  }
  return { placed, out, missing: defs.filter((def) => !taken(def) && !mayBeMissing(def)) };
}

/** A run (whole tokens: raw pdftotext) of more figures than its row has cells. */
function overflows(table: TableDef, edition: Edition, def: RowDef, line: FlatLine): boolean {
  return line.run !== '' && line.run.split(/\s+/).length > columnsOf(table, def, edition).length;
}
