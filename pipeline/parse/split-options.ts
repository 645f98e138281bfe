/**
 * The splits of a run of glued figures that keep the row's sums (each total cell the sum of the cells since the
 * previous total), found by a memoised count of the valid completions from each (position, cell, partial sum):
 * - splitOptions: for table 四's fifteen figures, whose splits can be too many to list (blank cells may stand anywhere
 *   in three groups), each token some valid split gives each cell — a cell with one is read, whatever the others do;
 * - listSplits: for a row of table 三 (its 总计 the sum of the six applicant columns), the valid splits themselves, in
 *   the order split-digits.ts's splitRun lists them, the search visiting only states that lead to one (a row of 17
 *   digits took splitRun's enumeration of every prefix more than one search's steps).
 * The same token rules as split-digits.ts (white space is a boundary, "0" alone, …). The run may have several readings
 * (a letter read as each digit: ocr-letters.ts), each the printed run's length. `fixed` holds the value some cells
 * must have (a figure the report's text states — a total, or a result: flat-appeals.ts). Pure; bounded by a Budget part (SearchLimit).
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
const LOOSE: SplitColumn = { signed: true, money: true };

type Step = { token: string; at: number; next: number; partial: number };

/** The memoised count of one reading's valid completions, and the steps out of a state. */
function completions(text: string, columns: readonly SplitColumn[], totals: ReadonlySet<number>, budget: Budget, what: string, whole: boolean, fixed: ReadonlyMap<number, number>) {
  const width = columns.length;
  // Counts only (tables 三 and 四): integers ≥ 0, summed exactly in either order; the last cell a total.
  if (columns.some((c) => c.signed || c.money) || !totals.has(width - 1)) throw new Error('split-options: columns of counts ending with a total expected');
  const space = (p: number): boolean => /\s/.test(text[p]!);
  const skip = (p: number): number => {
    while (p < text.length && space(p)) p++;
    return p;
  };
  // minCells[i]: the fewest cells the text from i on can fill: a state with fewer cells left leads to no split.
  const minCells = new Array<number>(text.length + 1).fill(Infinity);
  minCells[text.length] = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (space(i)) {
      minCells[i] = minCells[i + 1]!;
      continue;
    }
    for (let e = i + 1; e <= text.length && !space(e - 1) && e - i <= MAX_TOKEN; e++) {
      if (minCells[e]! + 1 < minCells[i]! && tokenValue(text.slice(i, e), LOOSE) !== undefined) minCells[i] = minCells[e]! + 1;
    }
  }
  /** The tokens cell `col` can take at p (blank first, then shorter tokens first), with their values. */
  const tokens = (p: number, col: number): Array<{ token: string; value: number; next: number }> => {
    const list = [{ token: '', value: 0, next: p }];
    let end = p;
    while (end < text.length && !space(end)) end++;
    // (Whole tokens: none left at the end of the run, where only the blank cell above remains.)
    for (let e = whole ? Math.max(end, p + 1) : p + 1; e <= end && e - p <= MAX_TOKEN; e++) {
      const token = text.slice(p, e);
      const value = tokenValue(token, columns[col]!);
      if (value !== undefined) list.push({ token, value: value ?? 0, next: e });
    }
    return list;
  };
  const steps = (pos: number, col: number, partial: number): Step[] => {
    const p = skip(pos);
    const list: Step[] = [];
    for (const { token, value, next } of tokens(p, col)) {
      if ((fixed.get(col) ?? value) !== value) continue;
      if (!totals.has(col)) list.push({ token, at: p, next, partial: partial + value });
      else if (value === partial) list.push({ token, at: p, next, partial: 0 });
    }
    return list;
  };
  // Counted from the right: the completions from (position, cell) keyed by the partial sum they need the cells
  // before to bring — the group's 总计 less the results after — never negative (counts are ≥ 0) nor more than the
  // digits before can print, which prunes a result larger than its group's 总计 before it is placed; counted from the
  // left, every partial sum of the run's prefixes was a state of its own.
  // The cells before p sum to at most 10^k − 1, k the digits printed before p (their tokens are made of them).
  const most: number[] = [];
  for (let p = 0, k = 0; p <= text.length; p++) {
    most.push(10 ** k - 1);
    if (/\d/.test(text[p] ?? '')) k++;
  }
  const memo = new Map<string, Map<number, number>>();
  const need = (pos: number, col: number): Map<number, number> => {
    if (col === width) return new Map(skip(pos) === text.length ? [[0, 1]] : []);
    if (minCells[skip(pos)]! > width - col) return new Map();
    const key = `${pos},${col}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    budget.spend(what);
    const p = skip(pos);
    const out = new Map<number, number>();
    const add = (d: number, n: number): void => {
      if (d < 0 || d > most[p]!) return;
      budget.spend(what);
      out.set(d, Math.min(CAP, (out.get(d) ?? 0) + n));
    };
    const wanted = fixed.get(col);
    for (const { value, next } of tokens(p, col)) {
      if (wanted !== undefined && value !== wanted) continue;
      const rest = need(next, col + 1);
      if (totals.has(col)) {
        const n = rest.get(0) ?? 0;
        if (n > 0) add(value, n);
      } else for (const [d, n] of rest) add(d - value, n);
    }
    memo.set(key, out);
    return out;
  };
  const count = (pos: number, col: number, partial: number): number => need(pos, col).get(partial) ?? 0;
  /** Up to `limit` valid splits, depth first in the steps' order (blank first, then shorter tokens first). */
  const walk = (limit: number): Split[] => {
    const out: Split[] = [];
    const go = (pos: number, col: number, partial: number, acc: string[]): void => {
      if (out.length >= limit) return;
      if (col === width) {
        out.push([...acc]);
        return;
      }
      for (const s of steps(pos, col, partial)) if (count(s.next, col + 1, s.partial) > 0) go(s.next, col + 1, s.partial, [...acc, s.token]);
    };
    if (count(0, 0, 0) > 0) go(0, 0, 0, []);
    return out;
  };
  return { count, steps, walk, width };
}

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
  const out: SplitOptions = { cells: columns.map(() => new Map()), count: 0, examples: [] };
  const shown = printed.trim();
  for (const reading of readings) {
    const { count, steps, walk, width } = completions(reading.trim(), columns, totals, budget, what, whole, fixed);
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
    if (out.examples.length < EXAMPLES) out.examples.push(...walk(EXAMPLES - out.examples.length));
  }
  return out;
}

/** Up to `limit` splits of `run` that keep the sums (each cell in `totals` the sum of the cells since the last). */
export function listSplits(run: string, columns: readonly SplitColumn[], totals: ReadonlySet<number>, budget: Budget, what: string, whole: boolean, limit: number): Split[] {
  return completions(run.trim(), columns, totals, budget, what, whole, new Map()).walk(limit);
}
