/**
 * Pruning before table 三's search: drop each row's candidate splits that no choice of the other rows' candidates can
 * complete under the column equations, column by column, using the sets of sums the other rows can reach (values are
 * counts, ≥ 0, so an `atMost` equation prunes by bounds). Pure; bounded by Budget.
 */
import type { Equation } from './application-equations.ts';
import type { Budget } from './split-digits.ts';
import { boundBits, hasBit, MAX_RANGE, meetBits, type SumBits, sumBits } from './sum-bits.ts';

/** A set of reachable partial sums larger than this is not built: the equation then prunes nothing in that column. */
export const MAX_SUMS = 4096;

/**
 * A set of reachable sums: `shift` (the sum of the domains with one value) plus each of `set` (the sums of the others,
 * as bits when their range is narrow, else a hash set; null when there are none: the set is {shift}).
 */
interface Sums { shift: number; set: Set<number> | SumBits | null }

/**
 * Sums reachable by picking one value from the domain (distinct values) of each row of `list` but `skip`, in the
 * list's order; null when more than MAX_SUMS. As in building the set domain by domain (solve-columns-plain.ts): a
 * domain of one value shifts the sums without changing their number, and the count never falls while no domain is
 * empty, so the sums are too many exactly when some step of that build is; an empty domain leaves none.
 */
function reachable(list: readonly string[], skip: string | null, domain: (r: string) => readonly number[]): Sums | null {
  // The same sums as bits when no domain is empty and their range is narrow (the usual case: counts).
  let shift = 0;
  let span = 0;
  const several: Array<readonly number[]> = [];
  for (const r of list) {
    if (r === skip) continue;
    const d = domain(r);
    if (d.length === 0) return reachableSet(list, skip, domain);
    if (d.length === 1) {
      shift += d[0]!;
      continue;
    }
    several.push(d);
    span += Math.max(...d) - Math.min(...d);
  }
  if (several.length === 0) return { shift, set: null };
  if (span >= MAX_RANGE) return reachableSet(list, skip, domain);
  const bits = sumBits(several, MAX_SUMS);
  return bits && { shift, set: bits };
}

/** reachable's sums as a hash set, built domain by domain. */
function reachableSet(list: readonly string[], skip: string | null, domain: (r: string) => readonly number[]): Sums | null {
  let shift = 0;
  let set: Set<number> | null = null;
  for (const r of list) {
    if (r === skip) continue;
    const d = domain(r);
    if (d.length === 0) return { shift: 0, set: new Set() };
    if (d.length === 1) {
      shift += d[0]!;
      continue;
    }
    const next = new Set<number>();
    if (set === null) for (const v of d) next.add(v);
    else for (const a of set) for (const v of d) next.add(a + v);
    if (next.size > MAX_SUMS) return null;
    set = next;
  }
  return { shift, set };
}

const has = (sums: Sums, x: number): boolean => (sums.set === null
  ? x === sums.shift
  : sums.set instanceof Set ? sums.set.has(x - sums.shift) : hasBit(sums.set, x - sums.shift));

/** The smallest and largest of a set of sums (only `atMost` equations need them). */
function bounds(sums: Sums): [number, number] {
  if (sums.set === null) return [sums.shift, sums.shift];
  if (!(sums.set instanceof Set)) {
    const [lo, hi] = boundBits(sums.set);
    return [sums.shift + lo, sums.shift + hi];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of sums.set) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [sums.shift + lo, sums.shift + hi];
}

/** Whether some sum of `rest` plus v is a sum of `target`. */
function completes(rest: Sums, target: Sums, v: number): boolean {
  if (rest.set === null) return has(target, rest.shift + v);
  if (rest.set instanceof Set) {
    for (const a of rest.set) if (has(target, rest.shift + a + v)) return true;
    return false;
  }
  // rest.shift + a + v = target.shift + b
  if (target.set === null) return hasBit(rest.set, target.shift - rest.shift - v);
  if (!(target.set instanceof Set)) return meetBits(rest.set, target.set, rest.shift + v - target.shift);
  for (const b of target.set) if (hasBit(rest.set, target.shift + b - rest.shift - v)) return true;
  return false;
}

