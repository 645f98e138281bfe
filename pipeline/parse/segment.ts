/**
 * Split a table section's cells into data rows: the label text before a run of value cells, and the run.
 * Works the same for renderings that know rows (HTML, layout text: a run ends at the row's end) and for
 * Word text, which does not (a run ends after `maxValues` cells or at the next label). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Location } from '../model/report.ts';
import { isValueText } from '../ingest/read-value.ts';
import { keyLength, startsItem } from './normalize.ts';

export interface DataRow {
  /** The last label cell before the values: the row's own label ('' when the values stand on a row of their own). */
  label: string;
  /** All label cells on the same row before the values, e.g. a group heading and the row label. */
  own: string;
  /** All label text since the previous data row (wrapped labels, group headings, header text). */
  context: string;
  values: TextCell[];
  at: Location;
  /** Index of the row's first value cell (or of its label, for a row printed without values) in the section. */
  index: number;
  /** Label text on the lines right after the values that continues a wrapped label (layout text), until a new item. */
  after: string;
  /** Ordinal of the row (rowEnd-terminated line) within the section, for renderings that know rows. */
  line: number;
}

/**
 * The cells' texts joined. A loop, not `cells.map((c) => c.text).join('')`: map makes an array of another kind when
 * the cells are none, and a compiled segmentRows that had not met that kind yet was thrown away and compiled again.
 */
function joinTexts(cells: readonly TextCell[]): string {
  let text = '';
  for (let k = 0; k < cells.length; k++) text += cells[k]!.text;
  return text;
}

/**
 * An empty array of cells of the elements kind a run of cells has (a cell's literal, emptied): `[]` stays an array of
 * small integers' kind while nothing is pushed, and the readers of a row's `values` compiled for runs of cells
 * (sharedGrids) were thrown away when a row printed as its label alone (labelOnly, matched late) brought that kind.
 */
function noValues(cell: TextCell): TextCell[] {
  const values = [cell];
  values.pop();
  return values;
}

function hasNumber(cells: readonly TextCell[]): boolean {
  return cells.some((c) => c.text.trim() !== '');
}

/**
 * In a rendering that knows its rows, a text cell between value cells of the same row is a value that is not a
 * number ("若干"), not a new label: the row goes on with values up to its end.
 */
function textInValues(cells: readonly TextCell[], from: number, room: number): boolean {
  let values = 0;
  for (let k = from; k < cells.length && k < from + room; k++) {
    if (isValueText(cells[k]!.text)) values++;
    if (cells[k]!.rowEnd) return true;
  }
  return false;
}

/** Short text that is no label: "十", "若干", "不详" (a label has a number or a heading mark, or is long). */
function isShortText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 6 && !/^[\d０-９]+[.、．]|[（(]|[一二三四五六七八九十]、/.test(t);
}

/** Give a short row back the text values its label took, when exactly those make the row full. */
function reclaimTextValues(label: TextCell[], run: TextCell[], width: number): void {
  const missing = width - run.length;
  if (missing <= 0 || label.length <= missing) return;
  const tail = label.slice(label.length - missing);
  if (!tail.every((c) => isShortText(c.text))) return;
  label.splice(label.length - missing, missing);
  run.unshift(...tail);
}

/**
 * A row that knows its end and prints more value cells than the template has figures: a table printed without
 * colspan/rowspan (a page converted from another format), where each grid cell a merged cell covers is an empty cell
 * of its own ("一、本年新收… | | | 13612 | … | 14069", "规章 | 13 | 13 | | 524"). Those empty cells are dropped when
 * which ones they are can be told. In table 三 (`leading`: its figures are single cells, only its labels are merged,
 * so placeholders stand right after the label): when the cells too many are empty and stand first. Elsewhere (table
 * 二, whose figure cells may be merged): when the row has exactly as many empty cells as cells too many, every one of
 * them then a placeholder. Otherwise nothing is dropped and the row reads as before. Returns the row's figures, or null.
 */
function withoutPlaceholders(cells: readonly TextCell[], from: number, run: readonly TextCell[], leading: boolean): { values: TextCell[]; end: number } | null {
  let k = from;
  while (k < cells.length && isValueText(cells[k]!.text) && !cells[k]!.rowEnd) k++;
  if (k >= cells.length || !cells[k]!.rowEnd || !isValueText(cells[k]!.text)) return null;
  const row = [...run, ...cells.slice(from, k + 1)];
  const surplus = k + 1 - from;
  const blank = (c: TextCell): boolean => c.text.trim() === '';
  if (leading) return row.slice(0, surplus).every(blank) ? { values: row.slice(surplus), end: k + 1 } : null;
  return row.filter(blank).length === surplus ? { values: row.filter((c) => !blank(c)), end: k + 1 } : null;
}

