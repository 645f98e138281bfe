/**
 * Tables that go on over a page break. When a page ends with a table and the next page starts with a table on
 * the same columns, the second is the first's continuation: a merged label cell cut by the break ("（四）无" at
 * the foot of one page, "法提供" at the head of the next) is joined again, so the label reads whole (a blank part
 * of a cut header cell is dropped); and a row cut by the break is joined into one row (pdf-cut-row.ts). Pure.
 */
import { FIGURE, joinCutRow, NEW_ITEM } from './pdf-cut-row.ts';
import type { RuledTable, TableCell } from './pdf-table.ts';

const NEAR = 2;

function columns(table: RuledTable): number[] {
  const xs = new Set<number>([Math.round(table.box.left), Math.round(table.box.right)]);
  for (const cell of table.rows.flat()) xs.add(Math.round(cell.box.left)).add(Math.round(cell.box.right));
  return [...xs].sort((a, b) => a - b);
}

/**
 * Same columns: the same outer borders, and at least 80% of the vertical borders of the one with fewer stand where
 * the other has one (a part that holds only header rows, with their merged cells, has fewer borders).
 */
export function sameColumns(a: RuledTable, b: RuledTable): boolean {
  const [xa, xb] = [columns(a), columns(b)];
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= NEAR;
  const [few, many] = xa.length <= xb.length ? [xa, xb] : [xb, xa];
  const shared = few.filter((x) => many.some((y) => near(x, y))).length;
  return few.length >= 3 && shared >= 0.8 * few.length && near(xa[0]!, xb[0]!) && near(xa.at(-1)!, xb.at(-1)!);
}

/**
 * Join the continued table's cut label cells to the cells they continue: a merged label cell cut by the break
 * (it spans on past the first row of the continuation) gives its text to the label above; then a row cut by the
 * break is joined (joinCutRow). Mutates both tables.
 */
export function joinContinued(previous: RuledTable, next: RuledTable): void {
  const first = next.rows[0];
  if (!first) return;
  const lastCells = previous.rows.flat().filter((c) => Math.abs(c.box.bottom - previous.box.bottom) <= NEAR);
  const pairs = first.map((cell) => ({
    cell,
    above: lastCells.find((c) => Math.abs(c.box.left - cell.box.left) <= NEAR && Math.abs(c.box.right - cell.box.right) <= NEAR),
  }));
  const firstBottom = Math.min(...first.map((c) => c.box.bottom));
  // A first row without figures (a header or label row cut by the break): its blank cells under header text are the
  // rest of those cells ("自然人" over two header rows), not blank values.
  const noFigures = first.every((c) => c.text === '' || !FIGURE.test(c.text));
  const kept: TableCell[] = [];
  for (const { cell, above } of pairs) {
    const continues = above !== undefined && above.text !== '' && cell.text !== '' && !NEW_ITEM.test(cell.text) &&
      !FIGURE.test(cell.text) && Math.abs(cell.box.top - next.box.top) <= NEAR && cell.box.bottom > firstBottom + NEAR;
    if (continues) above.text += cell.text;
    else if (!(noFigures && cell.text === '' && above !== undefined && above.text !== '' && !FIGURE.test(above.text))) kept.push(cell);
  }
  next.rows[0] = kept;
  if (kept.length === 0) next.rows.shift();
  joinCutRow(previous, next);
}
