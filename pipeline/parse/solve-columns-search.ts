/**
 * The backtracking search of table 三's column equations over one group of linked rows: every choice of the rows'
 * candidate splits (those left by propagation) under which the equations hold, up to a cap of solutions, recording
 * which candidates some solution takes. It runs over row positions, not names: it is the hot spot of layout text.
 * Pure; bounded by Budget.
 */
import type { Equation } from './application-equations.ts';
import type { Budget } from './split-digits.ts';
import { searchOrder } from './search-order.ts';

export interface Solved {
  /** Per row: the candidate indices some solution takes (all of them when the search was complete). */
  chosen: Map<string, Set<number>>;
  solutions: number;
  /** False when the search stopped at the solution cap: rows with several candidates cannot be told apart. */
  complete: boolean;
}

/** More solutions than this: the search stops, and rows with several candidates cannot be told apart. */
export const MAX_SOLUTIONS = 16;

/** What a check of an equation can find wrong when a row is placed: nothing yet, l ≠ r, l > r, r > l. */
const NONE = 0;
const EQUAL = 1;
const LEFT_MOST = 2;
const RIGHT_MOST = 3;

/**
 * The search over one group of linked rows, for whole-number figures (solve-columns-plain.ts for others): each
 * equation keeps its sides' running sums per column, updated as a row is placed and taken back, so a check costs one
 * pass over the columns. The rows are placed in a fixed order (search-order.ts), so which sides of an equation are
 * whole once row k is placed is known before the search: each row carries only the checks that can fail there (an
 * equation neither side of which is whole cannot), each as what it compares. The same choices in the same order, one step of the budget per
 * node, as the plain search that sums the placed rows afresh.
 */
