/**
 * The cells a run of glued figures can hold, over every split that keeps the row's sums (each total cell the sum of
 * the cells since the previous total): for table 四's fifteen figures, whose splits can be too many to list (blank
 * cells may stand anywhere in three groups). Instead of listing them, a memoised count of the completions from each
 * (position, cell, partial sum) finds, for every cell, each token some valid split gives it — a cell with one is read,
 * whatever the other cells do. The same token rules as split-digits.ts (white space is a boundary, "0" alone, …).
 * The run may have several readings (a letter read as each digit: ocr-letters.ts), each the printed run's length.
 * `fixed` holds the value some total cells must have (a figure the report's text states: flat-appeals.ts).
 * Pure; bounded by a Budget part (SearchLimit).
 */
import { type Budget, type Split, type SplitColumn, tokenValue } from './split-digits.ts';

export interface CellOption {
  token: string;
  /** The token as printed (with its letter, when the reading put a digit for one). */
  printed: string;
}

export interface SplitOptions {
  /** Per cell: the options some valid split gives it, keyed by token. */
  cells: Map<string, CellOption>[];
  /** Valid splits over all readings (capped at CAP). */
  count: number;
  /** A few valid splits, for the message. */
  examples: Split[];
}

const CAP = 1e9;
const MAX_TOKEN = 18;
const EXAMPLES = 5;

export function splitOptions(
  printed: string,
  readings: readonly string[],
  columns: readonly SplitColumn[],
  totals: ReadonlySet<number>,
  budget: Budget,
  what: string,
  whole = false,
  fixed: ReadonlyMap<number, number> = new Map(),
): SplitOptions {
  const width = columns.length;
  const out: SplitOptions = { cells: columns.map(() => new Map()), count: 0, examples: [] };
  const shown = printed.trim();
  for (const reading of readings) {
    const text = reading.trim();
    const skip = (p: number): number => {
      while (p < text.length && /\s/.test(text[p]!)) p++;
      return p;
    };
    type Step = { token: string; at: number; next: number; partial: number };
    const steps = (pos: number, col: number, partial: number): Step[] => {
      const p = skip(pos);
      const list: Step[] = [];
      const add = (token: string, value: number, next: number): void => {
        if (totals.has(col)) {
          const wanted = fixed.get(col);
          if (value === partial && (wanted === undefined || value === wanted)) list.push({ token, at: p, next, partial: 0 });
        } else list.push({ token, at: p, next, partial: partial + value });
      };
      add('', 0, p);
      let end = p;
      while (end < text.length && !/\s/.test(text[end]!)) end++;
      for (let e = whole ? end : p + 1; e <= end && e - p <= MAX_TOKEN; e++) {
        const token = text.slice(p, e);
        const value = tokenValue(token, columns[col]!);
        if (value !== undefined) add(token, value ?? 0, e);
      }
      return list;
    };
    const memo = new Map<string, number>();
    const count = (pos: number, col: number, partial: number): number => {
      if (col === width) return skip(pos) === text.length ? 1 : 0;
      const key = `${pos},${col},${partial}`;
      const known = memo.get(key);
      if (known !== undefined) return known;
      budget.spend(what);
      let n = 0;
      for (const s of steps(pos, col, partial)) n = Math.min(CAP, n + count(s.next, col + 1, s.partial));
      memo.set(key, n);
      return n;
    };
    const total = count(0, 0, 0);
    if (total === 0) continue;
    out.count = Math.min(CAP, out.count + total);
    // Forward over the states that lead to a valid split: each step into one is an option of its cell.
    const seen = new Set<string>();
    const queue: Array<[number, number, number]> = [[0, 0, 0]];
    while (queue.length > 0) {
      const [pos, col, partial] = queue.pop()!;
      if (col === width) continue;
      for (const s of steps(pos, col, partial)) {
        if (count(s.next, col + 1, s.partial) === 0) continue;
        out.cells[col]!.set(s.token, { token: s.token, printed: shown.slice(s.at, s.at + s.token.length) });
        const key = `${s.next},${col + 1},${s.partial}`;
        if (!seen.has(key)) {
          seen.add(key);
          queue.push([s.next, col + 1, s.partial]);
        }
      }
    }
    const walk = (pos: number, col: number, partial: number, acc: string[]): void => {
      if (out.examples.length >= EXAMPLES) return;
      if (col === width) {
        out.examples.push([...acc]);
        return;
      }
      for (const s of steps(pos, col, partial)) if (count(s.next, col + 1, s.partial) > 0) walk(s.next, col + 1, s.partial, [...acc, s.token]);
    };
    walk(0, 0, 0, []);
  }
  return out;
}
