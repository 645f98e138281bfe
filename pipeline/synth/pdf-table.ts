/**
 * A template table laid out for the PDF: column widths, the lines of every cell (labels and headers wrapped by
 * characters inside their cell, 三、本年度办理结果 one character per line when vertical), row heights, and where a
 * page may end inside the table. Positions are relative: x from the table's left edge, rows by index.
 */
import { buildGrid, expandGrid, type Grid, type GridCell } from './grid.ts';
import { emWidth, textWidth, verticalLines, wrapEm } from './pdf-measure.ts';
import { type PrintStyle, printValue } from './print.ts';
import type { CompactReport } from './types.ts';
import type { TableId } from '../model/template.ts';

export interface TableStyle {
  size: number;
  /** Height of one line of text in a cell. */
  lineHeight: number;
  padX: number;
  padY: number;
  /** Narrow label columns, so that many labels wrap. */
  narrowLabels: boolean;
  /** 三、本年度办理结果 one character per line, or wrapped like any label. */
  resultLabel: 'vertical' | 'wrapped';
  numbering: '.' | '、';
  print: PrintStyle;
  /** The table's outer border left undrawn on this side (office suites allow it). */
  openSide?: 'left' | 'right' | 'top' | 'bottom';
  /**
   * Columns as office suites often print them: the table `share` of the text width, its label columns `labelEm`
   * characters wide (labels wrap over four to six lines and more: "第三方 / 合法权 / 益"), the value columns sharing
   * what is left (narrow: headers wrap a character or two a line, and a figure wider than its column breaks inside
   * its cell, "11 / 3"). With `numberAlone`, a numbered label that wraps puts its number on a line of its own ("3." /
   * "其他"), as LibreOffice breaks after a number set in a Latin font.
   */
  narrowColumns?: { share: number; labelEm: number; numberAlone: boolean };
}

export interface LaidCell {
  cell: GridCell;
  row: number;
  col: number;
  lines: string[];
  align: 'left' | 'center';
}

export interface TableLayout {
  table: TableId;
  style: TableStyle;
  /** Column edges from the table's left edge: columns + 1 values, the last one the table's width. */
  edges: number[];
  heights: number[];
  cells: LaidCell[];
  /** breakable[r]: a page may end before row r (never inside a row, never between headers and the first row). */
  breakable: boolean[];
}

function cellText(grid: Grid, cell: GridCell, print: PrintStyle): string {
  return cell.kind === 'value' ? printValue(grid.table, cell.ref!.column, cell.value ?? null, print) : cell.text;
}

/** Column widths in points, summing to `width`; value columns are never narrower than the values they print. */
function columnWidths(grid: Grid, width: number, s: TableStyle): number[] {
  const minimum = Array<number>(grid.columns).fill(0);
  for (const row of expandGrid(grid)) {
    for (const { cell, col, continuation } of row) {
      if (!continuation && cell.kind === 'value' && cell.colspan === 1) {
        minimum[col] = Math.max(minimum[col]!, textWidth(cellText(grid, cell, s.print), s.size) + 2 * s.padX);
      }
    }
  }
  let widths: number[];
  const narrow = s.narrowColumns;
  if (narrow) {
    const full = width * narrow.share;
    const label = narrow.labelEm * s.size + 2 * s.padX;
    if (grid.table === 'proactive') return [label, ...Array<number>(3).fill((full - label) / 3)];
    if (grid.table === 'appeals') return Array<number>(grid.columns).fill(full / grid.columns);
    const first = 2 * s.size + 2 * s.padX;
    return [first, label, label, ...Array<number>(7).fill((full - first - 2 * label) / 7)];
  }
  if (grid.table === 'proactive') {
    const label = width * (s.narrowLabels ? 0.17 : 0.3);
    widths = [label, ...Array<number>(3).fill((width - label) / 3)];
  } else if (grid.table === 'applications') {
    const first = 2 * s.size + 2 * s.padX;
    const value = width * (s.narrowLabels ? 0.092 : 0.078);
    const rest = width - first - 7 * value;
    widths = [first, rest * 0.36, rest * 0.64, ...Array<number>(7).fill(value)];
  } else {
    widths = Array<number>(grid.columns).fill(width / grid.columns);
  }
  // Widen value columns that are too narrow, taking the room from the widest column.
  for (let c = 0; c < widths.length; c++) {
    const lack = minimum[c]! - widths[c]!;
    if (lack <= 0) continue;
    widths[c] = minimum[c]!;
    const widest = widths.indexOf(Math.max(...widths.filter((_, i) => i !== c)));
    widths[widest] = widths[widest]! - lack;
  }
  return widths;
}

