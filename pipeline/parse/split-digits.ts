/**
 * Split a row's run of glued figures ("230 000023") into the row's cells, as flattened page text prints them
 * (cell boundaries lost). Every way of cutting the run is enumerated, pruned as it goes:
 * - white space is always a cell boundary (a stray space never stands inside a number);
 * - a token is one printed value: "0" stands alone (no leading zeros), a sign only in a signed column, decimals and
 *   a 元/万元 unit only in a money column, thousands separators only in groups of three, "-" alone is "not applicable";
 * - a cell may be blank (zero width): blank cells lose their place in flattened text;
 * - `check` sees the values placed so far (blank and "-" count 0) and prunes a prefix that breaks the row's arithmetic.
 * Pure; bounded by a Budget shared across a report.
 */
import { InputError } from '../errors.ts';

export interface SplitColumn {
  signed?: boolean;
  money?: boolean;
}

/** One way to cut a run: the printed text of each cell ('' for a blank cell). */
export type Split = string[];

/** One search ran out of its own steps: the caller refuses what that search was for, the report goes on. */
export class SearchLimit extends Error {
  override name = 'SearchLimit';
}

/**
 * Steps left for a search. A report has one Budget; each search takes a part of it (`part`): a search that runs out
 * of its part throws SearchLimit (the rows it was for are refused), a report that runs out of its budget throws an
 * InputError naming the place.
 */
export class Budget {
  constructor(public left: number, private readonly parent?: Budget) {}
  part(steps: number): Budget {
    return new Budget(steps, this);
  }
  spend(what: string): void {
    this.parent?.spend(what);
    if (--this.left >= 0) return;
    if (this.parent) throw new SearchLimit(what);
    throw new InputError(`flattened text: splitting the figures of ${what} takes more than the search allows for one report (${REPORT_BUDGET} steps)`);
  }
}

/** Steps allowed per report: ample for the template's rows (a few thousand are used), small enough to stay fast. */
export const REPORT_BUDGET = 1_000_000;
/** Steps allowed for one search (one row's splits, or table 三's joint choice). */
export const SEARCH_STEPS = 40_000;

const MAX_INT_DIGITS = 10;
const DASH = /^[-—－/]$/;
const PLAIN = /^(?:0|[1-9]\d*)$/;
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$/;

/** "8810055" + "" → "881.0055": the decimal string divided by 10,000, exactly. */
function shiftLeft4(int: string, frac: string): string {
  const padded = int.padStart(5, '0');
  return `${padded.slice(0, -4)}.${padded.slice(-4)}${frac}`;
}

/** The value of a token printed in a column, or undefined when the column cannot print it. */
export function tokenValue(token: string, column: SplitColumn): number | null | undefined {
  if (token === '') return null;
  if (DASH.test(token)) return null;
  let t = token;
  let sign = 1;
  if (column.signed && /^[+\-−]/.test(t)) {
    sign = t[0] === '+' ? 1 : -1;
    t = t.slice(1);
  }
  let scale: 1 | 1e-4 = 1;
  if (column.money) {
    if (t.endsWith('万元')) t = t.slice(0, -2);
    else if (t.endsWith('元')) {
      t = t.slice(0, -1);
      scale = 1e-4;
    }
  }
  const [int = '', frac, extra] = t.split('.');
  if (extra !== undefined || (frac !== undefined && (!column.money || !/^\d+$/.test(frac)))) return undefined;
  if (!(PLAIN.test(int) || GROUPED.test(int)) || int.replace(/,/g, '').length > MAX_INT_DIGITS) return undefined;
  if (sign < 0 && int === '0' && frac === undefined) return undefined;
  const digits = int.replace(/,/g, '');
  // 元 → 万元 by moving the decimal point on the digits (exact), never by a floating-point product.
  const value = scale === 1 ? Number(`${digits}${frac === undefined ? '' : `.${frac}`}`) : Number(shiftLeft4(digits, frac ?? ''));
  return sign * value;
}

export interface SplitOptions {
  /** Prune: the values so far (blank and "-" as 0) break the row's arithmetic. Called after every placed cell. */
  check?: (values: readonly number[]) => boolean;
  /** Stop after this many splits (default: all). */
  limit?: number;
  /** For the budget's error message. */
  what: string;
  /** Each space-separated token is one printed cell (raw pdftotext: a line a cell): tokens are never cut. */
  whole?: boolean;
}

/** Every split of `run` into `columns.length` cells that `check` accepts (up to `limit`). */
export function splitRun(run: string, columns: readonly SplitColumn[], budget: Budget, options: SplitOptions): Split[] {
  const text = run.trim();
  const width = columns.length;
  const out: Split[] = [];
  const cells: string[] = [];
  const values: number[] = [];
  const limit = options.limit ?? Infinity;
  const space = Array.from(text, (ch) => /\s/.test(ch));
  const maxToken = MAX_INT_DIGITS + 8;
  // minCells[i]: the fewest cells the text from i on can fill (any column's tokens): prunes blanks and long tails.
  const loose: SplitColumn = { signed: true, money: true };
  const minCells = new Array<number>(text.length + 1).fill(Infinity);
  minCells[text.length] = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (space[i]) {
      minCells[i] = minCells[i + 1]!;
      continue;
    }
    for (let e = i + 1; e <= text.length && !space[e - 1] && e - i <= maxToken; e++) {
      if (minCells[e]! + 1 < minCells[i]! && tokenValue(text.slice(i, e), loose) !== undefined) minCells[i] = minCells[e]! + 1;
    }
  }

  const go = (pos: number): void => {
    if (out.length >= limit) return;
    budget.spend(options.what);
    while (pos < text.length && space[pos]) pos++;
    const col = cells.length;
    if (col === width) {
      if (pos === text.length) out.push([...cells]);
      return;
    }
    if (minCells[pos]! > width - col) return;
    const place = (token: string, value: number, next: number): void => {
      cells.push(token);
      values.push(value);
      if (!options.check || options.check(values)) go(next);
      cells.pop();
      values.pop();
    };
    // A blank cell, when the cells left can still hold the rest of the run.
    if (minCells[pos]! <= width - col - 1) place('', 0, pos);
    let end = pos;
    while (end < text.length && !space[end]) end++;
    // (Whole tokens: none left at the end of the run, where only blank cells remain — placed above, once.)
    for (let e = options.whole ? Math.max(end, pos + 1) : pos + 1; e <= end && e - pos <= maxToken; e++) {
      const token = text.slice(pos, e);
      const value = tokenValue(token, columns[col]!);
      if (value === undefined) continue;
      place(token, value ?? 0, e);
    }
  };
  go(0);
  return out;
}

/** A split as the message prints it: "23|0|0|0|0|0|23", blank cells as "·". */
export function showSplit(split: Split): string {
  return split.map((t) => (t === '' ? '·' : t)).join('|');
}
