/**
 * The plain forms of table 三's pruning and search (solve-columns-propagate.ts, solve-columns-search.ts as they were
 * written first): each side's sums taken afresh over the placed rows at every check, and each set of reachable sums
 * built domain by domain. The fast forms keep running sums, which are exact only for integers; a table with a figure
 * that is not a whole number (so its sums could round differently in another order) is solved by these, and the
 * tests compare the two (tests/unit/solve-columns-fast.test.ts). Pure; bounded by Budget.
 */
import type { Equation } from './application-equations.ts';
import type { Budget } from './split-digits.ts';
import { searchOrder } from './search-order.ts';
import { MAX_SOLUTIONS, type Solved } from './solve-columns-search.ts';
import { MAX_SUMS } from './solve-columns-propagate.ts';

/** The smallest and largest of a set of sums (only `atMost` equations need them). */
function bounds(sums: ReadonlySet<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of sums) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Sums reachable by picking one value from each domain, built domain by domain in a hash set; null when more than
 * `most` (the reference sum-bits.ts is checked against, tests/unit/sum-bits.test.ts).
 */
export function reachable(domains: Iterable<Iterable<number>>, most = MAX_SUMS): Set<number> | null {
  let sums = new Set([0]);
  for (const d of domains) {
    const next = new Set<number>();
    for (const a of sums) for (const v of d) next.add(a + v);
    if (next.size > most) return null;
    sums = next;
  }
  return sums;
}

/**
 * Drop the candidates that no choice of the other rows' candidates can complete, column by column and equation by
 * equation, until nothing changes (each row's values in a column form its domain there).
 */
export function propagatePlain(rows: Map<string, number[][]>, equations: readonly Equation[], width: number, budget: Budget): Map<string, number[]> {
  const kept = new Map([...rows].map(([r, c]) => [r, c.map((_, i) => i)]));
  const domain = (r: string, col: number): Set<number> => new Set(kept.get(r)!.map((i) => rows.get(r)![i]![col]!));
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      for (let col = 0; col < width; col++) {
        budget.spend('table 三');
        for (const [same, other, isLeft] of [[eq.left, eq.right, true], [eq.right, eq.left, false]] as const) {
          const target = reachable(other.map((r) => domain(r, col)));
          if (!target) continue;
          const [lo, hi] = eq.atMost ? bounds(target) : [0, 0];
          for (const r of same) {
            const rest = reachable(same.filter((x) => x !== r).map((x) => domain(x, col)));
            if (!rest) continue;
            const before = kept.get(r)!;
            const [restLo, restHi] = eq.atMost ? bounds(rest) : [0, 0];
            const after = before.filter((i) => {
              const v = rows.get(r)![i]![col]!;
              // left ≤ right: a left row needs some completion at most the right's largest sum; a right row, some
              // completion at least the left's smallest.
              if (eq.atMost) return isLeft ? restLo + v <= hi : restHi + v >= lo;
              for (const a of rest) if (target.has(a + v)) return true;
              return false;
            });
            if (after.length !== before.length) {
              kept.set(r, after);
              changed = true;
            }
          }
        }
      }
    }
  }
  return kept;
}
/** The search over one group of linked rows (solve-columns-search.ts's searchRows, summing afresh). */
export function searchRowsPlain(rows: Map<string, number[][]>, equations: readonly Equation[], kept: ReadonlyMap<string, number[]>, width: number, budget: Budget): Solved {
  const order = searchOrder([...rows.keys()], equations, kept);
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
