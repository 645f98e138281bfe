/**
 * A table row cut by a page break (office suites let a row run on over a page break): the previous page's last row
 * and the next page's first row stand on the same column borders, and what is printed in the second part goes on
 * what the first part holds: the rest of the label ("属于行" / "政执法案卷", "2" / "、没有现成…"), the rest of a figure
 * broken inside its cell ("362" / "4"), or a figure pushed down in its cell (padded with an ideographic space, its
 * first line blank). Joined only when nothing else can be meant: otherwise the two parts stay two rows, which the
 * parser reads or refuses, never a wrong figure. Pure.
 */
import { TABLE_IDS, TABLES } from '../model/template.ts';
import type { RuledTable, TableCell } from './pdf-table.ts';

const NEAR = 2;
/** A label that starts an item of its own: "（四）…", "2.…", "三、…". */
export const NEW_ITEM = /^(?:[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.、．]|[一二三四五六七八九十]+、)/;

const FIGURE_TEXT = /^[+\d\s.,\-—–－]+$/;
/** An item's number alone ("3.", "3、"): the start of a label wrapped after it, no figure. */
const NUMBERING = /^\s*\d+\s*[.、]\s*$/;
/** A figure, in half- or full-width digits ("０", "１２"); never an item's number alone ("3."). */
export const FIGURE = { test: (text: string): boolean => FIGURE_TEXT.test(text.normalize('NFKC')) && !NUMBERING.test(text.normalize('NFKC')) };

/** The template's row labels, whole, compared without spaces and with "、" or "．" after a number read as ".". */
const key = (text: string): string => text.normalize('NFKC').replace(/\s/g, '').replace(/^(\d+)[、.]/, '$1.');
const ROW_LABELS = new Set(TABLE_IDS.flatMap((id) => TABLES[id].rows.flatMap((r) => [r.zh, ...(r.aliases ?? [])])).map(key));
/** A whole template label ("行政处罚", "2、重复申请"): it starts a row of its own, it goes on no label. */
export const wholeLabel = (text: string): boolean => ROW_LABELS.has(key(text));

const blank = (c: TableCell | undefined): boolean => c === undefined || c.text.trim() === '';
const figure = (c: TableCell | undefined): boolean => !blank(c) && FIGURE.test(c!.text);

type Part = 'label goes on' | 'figure goes on' | 'figure starts' | 'other';

/** What a non-blank cell of the second part does with the cell above it. */
function partKind(cell: TableCell, above: TableCell | undefined): Part {
  if (figure(cell)) return figure(above) ? 'figure goes on' : blank(above) ? 'figure starts' : 'other';
  if (blank(above) || NEW_ITEM.test(cell.text.trim()) || wholeLabel(cell.text)) return 'other';
  // A number alone above ("2") and "、…" below: the label broken after its number.
  if (figure(above)) return /^\d+$/.test(above!.text.trim()) && /^[、.．]/.test(cell.text.trim()) ? 'label goes on' : 'other';
  return 'label goes on';
}

/**
 * Join the next page's first row to the previous page's last row when it is the rest of that row: every non-blank
 * cell goes on the cell above it (a label goes on a label — starting no new item, no whole template label —, a figure
 * goes on a figure), and a figure under a blank cell (pushed down in its cell) only when the two label parts make a
 * whole template label and the first alone is none. (Figures under a row with blank figures and a label of its own —
 * 规章 at a page's foot, 行政规范性文件 with its figures at the next page's head — are two rows.) Mutates both tables.
 */
export function joinCutRow(previous: RuledTable, next: RuledTable): void {
  const first = next.rows[0];
  if (!first || previous.rows.length === 0) return;
  const lastCells = previous.rows.flat().filter((c) => Math.abs(c.box.bottom - previous.box.bottom) <= NEAR);
  const pairs = first.map((cell) => ({
    cell,
    above: lastCells.find((c) => Math.abs(c.box.left - cell.box.left) <= NEAR && Math.abs(c.box.right - cell.box.right) <= NEAR),
  }));
  if (pairs.some((p) => !p.above && !blank(p.cell))) return;
  const kinds = pairs.filter((p) => !blank(p.cell)).map((p) => ({ ...p, kind: partKind(p.cell, p.above) }));
  if (kinds.length === 0 || kinds.some((k) => k.kind === 'other')) return;
  const labels = kinds.filter((k) => k.kind === 'label goes on');
  const startsFigures = kinds.some((k) => k.kind === 'figure starts');
  if (labels.length === 0 && startsFigures) return;
  if (labels.length > 0 && (startsFigures || kinds.some((k) => k.kind === 'figure goes on'))) {
    // Figures in the second part of a cut label: only when the label is then a template label, and was none before.
    const label = labels.at(-1)!;
    if (!wholeLabel(label.above!.text + label.cell.text) || wholeLabel(label.above!.text)) return;
  }
  for (const { cell, above } of pairs) if (above && !blank(cell)) above.text = blank(above) ? cell.text : above.text + cell.text;
  next.rows.shift();
}
