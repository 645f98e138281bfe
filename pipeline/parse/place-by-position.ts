/**
 * Layout text drops blank cells. Put a short row's values back in their columns by their x-positions, measured
 * against rows of the same table that have every value, or else against the column headers. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { normalizeText } from './normalize.ts';
import type { DataRow } from './segment.ts';

const centre = (c: TextCell): number => c.x! + (c.width ?? [...c.text].length) / 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The page a row's figures are printed on, when the rendering knows pages (layout text). */
export const pageOf = (cells: readonly TextCell[]): number | undefined => cells.find((c) => c.page !== undefined)?.page;

/** Whether two pages' figures stand on one character grid. */
export type SameGrid = (a: number | undefined, b: number | undefined) => boolean;

/**
 * pdftotext lays each page out on a grid of its own (table 三's columns 8 or 19 slots further left or right than on
 * the page before is common), so positions measured on one page say nothing on another unless both pages are seen to
 * share the grid: the rightmost figure edge of the table's rows (the 总计 column, which every row printing a figure
 * fills) stands at the same slot (within 1) on both. A page without figures shares no grid.
 */
export function sharedGrids(rows: readonly DataRow[]): SameGrid {
  const edge = new Map<number, number>();
  for (const r of rows) {
    for (const v of r.values) {
      if (v.page === undefined || v.x === undefined || v.text.trim() === '') continue;
      edge.set(v.page, Math.max(edge.get(v.page) ?? -Infinity, v.x + (v.width ?? [...v.text].length)));
    }
  }
  return (a, b) => a === b || (a !== undefined && b !== undefined && edge.has(a) && edge.has(b) && Math.abs(edge.get(a)! - edge.get(b)!) <= 1);
}

/**
 * Column centres from the full rows nearest the short row (columns move from page to page): in layout text only rows
 * on a page that shares the short row's grid (see sharedGrids).
 */
export function centresFromRows(row: DataRow, reference: readonly DataRow[], want: number, sameGrid: SameGrid = (a, b) => a === b): number[] | null {
  const page = pageOf(row.values);
  const full = reference
    .filter((r) => r.values.length === want && r.values.every((v) => v.x !== undefined) && sameGrid(pageOf(r.values), page))
    .sort((a, b) => Math.abs(a.index - row.index) - Math.abs(b.index - row.index))
    .slice(0, 3);
  if (full.length === 0) return null;
  return Array.from({ length: want }, (_, c) => median(full.map((r) => centre(r.values[c]!))));
}

/** Column centres from header cells: for each column, the first header cell whose text is one of its words. */
export function centresFromHeader(header: readonly TextCell[], words: ReadonlyArray<readonly string[]>): number[] | null {
  // A loop into a literal, ended by the first word not found, not map: map's array was of another kind by what it
  // held (nulls, whole or fractional centres), and the compiled function was thrown away at a kind met late.
  const centres: number[] = [];
  for (const alternatives of words) {
    const cell = header.find((c) => c.x !== undefined && alternatives.includes(normalizeText(c.text)));
    if (!cell) return null;
    centres.push(centre(cell));
  }
  return centres.every((c, k) => k === 0 || c > centres[k - 1]!) ? centres : null;
}

/**
 * A value stands clearly in a column when it is at most this share of the way from the column's centre to the
 * neighbouring column's on its side (at 0.5 it would stand halfway between the two: a coin toss).
 */
const CLEAR = 0.35;

/**
 * The row's values in their columns (blanks where nothing was printed), or null when positions are unknown or do not
 * decide: a value that stands between two columns is never put in one of them by a guess (the caller then refuses
 * the row with the count it expected).
 */
export function placeByPosition(row: DataRow, centres: readonly number[] | null): TextCell[] | null {
  const want = centres?.length ?? 0;
  if (!centres || row.values.some((v) => v.x === undefined) || row.values.length > want) return null;
  const placed: Array<TextCell | undefined> = new Array(want);
  let next = 0;
  for (const [k, value] of row.values.entries()) {
    const last = want - (row.values.length - k);
    const x = centre(value);
    let best = next;
    for (let c = next; c <= last; c++) {
      if (Math.abs(centres[c]! - x) < Math.abs(centres[best]! - x)) best = c;
    }
    if (!standsIn(x, best, centres)) return null;
    placed[best] = value;
    next = best + 1;
  }
  return Array.from(placed, (v) => v ?? { text: '', at: row.at });
}

/** Whether x is clearly nearer column c's centre than the neighbouring column's on its side (see CLEAR). */
function standsIn(x: number, c: number, centres: readonly number[]): boolean {
  const neighbour = x < centres[c]! ? centres[c - 1] : centres[c + 1];
  return neighbour === undefined || Math.abs(centres[c]! - x) <= CLEAR * Math.abs(neighbour - centres[c]!);
}

/**
 * Column centres from a header whose cells stand over their columns (possibly wrapped over several lines):
 * the centres of all header cells, merged where they are within `tolerance` of each other. Null unless that gives
 * exactly `want` columns.
 */
export function centresFromClusters(header: readonly TextCell[], want: number, tolerance = 2): number[] | null {
  const xs = header.filter((c) => c.x !== undefined && c.text.trim() !== '').map(centre).sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const last = clusters.at(-1);
    if (last && x - last.at(-1)! <= tolerance) last.push(x);
    else clusters.push([x]);
  }
  return clusters.length === want ? clusters.map(median) : null;
}

/**
 * Column centres from the header labels printed above a row: for each label, the nearest cell before the row that
 * holds it (table 二 prints a header line per block). Null unless every label is found, left to right.
 */
export function centresFromLabels(before: readonly TextCell[], labels: readonly string[]): number[] | null {
  const centres: number[] = [];
  for (const label of labels) {
    const want = normalizeText(label);
    let found: TextCell | undefined;
    for (let k = before.length - 1; k >= 0 && !found; k--) {
      const cell = before[k]!;
      const text = normalizeText(cell.text);
      if (cell.x !== undefined && text.length >= 3 && (text.includes(want) || want.includes(text))) found = cell;
    }
    if (!found) return null;
    centres.push(centre(found));
  }
  return centres.every((c, k) => k === 0 || c > centres[k - 1]!) ? centres : null;
}
