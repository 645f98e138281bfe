/**
 * Stacking the fragments of table 四's layout text (`pdftotext -layout`): its narrow columns wrap a header or a figure
 * over several lines, one or two characters per line, at the same character position. These helpers cut a line's
 * cells into fragments and put fragments standing over one another on one stack, read top to bottom. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Fragment, layoutLines } from './layout-lines.ts';
import { WIDTH, addsUp, numberOf } from './layout-appeals-place.ts';

export interface Stack {
  fragments: Fragment[];
}

/** A line of the section's layout text: its number and its cells. */
export interface AppealsLine {
  line: number;
  cells: TextCell[];
}

export const stackText = (s: Stack): string => s.fragments.map((f) => f.text).join('');
export const centreOf = (s: Stack): number => {
  const cs = s.fragments.map((f) => f.x + [...f.text].length / 2).sort((a, b) => a - b);
  return cs[Math.floor(cs.length / 2)]!;
};

/** A figure's digits stand at the same position line after line; a shorter last piece (centred) one slot right. */
const figureGoesOn = (s: Stack, f: Fragment): boolean => {
  const last = s.fragments.at(-1)!;
  return f.x === last.x || (f.x === last.x + 1 && [...f.text].length < [...last.text].length);
};
/** A wrapped figure's next digit a slot left of the one above, as wide. */
const wrappedLeft = (s: Stack, f: Fragment): boolean => {
  const last = s.fragments.at(-1)!;
  return f.x === last.x - 1 && [...f.text].length === [...last.text].length && /^\d+$/.test(f.text) && /^\d+$/.test(last.text);
};

/** The cell's fragments between spaces, each at its character position. */
function fragmentsOf(cell: TextCell, line: number): Fragment[] {
  const out: Fragment[] = [];
  const chars = [...cell.text];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const blank = i === chars.length || chars[i]!.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ text: chars.slice(start, i).join(''), x: (cell.x ?? 0) + start, line, cell });
      start = -1;
    }
  }
  return out;
}

/** The fragments of all the cells of a line. */
export const lineFragments = (l: AppealsLine): Fragment[] => l.cells.flatMap((c) => fragmentsOf(c, l.line));

export function linesOf(cells: readonly TextCell[]): AppealsLine[] {
  return layoutLines(cells).lines.map((row) => ({ line: row[0]!.at.line ?? 0, cells: row }));
}

/**
 * Put fragments on stacks, top to bottom: a fragment goes on the nearest stack at its position that it may continue
 * (`fits`) and that has no fragment on its line yet, else starts one (if `starts`), else the reading fails (null).
 */
export function stack(fragments: readonly Fragment[], reach: number, fits: (s: Stack, f: Fragment) => boolean, starts: (f: Fragment) => boolean): Stack[] | null {
  const stacks: Stack[] = [];
  for (const f of fragments) {
    let best: Stack | undefined;
    let bestDx = Infinity;
    for (const s of stacks) {
      const last = s.fragments.at(-1)!;
      const dx = Math.abs(last.x - f.x);
      if (last.line >= f.line || dx > reach || !fits(s, f)) continue;
      if (dx < bestDx || (dx === bestDx && last.line > best!.fragments.at(-1)!.line)) {
        best = s;
        bestDx = dx;
      }
    }
    if (best) best.fragments.push(f);
    else if (starts(f)) stacks.push({ fragments: [f] });
    else return null;
  }
  return stacks;
}

/**
 * The figures' stacks, left to right: figures wrapped one or more digits per line ("12 / 0" for 120) stack at the same
 * position. A digit of a figure wrapped in its narrow cell may stand a slot left of the one above too ("1 / 0" at
 * 38 / 37, seed 120: 17 figures): so stacked only when that makes exactly the 15 figures, adding up in every row.
 */
export function figureStacks(tokens: readonly Fragment[]): Stack[] {
  const strict = stack(tokens, 1, figureGoesOn, () => true)!;
  const lenient = strict.length === WIDTH ? null : stack(tokens, 1, (s, f) => figureGoesOn(s, f) || wrappedLeft(s, f), () => true)!;
  const lenientValues = lenient?.sort((a, b) => centreOf(a) - centreOf(b)).map((s) => numberOf(stackText(s)));
  return (lenient && lenient.length === WIDTH && addsUp(lenientValues!, Array.from({ length: WIDTH }, (_, c) => c)) ? lenient : strict).sort((a, b) => centreOf(a) - centreOf(b));
}

/** A stack read as one figure: its text top to bottom, at its first fragment's place and its leftmost position. */
export const figureOf = (s: Stack): TextCell => ({ text: stackText(s), at: s.fragments[0]!.cell.at, x: Math.min(...s.fragments.map((f) => f.x)) });
