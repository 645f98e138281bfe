/**
 * Layout text of table 三 printed with narrow figure columns (an office suite's PDF): each column header is wrapped
 * over several lines ("自然 / 人", "社会 / 公 / 益组 / 织"), its pieces standing at about the same character position
 * (or centred under each other: "商业企 / 业") on successive lines, among the pieces of the other headers ("申请人情况", "法人或其他组织" above them). Find each
 * column's header whole: a stack of pieces, one per line, each within a slot of the one above and at most two lines
 * below it, that reads exactly the column's word top to bottom. The column stands where its stack stands (the mean of
 * its pieces' centres). A word found at two places that are not the same column, or a column not found, or columns
 * out of order: no header (positions then say nothing). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Fragment } from './layout-lines.ts';
import { normalizeText, startsItem } from './normalize.ts';

/** A piece goes on a stack within this many character slots of the piece above (its start or its centre)… */
const SAME_COLUMN = 1;
/** …at most this many lines below it. */
const NEXT_LINES = 2;
/** Two finds of one word within this many slots are the same column (its header printed again after a page break). */
const SAME_PLACE = 1;
/** A drawn-in column standing this near a neighbouring column's centre is not where its figures stand. */
const CROWDED = 4;

const centreOf = (f: Fragment): number => f.x + [...f.text.trim()].length / 2;

/** Every stack of fragments that reads `word` exactly, top to bottom, as the pieces' centres. */
function stacksReading(word: string, lines: ReadonlyArray<readonly Fragment[]>): Array<number[] & { drawnIn?: boolean }> {
  const found: Array<number[] & { drawnIn?: boolean }> = [];
  const extend = (k: number, f: Fragment, read: string, centres: number[] & { drawnIn?: boolean }): void => {
    const text = read + normalizeText(f.text);
    if (!word.startsWith(text)) return;
    const here: number[] & { drawnIn?: boolean } = Object.assign([...centres, centreOf(f)], { drawnIn: centres.drawnIn === true || /\S\s\S/.test(f.cell.text.trim()) && f.text.trim() !== f.cell.text.trim() });
    if (text === word) {
      found.push(here);
      return;
    }
    for (let j = k + 1; j < lines.length; j++) {
      const below = lines[j]!;
      if (below.length === 0) continue;
      if (below[0]!.line - f.line > NEXT_LINES) break;
      // Header cells are centred: a shorter last piece stands a slot or two right of the one above, centred under it.
      for (const g of below) if (Math.abs(g.x - f.x) <= SAME_COLUMN || Math.abs(centreOf(g) - centreOf(f)) <= SAME_COLUMN) extend(j, g, text, here);
    }
  };
  lines.forEach((line, k) => line.forEach((f) => extend(k, f, '', [])));
  return found;
}

/**
 * The columns' centres from header lines (their fragments, line by line), for the columns' words (each column's
 * alternatives, e.g. "商业企业"), or null. The first column's word is looked for everywhere, the others only right
 * of it (a row label's piece may read "总计" as well, in the label columns).
 */
export function headerCentres(lines: ReadonlyArray<readonly Fragment[]>, words: ReadonlyArray<readonly string[]>): (number[] & { crowded?: number[] }) | null {
  const centres: number[] = [];
  const drawnIn = new Set<number>();
  for (const alternatives of words) {
    const found = alternatives.flatMap((w) => stacksReading(normalizeText(w), lines));
    if (found.some((cs) => cs.drawnIn)) drawnIn.add(centres.length);
    const at = found
      .map((cs) => cs.reduce((s, c) => s + c, 0) / cs.length)
      .filter((x) => centres.length === 0 || x > centres[0]!);
    if (at.length === 0 || Math.max(...at) - Math.min(...at) > SAME_PLACE) return null;
    centres.push(at[0]!);
  }
  if (!centres.every((c, k) => k === 0 || c > centres[k - 1]!)) return null;
  // A column whose pieces were split off their cells at a single space ("社会 法律"): pdftotext drew those lines in,
  // so its centre may stand closer to its neighbour's than the columns do (3 slots where the figures stand 5 apart).
  const crowded = [...drawnIn].filter((k) => (k > 0 && centres[k]! - centres[k - 1]! < CROWDED) || (k + 1 < centres.length && centres[k + 1]! - centres[k]! < CROWDED));
  return Object.assign(centres, { crowded: crowded.map((k) => centres[k]!) });
}

/**
 * For each page whose lines give every column's header (the header printed before the table, and again at the top
 * of each page the table goes on to), one line of cells naming the columns, each standing at its column's centre
 * (x the centre, width 0), on that page, at the place of the page's first piece: what a reader of column headers
 * takes whole. `lines`: each line's label fragments and page.
 */
export function headerLines(lines: ReadonlyArray<{ page?: number; labels: readonly Fragment[]; values?: readonly TextCell[] }>, words: ReadonlyArray<readonly string[]>): TextCell[] {
  const pages = [...new Set(lines.map((l) => l.page))];
  const out: TextCell[] = [];
  for (const page of pages) {
    const own = lines.filter((l) => l.page === page).map((l) => l.labels);
    const centres: (number[] & { crowded?: number[] }) | null = headerCentres(own, words) ?? cutHeaderCentres(lines, page, words);
    const first = own.find((l) => l.length > 0)?.[0];
    if (!centres || !first) continue;
    // A figure on the page standing near a crowded column (drawn in): which of the two columns it is in, the header
    // does not tell; the page then has no header (its rows are placed by the arithmetic, or flagged).
    const figures = lines.filter((l) => l.page === page).flatMap((l) => l.values ?? []).map((v) => (v.x ?? 0) + [...v.text].length / 2);
    if ((centres.crowded ?? []).some((c) => figures.some((x) => Math.abs(x - c) < CROWDED))) continue;
    const cells: TextCell[] = centres.map((x, k) => ({
      text: words[k]!.at(-1)!,
      at: first.cell.at,
      x,
      width: 0,
      ...(page === undefined ? {} : { page }),
    }));
    cells[cells.length - 1] = { ...cells.at(-1)!, rowEnd: true };
    out.push(...cells);
  }
  return out;
}

/** Columns whose header pieces a page must print, at least, for its columns to be read from them alone. */
const CUT_KNOWN = 3;
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
function cutHeaderCentres(
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
  const ways: number[][] = [];
  const place = (k: number, from: number, chosen: number[]): void => {
    if (ways.length > 1) return;
    if (k === ends.length) {
      ways.push(chosen);
      return;
    }
    for (const c of ends[k]!) if (c >= from) place(k + 1, c + 1, [...chosen, c]);
  };
  place(0, 0, []);
  if (ways.length !== 1) return null;
  const known = new Map(ways[0]!.map((c, j) => [c, at[order[j]!]!]));
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
