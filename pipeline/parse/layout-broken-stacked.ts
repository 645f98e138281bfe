/**
 * A row of table 三 in full-width digits printed in a column one character wide (an office suite's PDF, its header
 * stacked one character per line: "自 / 然 / 人"): a full-width digit fills the column, so a figure of two or three
 * digits breaks after every digit, one digit per line, centred on the row's line as the other cells are —
 * - three digits on three lines, the middle one on the row's line: "１ … １" / "９ ０ ０ ０ ０ ０ ９" / "０ … ０" for
 *   190, 0, 0, 0, 0, 0, 190;
 * - two digits on the lines above and below the row's line, where that column prints nothing: "５ … ５" / "０ ０ ０ ０
 *   ０" / "３ … ３" for 53, 0, 0, 0, 0, 0, 53;
 * - a line of label text ("（七）总" / "计") may stand between the pieces and the row's line ("１ … １" / "（七）总" /
 *   "８ ０ … ８" / "计" / "５ … ５" for 185);
 * - two digits on the row's line and the line under it, which goes on the row's label ("（ 1. ９ ０ … ９" / "四 本
 *   ６ … ６" for 96, 0, 0, 0, 0, 0, 96).
 * Each such row adds up as printed too (its lines 1 … 1, 9 … 9, 0 … 0 as rows of their own), so the arithmetic cannot
 * tell; what does is where the pieces stand. The lines are joined into one row of the 7 figures only when
 * - every figure on them is in full-width digits, the pieces above and below pair up in the same slots (centres within
 *   a slot), each pair over the row line's figure in its column or over no figure there, and the row then prints
 *   exactly its 7 figures; (two lines) the line under prints pieces only under figures of a row line printing 7, and
 *   no line of figures just above has a figure over one of them (then it would be the three-line form, not joined);
 * - no piece above starts with ０ (no figure does), and no figure printed whole on the page, off these lines, in a
 *   piece's column is wider than the piece (a figure breaks where its column is full);
 * - no numbered item starts on the row's line or on the lines below it up to the last piece (three lines), or on the
 *   line under, which must print label text (two lines): the lines are one row's label cell (its item starts above,
 *   or on the row's line when the row prints on two);
 * - the row then adds up: the six applicant columns sum to 总计.
 * Anything else is left as printed. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { startsItem } from './normalize.ts';
import { type Joining, addsUp, centre, figures, goesOn, isFigureText, keep, width } from './layout-broken-pieces.ts';

const FULL_WIDTH = /^[０-９]+$/;
/** At most this many lines of label text only between a row's line and its pieces above or below. */
const GAP = 1;