/**
 * Drop the candidates that no choice of the other rows' candidates can complete, column by column and equation by
 * equation, until nothing changes (each row's values in a column form its domain there). For whole-number figures
 * (solve-columns-plain.ts for others): the sums are then exact in any order, and a set of sums is kept as a shift by
 * the rows with one value and the sums of the others. The same candidates dropped, one step of the budget per
 * equation and column in each round, as the plain form.
 */
export function propagate(rows: Map<string, number[][]>, equations: readonly Equation[], width: number, budget: Budget): Map<string, number[]> {
  const kept = new Map([...rows].map(([r, c]) => [r, c.map((_, i) => i)]));
  // Each row's domain per column (its kept candidates' distinct values), taken when asked and dropped when it changes.
  const domains = new Map<string, Array<number[] | undefined>>();
  const domainIn = (r: string, col: number): number[] => {
    let cols = domains.get(r);
    if (!cols) domains.set(r, cols = new Array<number[] | undefined>(width));
    let d = cols[col];
    if (!d) {
      d = [];
      const candidates = rows.get(r)!;
      for (const i of kept.get(r)!) {
        const v = candidates[i]![col]!;
        if (!d.includes(v)) d.push(v);
      }
      cols[col] = d;
    }
    return d;
  };
  // The sums of a list of rows (but one) in a column are taken again only when one of those rows' domains changed since
  // (each row counts its changes): a round that changes nothing finds them all as they were.
  const changes = new Map([...rows.keys()].map((r) => [r, 0]));
  const memo = new Map<number, { seen: number[]; sums: Sums | null }>();
  const sumsOf = (key: number, list: readonly string[], skip: string | null, col: number): Sums | null => {
    const last = memo.get(key);
    if (last && list.every((r, j) => last.seen[j] === (r === skip ? -1 : changes.get(r)!))) return last.sums;
    const sums = reachable(list, skip, (r) => domainIn(r, col));
    memo.set(key, { seen: list.map((r) => (r === skip ? -1 : changes.get(r)!)), sums });
    return sums;
  };
  // A key per equation, column, side and row of the side left out (0: none).
  const longest = Math.max(0, ...equations.flatMap((e) => [e.left.length, e.right.length])) + 1;
  const keyOf = (q: number, col: number, isLeft: boolean, j: number): number => ((q * width + col) * 2 + (isLeft ? 0 : 1)) * longest + j;
  let changed = true;
  while (changed) {
    changed = false;
    for (const [q, eq] of equations.entries()) {
      for (let col = 0; col < width; col++) {
        budget.spend('table 三');
        for (const [same, other, isLeft] of [[eq.left, eq.right, true], [eq.right, eq.left, false]] as const) {
          const target = sumsOf(keyOf(q, col, isLeft, 0), other, null, col);
          if (!target) continue;
          const [lo, hi] = eq.atMost ? bounds(target) : [0, 0];
          for (const [j, r] of same.entries()) {
            const rest = sumsOf(keyOf(q, col, isLeft, j + 1), same, r, col);
            if (!rest) continue;
            const before = kept.get(r)!;
            const [restLo, restHi] = eq.atMost ? bounds(rest) : [0, 0];
            const candidates = rows.get(r)!;
            // Candidates with the same figure in the column are answered once.
            const seen = new Map<number, boolean>();
            const after = before.filter((i) => {
              const v = candidates[i]![col]!;
              // left ≤ right: a left row needs some completion at most the right's largest sum; a right row, some
              // completion at least the left's smallest.
              if (eq.atMost) return isLeft ? restLo + v <= hi : restHi + v >= lo;
              let ok = seen.get(v);
              if (ok === undefined) seen.set(v, ok = completes(rest, target, v));
              return ok;
            });
            if (after.length !== before.length) {
              kept.set(r, after);
              domains.delete(r);
              changes.set(r, changes.get(r)! + 1);
              changed = true;
            }
          }
        }
      }
    }
  }
  return kept;
}
