/**
 * Tables that go on over a page break. When a page ends with a table and the next page starts with a table on
 * the same columns, the second is the first's continuation: a merged label cell cut by the break ("（四）无" at
 * the foot of one page, "法提供" at the head of the next) is joined again, so the label reads whole (a blank part
 * of a cut header cell is dropped); and a row cut
 * by the break (office suites let a row run on over a page break: its label goes on at the top of the next page,
 * its figures stay in one of the two parts) is joined into one row. Pure.
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import type { RuledTable, TableCell } from './pdf-table.ts';

const NEAR = 2;
/** A label that starts an item of its own: "（四）…", "2.…", "三、…". */
const NEW_ITEM = /^(?:[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.、．]|[一二三四五六七八九十]+、)/;

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

const FIGURE_TEXT = /^[+\d\s.,\-—–－]+$/;
/** An item's number alone ("3.", "3、"): the start of a label wrapped after it, no figure. */
const NUMBERING = /^\s*\d+\s*[.、]\s*$/;
/** A figure, in half- or full-width digits ("０", "１２"); never an item's number alone ("3."). */
const FIGURE = { test: (text: string): boolean => FIGURE_TEXT.test(text.normalize('NFKC')) && !NUMBERING.test(text.normalize('NFKC')) };

/** The template's row labels, whole: a cell that holds one starts a row of its own ("行政处罚"), it goes on no label. */
const key = (text: string): string => text.normalize('NFKC').replace(/\s/g, '');
const ROW_LABELS = new Set(TABLE_IDS.flatMap((id) => TABLES[id].rows.flatMap((r) => [r.zh, ...(r.aliases ?? [])])).map(key));
const wholeLabel = (text: string): boolean => ROW_LABELS.has(key(text));

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

const blank = (c: TableCell | undefined): boolean => c === undefined || c.text.trim() === '';

/**
 * A row cut by the page break: the continuation's first row and the previous page's last row stand on the same
 * column borders; the label goes on (its second part starts no new item, is no whole template label such as table
 * 二's "行政处罚", and holds no figure), and the figures, if any, are in the first part (a cut row's cells fill from
 * the top, so its figures stay on the first page; figures only under a row with blank figures are a row of their
 * own). Then the two parts are one row: each cell's text is joined to the cell above it. Mutates both tables.
 */
export function joinCutRow(previous: RuledTable, next: RuledTable): void {
  const first = next.rows[0];
  const last = previous.rows.at(-1);
  if (!first || !last) return;
  const lastCells = previous.rows.flat().filter((c) => Math.abs(c.box.bottom - previous.box.bottom) <= NEAR);
  const pairs = first.map((cell) => ({
    cell,
    above: lastCells.find((c) => Math.abs(c.box.left - cell.box.left) <= NEAR && Math.abs(c.box.right - cell.box.right) <= NEAR),
  }));
  if (pairs.some((p) => !p.above && !blank(p.cell))) return;
  const figure = (c: TableCell | undefined): boolean => !blank(c) && FIGURE.test(c!.text);
  const goesOn = pairs.filter((p) => !blank(p.cell) && !blank(p.above));
  if (goesOn.length === 0) return;
  if (goesOn.some((p) => figure(p.cell) || figure(p.above) || NEW_ITEM.test(p.cell.text.trim()) || wholeLabel(p.cell.text))) return;
  if (pairs.some((p) => figure(p.cell))) return;
  for (const { cell, above } of pairs) if (above && !blank(cell)) above.text = blank(above) ? cell.text : above.text + cell.text;
  next.rows.shift();
}
