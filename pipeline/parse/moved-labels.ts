/**
 * Raw pdftotext writes wrapped labels away from their place (after the table's figures, or at a page break) and
 * prints nothing for a row of blank cells: which rows' figures may then be another row's, and are not read. Pure.
 */
import { describeLocation } from '../errors.ts';
import type { RowDef } from '../model/template.ts';
import { ANCHOR_RECALL, namesRow, wrappedLabel } from './flat-label-lines.ts';
import type { FlatLine } from './flat-rows.ts';

/** What the alignment of a raw table has placed so far: the checks below take rows out of `out` into `unplaced`. */
export interface Placing {
  lines: readonly FlatLine[];
  defs: readonly RowDef[];
  out: Map<RowDef, FlatLine | null>;
  /** Rows of blank cells whose label stands in its place. */
  inPlace: ReadonlySet<RowDef>;
  /** Rows not read, with the reason. */
  unplaced: Map<RowDef, string>;
  /** Rows of figures without a label, placed by the row order. */
  byOrder: ReadonlySet<RowDef>;
}

/** Why the figures after `prev`'s label are not read: they may be `cur`'s, whose label pdftotext moved. */
function shiftedFigures(prev: RowDef, prevLine: FlatLine, cur: RowDef, curLine: FlatLine): string {
  return `the figures after "${prev.zh}" (${describeLocation(prevLine.at)}) may be that row's or those of "${cur.zh}", whose label ` +
    `stands away from its place (${describeLocation(curLine.at)}), the other row's cells then blank: which row they belong to cannot be told`;
}

/**
 * Raw pdftotext writes the labels it moved together, after the table's figures: a label alone after the row before
 * its own stands in its place only when no label between names a row out of that order (the last row's label among
 * the moved ones after 总计 is one of them, not a row of blanks in place).
 */
export function movedBefore(lines: readonly FlatLine[], defs: readonly RowDef[], low: number, index: number, before: RowDef | undefined, at: number): boolean {
  const from = before ? defs.indexOf(before) : -1;
  return lines.some((l) => {
    if (l.index <= low || l.index >= index || l.run !== '' || l.cells) return false;
    const d = namesRow(wrappedLabel(lines, l, defs), defs, ANCHOR_RECALL);
    // The row's own label wrapped onto the line before its figures is no other row's.
    return d !== undefined && (defs.indexOf(d) <= from || defs.indexOf(d) > at);
  });
}

/**
 * Raw pdftotext writes a wrapped label away from its place (after the table): a template row with no figures whose
 * label stands clearly elsewhere in the table is a row of blank cells — unless the nearest row of figures before it
 * in the template's order stands right after its own label with no row of blanks between: pdftotext prints nothing
 * for the blank cells of a row, so those figures may be that row's or this one's (its label then a row of blanks).
 * Both rows are then not read, with the reason.
 */
export function movedBlanks(placing: Placing, open: readonly RowDef[], used: Set<number>, mayBeMissing: (def: RowDef) => boolean): void {
  const { lines, defs, out, inPlace, unplaced } = placing;
  for (const def of open) {
    // （六）'s heading is no row of blanks once its sub-rows are placed (（六） is then derived from them).
    if (mayBeMissing(def)) continue;
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
    const reason = unplaced.get(doubt) ?? shiftedFigures(doubt, line!, def, moved);
    out.delete(doubt);
    unplaced.set(doubt, reason);
    unplaced.set(def, reason);
    if (line) doubtBefore(placing, doubt, line);
  }
}

/**
 * pdftotext writes the labels it moved at a page break or after the table; the last of them may stand right before
 * the figures of the next row written, whose own label was moved too: a row of figures whose label stands among
 * labels of rows out of order (since the figures before it) is not certainly that row's, nor are the rows before it
 * whose figures may have shifted (doubtBefore). Not read, with the reason.
 */
export function dumpedLabels(placing: Placing): void {
  const { lines, defs, out, unplaced, byOrder } = placing;
  const owner = new Map([...out].flatMap(([d, l]) => (l ? [[l.index, d] as const] : [])));
  for (const def of defs) {
    const line = out.get(def);
    if (!line || byOrder.has(def)) continue;
    const low = lines.slice(0, line.index).reverse().find((l) => l.run !== '' || l.cells)?.index ?? -1;
    const before = owner.get(low);
    if (!movedBefore(lines, defs, low, line.index, before, defs.indexOf(def))) continue;
    // A moved label stands after its row's figures: the figures after this label are its row's, or those of a later
    // row whose label stands after them away from its place. The next row's label in place after them rules that out.
    if (nextInPlace(lines, defs, def, line)) continue;
    unplaced.set(def, `the label "${def.zh}" (${describeLocation(line.at)}) stands among labels that pdftotext moved away from their ` +
      `place: the figures after it may be another row's, that row then blank: which row they belong to cannot be told`);
    out.delete(def);
    doubtBefore(placing, def, line);
  }
}

/** The label of the next template row printed after `def` stands after `line`, in its place. */
function nextInPlace(lines: readonly FlatLine[], defs: readonly RowDef[], def: RowDef, line: FlatLine): boolean {
  for (const next of defs.slice(defs.indexOf(def) + 1)) {
    const at = lines.find((l) => namesRow(l.run === '' && !l.cells ? wrappedLabel(lines, l, defs) : l.label, defs, ANCHOR_RECALL) === next);
    if (!at) continue; // not printed
    return at.index > line.index && !movedBefore(lines, defs, line.index, at.index, def, defs.indexOf(next));
  }
  return true; // the last row printed
}

/**
 * A row in doubt whose own label stands away from its place (labels of rows out of order before it: pdftotext moved
 * it) may itself have had its figures printed after the label of the row before it, that row then blank: the nearest
 * row of figures before it (no row of blanks in place between) is in doubt too, and so on up.
 */
function doubtBefore(placing: Placing, start: RowDef, startLine: FlatLine): void {
  const { lines, defs, out, inPlace, unplaced, byOrder } = placing;
  let cur = start;
  let line = startLine;
  for (;;) {
    let prev: RowDef | undefined;
    for (const d of defs.slice(0, defs.indexOf(cur)).reverse()) {
      if (inPlace.has(d)) return;
      if (out.get(d)) {
        prev = d;
        break;
      }
    }
    const prevLine = prev ? out.get(prev) : undefined;
    // A row placed by the row order has no label of its own: where its figures belong is as uncertain as the next's.
    if (!prev || !prevLine || (!byOrder.has(cur) && !movedBefore(lines, defs, prevLine.index, line.index, prev, defs.indexOf(cur)))) return;
    unplaced.set(prev, shiftedFigures(prev, prevLine, cur, line));
    out.delete(prev);
    cur = prev;
    line = prevLine;
  }
}

