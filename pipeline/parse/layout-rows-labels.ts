/**
 * Where table 三's label cells stand in layout text, as the rows are rebuilt: a cell's position at a line, whether it
 * heads a group of rows, and whether the table is printed the office-suite way (labels wrapped around their row's
 * figures). Pure.
 */
import type { LabelCell, Line } from './layout-label-cells.ts';

/**
 * Where a label cell stands at a line: its last fragment up to that line (a cell that goes on across a page break
 * stands where the next page draws its column: labels are compared on one grid).
 */
export function xAt(c: LabelCell, line: number): number {
  let x = c.fragments[0]!.x;
  for (const f of c.fragments) {
    if (f.line > line) break;
    x = f.x;
  }
  return x;
}

/** A label cell that heads others: a cell further right starts within its lines. */
export function heads(c: LabelCell, cells: readonly LabelCell[]): boolean {
  return cells.some((d) => d.x > c.x + 1 && d.first >= c.first && d.first <= c.last);
}

/**
 * Whether the table is printed the office-suite way: labels wrapped around their row's figures (the figures stand on
 * an inner line of a row label's lines) in at least two rows. Other layouts are left to the rows as they are.
 */
export function centred(body: readonly Line[], cells: readonly LabelCell[]): boolean {
  const leaves = cells.filter((c) => c.last - c.first >= 2 && !heads(c, cells));
  const inner = body.filter((l) => l.values.length > 0 && leaves.some((c) => c.first < l.line && l.line < c.last));
  return inner.length >= 2;
}
