/** Layout text's lines, as the readers of layout text take them apart. Pure. */
import type { TextCell } from '../ingest/types.ts';
import { isPageNumber } from './normalize.ts';

/** A piece of a cell's text between spaces, at its character position and line. */
export interface Fragment {
  text: string;
  x: number;
  line: number;
  cell: TextCell;
}

/** The cells of each line (a line ends at a cell with rowEnd), in order, and the cells after the last line's end. */
export function layoutLines(cells: readonly TextCell[]): { lines: TextCell[][]; rest: TextCell[] } {
  const lines: TextCell[][] = [];
  let row: TextCell[] = [];
  for (const cell of cells) {
    row.push(cell);
    if (!cell.rowEnd) continue;
    lines.push(row);
    row = [];
  }
  return { lines, rest: row };
}

/**
 * Layout text without the lines that are a page number ("- 10 -"): pdftotext prints it as value-like tokens, which
 * the layout reader makes one cell each ("-", "10", "-"), so that no single cell reads as a page number. Pure.
 */
export function dropPageNumberLines(cells: readonly TextCell[]): TextCell[] {
  const { lines, rest } = layoutLines(cells);
  const keep = lines.filter((line) => line.length < 2 || !isPageNumber(line.map((c) => c.text).join('')));
  return keep.length === lines.length ? [...cells] : [...keep.flat(), ...rest];
}

/**
 * The cells of `lines` again, each line as `replace` gives it (a line replaced by none is left out), each line's last
 * cell ending its row.
 */
export function withLinesReplaced(lines: readonly (readonly TextCell[])[], replace: ReadonlyMap<readonly TextCell[], readonly TextCell[]>): TextCell[] {
  const out: TextCell[] = [];
  for (const line of lines) {
    const kept = (replace.get(line) ?? line).map((c) => ({ ...c, rowEnd: false }));
    if (kept.length === 0) continue;
    kept[kept.length - 1] = { ...kept.at(-1)!, rowEnd: true };
    out.push(...kept);
  }
  return out;
}
