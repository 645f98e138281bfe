/**
 * Table 三 in layout text with narrow label columns whose rows print their figures on the line under their label
 * (not wrapped around them): a group label printed down its column one or two characters per line ("三、 / 本 / 年 /
 * 度 / …") may start on the last line of the row label beside it, whose figures follow on the next line:
 *
 *     7.属于
 *     行政执法
 *   三、 案卷
 *          15   …   1   16
 *   本
 *
 * Read as printed, "三、" starts an item on that line, so "案卷" leaves the row label above it (a row of blanks) and
 * the figures stand under a label of their own ("三、案卷"): the table was refused ("a row of figures without a
 * label … cannot be placed by its label"). The group's number goes on its next piece, under the figures ("三、本"),
 * where it starts no row of its own. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { isValueText } from '../ingest/read-value.ts';
import { layoutLines, withLinesReplaced } from './layout-lines.ts';
import { startsItem } from './normalize.ts';

/** Pieces of one label column stand within this many slots of each other, line after line. */
const SAME_COLUMN = 3;
/** The group's number alone in its piece: "三、", "（四）". */
const GROUP_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])$/;
/** A piece of a group label printed down its column: one or two characters, no number. */
const DOWN_PIECE = /^[\u4e00-\u9fff]{1,2}$/u;

const lineOf = (row: readonly TextCell[]): number => row[0]?.at.line ?? -1;
const figuresOnly = (row: readonly TextCell[]): boolean => row.length > 0 && row.every((c) => isValueText(c.text));

/** The cells, each group number that starts on the last line of the row label beside it moved onto its next piece. */
export function moveGroupStarts(cells: readonly TextCell[]): TextCell[] {
  const { lines, rest } = layoutLines(cells);
  const replace = new Map<readonly TextCell[], readonly TextCell[]>();
  for (let k = 1; k + 2 < lines.length; k++) {
    const [above, row, figures, under] = [lines[k - 1]!, lines[k]!, lines[k + 1]!, lines[k + 2]!];
    const n = lineOf(row);
    if (lineOf(above) !== n - 1 || lineOf(figures) !== n + 1 || lineOf(under) !== n + 2 || replace.has(row) || replace.has(under)) continue;
    const [number, piece, ...more] = row;
    if (!number || !piece || more.length > 0 || !GROUP_NUMBER.test(number.text.trim())) continue;
    const x = number.x ?? 0;
    const px = piece.x ?? 0;
    // The piece beside it goes on a row label above (in its column, starting no item), whose figures follow.
    if (px <= x + 1 || startsItem(piece.text) || isValueText(piece.text) || !figuresOnly(figures)) continue;
    if (!above.some((c) => !isValueText(c.text) && Math.abs((c.x ?? 0) - px) <= SAME_COLUMN)) continue;
    // The group label goes on, under the figures, in the number's column.
    const next = under.findIndex((c) => Math.abs((c.x ?? 0) - x) <= 1 && DOWN_PIECE.test(c.text.trim()));
    if (next < 0 || under.slice(0, next).length > 0) continue;
    replace.set(row, [piece]);
    replace.set(under, under.map((c, i) => (i === next ? { ...c, text: number.text.trim() + c.text.trim(), x } : c)));
  }
  if (replace.size === 0) return [...cells];
  return [...withLinesReplaced(lines, replace), ...rest];
}
