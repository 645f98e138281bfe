/**
 * The pieces of figures broken in their cells in table 三's layout text (layout-broken.ts), and what the joiners of one,
 * two and three lines share: which cells are figures or pieces of one, where they stand, whether a row adds up,
 * whether a figure may break where it does, and the page being joined (its lines, the lines joined so far and their
 * replacements). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { startsItem } from './normalize.ts';
import { readValue } from '../ingest/read-value.ts';
import { memoised } from '../memoised.ts';
import { sumsToLast } from './layout-centres.ts';

/** A page's lines being joined: the replacement of each line joined so far, and their indices. */
export interface Joining {
  readonly lines: readonly TextCell[][];
  /** The row's figure columns (7 for table 三). */
  readonly columns: number;
  readonly replace: Map<readonly TextCell[], TextCell[]>;
  readonly joinedLines: Set<number>;
}

const UPPER = /^[0-9０-９]+$/;
const LOWER = /^[0-9０-９]+(?:[*＊注]|[\u2460-\u2473])?$/;
const GROUP = /^[0-9]{3}$/;
export const width = (c: TextCell): number => [...c.text].length;
export const centre = (c: TextCell): number => c.x! + width(c) / 2;

/**
 * Whether a lower piece stands under an upper one: their first digits within a slot — or, for full-width digits (a
 * whole slot each, centred in the cell: "１６２" / "２" of １６２２), their centres within a slot.
 */
export const standsUnder = (upper: TextCell, lower: TextCell): boolean =>
  Math.abs(upper.x! - lower.x!) <= 1 || (FULL_WIDTH.test(upper.text) && Math.abs(centre(upper) - centre(lower)) <= 1);
const FULL_WIDTH = /^[０-９]+$/;

/** Whether a cell's text reads as a figure (asked of every cell of a page again and again while joining). */
export const isFigureText = memoised((text: string): boolean => readValue(text).kind === 'number');

/**
 * A line's figures. The joiners ask for the same lines' figures again and again (each joiner for each line and its
 * neighbours, breaksHere for every line of the page), and no line is changed while a page is joined (a joined line's
 * cells are given as its replacement): a line's figures are taken once, kept as long as the line is. Callers do not
 * change the array they are given.
 */
export function figures(line: readonly TextCell[]): readonly TextCell[] {
  let out = figuresOf.get(line);
  if (out === undefined) figuresOf.set(line, out = line.filter((c) => isFigureText(c.text)));
  return out;
}
const figuresOf = new WeakMap<readonly TextCell[], readonly TextCell[]>();

/** Whether the figures, left to right, add up: the six applicant columns to 总计. */
export function addsUp(cells: readonly TextCell[]): boolean {
  const values = [...cells].sort((a, b) => a.x! - b.x!).map((c) => readValue(c.text).value ?? 0);
  return sumsToLast(values);
}

/**
 * Whether a line's text (left of its figures) goes on a label cut at the line above: there is some, and no piece of it
 * starts a numbered item ("公开", "本年 公开"; not "（二）部分").
 */
export function goesOn(line: readonly TextCell[]): boolean {
  const text = line.filter((c) => !isFigureText(c.text)).flatMap((c) => c.text.trim().split(/\s+/)).filter((t) => t !== '');
  return text.length > 0 && !text.some((t) => startsItem(t) || /^[（(][一二三四五六七八九十]+$/.test(t));
}

/** A line without the cells given. */
export const keep = (line: readonly TextCell[], drop: readonly TextCell[]): TextCell[] => line.filter((c) => !drop.includes(c));

/** Whether line `b` is the line right under `a`. */
export const next = (a: readonly TextCell[], b: readonly TextCell[] | undefined): boolean => b !== undefined && b[0]!.at.line! === a[0]!.at.line! + 1;

/** A figure breaks only where its column is full: no figure printed whole in that column on the page is wider. */
export function breaksHere(s: Joining, upper: TextCell, lower: TextCell, page: number | undefined, skip: ReadonlySet<number>): boolean {
  if (!UPPER.test(upper.text) || !LOWER.test(lower.text)) return false;
  if (GROUP.test(lower.text) && width(upper) <= 3) return true;
  if (width(upper) < 2) return false;
  // Pieces of a figure joined already (a row above broken the same way: "14*" of 2714*) are no figure printed whole.
  const whole = s.lines.flatMap((l, k) => (!skip.has(k) && !s.joinedLines.has(k) && l[0]!.page === page ? figures(l) : []));
  const overlaps = (w: TextCell): boolean => w.x! <= upper.x! + width(upper) && w.x! + width(w) >= upper.x!;
  return !whole.some((w) => overlaps(w) && width(w) > width(upper));
}
