/**
 * Layout text of table 三 printed with narrow figure columns (an office suite's PDF): a figure wider than its column
 * is broken in its cell. As the row's cells are centred, the row prints on three lines — the first digits of the
 * wide figures above ("108 … 141"), the row's other figures on the middle line ("246 0 0 87 0"), the rest of the wide
 * figures below ("0 … 3"): 1080, 246, 0, 0, 87, 0, 1413 — or on two, the row's line holding the first digits of the
 * wide figures beside the others ("238 788 0 0 0 0 317" / "6 … 4": 2386 … 3174). A figure printed with a space
 * between its thousands ("2 845") breaks at the space, or stays on one line as two cells ("1 020 0 0 0 62 0 1082").
 * Join such a row back into one line of its 7 figures when and only when
 * - (three lines) the lines above and below print the same number of figures, each pair at the same position (within
 *   a slot; full-width digits, a slot each, centred within a slot: "１６２" / "２"), in columns where the middle line prints none, and the three lines print exactly the row's 7 figures;
 *   (two lines) one line prints the row's 7 figures, the line under it figures only, each centred (within a slot)
 *   under one of them, and the 7 do not add up as printed;
 *   (one line) the line prints more than 7 figures and joining the groups one space apart ("1 020") gives 7;
 * - each upper piece of a broken figure has at least two digits, and no figure printed whole in its column on the page
 *   is wider (a figure breaks where the column is full) — unless the lower piece is a thousands group of 3 digits;
 * - the row then adds up: the six applicant columns sum to 总计.
 * Full-width digits read as digits, and a note mark may follow the lower piece ("14*"). Anything else is left as
 * printed (the rows are then read, flagged or refused as they stand). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { joinPageCutFigures } from './layout-cut-figure.ts';
import { layoutLines } from './layout-lines.ts';
import { joined, onlyGrouping } from './layout-thousands.ts';
import { startsItem } from './normalize.ts';
import { isValueText, readValue } from '../ingest/read-value.ts';

const UPPER = /^[0-9０-９]+$/;
const LOWER = /^[0-9０-９]+(?:[*＊注]|[\u2460-\u2473])?$/;
const GROUP = /^[0-9]{3}$/;
const width = (c: TextCell): number => [...c.text].length;
const centre = (c: TextCell): number => c.x! + width(c) / 2;

/**
 * Whether a lower piece stands under an upper one: their first digits within a slot — or, for full-width digits (a
 * whole slot each, centred in the cell: "１６２" / "２" of １６２２), their centres within a slot.
 */
const standsUnder = (upper: TextCell, lower: TextCell): boolean =>
  Math.abs(upper.x! - lower.x!) <= 1 || (FULL_WIDTH.test(upper.text) && Math.abs(centre(upper) - centre(lower)) <= 1);
const FULL_WIDTH = /^[０-９]+$/;

const figures = (line: readonly TextCell[]): TextCell[] => line.filter((c) => readValue(c.text).kind === 'number');

/** Whether the figures, left to right, add up: the six applicant columns to 总计. */
function addsUp(cells: readonly TextCell[]): boolean {
  const values = [...cells].sort((a, b) => a.x! - b.x!).map((c) => readValue(c.text).value ?? 0);
  return values.slice(0, -1).reduce((s, v) => s + v, 0) === values.at(-1);
}

/**
 * Whether a line's text (left of its figures) goes on a label cut at the line above: there is some, and no piece of it
 * starts a numbered item ("公开", "本年 公开"; not "（二）部分").
 */
