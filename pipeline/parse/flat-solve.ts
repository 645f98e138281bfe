/**
 * Which of each row's candidate figure vectors some full choice can take, when table 三's column equations link the
 * rows (from application-equations.ts): for flattened text, where a row's digits split several ways. Unlike a search
 * that lists solutions, this finds, for every candidate, one solution that takes it (its support) or proves there is
 * none — so a table with many solutions (a report whose every figure stands in one applicant column that the
 * arithmetic cannot name) still yields the candidates that are possible, and the cells they all agree on.
 * - Propagation: per equation and column, a candidate whose value cannot meet the other rows' bounds is dropped
 *   (values in table 三 are ≥ 0; the bounds are the rows' smallest and largest values left; an `atMost` equation
 *   bounds its left side by its right only).
 * - Search: depth first, the row with the fewest candidates first, propagating at each step.
 * Pure; bounded by a Budget part (SearchLimit when it runs out: the caller keeps the propagated candidates, a sound
 * superset of the possible ones).
 */
import type { Equation } from './application-equations.ts';
import { type Budget, SearchLimit } from './split-digits.ts';

/** Per row, the candidate indices still possible. */
export type Domains = Map<string, number[]>;

export interface Supports {
  /** Per row: the candidates some solution takes (exact when `complete`, else a superset: the propagated ones). */
  possible: Domains;
  /** False when no choice satisfies the equations (the source is inconsistent). */
  consistent: boolean;
  /** False when the search ran out of steps. */
  complete: boolean;
}

function width(rows: ReadonlyMap<string, number[][]>): number {
  return Math.max(0, ...[...rows.values()].map((c) => c[0]?.length ?? 0));
}

/** Narrow the domains by the equations' bounds until nothing changes; false when a row is left with none. */
export function propagateBounds(rows: ReadonlyMap<string, number[][]>, equations: readonly Equation[], domains: Domains, budget: Budget): boolean {
  const cols = width(rows);
  const lo = (r: string, col: number): number => Math.min(...domains.get(r)!.map((i) => rows.get(r)![i]![col]!));
  const hi = (r: string, col: number): number => Math.max(...domains.get(r)!.map((i) => rows.get(r)![i]![col]!));
  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations) {
      budget.spend('table 三');
      for (let col = 0; col < cols; col++) {
        const sides = [eq.left, eq.right] as const;
        const bounds = sides.map((side) => side.reduce<[number, number]>(([a, b], r) => [a + lo(r, col), b + hi(r, col)], [0, 0]));
        for (let s = 0; s < 2; s++) {
          const [otherLo, otherHi] = bounds[1 - s]!;
          const [sameLo, sameHi] = bounds[s]!;
          for (const r of sides[s]!) {
            const rLo = lo(r, col);
            const rHi = hi(r, col);
            // r's value v must allow: v + (rest of its side) = the other side, for some values within bounds (≤ the
            // right side when the equation is a bound: then only a left row has a largest value, a right row a least).
            const min = eq.atMost && s === 0 ? -Infinity : otherLo - (sameHi - rHi);
            const max = eq.atMost && s === 1 ? Infinity : otherHi - (sameLo - rLo);
            if (rLo >= min && rHi <= max) continue;
            const kept = domains.get(r)!.filter((i) => {
              const v = rows.get(r)![i]![col]!;
              return v >= min && v <= max;
            });
            domains.set(r, kept);
            if (kept.length === 0) return false;
            changed = true;
          }
        }
      }
      if (changed) break;
    }
  }
  return true;
}

const copy = (d: Domains): Domains => new Map([...d].map(([r, c]) => [r, [...c]]));

/** One solution within the domains (each row's chosen candidate), or null when there is none. */
function findOne(rows: ReadonlyMap<string, number[][]>, equations: readonly Equation[], domains: Domains, budget: Budget, prefer: Domains): Map<string, number> | null {
  if (!propagateBounds(rows, equations, domains, budget)) return null;
  const open = [...domains].filter(([, c]) => c.length > 1).sort((a, b) => a[1].length - b[1].length)[0];
  if (!open) return new Map([...domains].map(([r, c]) => [r, c[0]!]));
  const [row, cands] = open;
  // Candidates without a support yet first: a solution through them settles more.
  const unsupported = new Set(prefer.get(row) ?? []);
  const order = [...cands.filter((i) => unsupported.has(i)), ...cands.filter((i) => !unsupported.has(i))];
  for (const i of order) {
    const next = copy(domains);
    next.set(row, [i]);
    const found = findOne(rows, equations, next, budget, prefer);
    if (found) return found;
  }
  return null;
}

/** The candidates of each row that some solution takes. */
export function findSupports(rows: ReadonlyMap<string, number[][]>, equations: readonly Equation[], budget: Budget): Supports {
  const start: Domains = new Map([...rows].map(([r, c]) => [r, c.map((_, i) => i)]));
  let top: Domains;
  try {
    if (!propagateBounds(rows, equations, start, budget)) return { possible: new Map([...rows.keys()].map((r) => [r, []])), consistent: false, complete: true };
    top = start;
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { possible: new Map([...rows].map(([r, c]) => [r, c.map((_, i) => i)])), consistent: true, complete: false };
  }
  const supported: Domains = new Map([...top.keys()].map((r) => [r, []]));
  const unsupported = (): Domains => new Map([...top].map(([r, c]) => [r, c.filter((i) => !supported.get(r)!.includes(i))]));
  const mark = (solution: Map<string, number>): void => {
    for (const [r, i] of solution) if (!supported.get(r)!.includes(i)) supported.get(r)!.push(i);
  };
  try {
    for (const [row, cands] of top) {
      for (const i of cands) {
        if (supported.get(row)!.includes(i)) continue;
        const domains = copy(top);
        domains.set(row, [i]);
        const found = findOne(rows, equations, domains, budget, unsupported());
        if (found) mark(found);
      }
      if (supported.get(row)!.length === 0) return { possible: new Map([...rows.keys()].map((r) => [r, []])), consistent: false, complete: true };
    }
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { possible: top, consistent: true, complete: false };
  }
  for (const c of supported.values()) c.sort((a, b) => a - b);
  return { possible: supported, consistent: true, complete: true };
}
