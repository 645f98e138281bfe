/**
 * Table 三's heading 三、本年度办理结果 as an office suite prints it beside the rows it heads (layout text): down the
 * margin one character a line ("三、" / "本" / "年" / … / "果", on every line or every other one, going on across a
 * page break), or spaced out over a line of its own ("三 、 本年 度 办理 结 果"). It names no row; but its pieces, in
 * the margin or under the label columns, would go on the labels beside them: where a page break moves the columns
 * ("1.本机关不掌握相关政府信息" + "理结果", "三、本年" + "信息", the cut label's rest) or where the spaced-out line stands
 * under the labels ("（一）予以公开" + "度"). Taken out of the body before its label cells are built (layout-rows.ts),
 * only when the pieces read the heading exactly: down the margin it is one label cell of its own, heading the rows
 * beside it; spaced out over a line of its own under the label columns it heads none and is dropped, and in a margin
 * of its own, left of the label columns, it is one label cell of its own as down the margin. Pure.
 */
import type { Fragment } from './layout-lines.ts';
import { type LabelCell, type Line, PAGE_SLOTS } from './layout-label-cells.ts';

const HEADING = '三、本年度办理结果';
/** A piece of the heading printed down the margin: one or two characters. */
const PIECE = 2;
/** Lines between two pieces down the margin (every other line; a page break, its footer and header dropped, between). */
const MAX_GAP = 10;

/** A top-level item of table 三 (一、… 四、…). */
const TOP_ITEM = /^[一二三四五六七八九十]+、/;
const textOf = (f: Fragment): string => f.text.replace(/\s+/g, '');
const isPiece = (f: Fragment): boolean => [...textOf(f)].length <= PIECE;
const leftmost = (l: Line): Fragment | undefined => l.labels.reduce<Fragment | undefined>((a, f) => (a === undefined || f.x < a.x ? f : a), undefined);

/** The heading's pieces down the margin from line `k`, each the leftmost label of its line, or null. */
function downTheMargin(body: readonly Line[], k: number): Fragment[] | null {
  const first = leftmost(body[k]!);
  if (!first || !isPiece(first) || !HEADING.startsWith(textOf(first)) || textOf(first) === '') return null;
  const pieces = [first];
  let text = textOf(first);
  for (let j = k + 1; j < body.length && text !== HEADING; j++) {
    const last = pieces.at(-1)!;
    if (body[j]!.line - last.line > MAX_GAP) return null;
    const f = leftmost(body[j]!);
    const crossed = body.slice(k, j + 1).some((l, i, all) => i > 0 && l.page !== undefined && l.page !== all[i - 1]!.page);
    if (!f || Math.abs(f.x - last.x) > (crossed ? PAGE_SLOTS : 1)) continue;
    // Something else in the margin column (a label of its own) ends it.
    if (!isPiece(f) || !HEADING.startsWith(text + textOf(f))) return null;
    pieces.push(f);
    text += textOf(f);
  }
  return text === HEADING && pieces.length > 1 ? pieces : null;
}

/**
 * The heading spaced out over a line of its own, without figures ("三 、 本 年度 办 理结果"): its pieces, and whether
 * they stand in a margin of their own, left of the label columns of the rows it heads on its page (a real report,
 * 2023 洪泽区: " 三 、本 年 度办 理 结果" beside labels from column 18, 一、 and 二、 from column 0), or null.
 */
function spacedOut(body: readonly Line[], k: number): { pieces: Fragment[]; inMargin: boolean } | null {
  const line = body[k]!;
  if (line.values.length > 0 || line.labels.length < 2) return null;
  if (line.labels.map(textOf).join('') !== HEADING) return null;
  const end = Math.max(...line.labels.map((f) => f.x + [...f.text].length));
  // The columns of the rows it heads ((一)… and 1.…); 一、/二、 span the label columns from the margin.
  const labelsFrom = Math.min(
    ...body.filter((l, i) => i !== k && l.page === line.page).flatMap((l) => l.labels.filter((f) => !TOP_ITEM.test(f.text)).map((f) => f.x)),
  );
  return { pieces: [...line.labels], inMargin: end <= labelsFrom };
}

/**
 * The body's lines without the pieces of table 三's heading printed down the margin or spaced out, and the heading
 * down the margin as a label cell of its own (to go with the cells built from the rest).
 */
export function takeMarginHeading(body: readonly Line[]): { body: Line[]; cells: LabelCell[] } {
  const drop = new Set<Fragment>();
  const cells: LabelCell[] = [];
  for (let k = 0; k < body.length; k++) {
    const spaced = spacedOut(body, k);
    const margin = spaced ? (spaced.inMargin ? spaced.pieces : null) : downTheMargin(body, k);
    for (const f of spaced?.pieces ?? margin ?? []) drop.add(f);
    if (margin) cells.push({ fragments: margin, x: margin[0]!.x, first: margin[0]!.line, last: margin.at(-1)!.line });
  }
  if (drop.size === 0) return { body: [...body], cells };
  return { body: body.map((l) => (l.labels.some((f) => drop.has(f)) ? { ...l, labels: l.labels.filter((f) => !drop.has(f)) } : l)), cells };
}