function lineWrap(text: string, room: number, size: number): string[] {
  return text === '' ? [] : wrapEm(text, Math.max(1, room / size), { hang: false });
}

/** A label's lines; a numbered label that wraps may put its number on a line of its own. */
function labelLines(text: string, room: number, s: TableStyle): string[] {
  const lines = lineWrap(text, room, s.size);
  const numbered = /^(\d+[.、])(.+)$/.exec(text);
  return numbered && lines.length > 1 && s.narrowColumns?.numberAlone ? [numbered[1]!, ...lineWrap(numbered[2]!, room, s.size)] : lines;
}

/** A figure wider than its cell, broken between its characters as a word processor breaks it ("113" → "11", "3"). */
function figureLines(text: string, room: number, size: number): string[] {
  if (text === '' || emWidth(text) * size <= room + 1e-6 || !/^[\x21-\x7e]+$/.test(text)) return lineWrap(text, room, size);
  const lines: string[] = [''];
  for (const ch of text) {
    if (lines.at(-1) !== '' && emWidth(lines.at(-1)! + ch) * size > room + 1e-6) lines.push('');
    lines[lines.length - 1] += ch;
  }
  return lines;
}

export function layoutTable(
  table: TableId, values: CompactReport, width: number, s: TableStyle,
): TableLayout {
  const grid = buildGrid(table, values.edition, values.tables[table], { numbering: s.numbering, statedYuan: s.print.statedYuan, strayHeader: s.print.strayHeader });
  const widths = columnWidths(grid, width, s);
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  const cells: LaidCell[] = [];
  expandGrid(grid).forEach((row, r) => {
    for (const { cell, col, continuation } of row) {
      if (continuation) continue;
      const room = edges[col + cell.colspan]! - edges[col]! - 2 * s.padX;
      const text = cellText(grid, cell, s.print);
      const vertical = s.resultLabel === 'vertical' && cell.kind === 'label' && cell.rowspan > 1 && col === 0 && emWidth(text) * s.size > room;
      const lines = vertical ? verticalLines(text)
        : cell.kind === 'value' && s.narrowColumns ? figureLines(text, room, s.size)
        : cell.kind === 'label' ? labelLines(text, room, s) : lineWrap(text, room, s.size);
      cells.push({ cell, row: r, col, lines, align: cell.kind === 'label' && !vertical ? 'left' : 'center' });
    }
  });
  const need = (c: LaidCell): number => Math.max(1, c.lines.length) * s.lineHeight + 2 * s.padY;
  const heights = grid.rows.map(() => s.lineHeight + 2 * s.padY);
  for (const c of cells) if (c.cell.rowspan === 1) heights[c.row] = Math.max(heights[c.row]!, need(c));
  for (const c of cells) {
    if (c.cell.rowspan === 1) continue;
    const spanned = heights.slice(c.row, c.row + c.cell.rowspan).reduce((a, b) => a + b, 0);
    const last = c.row + c.cell.rowspan - 1;
    if (spanned < need(c)) heights[last] = heights[last]! + need(c) - spanned;
  }
  const startsWithHeader = (r: number): boolean => ['header', 'heading'].includes(grid.rows[r]?.[0]?.kind ?? '');
  const breakable = grid.rows.map((_, r) => r > grid.headerRows && !startsWithHeader(r - 1));
  return { table, style: s, edges, heights, cells, breakable };
}

/** Rows before which a forced page break may fall: mid-table where pages may end; for table 四, before its values. */
export function forcedBreakRows(layout: TableLayout): number[] {
  const n = layout.heights.length;
  const allowed = layout.breakable.map((b, r) => (b ? r : -1)).filter((r) => r >= 0);
  const middle = allowed.filter((r) => r >= n / 4 && r <= (3 * n) / 4);
  if (middle.length > 0) return middle;
  if (allowed.length > 0) return allowed;
  return [Math.max(1, n - 1)];
}
