/**
 * A row of table 三 printed on three lines in layout text, its wide figures broken in their cells: the first digits of
 * the wide figures above, the row's other figures on the middle line, the rest of the wide figures below ("108 … 141"
 * / "246 0 0 87 0" / "0 … 3"), joined into one line of the row's figures when that is the only reading (see
 * layout-broken.ts for the conditions). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';
import { type Joining, addsUp, breaksHere, figures, goesOn, keep, next, standsUnder, width } from './layout-broken-pieces.ts';

/**
 * （七）总计 printed on the middle line alone, its broken figures' pieces on lines of figures only above and below
 * ("255 … 255" / "（七）总计 1" / "6 … 7": 2556, 1, 2557). The line above could be the row before's figures, the line
 * below a row of its own, but then （七）总计 would print a 总计 smaller than a figure of the outcome rows above it
 * (from （一）on), which it sums: joined only when that is so, and the joined 总计 is at least every such figure.
 */
function closesTotal(lines: readonly TextCell[][], i: number, top: readonly TextCell[], mid: readonly TextCell[], bottom: readonly TextCell[], joinedRow: readonly TextCell[]): boolean {
  const [above, middle, below] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
  const label = middle.filter((c) => !mid.includes(c)).map((c) => c.text).join('').replace(/\s+/g, '');
  if (label !== '（七）总计' || above.length !== top.length || below.length !== bottom.length) return false;
  const first = lines.findIndex((l) => l.some((c) => c.text.includes('（一）')));
  if (first < 0 || first >= i - 1) return false;
  const outcomes = lines.slice(first, i - 1).flatMap((l) => figures(l).map((c) => readValue(c.text).value ?? 0));
  const highest = Math.max(...outcomes);
  // Unjoined, the row is its middle line's figures, or those and the line under (a 总计 printed under its row) when
  // they add up as one row; when the line under prints a figure whole beside its pieces ("124" / "（七）总计 7" /
  // "9 1256"), only a row that adds up is a reading.
  const whole = top.length === bottom.length || addsUp([...mid, ...bottom]) ? [...mid, ...bottom] : mid;
  const unjoined = Math.max(...whole.map((c) => readValue(c.text).value ?? 0));
  const total = Math.max(...joinedRow.map((c) => readValue(c.text).value ?? 0));
  return highest > unjoined && total >= highest;
}

/**
 * The broken figures' pieces of the lines above and below, paired: each piece above with the one figure below within
 * a slot of it. A figure printed whole on either line beside the pieces ("124" / "（七）总计 7" / "9 1256": 1249, 7,
 * 1256) is one of the row's (only for （七）总计, below). Null when the pieces do not pair so.
 */
function pairUp(top: readonly TextCell[], bottom: readonly TextCell[], total: boolean): { pairs: Array<[TextCell, TextCell]>; whole: TextCell[] } | null {
  if (top.length === bottom.length) return { pairs: top.map((t, j) => [t, bottom[j]!]), whole: [] };
  if (!total || top.length > bottom.length) return null;
  const pairs: Array<[TextCell, TextCell]> = [];
  for (const t of top) {
    const under = bottom.filter((b) => standsUnder(t, b));
    if (under.length !== 1) return null;
    pairs.push([t, under[0]!]);
  }
  const whole = bottom.filter((b) => !pairs.some(([, p]) => p === b));
  // A whole figure stands clear of the pieces (2 slots): it is no piece of theirs.
  if (whole.some((w) => top.some((t) => w.x! <= t.x! + width(t) + 1 && w.x! + width(w) + 1 >= t.x!))) return null;
  return { pairs, whole };
}

/** Join the rows printed on three lines (pieces above and below, the row's other figures between). */
export function joinThreeLines(s: Joining): void {
  const { lines, columns, replace, joinedLines } = s;
  // Three lines: pieces above and below, the row's other figures between.
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, middle, below] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
    if (joinedLines.has(i - 1) || !next(above, middle) || !next(middle, below)) continue;
    const [top, mid, bottom] = [figures(above), figures(middle), figures(below)];
    // （七）总计 alone on the middle line may print a figure whole on the line under, beside the pieces.
    const total = middle.filter((c) => !mid.includes(c)).map((c) => c.text).join('').replace(/\s+/g, '') === '（七）总计';
    // A row printing all its figures may print one whole on the line under, too ("3 … 34" / "122 0 0 0" / "326 … 15 63":
    // 3326, 122, 0, 0, 0, 15, 3463): then the three lines print exactly its figures.
    const paired = top.length === 0 || mid.length === 0 ? null : pairUp(top, bottom, total || mid.length + bottom.length === columns);
    if (paired === null) continue;
    const { pairs, whole } = paired;
    const count = pairs.length + mid.length + whole.length;
    if (count > columns) continue;
    const joinedRow: TextCell[] = [...pairs.map(([t, b]) => ({ ...t, text: t.text + b.text, rowEnd: false })), ...[...mid, ...whole].map((m) => ({ ...m, rowEnd: false }))];
    joinedRow.sort((a, b) => a.x! - b.x!);
    // A row printing fewer figures (blanks print nothing), at least 3: the line below goes on the row's label (no new
    // item), or the row is （七）总计 printed alone between its pieces.
    const short = count < columns;
    if (whole.length > 0 && !short && !(count === columns && mid.length + bottom.length === columns)) continue;
    // LibreOffice may break a figure where a wider one fits whole (proportional digits: "3463" as "34" / "63" under a
    // whole "164"): a row printing all its figures is joined all the same when no line, nor two next to each other,
    // adds up as a row of its own (a lone figure other than 0 never does), so that joined is the only reading.
    const before = i >= 2 && next(lines[i - 2]!, above) ? figures(lines[i - 2]!) : [];
    const after = i + 2 < lines.length && next(below, lines[i + 2]) ? figures(lines[i + 2]!) : [];
    const noOther = ![top, mid, bottom, [...top, ...mid], [...mid, ...bottom], [...before, ...top], [...bottom, ...after]].some((l) => l.length > 0 && addsUp(l));
    const onlyReading = count === columns && noOther;
    // A short row whose line below prints figures only ("120 … 138" / "政府信息公开 181" / "7 … 8": 1207, 181, 1388)
    // is joined too when that is the only reading (its pieces centred under each other, below, as for any row).
    if (short && (count < 3 || ((whole.length > 0 || !goesOn(below)) && !closesTotal(lines, i, top, mid, bottom, joinedRow) && !(whole.length === 0 && below.length === bottom.length && noOther)))) continue;
    const skip = new Set([i - 1, i, i + 1]);
    if (!pairs.every(([t, b]) => standsUnder(t, b) && !mid.some((m) => Math.abs(m.x! - t.x!) <= 1) && (onlyReading || breaksHere(s, t, b, middle[0]!.page, skip)))) continue;
    if (!addsUp(joinedRow)) continue;
    // A short row's middle line may print no label ("三  （一）予 131 … 141" / "103" / "、 以公开 3 … 6"): its cells are
    // on the middle line, which the readers after tell from the lines around it by its first cell's line.
    if (short) for (const [k, c] of joinedRow.entries()) joinedRow[k] = { ...c, at: { ...c.at, line: middle[0]!.at.line } };
    replace.set(above, keep(above, top));
    replace.set(middle, [...keep(middle, mid), ...joinedRow]);
    replace.set(below, keep(below, bottom));
    joinedLines.add(i - 1).add(i).add(i + 1);
  }
}
