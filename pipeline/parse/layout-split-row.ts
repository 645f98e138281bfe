/**
 * A row of table 三 printed on two lines next to each other in layout text (the figure of a narrow column a line below
 * the others): whether the two lines' figures are one row. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';
import { TABLE_WIDTH } from './layout-rows-lines.ts';

/** A row's figures this many character slots apart from the other line's at least, to tell their order. */
const APART = 3;

/**
 * A row printed on two lines next to each other inside its label's lines (the figure of a narrow column a line below
 * the others: "39 … 224" / "信息公开申请数量 185" for 185, 39, 224): the two lines' figures are one row when together
 * they are at most the table's 7 figures, those of one line stand all left of the other's (APART slots clear, so their
 * order is known), and in that order the figures before the last add up to it (the last is 总计, which every row
 * printing a figure fills). Else the lines are left as they are.
 */
export function joinsSplitRow(a: readonly TextCell[], b: readonly TextCell[]): boolean {
  if (a.length === 0 || b.length === 0 || a.length + b.length > TABLE_WIDTH) return false;
  if ([...a, ...b].some((c) => c.x === undefined || readValue(c.text).kind !== 'number')) return false;
  const edges = (cells: readonly TextCell[]): [number, number] => [Math.min(...cells.map((c) => c.x!)), Math.max(...cells.map((c) => c.x! + [...c.text].length))];
  const [aFrom, aTo] = edges(a);
  const [bFrom, bTo] = edges(b);
  if (!(aTo + APART <= bFrom || bTo + APART <= aFrom)) return false;
  const values = [...a, ...b].sort((p, q) => p.x! - q.x!).map((c) => readValue(c.text).value!);
  return values.slice(0, -1).reduce((sum, v) => sum + v, 0) === values.at(-1);
}
