/**
 * Table 三's short rows in layout text (place-columns.ts): a figure whose column is settled — every placement its row
 * keeps puts it there — anchors that column on its page. A figure of an open row stands in the same column when, on
 * the same page, it is centred within half a slot of it (cells are centred, so one column's figures share a centre to
 * half a slot; columns stand 3 slots apart at least), or when it is narrower and stands wholly within the anchor's
 * slots ("0" under "208": the cells of two columns do not overlap, and a figure stays within its cell). Pure.
 */
import type { TextCell } from '../ingest/types.ts';

const SAME_FIGURE_COLUMN = 0.5;

export interface Anchor { page: number; x: number; width: number; centre: number; column: number }

const widthOf = (c: TextCell): number => c.width ?? [...c.text].length;
const centreOf = (c: TextCell): number => c.x! + widthOf(c) / 2;

/** The anchors of rows (their printed figures, and the placements each keeps: the figures' columns). */
export function anchorsOf(rows: ReadonlyArray<readonly [readonly TextCell[], readonly (readonly number[])[]]>): Anchor[] {
  return rows.flatMap(([values, kept]) => values.flatMap((v, j) => {
    const column = kept[0]?.[j];
    if (column === undefined || kept.some((p) => p[j] !== column)) return [];
    return v.x === undefined || v.page === undefined ? [] : [{ page: v.page, x: v.x, width: widthOf(v), centre: centreOf(v), column }];
  }));
}

/** Whether a figure stands in an anchor's column (same page; centred on it, or narrower and within its slots). */
function underAnchor(v: TextCell, a: Anchor): boolean {
  if (v.x === undefined || v.page !== a.page) return false;
  if (Math.abs(a.centre - centreOf(v)) <= SAME_FIGURE_COLUMN) return true;
  return widthOf(v) < a.width && v.x >= a.x && v.x + widthOf(v) <= a.x + a.width;
}

/** The placements of a row that put each figure standing in one anchor's column in that column. */
export function keptByAnchors(values: readonly TextCell[], placements: readonly number[][], anchors: readonly Anchor[]): number[][] {
  return placements.filter((p) => p.every((c, j) => {
    const near = new Set(anchors.filter((a) => underAnchor(values[j]!, a)).map((a) => a.column));
    return near.size !== 1 || near.has(c);
  }));
}
