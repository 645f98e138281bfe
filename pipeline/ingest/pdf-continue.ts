/**
 * Tables that go on over a page break. When a page ends with a table and the next page starts with a table on
 * the same columns, the second is the first's continuation: a merged label cell cut by the break ("（四）无" at
 * the foot of one page, "法提供" at the head of the next) is joined again, so the label reads whole. Pure.
 */
import type { RuledTable, TableCell } from './pdf-table.ts';

const NEAR = 2;
/** A label that starts an item of its own: "（四）…", "2.…", "三、…". */
const NEW_ITEM = /^(?:[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.、．]|[一二三四五六七八九十]+、)/;

function columns(table: RuledTable): number[] {
  const xs = new Set<number>();
  for (const cell of table.rows.flat()) xs.add(Math.round(cell.box.left)).add(Math.round(cell.box.right));
  return [...xs].sort((a, b) => a - b);
}

/** Same columns: at least 80% of the vertical borders of each stand where the other has one. */
export function sameColumns(a: RuledTable, b: RuledTable): boolean {
  const [xa, xb] = [columns(a), columns(b)];
  const shared = xa.filter((x) => xb.some((y) => Math.abs(x - y) <= NEAR)).length;
  return shared >= 0.8 * Math.max(xa.length, xb.length) && xa.length >= 3;
}

const FIGURE = /^[\d\s.,\-—–]+$/;

/**
 * Join the continued table's cut label cells to the cells they continue: a merged label cell cut by the break
 * (it spans on past the first row of the continuation) gives its text to the label above. Mutates both tables.
 * (A single row split by the break is left as two rows: from the text alone it cannot be told from a new row under
 * one with blank figures; the parse stage reads a label line before a row as a wrapped label.)
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
  const kept: TableCell[] = [];
  for (const { cell, above } of pairs) {
    const continues = above !== undefined && above.text !== '' && cell.text !== '' && !NEW_ITEM.test(cell.text) &&
      !FIGURE.test(cell.text) && Math.abs(cell.box.top - next.box.top) <= NEAR && cell.box.bottom > firstBottom + NEAR;
    if (continues) above.text += cell.text;
    else kept.push(cell);
  }
  next.rows[0] = kept;
  if (kept.length === 0) next.rows.shift();
}