/** Whole label lines after a row of values that carry on a wrapped label: they start no new numbered item. */
function continuation(cells: readonly TextCell[], from: number): string {
  let text = '';
  for (let k = from, lines = 0; k < cells.length && lines < 2; k++) {
    const cell = cells[k]!;
    if (isValueText(cell.text) || startsItem(cell.text) || /^\s*[（(]/.test(cell.text)) break;
    text += cell.text;
    if (cell.rowEnd) lines++;
  }
  return text;
}

/**
 * @param maxValues the most values a row has; a run of value cells stops there.
 * @param fixedWidth every row has exactly maxValues values (table 三): in a row that ends short, trailing cells
 *   taken for labels are text values ("十", "若干") and are given back to the values.
 */
export interface Segmented {
  rows: DataRow[];
  /** Rows of renderings that know rows whose label stands alone on its row: a row with every value blank, if the
   *  template row it names is not found elsewhere (layout text prints nothing for blank cells). */
  labelOnly: DataRow[];
}

export function segmentRows(
  cells: readonly TextCell[],
  maxValues: number,
  options: { fixedWidth?: boolean; widthOf?: (label: string) => number | undefined } = {},
): Segmented {
  const rows: DataRow[] = [];
  const labelOnly: DataRow[] = [];
  let line = 0;
  /** The label text since the previous data row, joined as it comes. */
  let context = '';
  let own: TextCell[] = [];
  let i = 0;
  while (i < cells.length) {
    const cell = cells[i]!;
    if (!isValueText(cell.text)) {
      own.push(cell);
      context += cell.text;
      if (cell.rowEnd) {
        labelOnly.push({ label: cell.text, own: joinTexts(own), context, values: noValues(cell), at: cell.at, index: i, after: '', line });
        own = [];
        line++;
      }
      i++;
      continue;
    }
    const start = i;
    const width = Math.min(maxValues, options.widthOf?.(own.at(-1)?.text ?? '') ?? maxValues);
    const run: TextCell[] = [];
    let rowEnded = false;
    while (i < cells.length && run.length < width && (isValueText(cells[i]!.text) || (hasNumber(run) && textInValues(cells, i, width - run.length)))) {
      const value = cells[i++]!;
      run.push(value);
      if (value.rowEnd) {
        rowEnded = true;
        break;
      }
    }
    if (!rowEnded && run.length === width) {
      const placed = withoutPlaceholders(cells, i, run, options.fixedWidth === true);
      if (placed) {
        run.splice(0, run.length, ...placed.values);
        i = placed.end;
        rowEnded = true;
      }
    }
    const label = own;
    own = [];
    if (options.fixedWidth && rowEnded) reclaimTextValues(label, run, maxValues);
    // A short run of blank cells is layout (merged-cell placeholders, header padding), not data, unless it
    // fills the row its label names, or completes a labelled row of a rendering that knows its rows.
    if (!hasNumber(run) && run.length < width && !(rowEnded && label.length > 0)) continue;
    rows.push({
      // A cell of one character is a piece of a vertical heading ("三、", "本", "年"), not the row's label.
      label: keyLength(label.at(-1)?.text ?? '') >= 2 ? label.at(-1)!.text : '',
      own: joinTexts(label),
      context,
      values: run,
      at: run[0]!.at,
      index: start,
      after: rowEnded ? continuation(cells, i) : '',
      line,
    });
    if (rowEnded) line++;
    context = '';
  }
  return { rows, labelOnly };
}

/** Rows (of renderings that know rows) with several cells and not one value: candidates for "text where numbers belong". */
export function rowsWithoutValues(cells: readonly TextCell[]): TextCell[][] {
  const rows: TextCell[][] = [];
  let row: TextCell[] = [];
  for (const cell of cells) {
    row.push(cell);
    if (!cell.rowEnd) continue;
    if (row.length >= 3 && !row.some((c) => isValueText(c.text))) rows.push(row);
    row = [];
  }
  return rows;
}
