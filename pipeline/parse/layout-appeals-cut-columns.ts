/**
 * Table 四's 15 column positions when its leaf headers are cut by a page break and it prints fewer figures than cells:
 * read from the pieces of the leaf headers printed on the figures' page, with help from the pieces printed before the
 * break when those pieces alone fit the columns more than one way. Pure.
 */
import type { Fragment } from './layout-lines.ts';
import { isValueText } from '../ingest/read-value.ts';
import { WIDTH } from './layout-appeals-place.ts';
import { onlyPlacement } from './only-placement.ts';
import { LEAVES, SAME_HEADER, allLeafHeaders, isLeafText, startsLeaf } from './layout-appeals-headers.ts';
import { type AppealsLine, centreOf, lineFragments, stack, stackText } from './layout-appeals-stacks.ts';

const leafOf = (text: string): number => {
  const words = LEAVES.flatMap((w, k) => (w.endsWith(text) ? [k] : []));
  return words.length === 1 ? words[0]! : -1;
};

/**
 * A table 四 whose leaf headers are cut by a page break, with fewer figures than cells: where the columns stand on the
 * figures' page, from the pieces of the leaf headers printed there ("维 / 持", "审 / 结"; each stack the end of one
 * leaf word), when their words, left to right, fall in the template's 15 columns in one way only. A column that
 * prints no piece there (a group's "总 / 计" left on the page before) is put between its neighbours (spaced as they
 * are, at either end). The figures are then placed as under a whole header (they must add up, and stand clearly
 * nearest). Null otherwise.
 */
export function columnsOnFiguresPage(lines: readonly AppealsLine[]): { centres: number[]; lastLine: number } | null {
  const headerLines = lines.filter((l) => lineFragments(l).some((f) => isLeafText(f.text)));
  if (headerLines.length === 0 || !allLeafHeaders(headerLines.flatMap(lineFragments).filter((f) => isLeafText(f.text)))) return null;
  const lastLine = headerLines.at(-1)!.line;
  const below = lines.filter((l) => l.line > lastLine);
  if (below.length === 0 || lines.some((l) => l.line <= lastLine && lineFragments(l).some((f) => isValueText(f.text)))) return null;
  if (!below.flatMap(lineFragments).every((f) => isValueText(f.text))) return null;
  const page = below[0]!.cells[0]!.page;
  if (page === undefined || below.some((l) => l.cells.some((c) => c.page !== page))) return null;
  const pieces = headerLines.filter((l) => l.cells[0]!.page === page).flatMap(lineFragments).filter((f) => isLeafText(f.text));
  const inWord = (text: string): boolean => LEAVES.some((w) => w.includes(text));
  const stacks = stack(pieces, SAME_HEADER, (st, f) => inWord(stackText(st) + f.text), (f) => inWord(f.text));
  if (!stacks || stacks.length < 2) return null;
  stacks.sort((a, b) => centreOf(a) - centreOf(b));
  const words = stacks.map((st) => leafOf(stackText(st)));
  if (words.some((w) => w < 0)) return null;
  // The ways the words fall in the 15 columns in order (each column reads LEAVES[c % 5]): exactly one.
  const columnsOf = (word: number): number[] => Array.from({ length: WIDTH }, (_, c) => c).filter((c) => c % LEAVES.length === word);
  const way = onlyPlacement(words.map(columnsOf)) ?? cutColumns(headerLines.filter((l) => l.cells[0]!.page !== page).flatMap(lineFragments).filter((f) => isLeafText(f.text)), stacks.map(stackText));
  if (!way) return null;
  const known = new Map(way.map((c, k) => [c, centreOf(stacks[k]!)]));
  const cols = [...known.keys()];
  const centres = Array.from({ length: WIDTH }, (_, c) => {
    if (known.has(c)) return known.get(c)!;
    const left = cols.filter((k) => k < c).at(-1);
    const right = cols.find((k) => k > c);
    if (left !== undefined && right !== undefined) return known.get(left)! + ((known.get(right)! - known.get(left)!) * (c - left)) / (right - left);
    // At an end: spaced as the two nearest known columns.
    const [a, b] = left !== undefined ? [cols.at(-2)!, left] : [right!, cols[1]!];
    const step = (known.get(b)! - known.get(a)!) / (b - a);
    return known.get(left ?? right!)! + step * (c - (left ?? right!));
  });
  return centres.every((x, c) => c === 0 || x > centres[c - 1]!) ? { centres, lastLine } : null;
}

/**
 * The columns a page's leaf-header pieces end (`ends`, left to right), read from the pieces printed before the page
 * break: they stack into the 15 columns in order, each reading the start of its leaf word, and the columns cut by the
 * break (their word not whole) are as many as the pieces after it and each goes on in its piece, in order ("结果维" …
 * "持"). Tells the pieces' columns when their words alone fall in the 15 columns more than one way ("持 正 果 结" twice:
 * 未经复议直接起诉 and 复议后起诉, or 行政复议 and either). Null otherwise.
 */
function cutColumns(before: readonly Fragment[], ends: readonly string[]): number[] | null {
  const stacks = stack(before, SAME_HEADER, (s, f) => startsLeaf(stackText(s) + f.text), (f) => startsLeaf(f.text));
  if (!stacks || stacks.length !== WIDTH) return null;
  stacks.sort((a, b) => centreOf(a) - centreOf(b));
  if (!stacks.every((s, c) => LEAVES[c % LEAVES.length]!.startsWith(stackText(s)))) return null;
  const cut = stacks.flatMap((s, c) => (stackText(s) === LEAVES[c % LEAVES.length] ? [] : [c]));
  if (cut.length !== ends.length || !cut.every((c, k) => stackText(stacks[c]!) + ends[k] === LEAVES[c % LEAVES.length])) return null;
  return cut;
}
