/**
 * The rows of a table in Markdown (pipe tables from PDF converters or OCR): each row's cells up to its first figure
 * are its label, the cells from there on its values as printed (blank cells kept). A row of labels alone (a header,
 * a label wrapped onto a row of its own, a line between rows) is context for the row after it — or the end of the
 * label before it, split over two rows with the figures on the first; a row of figures
 * whose label cell was lost has label ''. A cell that looks like a figure misread by OCR ("1O", "l") starts the
 * values too: it is read as not a figure and flagged. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type FlatLine, isGroupHeading } from './flat-rows.ts';
import { startsItem } from './normalize.ts';
import { isValueText } from '../ingest/read-value.ts';

/** A figure with OCR letters in it (O for 0, l/I/| for 1), or such a letter alone. */
const OCR_FIGURE = /^[+\-−]?(?=[\dOoIl|,.]*\d)[\dOoIl|,.]+$|^[OoIl|]{1,2}$/;

function isFigureCell(text: string): boolean {
  const t = text.trim();
  return t !== '' && (isValueText(t) || OCR_FIGURE.test(t));
}

export function markdownLines(cells: readonly TextCell[], headings: readonly string[] = []): FlatLine[] {
  const lines: FlatLine[] = [];
  let row: TextCell[] = [];
  const flush = (): void => {
    if (row.length === 0) return;
    const first = row.findIndex((c) => isFigureCell(c.text));
    const labelCells = (first < 0 ? row : row.slice(0, first)).filter((c) => c.text.trim() !== '');
    const label = labelCells.map((c) => c.text.trim()).join('');
    if (first < 0) {
      const previous = lines.at(-1);
      // The end of a label split over two rows, its figures on the first ("| 2.其他法 | 0 | … |" then
      // "| 律行政法规禁止公开 | | … |"): a row of one label cell that starts no item goes on the label before it.
      if (previous?.cells && startsItem(previous.label) && row.length >= 2 && labelCells.length === 1 && !startsItem(label) && !isGroupHeading(label, headings)) {
        previous.label += label;
      } else if (label !== '') lines.push({ label, run: '', at: labelCells[0]!.at, index: lines.length });
      // A row of blank cells whose label cell was lost: a row of blanks without a label.
      else if (row.length >= 2) lines.push({ label: '', run: row.map(() => '·').join(' '), cells: row.map(() => ''), at: row[0]!.at, index: lines.length });
    } else {
      const values = row.slice(first).map((c) => c.text.trim());
      // Empty cells before the first figure stand in label columns or in value columns: kept, fitted to the row later.
      const lead = row.slice(labelCells.length === 0 ? 0 : row.indexOf(labelCells.at(-1)!) + 1, first).map(() => '');
      const all = [...lead, ...values];
      // A group heading kept while the row's own label cell was lost: context, and the row has no label.
      if (label !== '' && isGroupHeading(label, headings)) {
        lines.push({ label, run: '', at: labelCells[0]!.at, index: lines.length });
        lines.push({ label: '', run: all.map((v) => v || '·').join(' '), cells: all, at: row[first]!.at, index: lines.length });
        row = [];
        return;
      }
      lines.push({ label, run: all.map((v) => v || '·').join(' '), cells: all, at: row[first]!.at, index: lines.length });
    }
    row = [];
  };
  for (const cell of cells) {
    row.push(cell);
    if (cell.rowEnd) flush();
  }
  flush();
  return lines;
}
