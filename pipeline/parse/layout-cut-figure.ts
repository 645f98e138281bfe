/**
 * Layout text of table 三 (an office suite's PDF): a row of wide figures broken in their narrow cells at a page's foot
 * prints its pieces over the page's last two lines and goes on at the top of the next page ("（七）总计 34 … 0 0 0 15"
 * / "86 123 … 362" / [page break] / "4": 3486, 123, 0, 0, 0, 15, 3624). The next page lays its text out on a grid of
 * its own, so each page's pieces are put in columns by a row printing all 7 figures on that page (the nearest above
 * the row on its page, the nearest below the pieces on the next): a piece stands in the column whose figures it is
 * centred within a slot and a half of, and in no other. Each column's pieces, top to bottom, are its figure. Joined
 * only when
 * - the row's label line prints figures, the line under it figures only and is its page's last, and the next page's
 *   first line prints figures only;
 * - every piece stands in one column, no two pieces of a line in one, and a column's upper pieces have two digits at
 *   least (a figure breaks where its column is full);
 * - the joined row adds up (the six applicant columns to 总计), and none of the three lines does as printed.
 * Anything else is left as printed. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';
import { layoutLines, withLinesReplaced } from './layout-lines.ts';
import { isPageNumber } from './normalize.ts';
import { centreOf, columnsByCentre, sumsToLast } from './layout-centres.ts';
import { TABLE_WIDTH as WIDTH } from './layout-rows-lines.ts';
import { isFigureText } from './layout-broken-pieces.ts';

const DIGITS = /^(?:[0-9]+|[０-９]+)$/;

const isFigure = (c: TextCell): boolean => isFigureText(c.text);
const figures = (line: readonly TextCell[]): TextCell[] => line.filter(isFigure);
const valueOf = (c: TextCell): number => readValue(c.text).value ?? 0;

/** Whether figures, left to right, add up as a row: the six applicant columns to 总计. */
function addsUp(cells: readonly TextCell[]): boolean {
  const values = cells.map(valueOf);
  return values.length > 1 && sumsToLast(values);
}

/** A line printing all 7 figures, adding up: where the columns stand on its page. */
const isFull = (line: readonly TextCell[]): boolean => {
  const f = figures(line);
  return f.length === WIDTH && f.every((c) => c.x !== undefined) && addsUp(f);
};

/** The column of each piece on its page (by the full row's centres), or null when one stands in none or two. */
function columnsOf(pieces: readonly TextCell[], full: readonly TextCell[]): number[] | null {
  return columnsByCentre(pieces, figures(full).map(centreOf));
}

export function joinPageCutFigures(cells: readonly TextCell[]): TextCell[] {
  if (!cells.every((c) => c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  const body = lines.filter((l) => !isPageNumber(l.map((c) => c.text).join('').replace(/\s+/g, '')));
  const replace = new Map<readonly TextCell[], TextCell[]>();
  for (let i = 1; i + 1 < body.length; i++) {
    const [top, middle, next] = [body[i - 1]!, body[i]!, body[i + 1]!];
    const page = middle[0]!.page;
    if (page === undefined || top[0]!.page !== page || next[0]!.page === page || middle[0]!.at.line !== top[0]!.at.line! + 1) continue;
    const [t, m, b] = [figures(top), figures(middle), figures(next)];
    if (t.length === 0 || t.length === top.length || m.length !== middle.length || b.length !== next.length || b.length === 0) continue;
    if ([t, m, b].some(addsUp)) continue;
    const fullAbove = body.slice(0, i - 1).reverse().find((l) => l[0]!.page === page && isFull(l));
    const fullBelow = body.slice(i + 2).find((l) => l[0]!.page === next[0]!.page && isFull(l));
    if (!fullAbove || !fullBelow) continue;
    const placed = [columnsOf(t, fullAbove), columnsOf(m, fullAbove), columnsOf(b, fullBelow)];
    if (placed.some((p) => p === null)) continue;
    const pieces = Array.from({ length: WIDTH }, () => [] as TextCell[]);
    [t, m, b].forEach((line, n) => line.forEach((c, j) => pieces[placed[n]![j]!]!.push(c)));
    if (!pieces.some((p) => p.length > 1) || pieces.some((p) => p.length > 1 && p.some((c, j) => !DIGITS.test(c.text) || (j < p.length - 1 && [...c.text].length < 2)))) continue;
    const row = pieces.flatMap((p) => (p.length === 0 ? [] : [{ ...p[0]!, text: p.map((c) => c.text).join(''), page, at: { ...p[0]!.at, line: top[0]!.at.line }, rowEnd: false }]));
    if (!addsUp(row)) continue;
    replace.set(top, [...top.filter((c) => !isFigure(c)), ...row]);
    replace.set(middle, []);
    replace.set(next, []);
    i += 2;
  }
  if (replace.size === 0) return [...cells];
  return withLinesReplaced(lines, replace);
}
