/**
 * Split a table section's cells into data rows: the label text before a run of value cells, and the run.
 * Works the same for renderings that know rows (HTML, layout text: a run ends at the row's end) and for
 * Word text, which does not (a run ends after `maxValues` cells or at the next label). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Location } from '../model/report.ts';
import { isValueText } from './read-value.ts';

export interface DataRow {
  /** Label cells on the same row just before the values ('' when the values stand on a row of their own). */
  own: string;
  /** All label text since the previous data row (wrapped labels, group headings, header text). */
  context: string;
  values: TextCell[];
  at: Location;
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
    if (cells[k]!.rowEnd) return values > 0;
  }
  return false;
}

export function segmentRows(cells: readonly TextCell[], maxValues: number): DataRow[] {
  const rows: DataRow[] = [];
  let context: string[] = [];
  let own: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const cell = cells[i]!;
    if (!isValueText(cell.text)) {
      own.push(cell.text);
      context.push(cell.text);
      if (cell.rowEnd) own = [];
      i++;
      continue;
    }
    const run: TextCell[] = [];
    let rowEnded = false;
    while (i < cells.length && run.length < maxValues && (isValueText(cells[i]!.text) || (hasNumber(run) && textInValues(cells, i, maxValues - run.length)))) {
      const value = cells[i++]!;
      run.push(value);
      if (value.rowEnd) {
        rowEnded = true;
        break;
      }
    }
    const label = own;
    own = [];
    // A short run of blank cells is layout (merged-cell placeholders, header padding), not data, unless it
    // completes a labelled row of a rendering that knows its rows.
    if (!hasNumber(run) && run.length < maxValues && !(rowEnded && label.length > 0)) continue;
    rows.push({ own: label.join(''), context: context.join(''), values: run, at: run[0]!.at });
    context = [];
  }
  return rows;
}
