/**
 * The backtracking search of table 三's column equations over one group of linked rows: every choice of the rows'
 * candidate splits (those left by propagation) under which the equations hold, up to a cap of solutions, recording
 * which candidates some solution takes. It runs over row positions, not names: it is the hot spot of layout text.
 * Pure; bounded by Budget.
 */
import type { Equation } from './application-equations.ts';
import type { Budget } from './split-digits.ts';

export interface Solved {
  /** Per row: the candidate indices some solution takes (all of them when the search was complete). */
  chosen: Map<string, Set<number>>;
  solutions: number;
  /** False when the search stopped at the solution cap: rows with several candidates cannot be told apart. */
  complete: boolean;
}

/** More solutions than this: the search stops, and rows with several candidates cannot be told apart. */
export const MAX_SOLUTIONS = 16;

/**
 * The search over one group of linked rows, for whole-number figures (solve-columns-plain.ts for others): each
 * equation keeps its sides' running sums per column and how many of their rows are placed, updated as a row is placed
 * and taken back, so a check costs one pass over the columns. The same choices in the same order, one step of the
 * budget per node, as the plain search that sums the placed rows afresh.
 */
export function searchRows(rows: Map<string, number[][]>, equations: readonly Equation[], kept: ReadonlyMap<string, number[]>, width: number, budget: Budget): Solved {
  const order = [...rows.keys()].sort((a, b) => kept.get(a)!.length - kept.get(b)!.length);
  const n = order.length;
  const count = equations.length;
  // Per equation: how many printed rows each side has (rows the source does not print count on neither side), how many
  // are placed, and the placed rows' sums per column (equation q, column c at q * width + c).
  const size = [new Int32Array(count), new Int32Array(count)];
  const placedOn = [new Int32Array(count), new Int32Array(count)];
  const sums = [new Float64Array(count * width), new Float64Array(count * width)];
  const atMost = equations.map((e) => e.atMost === true);
  // Per row: the (equation, side) of each place it takes in an equation; per row and equation, how many places it
  // takes on each side; the equations it is in.
  const terms = order.map(() => [] as Array<[number, 0 | 1]>);
  const onLeft = order.map(() => new Int32Array(count));
  const onRight = order.map(() => new Int32Array(count));
  const position = new Map(order.map((r, k) => [r, k]));
  equations.forEach((e, q) => {
    for (const [side, list] of [[0, e.left], [1, e.right]] as const) {
      for (const r of list) {
        const k = position.get(r);
        if (k === undefined) continue;
        size[side]![q] = size[side]![q]! + 1;
        terms[k]!.push([q, side]);
        const times = (side === 0 ? onLeft : onRight)[k]!;
        times[q] = times[q]! + 1;
      }
    }
  });
  const touchedBy = order.map((r) => equations.flatMap((e, q) => (e.left.includes(r) || e.right.includes(r) ? [q] : [])));
  const candidates = order.map((r) => rows.get(r)!);
  const keptOf = order.map((r) => kept.get(r)!);
  const choice = new Int32Array(n);
  const chosen = new Map<string, Set<number>>(order.map((r) => [r, new Set<number>()]));
  const chosenOf = order.map((r) => chosen.get(r)!);
  let solutions = 0;
  let complete = true;
  const [sizeL, sizeR] = size as [Int32Array, Int32Array];
  const [onL, onR] = placedOn as [Int32Array, Int32Array];
  const [sumL, sumR] = sums as [Float64Array, Float64Array];
  /** Whether equation q can still hold once row k takes the figures v (checked before placing them). */
  const holds = (q: number, k: number, v: readonly number[]): boolean => {
    const inL = onLeft[k]![q]!;
    const inR = onRight[k]![q]!;
    const lAll = onL[q]! + inL === sizeL[q];
    const rAll = onR[q]! + inR === sizeR[q];
    // Neither side whole: no column can fail.
    if (!lAll && !rAll) return true;
    const at = q * width;
    const most = atMost[q];
    for (let col = 0; col < width; col++) {
      const x = v[col]!;
      const l = sumL[at + col]! + inL * x;
      const r = sumR[at + col]! + inR * x;
      if (most ? rAll && l > r : lAll && rAll ? l !== r : (rAll && l > r) || (lAll && r > l)) return false;
    }
    return true;
  };
  const place = (k: number, v: readonly number[], sign: 1 | -1): void => {
    for (const [q, side] of terms[k]!) {
      const on = placedOn[side]!;
      on[q] = on[q]! + sign;
      const sum = sums[side]!;
      const at = q * width;
      for (let col = 0; col < width; col++) sum[at + col] = sum[at + col]! + sign * v[col]!;
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
    const touched = touchedBy[k]!;
    const list = candidates[k]!;
    next: for (const i of keptOf[k]!) {
      const v = list[i]!;
      for (const q of touched) if (!holds(q, k, v)) continue next;
      place(k, v, 1);
      choice[k] = i;
      go(k + 1);
      place(k, v, -1);
    }
  };
  go(0);
  return { chosen, solutions: Math.min(solutions, MAX_SOLUTIONS), complete };
}
