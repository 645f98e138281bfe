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

/** The search over one group of linked rows. */
export function searchRows(rows: Map<string, number[][]>, equations: readonly Equation[], kept: ReadonlyMap<string, number[]>, width: number, budget: Budget): Solved {
  const order = [...rows.keys()].sort((a, b) => kept.get(a)!.length - kept.get(b)!.length);
  const position = new Map(order.map((r, k) => [r, k]));
  // Rows an equation names but the source does not print count neither as placed nor as waited for.
  const sides = equations.map((eq) => ({
    left: eq.left.filter((r) => rows.has(r)).map((r) => position.get(r)!),
    right: eq.right.filter((r) => rows.has(r)).map((r) => position.get(r)!),
    atMost: eq.atMost === true,
  }));
  const candidates = order.map((r) => rows.get(r)!);
  const keptOf = order.map((r) => kept.get(r)!);
  const touchedBy = order.map((r) => equations.flatMap((e, q) => (e.left.includes(r) || e.right.includes(r) ? [q] : [])));
  const placed: Array<number[] | undefined> = new Array(order.length).fill(undefined);
  const choice = new Int32Array(order.length);
  const chosen = new Map<string, Set<number>>(order.map((r) => [r, new Set<number>()]));
  const chosenOf = order.map((r) => chosen.get(r)!);
  let solutions = 0;
  let complete = true;
  const allPlaced = (side: readonly number[]): boolean => {
    for (const k of side) if (placed[k] === undefined) return false;
    return true;
  };
  const sideSum = (side: readonly number[], col: number): number => {
    let sum = 0;
    for (const k of side) {
      const v = placed[k];
      if (v) sum += v[col]!;
    }
    return sum;
  };
  const holds = (q: number): boolean => {
    const { left, right, atMost } = sides[q]!;
    const lAll = allPlaced(left);
    const rAll = allPlaced(right);
    // Neither side whole: no column can fail.
    if (!lAll && !rAll) return true;
    for (let col = 0; col < width; col++) {
      const l = sideSum(left, col);
      const r = sideSum(right, col);
      if (atMost ? rAll && l > r : lAll && rAll ? l !== r : (rAll && l > r) || (lAll && r > l)) return false;
    }
    return true;
  };
  const go = (k: number): void => {
    if (!complete) return;
    budget.spend('table 三');
    if (k === order.length) {
      if (++solutions > MAX_SOLUTIONS) {
        complete = false;
        return;
      }
      for (let j = 0; j < order.length; j++) chosenOf[j]!.add(choice[j]!);
      return;
    }
    const touched = touchedBy[k]!;
    for (const i of keptOf[k]!) {
      placed[k] = candidates[k]![i]!;
      choice[k] = i;
      if (touched.every(holds)) go(k + 1);
      placed[k] = undefined;
    }
  };
  go(0);
  return { chosen, solutions: Math.min(solutions, MAX_SOLUTIONS), complete };
}
