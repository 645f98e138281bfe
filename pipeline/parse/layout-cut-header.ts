/**
 * Table 三's column headers on a page that a page break cut them at: the end of each column's word printed at the top
 * of the page, its start at the foot of the page before. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { NEXT_LINES, SAME_COLUMN, centreOf, stacksReading } from './layout-header-stacks.ts';
import type { Fragment } from './layout-lines.ts';
import { normalizeText, startsItem } from './normalize.ts';
import { onlyPlacement } from './only-placement.ts';

/**
 * Columns whose header pieces a page must print, at least, for its columns to be read from them alone: two, falling
 * in the columns one way only ("组织  机构": 社会公益组织's end, then 法律服务机构's, not 科研机构's; office seed 148). The
 * columns printing nothing there stand at one place on each side, so positions place a figure only beside them.
 */
const CUT_KNOWN = 2;
/**
 * Columns that print no piece on the page, two or more together, stand at one place (TIE apart, to keep their order),
 * between their neighbours or UNSURE slots beyond the last column that does: a figure there fits each of them as well
 * (positions cannot choose among them), and one standing more than a slot off the printed column beside them fits
 * that column no better (figures stand within a slot of their header's centre).
 */
const TIE = 0.01;
/** The headers over table 三's columns. */
const GROUP_HEADERS = ['申请人情况', '法人或其他组织'];
const UNSURE = 2.5;

/**
 * The columns' centres on a page that the header goes on to, cut by the page break before it ("商业企 / 科研机 / 社会公
 * / 法律服" at the first page's foot, "业  构  益组织  务机构" at the top of the next, on a grid of its own): the pieces
 * printed there, before the table's first row, each stack of them the end of one column's word, whose start the page
 * before prints as a stack (and that page prints no figure: it holds the header only). Their words, left to right,
 * must fall in the columns in one way only, at least CUT_KNOWN of them. A column that prints no piece there, alone
 * between two that do, is put halfway; alone at either end, spaced as its two neighbours are (only it stands on that
 * side: a figure well clear of the printed columns is in it); two or more such together stand at one place (see TIE),
 * so that positions leave a figure there to the arithmetic. Null otherwise.
 */
export function cutHeaderCentres(
  lines: ReadonlyArray<{ page?: number; labels: readonly Fragment[]; values?: readonly TextCell[] }>,
  page: number | undefined,
  words: ReadonlyArray<readonly string[]>,
): number[] | null {
  if (page === undefined) return null;
  const before = Math.max(...lines.flatMap((l) => (l.page !== undefined && l.page < page ? [l.page] : [])));
  const previous = lines.filter((l) => l.page === before);
  if (previous.length === 0 || previous.some((l) => (l.values ?? []).length > 0)) return null;
  const own = lines.filter((l) => l.page === page);
  const firstRow = own.findIndex((l) => (l.values ?? []).length > 0 || l.labels.some((f) => startsItem(f.text)));
  const head = own.slice(0, firstRow < 0 ? own.length : firstRow).map((l) => l.labels);
  const chars = new Set(words.flatMap((w) => [...normalizeText(w.join(''))]));
  const pieces = head.flat().filter((f) => [...normalizeText(f.text)].every((ch) => chars.has(ch)));
  // Stacks of pieces, top to bottom ("益组 / 织"), as a header cell's lines stand.
  const stacks: Fragment[][] = [];
  const inWord = (text: string): boolean => words.some((alternatives) => alternatives.some((w) => normalizeText(w).includes(text)));
  for (const f of pieces) {
    const on = stacks.find((st) => {
      const last = st.at(-1)!;
      return last.line < f.line && f.line - last.line <= NEXT_LINES && (Math.abs(last.x - f.x) <= SAME_COLUMN || Math.abs(centreOf(last) - centreOf(f)) <= SAME_COLUMN) &&
        inWord(normalizeText([...st, f].map((g) => g.text).join('')));
    });
    if (on) on.push(f);
    else stacks.push([f]);
  }
  // The end of a header over the columns ("法人或其 / [page] / 他组织") is no column's.
  const groups = GROUP_HEADERS.map(normalizeText);
  stacks.splice(0, stacks.length, ...stacks.filter((st) => {
    const text = normalizeText(st.map((f) => f.text).join(''));
    return !groups.some((g) => g.endsWith(text)) || inWord(text) && words.some((alternatives) => alternatives.some((w) => normalizeText(w).endsWith(text)));
  }));
  if (stacks.length < CUT_KNOWN) return null;
  const at = stacks.map((st) => st.reduce((sum, f) => sum + centreOf(f), 0) / st.length);
  const order = stacks.map((_, k) => k).sort((a, b) => at[a]! - at[b]!);
  const previousLines = previous.map((l) => l.labels);
  // Each stack ends the word of some columns, whose start the page before prints.
  const ends = order.map((k) => {
    const text = normalizeText(stacks[k]!.map((f) => f.text).join(''));
    return words.flatMap((alternatives, c) => alternatives.some((w) => {
      const word = normalizeText(w);
      // The column's word whole on this page, or its end, its start on the page before.
      return word === text || (word.length > text.length && word.endsWith(text) && stacksReading(word.slice(0, word.length - text.length), previousLines).length > 0);
    }) ? [c] : []);
  });
  if (ends.some((cs) => cs.length === 0)) return null;
  const way = onlyPlacement(ends);
  if (!way) return null;
  const known = new Map(way.map((c, j) => [c, at[order[j]!]!]));
  const cols = [...known.keys()];
  const centres = words.map((_, c) => {
    if (known.has(c)) return known.get(c)!;
    const left = cols.filter((k) => k < c).at(-1);
    const right = cols.find((k) => k > c);
    const run = (right ?? words.length) - (left ?? -1) - 1;
    const offset = TIE * (c - (left ?? -1) - 1);
    if (left !== undefined && right !== undefined) {
      const [l, r] = [known.get(left)!, known.get(right)!];
      return run === 1 ? (l + r) / 2 : (l + r) / 2 + offset;
    }
    const edge = known.get(left ?? right!)!;
    if (run > 1) return left !== undefined ? edge + UNSURE + offset : edge - UNSURE - TIE * (run - 1) + offset;
    const [a, b] = left !== undefined ? [cols.at(-2)!, left] : [right!, cols[1]!];
    const step = (known.get(b)! - known.get(a)!) / (b - a);
    return edge + step * (c - (left ?? right!));
  });
  return centres.every((x, c) => c === 0 || x > centres[c - 1]!) ? centres : null;
}