export function searchRows(rows: Map<string, number[][]>, equations: readonly Equation[], kept: ReadonlyMap<string, number[]>, width: number, budget: Budget): Solved {
  const order = searchOrder([...rows.keys()], equations, kept);
  const n = order.length;
  const count = equations.length;
  const position = new Map(order.map((r, k) => [r, k]));
  // Per row and equation, how many places the row takes on each side (rows the source does not print count on
  // neither side); per equation, how many printed rows each side has.
  const onLeft = order.map(() => new Int32Array(count));
  const onRight = order.map(() => new Int32Array(count));
  const sizeL = new Int32Array(count);
  const sizeR = new Int32Array(count);
  equations.forEach((e, q) => {
    for (const [side, list] of [[0, e.left], [1, e.right]] as const) {
      for (const r of list) {
        const k = position.get(r);
        if (k === undefined) continue;
        const times = (side === 0 ? onLeft : onRight)[k]!;
        times[q] = times[q]! + 1;
        if (side === 0) sizeL[q] = sizeL[q]! + 1;
        else sizeR[q] = sizeR[q]! + 1;
      }
    }
  });
  // The placed rows' sums per equation and column (equation q, column c at q * width + c), each side.
  const sumL = new Float64Array(count * width);
  const sumR = new Float64Array(count * width);
  // Per row: the equations it adds to (each with how many times on each side), and the checks placing it makes: the
  // equation, how many times the row stands on each side, and what is compared (known from the rows placed before).
  const addsTo: Int32Array[] = [];
  const checks: Int32Array[] = [];
  const placedL = new Int32Array(count);
  const placedR = new Int32Array(count);
  for (let k = 0; k < n; k++) {
    const adds: number[] = [];
    const made: number[] = [];
    for (let q = 0; q < count; q++) {
      const inL = onLeft[k]![q]!;
      const inR = onRight[k]![q]!;
      if (inL === 0 && inR === 0) continue;
      adds.push(q, inL, inR);
      const lAll = placedL[q]! + inL === sizeL[q];
      const rAll = placedR[q]! + inR === sizeR[q];
      const kind = equations[q]!.atMost === true
        ? (rAll ? LEFT_MOST : NONE)
        : lAll && rAll ? EQUAL : rAll ? LEFT_MOST : lAll ? RIGHT_MOST : NONE;
      if (kind !== NONE) made.push(q, inL, inR, kind);
      placedL[q] = placedL[q]! + inL;
      placedR[q] = placedR[q]! + inR;
    }
    addsTo.push(Int32Array.from(adds));
    checks.push(Int32Array.from(made));
  }
  // Each row's candidates (those propagation kept, in their order) as one array of figures, width a candidate.
  const keptOf = order.map((r) => kept.get(r)!);
  const figures = order.map((r, k) => {
    const list = rows.get(r)!;
    const out = new Float64Array(keptOf[k]!.length * width);
    keptOf[k]!.forEach((i, j) => { for (let col = 0; col < width; col++) out[j * width + col] = list[i]![col]!; });
    return out;
  });
  // A row that closes an equation on both sides in a column where it stands a different number of times on each side
  // must take there the one figure that balances it: its candidates are looked up by their figure in the column where
  // they differ most (those with the figure, in their order), not each checked.
  const keyCheck = new Int32Array(n).fill(-1);
  const keyColumn = new Int32Array(n);
  const byFigure: Array<Map<number, Int32Array> | null> = [];
  for (let k = 0; k < n; k++) {
    const made = checks[k]!;
    byFigure.push(null);
    for (let m = 0; m < made.length; m += 4) {
      if (made[m + 3] !== EQUAL || made[m + 1] === made[m + 2]) continue;
      const v = figures[k]!;
      const total = keptOf[k]!.length;
      let best = 0;
      let most = -1;
      for (let col = 0; col < width; col++) {
        const seen = new Set<number>();
        for (let j = 0; j < total; j++) seen.add(v[j * width + col]!);
        if (seen.size > most) [best, most] = [col, seen.size];
      }
      const lists = new Map<number, number[]>();
      for (let j = 0; j < total; j++) {
        const x = v[j * width + best]!;
        const list = lists.get(x);
        if (list) list.push(j);
        else lists.set(x, [j]);
      }
      keyCheck[k] = m;
      keyColumn[k] = best;
      byFigure[k] = new Map([...lists].map(([x, list]) => [x, Int32Array.from(list)]));
      break;
    }
  }
  const NO_CANDIDATES = new Int32Array(0);
  const choice = new Int32Array(n);
  const chosen = new Map<string, Set<number>>(order.map((r) => [r, new Set<number>()]));
  const chosenOf = order.map((r) => chosen.get(r)!);
  let solutions = 0;
  let complete = true;
  /** Whether row k can take its candidate at `from` (figures from[from … from + width)) under every check it makes. */
  const holds = (made: Int32Array, v: Float64Array, from: number): boolean => {
    for (let m = 0; m < made.length; m += 4) {
      const at = made[m]! * width;
      const inL = made[m + 1]!;
      const inR = made[m + 2]!;
      const kind = made[m + 3]!;
      for (let col = 0; col < width; col++) {
        const x = v[from + col]!;
        const l = sumL[at + col]! + inL * x;
        const r = sumR[at + col]! + inR * x;
        if (kind === EQUAL ? l !== r : kind === LEFT_MOST ? l > r : r > l) return false;
      }
    }
    return true;
  };
  const place = (adds: Int32Array, v: Float64Array, from: number, sign: number): void => {
    for (let m = 0; m < adds.length; m += 3) {
      const at = adds[m]! * width;
      const inL = adds[m + 1]! * sign;
      const inR = adds[m + 2]! * sign;
      // Whole numbers: the row's figure times its places on a side is exactly that many terms of it.
      if (inL !== 0) for (let col = 0; col < width; col++) sumL[at + col] = sumL[at + col]! + inL * v[from + col]!;
      if (inR !== 0) for (let col = 0; col < width; col++) sumR[at + col] = sumR[at + col]! + inR * v[from + col]!;
    }
  };
  const go = (k: number): void => {
    if (!complete) return;
    budget.spend('table 三');
    if (k === n) {
      if (++solutions > MAX_SOLUTIONS) {
        complete = false;
        return;
      }
      for (let j = 0; j < n; j++) chosenOf[j]!.add(choice[j]!);
      return;
    }
    const made = checks[k]!;
    const adds = addsTo[k]!;
    const v = figures[k]!;
    const indices = keptOf[k]!;
    const lookup = byFigure[k];
    if (lookup) {
      // l + inL·x = r + inR·x in the key column: x = (r − l) / (inL − inR) (no candidate when that is not a figure).
      const m = keyCheck[k]!;
      const col = made[m]! * width + keyColumn[k]!;
      const x = (sumR[col]! - sumL[col]!) / (made[m + 1]! - made[m + 2]!);
      const list = lookup.get(x) ?? NO_CANDIDATES;
      for (let t = 0; t < list.length; t++) {
        const j = list[t]!;
        const from = j * width;
        if (!holds(made, v, from)) continue;
        place(adds, v, from, 1);
        choice[k] = indices[j]!;
        go(k + 1);
        place(adds, v, from, -1);
      }
      return;
    }
    for (let j = 0; j < indices.length; j++) {
      const from = j * width;
      if (made.length > 0 && !holds(made, v, from)) continue;
      place(adds, v, from, 1);
      choice[k] = indices[j]!;
      go(k + 1);
      place(adds, v, from, -1);
    }
  };
  go(0);
  return { chosen, solutions: Math.min(solutions, MAX_SOLUTIONS), complete };
}
