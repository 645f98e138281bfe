/**
 * Layout text of table 三 printed with narrow figure columns (an office suite's PDF): each column header is wrapped
 * over several lines ("自然 / 人", "社会 / 公 / 益组 / 织"), its pieces standing at about the same character position
 * (or centred under each other: "商业企 / 业") on successive lines, among the pieces of the other headers ("申请人情况", "法人或其他组织" above them). Find each
 * column's header whole: a stack of pieces, one per line, each within a slot of the one above and at most two lines
 * below it, that reads exactly the column's word top to bottom. The column stands where its stack stands (the mean of
 * its pieces' centres). A word found at two places that are not the same column, or a column not found, or columns
 * out of order: no header (positions then say nothing). The stacks are read by layout-header-stacks.ts; a header cut
 * by a page break, by layout-cut-header.ts. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { cutHeaderCentres } from './layout-cut-header.ts';
import { stacksReading } from './layout-header-stacks.ts';
import type { Fragment } from './layout-lines.ts';
import { normalizeText } from './normalize.ts';

/** Two finds of one word within this many slots are the same column (its header printed again after a page break). */
const SAME_PLACE = 1;
/** A drawn-in column standing this near a neighbouring column's centre is not where its figures stand. */
const CROWDED = 4;
/** A column nearer a neighbour than this share of the columns' mean step is squeezed (its header line drawn in)… */
const SQUEEZED = 0.75;
/** …and a figure near it standing more than this many slots off every column's centre is off the header's grid. */
const OFF_CENTRE = 1;

/**
 * The columns' centres from header lines (their fragments, line by line), for the columns' words (each column's
 * alternatives, e.g. "商业企业"), or null. The first column's word is looked for everywhere, the others only right
 * of it (a row label's piece may read "总计" as well, in the label columns).
 */
export function headerCentres(lines: ReadonlyArray<readonly Fragment[]>, words: ReadonlyArray<readonly string[]>): (number[] & { crowded?: number[]; squeezed?: number[] }) | null {
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
  // Header lines drawn in without a single-space split: pdftotext may squeeze a line's words ("自然 … 社会   法律")
  // while the figures under them keep their places (seed 629: 社会 at slot 31, 法律 at 36, the 社会 figure at 38).
  // A column standing nearer a neighbour than SQUEEZED of the applicant columns' mean step may not be where its
  // figures stand.
  const step = centres.length > 5 ? (centres[5]! - centres[0]!) / 5 : 0;
  const squeezed = centres.filter((c, k) => step > 0 && k > 0 && k + 1 < centres.length && (c - centres[k - 1]! < SQUEEZED * step || centres[k + 1]! - c < SQUEEZED * step));
  return Object.assign(centres, { crowded: crowded.map((k) => centres[k]!), squeezed });
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
    const centres: (number[] & { crowded?: number[]; squeezed?: number[] }) | null = headerCentres(own, words) ?? cutHeaderCentres(lines, page, words);
    const first = own.find((l) => l.length > 0)?.[0];
    if (!centres || !first) continue;
    // A figure on the page standing near a crowded column (drawn in): which of the two columns it is in, the header
    // does not tell; the page then has no header (its rows are placed by the arithmetic, or flagged).
    const figures = lines.filter((l) => l.page === page).flatMap((l) => l.values ?? []).map((v) => (v.x ?? 0) + [...v.text].length / 2);
    if ((centres.crowded ?? []).some((c) => figures.some((x) => Math.abs(x - c) < CROWDED))) continue;
    // Near a squeezed column, a figure standing on no column's centre (more than OFF_CENTRE from each): the header
    // is not where the figures stand there; the page has no header either.
    const offCentre = (x: number): boolean => centres.every((c) => Math.abs(x - c) > OFF_CENTRE);
    if ((centres.squeezed ?? []).some((c) => figures.some((x) => Math.abs(x - c) < CROWDED && offCentre(x)))) continue;
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