const allFullWidth = (cells: readonly TextCell[]): boolean => cells.every((c) => FULL_WIDTH.test(c.text));
const sameSlot = (a: TextCell, b: TextCell): boolean => Math.abs(centre(a) - centre(b)) <= 1;
/** Whether no piece of a line's text (its non-figures) starts a numbered item. */
const noItem = (line: readonly TextCell[]): boolean =>
  !line.filter((c) => !isFigureText(c.text)).flatMap((c) => c.text.trim().split(/\s+/)).some((t) => t !== '' && (startsItem(t) || /^[（(][一二三四五六七八九十]+$/.test(t)));

/**
 * The nearest line from line `m` in direction `dir` that prints figures, on the same page, with at most GAP lines of
 * text only between, every line right under the one before; its index and the text lines passed.
 */
function nearestFigures(s: Joining, m: number, dir: 1 | -1): { k: number; between: number[] } | undefined {
  const between: number[] = [];
  for (let k = m + dir; k >= 0 && k < s.lines.length; k += dir) {
    const [line, prev] = [s.lines[k]!, s.lines[k - dir]!];
    if (line[0]!.page !== prev[0]!.page || line[0]!.at.line! !== prev[0]!.at.line! + dir) return undefined;
    if (figures(line).length > 0) return { k, between };
    if (between.length >= GAP) return undefined;
    between.push(k);
  }
  return undefined;
}

/**
 * Whether line k is as printed: joined by no joiner (a line printing its 7 figures that add up is marked joined as it
 * stands, layout-broken-one-line.ts: it is still free, and its figures are whole).
 */
function unchanged(s: Joining, k: number): boolean {
  const line = s.lines[k]!;
  const now = s.replace.get(line);
  return !s.joinedLines.has(k) || (now !== undefined && now.length === line.length && now.every((c, j) => c === line[j]));
}

/** A piece's column is full: no figure printed whole in it on the page, off the lines joined, is wider. */
function breaksHere(s: Joining, piece: TextCell, page: number | undefined, skip: ReadonlySet<number>): boolean {
  const whole = s.lines.flatMap((l, k) => (!skip.has(k) && unchanged(s, k) && l[0]!.page === page ? figures(l) : []));
  const overlaps = (w: TextCell): boolean => w.x! <= piece.x! + width(piece) && w.x! + width(w) >= piece.x!;
  return !whole.some((w) => overlaps(w) && width(w) > width(piece));
}

const joinedCell = (base: TextCell, text: string, line: number): TextCell => ({ ...base, text, at: { ...base.at, line }, rowEnd: false });

/** Join the rows of full-width digits stacked one digit per line (see above). */
export function joinStackedDigits(s: Joining): void {
  const { lines, columns, replace, joinedLines } = s;
  const free = (k: number): boolean => unchanged(s, k);
  for (let m = 0; m < lines.length; m++) {
    if (!free(m)) continue;
    const row = lines[m]!;
    const mid = figures(row);
    if (mid.length === 0 || !allFullWidth(mid)) continue;
    const page = row[0]!.page;
    const rowLine = row[0]!.at.line!;
    const up = nearestFigures(s, m, -1);
    const down = nearestFigures(s, m, 1);
    // Three lines: pieces above and below.
    if (up && down && free(up.k) && free(down.k) && noItem(row)) {
      const [top, bottom] = [figures(lines[up.k]!), figures(lines[down.k]!)];
      if (top.length > 0 && top.length === bottom.length && allFullWidth(top) && allFullWidth(bottom) && top.every((t, j) => sameSlot(t, bottom[j]!) && !t.text.startsWith('０'))) {
        const over = top.map((t) => mid.filter((f) => sameSlot(f, t)));
        const skip = new Set([up.k, m, down.k]);
        const joined = over.every((o) => o.length <= 1) && new Set(over.flatMap((o) => o)).size === over.flat().length
          ? [
              ...mid.filter((f) => !over.some((o) => o[0] === f)),
              ...top.map((t, j) => joinedCell(over[j]![0] ?? t, t.text + (over[j]![0]?.text ?? '') + bottom[j]!.text, rowLine)),
            ].sort((a, b) => a.x! - b.x!)
          : [];
        const pieces = top.every((t, j) => breaksHere(s, t, page, skip) && breaksHere(s, bottom[j]!, page, skip) && (over[j]![0] === undefined || breaksHere(s, over[j]![0]!, page, skip)));
        const belowFree = [...down.between, down.k].every((k) => noItem(lines[k]!));
        if (joined.length === columns && pieces && belowFree && addsUp(joined)) {
          replace.set(lines[up.k]!, keep(lines[up.k]!, top));
          replace.set(row, [...keep(row, mid), ...joined]);
          replace.set(lines[down.k]!, keep(lines[down.k]!, bottom));
          joinedLines.add(up.k).add(m).add(down.k);
          continue;
        }
      }
    }
    // Two lines: the row's 7 figures, pieces under some of them on the line under, which goes on the row's label.
    if (mid.length !== columns || !down || down.between.length > 0 || !free(down.k)) continue;
    const under = lines[down.k]!;
    const bottom = figures(under);
    if (!allFullWidth(bottom) || !goesOn(under) || !noItem(under)) continue;
    const over = bottom.map((b) => mid.filter((f) => sameSlot(f, b)));
    if (over.some((o) => o.length !== 1) || new Set(over.map((o) => o[0])).size !== bottom.length) continue;
    if (over.some((o) => o[0]!.text.startsWith('０'))) continue;
    // A line of figures just above with a figure over one of the row's: the three-line form, which did not join.
    if (up && figures(lines[up.k]!).some((t) => mid.some((f) => sameSlot(f, t)))) continue;
    const skip = new Set([m, down.k]);
    if (!bottom.every((b, j) => breaksHere(s, b, page, skip) && breaksHere(s, over[j]![0]!, page, skip))) continue;
    const joined = mid.map((f) => {
      const j = over.findIndex((o) => o[0] === f);
      return j < 0 ? { ...f, rowEnd: false } : joinedCell(f, f.text + bottom[j]!.text, rowLine);
    });
    if (!addsUp(joined)) continue;
    replace.set(row, [...keep(row, mid), ...joined]);
    replace.set(under, keep(under, bottom));
    joinedLines.add(m).add(down.k);
  }
}
