/**
 * Where a figure of layout text stands, told by centres: a figure is centred in its cell, so a piece of a row stands
 * in a column when its centre is near that column's on the same page. Shared by the readers that put the pieces of a
 * row cut by a page break in their columns (layout-cut-row.ts, layout-cut-figure.ts). Pure.
 */
import type { TextCell } from '../ingest/types.ts';

/** A piece stands in a column when its centre is within this many slots of that column's centre on its page. */
export const IN_COLUMN = 1.5;

/** A cell's centre, in character slots (its x and the half of its width in characters). */
export const centreOf = (c: TextCell): number => c.x! + [...c.text].length / 2;

/**
 * The column of each piece, left to right, by the columns' centres on its page; null when a piece stands near no
 * column or near two, or when the pieces' columns are not in order.
 */
export function columnsByCentre(pieces: readonly TextCell[], centres: readonly number[]): number[] | null {
  const out: number[] = [];
  for (const p of pieces) {
    const near = centres.flatMap((x, k) => (Math.abs(x - centreOf(p)) <= IN_COLUMN ? [k] : []));
    if (near.length !== 1) return null;
    out.push(near[0]!);
  }
  return out.every((k, j) => j === 0 || k > out[j - 1]!) ? out : null;
}

/** Whether the last figure is the sum of those before it (a row of table 三: the six applicant columns and 总计). */
export const sumsToLast = (values: readonly number[]): boolean => values.slice(0, -1).reduce((s, v) => s + v, 0) === values.at(-1);