function goesOn(line: readonly TextCell[]): boolean {
  const text = line.filter((c) => readValue(c.text).kind !== 'number').flatMap((c) => c.text.trim().split(/\s+/)).filter((t) => t !== '');
  return text.length > 0 && !text.some((t) => startsItem(t) || /^[（(][一二三四五六七八九十]+$/.test(t));
}

/** The rows of broken figures joined: on one page (below), then a row broken at a page's foot (layout-cut-figure.ts). */
export function joinBrokenFigures(cells: readonly TextCell[], columns: number): TextCell[] {
  return joinPageCutFigures(joinOnPage(cells, columns));
}

function joinOnPage(cells: readonly TextCell[], columns: number): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  const replace = new Map<readonly TextCell[], TextCell[]>();
  const joinedLines = new Set<number>();
  /** A figure breaks only where its column is full: no figure printed whole in that column on the page is wider. */
  const breaksHere = (upper: TextCell, lower: TextCell, page: number | undefined, skip: ReadonlySet<number>): boolean => {
    if (!UPPER.test(upper.text) || !LOWER.test(lower.text)) return false;
    if (GROUP.test(lower.text) && width(upper) <= 3) return true;
    if (width(upper) < 2) return false;
    // Pieces of a figure joined already (a row above broken the same way: "14*" of 2714*) are no figure printed whole.
    const whole = lines.flatMap((l, k) => (!skip.has(k) && !joinedLines.has(k) && l[0]!.page === page ? figures(l) : []));
    const overlaps = (w: TextCell): boolean => w.x! <= upper.x! + width(upper) && w.x! + width(w) >= upper.x!;
    return !whole.some((w) => overlaps(w) && width(w) > width(upper));
  };
  const keep = (line: readonly TextCell[], drop: readonly TextCell[]): TextCell[] => line.filter((c) => !drop.includes(c));
  /**
   * （七）总计 printed on the middle line alone, its broken figures' pieces on lines of figures only above and below
   * ("255 … 255" / "（七）总计 1" / "6 … 7": 2556, 1, 2557). The line above could be the row before's figures, the line
   * below a row of its own, but then （七）总计 would print a 总计 smaller than a figure of the outcome rows above it
   * (from （一）on), which it sums: joined only when that is so, and the joined 总计 is at least every such figure.
   */
  const closesTotal = (i: number, top: readonly TextCell[], mid: readonly TextCell[], bottom: readonly TextCell[], joinedRow: readonly TextCell[]): boolean => {
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
  };
  /**
   * The broken figures' pieces of the lines above and below, paired: each piece above with the one figure below within
   * a slot of it. A figure printed whole on either line beside the pieces ("124" / "（七）总计 7" / "9 1256": 1249, 7,
   * 1256) is one of the row's (only for （七）总计, below). Null when the pieces do not pair so.
   */
  const pairUp = (top: readonly TextCell[], bottom: readonly TextCell[], total: boolean): { pairs: Array<[TextCell, TextCell]>; whole: TextCell[] } | null => {
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
  };
  const next = (a: readonly TextCell[], b: readonly TextCell[] | undefined): boolean => b !== undefined && b[0]!.at.line! === a[0]!.at.line! + 1;
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
    if (short && (count < 3 || ((whole.length > 0 || !goesOn(below)) && !closesTotal(i, top, mid, bottom, joinedRow) && !(whole.length === 0 && below.length === bottom.length && noOther)))) continue;
    const skip = new Set([i - 1, i, i + 1]);
    if (!pairs.every(([t, b]) => standsUnder(t, b) && !mid.some((m) => Math.abs(m.x! - t.x!) <= 1) && (onlyReading || breaksHere(t, b, middle[0]!.page, skip)))) continue;
    if (!addsUp(joinedRow)) continue;
    // A short row's middle line may print no label ("三  （一）予 131 … 141" / "103" / "、 以公开 3 … 6"): its cells are
    // on the middle line, which the readers after tell from the lines around it by its first cell's line.
    if (short) for (const [k, c] of joinedRow.entries()) joinedRow[k] = { ...c, at: { ...c.at, line: middle[0]!.at.line } };
    replace.set(above, keep(above, top));
    replace.set(middle, [...keep(middle, mid), ...joinedRow]);
    replace.set(below, keep(below, bottom));
    joinedLines.add(i - 1).add(i).add(i + 1);
  }
  // Two lines: the row's 7 figures, the rest of its wide ones under them.
  for (let i = 0; i + 1 < lines.length; i++) {
    const [row, under] = [lines[i]!, lines[i + 1]!];
    if (joinedLines.has(i) || joinedLines.has(i + 1) || !next(row, under)) continue;
    const full = figures(row);
    const pieces = figures(under);
    if (pieces.length === 0 || full.length > columns) continue;
    // All 7 figures: they do not add up as printed. Fewer (a row of blanks and a few figures, "131 … 131" / "公开 6 … 6"
    // for 1316): the line under goes on the row's label (text that starts no new item), and each of the row's figures
    // has its lower piece there (the row's 总计 is at least as wide as any figure of it: it breaks as they do).
    // (Some of its figures may be printed whole, "１０ ５ … １０" / "分公开 ０ … ５" for 100, 5, 105, when neither line
    // adds up as a row of its own.)
    const some = pieces.length < full.length && !addsUp(full) && !addsUp(pieces);
    if (full.length === columns ? addsUp(full) : full.length < 2 || !goesOn(under) || (pieces.length !== full.length && !some)) continue;
    // The line under the row prints the pieces only, after a piece of a label wrapped around the row ("本   55  0  75"):
    // text left of the row's figures.
    const text = under.slice(0, under.length - pieces.length);
    if (!pieces.every((p, j) => under[text.length + j] === p) || text.some((c) => isValueText(c.text) || c.x! + width(c) >= Math.min(...full.map((f) => f.x!)))) continue;
    const over = pieces.map((p) => full.filter((f) => Math.abs(centre(f) - centre(p)) <= 1));
    if (over.some((o) => o.length !== 1) || new Set(over.map((o) => o[0])).size !== pieces.length) continue;
    const skip = new Set([i, i + 1]);
    if (!pieces.every((p, j) => breaksHere(over[j]![0]!, p, row[0]!.page, skip))) continue;
    const joinedRow = full.map((f) => {
      const j = over.findIndex((o) => o[0] === f);
      return j < 0 ? f : { ...f, text: f.text + pieces[j]!.text };
    });
    if (!addsUp(joinedRow)) continue;
    replace.set(row, [...keep(row, full), ...joinedRow]);
    replace.set(under, text);
    joinedLines.add(i).add(i + 1);
  }
  // One line: a figure printed with a space between its thousands, as two cells — one space apart, or wider (an
  // ideographic or no-break space: "2    304   359 … 2843") when joining is the only reading that adds up: not as
  // printed, nor with the line above or below (a row printing a figure a line off), nor joined another way.
  for (const [i, line] of lines.entries()) {
    const all = figures(line);
    if (joinedLines.has(i) || all.length < 2 || !line.slice(line.length - all.length).every((c) => all.includes(c))) continue;
    let together = all.length > columns ? joined(all) : all;
    if (together.length !== columns || !addsUp(together)) {
      const around = [lines[i - 1], lines[i + 1]].filter((l): l is TextCell[] => l !== undefined && (next(l, line) || next(line, l)));
      if (around.some((l) => !joinedLines.has(lines.indexOf(l)) && figures(l).length > 0 && addsUp([...figures(l), ...all]))) continue;
      const only = onlyGrouping(all, (g) => g.length <= columns && addsUp(g));
      if (only === undefined) continue;
      together = only;
    }
    replace.set(line, [...line.slice(0, line.length - all.length), ...together]);
    joinedLines.add(i);
  }
  if (replace.size === 0) return [...cells];
  const out: TextCell[] = [];
  for (const line of lines) {
    const kept = (replace.get(line) ?? line).map((c) => ({ ...c, rowEnd: false }));
    if (kept.length === 0) continue;
    kept[kept.length - 1] = { ...kept.at(-1)!, rowEnd: true };
    out.push(...kept);
  }
  return out;
}
