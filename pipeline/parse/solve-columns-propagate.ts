/**
 * Pruning before table 三's search: drop each row's candidate splits that no choice of the other rows' candidates can
 * complete under the column equations, column by column, using the sets of sums the other rows can reach (values are
 * counts, ≥ 0, so an `atMost` equation prunes by bounds). Pure; bounded by Budget.
 */
import type { Equation } from './application-equations.ts';
import type { Budget } from './split-digits.ts';

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

/** A set of reachable partial sums larger than this is not built: the equation then prunes nothing in that column. */
const MAX_SUMS = 4096;

/** Sums reachable by picking one value from each domain; null when too many. */
function reachable(domains: ReadonlyArray<ReadonlySet<number>>): Set<number> | null {
  let sums = new Set([0]);
  for (const d of domains) {
    const next = new Set<number>();
    for (const a of sums) for (const v of d) next.add(a + v);
    if (next.size > MAX_SUMS) return null;
    sums = next;
  }
  return sums;
}

/**
 * Drop the candidates that no choice of the other rows' candidates can complete, column by column and equation by
 * equation, until nothing changes (each row's values in a column form its domain there).
 */
export function propagate(rows: Map<string, number[][]>, equations: readonly Equation[], width: number, budget: Budget): Map<string, number[]> {
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
