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

const WIDTH = 7;
/** A figure stands in a column when its centre is within this many slots of that column's centre on the page. */
const IN_COLUMN = 1.5;

const centreOf = (c: TextCell): number => c.x! + [...c.text].length / 2;

/**
 * The row's 7 figures in their columns, or null: `foot` the figures printed with the row on its page, `rest` those
 * printed on the next page, `full` a row printing all 7 figures on the foot's page (its figures in column order).
 */
export function joinCutRow(foot: readonly TextCell[], rest: readonly TextCell[], full: readonly TextCell[]): TextCell[] | null {
  if (foot.length + rest.length !== WIDTH || full.length !== WIDTH || rest.length === 0) return null;
  if ([...foot, ...full].some((c) => c.x === undefined) || [...foot, ...rest].some((c) => readValue(c.text).kind !== 'number')) return null;
  const columns = foot.map((f) => {
    const near = full.map((c, k) => [k, Math.abs(centreOf(c) - centreOf(f))] as const).filter(([, d]) => d <= IN_COLUMN);
    return near.length === 1 ? near[0]![0] : -1;
  });
  if (columns.some((k) => k < 0) || !columns.every((k, j) => j === 0 || k > columns[j - 1]!)) return null;
  const free = Array.from({ length: WIDTH }, (_, k) => k).filter((k) => !columns.includes(k));
  const row: TextCell[] = new Array(WIDTH);
  columns.forEach((k, j) => { row[k] = foot[j]!; });
  free.forEach((k, j) => { row[k] = rest[j]!; });
  const values = row.map((c) => readValue(c.text).value!);
  return values.slice(0, -1).reduce((s, v) => s + v, 0) === values.at(-1) ? row : null;
}
