/**
 * A table row cut by a page break, as office suites print a row that may break across pages: the page ends inside
 * the row, the row's figures and the first lines of its label stay on the first page, and the rest of its label
 * goes on at the top of the next page (in a box of its own under the same column borders, the value cells of that
 * part blank); or, in narrow columns, the label stays whole and the rest of a figure broken in its cell goes on. Modelled as the row split into two laid rows, with the page break forced between them.
 */
import type { LaidCell, TableLayout } from './pdf-table.ts';

export interface Cuttable {
  row: number;
  /** How many lines may stay on the first page. */
  keep: number[];
  /** What goes on at the top of the next page: the rest of the label, or the rest of a figure broken in its cell. */
  goesOn: 'label' | 'figure';
}

export interface CutRow {
  layout: TableLayout;
  /** The row (of the new layout) that holds the rest of the cut row's label: the page breaks before it. */
  breakBefore: number;
}

/** Lines a cell needs, at least one. */
const lineCount = (c: LaidCell): number => Math.max(1, c.lines.length);

/**
 * Rows that can be cut: a body row whose cells all start in it, whose label (the rightmost label cell) takes more
 * lines than its figures (the rest of the label goes on), or fewer than a figure broken inside its cell (narrow
 * columns: the rest of the figure goes on, "362" / "4"). Each with the numbers of lines that may stay on the first page.
 */
export function cuttableRows(layout: TableLayout): Cuttable[] {
  const out: Cuttable[] = [];
  for (let r = 0; r < layout.heights.length; r++) {
    if (!layout.breakable[r]) continue;
    const own = layout.cells.filter((c) => c.row === r);
    const labels = own.filter((c) => c.cell.kind === 'label' && c.cell.rowspan === 1);
    const values = own.filter((c) => c.cell.kind === 'value');
    if (labels.length === 0 || values.length === 0 || own.some((c) => c.cell.rowspan > 1 || c.cell.kind === 'header')) continue;
    const label = labels.reduce((a, b) => (b.col > a.col ? b : a)).lines.length;
    const figures = Math.max(...values.map(lineCount));
    // The label goes on (the figures whole on the first page), or a figure broken in its cell goes on (the label whole).
    const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    if (label > figures) out.push({ row: r, keep: range(figures, label), goesOn: 'label' });
    if (figures > label) out.push({ row: r, keep: range(Math.max(1, label), figures), goesOn: 'figure' });
  }
  return out;
}

/**
 * Split row `row` after `keep` lines: the cells that start in it are cut in two (their lines after `keep` in the
 * second part), cells that span over it span both parts, later rows move down one.
 */
export function cutRow(layout: TableLayout, row: number, keep: number): CutRow {
  const { lineHeight, padY } = layout.style;
  const cells: LaidCell[] = [];
  for (const c of layout.cells) {
    const spans = c.row < row && c.row + c.cell.rowspan > row;
    if (c.row > row) cells.push({ ...c, row: c.row + 1 });
    else if (spans) cells.push({ ...c, cell: { ...c.cell, rowspan: c.cell.rowspan + 1 } });
    else if (c.row < row) cells.push(c);
    else {
      cells.push({ ...c, lines: c.lines.slice(0, keep) });
      cells.push({ ...c, row: row + 1, cell: { ...c.cell, rowspan: 1 }, lines: c.lines.slice(keep) });
    }
  }
  const rest = Math.max(1, ...layout.cells.filter((c) => c.row === row).map((c) => c.lines.length - keep));
  const heights = [...layout.heights];
  heights.splice(row, 1, keep * lineHeight + 2 * padY, rest * lineHeight + 2 * padY);
  const breakable = [...layout.breakable];
  breakable.splice(row + 1, 0, true);
  return { layout: { ...layout, cells, heights, breakable }, breakBefore: row + 1 };
}
