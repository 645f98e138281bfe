/**
 * Layout text of table 三 (an office suite's PDF): a row cut by a page break may print most of its figures at the
 * page's foot and the rest beside its label's lines on the next page ("2   16 0 0 18 0 217" / [page break] /
 * "、没有现成 … 息   183": 183, 16, 0, 0, 18, 0, 217). The next page lays its text out on a grid of its own, so where
 * the rest stands there says nothing of its column. The row's own page does: a row printing all 7 figures on that page
 * shows where the columns stand, and the figures at the foot take some of them; the rest go, in order, in the columns
 * left free. Joined only when the two parts make exactly the 7 figures, each figure at the foot stands within a slot
 * and a half of one column's centre (no two in one), and the joined row adds up (the six applicant columns to 总计).
 * Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';
import { centreOf, columnsByCentre, sumsToLast } from './layout-centres.ts';
import { TABLE_WIDTH as WIDTH } from './layout-rows-lines.ts';

/**
 * The row's 7 figures in their columns, or null: `foot` the figures printed with the row on its page, `rest` those
 * printed on the next page, `full` a row printing all 7 figures on the foot's page (its figures in column order).
 */
export function joinCutRow(foot: readonly TextCell[], rest: readonly TextCell[], full: readonly TextCell[]): TextCell[] | null {
  if (foot.length + rest.length !== WIDTH || full.length !== WIDTH || rest.length === 0) return null;
  if ([...foot, ...full].some((c) => c.x === undefined) || [...foot, ...rest].some((c) => readValue(c.text).kind !== 'number')) return null;
  const columns = columnsByCentre(foot, full.map(centreOf));
  if (!columns) return null;
  const free = Array.from({ length: WIDTH }, (_, k) => k).filter((k) => !columns.includes(k));
  const row: TextCell[] = new Array(WIDTH);
  columns.forEach((k, j) => { row[k] = foot[j]!; });
  free.forEach((k, j) => { row[k] = rest[j]!; });
  return sumsToLast(row.map((c) => readValue(c.text).value!)) ? row : null;
}
