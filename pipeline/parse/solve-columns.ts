/**
 * Choose one split per row of table 三 so that the template's column arithmetic holds: the rows' candidate splits
 * (each already true to the row's own total) are searched jointly, since a column's rules link rows:
 * - applications.balance: received + carried_over = total + carried_forward;
 * - applications.outcome_total: the outcome rows + （六） (the row, else its sub-rows) = （七）总计;
 * - applications.other_subtotal (2021): （六） = its three sub-rows, when both are printed.
 * Values are ≥ 0 (table 三 counts applications), so a side whose terms are all placed bounds the other side's partial
 * sum; and when outcome rows are missing from the source, the printed ones still add up to at most （七）总计 in every
 * column (an `atMost` equation). Rows that no equation links are searched apart (connected rows together), so that
 * free rows do not use up the solution cap of the others. Pure; bounded by Budget.
 */
import { distinctVectors } from './distinct-vectors.ts';
import type { Budget } from './split-digits.ts';

export interface Equation {
  rule: string;
  /** Rows whose sum equals the sum of `right`. */
  left: string[];
  right: string[];
  /** The sum of `left` is at most the sum of `right` (rows of the left side are missing from the source). */
  atMost?: true;
}

const OUTCOME = /^(granted|partially_granted|denied\.|unavailable\.|not_processed\.)/;
const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

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
 * The column equations among the printed rows. `missing`: template rows whose figures are unknown — not printed by
 * the source (besides the layouts of （六） the template allows), or printed but not read. Their figures are counts,
 * ≥ 0, so an equation that needs them still bounds: a side left with unknown rows is at least its known rows' sum
 * (the printed outcome rows add up to at most 总计; received alone is at most 总计 + 结转 when 上年结转 is unknown);
 * an equation with unknown rows on both sides is left out.
 */
export function applicationEquations(printed: ReadonlySet<string>, missing: ReadonlySet<string> = new Set()): Equation[] {
  const out: Equation[] = [];
  const has = (r: string): boolean => printed.has(r);
  const add = (rule: string, left: readonly string[], right: readonly string[]): void => {
    const unknownLeft = left.some((r) => missing.has(r));
    const unknownRight = right.some((r) => missing.has(r));
    const [l, r] = [left.filter(has), right.filter(has)];
    // A row neither printed nor unknown: the equation is not the template's for this layout.
    if (![...left, ...right].every((x) => has(x) || missing.has(x))) return;
    if (!unknownLeft && !unknownRight) out.push({ rule, left: l, right: r });
    else if (unknownLeft && !unknownRight && l.length > 0) out.push({ rule, left: l, right: r, atMost: true });
    else if (unknownRight && !unknownLeft && r.length > 0) out.push({ rule, left: r, right: l, atMost: true });
  };
  add('applications.balance', ['received', 'carried_over'], ['total', 'carried_forward']);
  // （六） is the row when printed (or unknown), else its sub-rows printed or unknown.
  const other = has('other') || missing.has('other') ? ['other'] : OTHER_PARTS.filter((r) => has(r) || missing.has(r));
  const outcomes = [...new Set([...printed, ...missing])].filter((r) => OUTCOME.test(r));
  add('applications.outcome_total', [...outcomes, ...other], ['total']);
  const subs = OTHER_PARTS.filter((r) => has(r) || missing.has(r));
  if (subs.some(has)) add('applications.other_subtotal', subs, ['other']);
  return out;
}

export interface Solved {
  /** Per row: the candidate indices some solution takes (all of them when the search was complete). */
  chosen: Map<string, Set<number>>;
  solutions: number;
  /** False when the search stopped at the solution cap: rows with several candidates cannot be told apart. */
  complete: boolean;
}

const MAX_SOLUTIONS = 16;
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
function propagate(rows: Map<string, number[][]>, equations: readonly Equation[], width: number, budget: Budget): Map<string, number[]> {
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

/**
 * Search the rows' candidates (values per column) for every choice that satisfies the equations. The search runs over
 * positions, not names (the rows in search order; each equation's printed rows on each side, as positions), as it is
 * the hot spot of layout text: the same choices, in the same order, for the same budget.
 */
export function solveColumns(rows: Map<string, number[][]>, equations: readonly Equation[], budget: Budget): Solved {
  // Candidates with the same figures (a 0 placed in one blank column or another) are one choice for the search.
  const distinct = new Map([...rows].map(([r, c]) => [r, distinctVectors(c)]));
  const solved = solveDistinct(new Map([...distinct].map(([r, d]) => [r, d.vectors])), equations, budget);
  const chosen = new Map([...distinct].map(([r, d]) => {
    const taken = solved.chosen.get(r)!;
    return [r, new Set(d.of.flatMap((v, i) => (taken.has(v) ? [i] : [])))];
  }));
  return { ...solved, chosen };
}

function solveDistinct(rows: Map<string, number[][]>, equations: readonly Equation[], budget: Budget): Solved {
  const width = Math.max(0, ...[...rows.values()].map((c) => c[0]?.length ?? 0));
  const kept = propagate(rows, equations, width, budget);
  const chosen = new Map<string, Set<number>>();
  let solutions = 1;
  let complete = true;
  for (const part of linked(rows, equations)) {
    const eqs = equations.filter((e) => [...e.left, ...e.right].some((r) => part.includes(r)));
    const solved = eqs.length === 0
      // A row no equation reaches: every candidate left is a solution of its own.
      ? { chosen: new Map(part.map((r) => [r, new Set(kept.get(r)!)])), solutions: kept.get(part[0]!)!.length, complete: true }
      : searchRows(new Map(part.map((r) => [r, rows.get(r)!])), eqs, kept, width, budget);
    // A part whose search stopped at the cap keeps the candidates propagation left (a sound superset).
    for (const r of part) chosen.set(r, solved.complete ? solved.chosen.get(r)! : new Set(kept.get(r)!));
    solutions = Math.min(solutions * solved.solutions, MAX_SOLUTIONS);
    complete &&= solved.complete;
  }
  return { chosen, solutions, complete };
}

/** The rows in groups that the equations link (each group in the rows' order; groups by their first row). */
function linked(rows: ReadonlyMap<string, unknown>, equations: readonly Equation[]): string[][] {
  const group = new Map([...rows.keys()].map((r) => [r, r]));
  const find = (r: string): string => {
    while (group.get(r) !== r) r = group.get(r)!;
    return r;
  };
  for (const e of equations) {
    const present = [...e.left, ...e.right].filter((r) => rows.has(r));
    for (const r of present.slice(1)) group.set(find(r), find(present[0]!));
  }
  const out = new Map<string, string[]>();
  for (const r of rows.keys()) {
    const root = find(r);
    const list = out.get(root);
    if (list) list.push(r);
    else out.set(root, [r]);
  }
  return [...out.values()];
}

/** The search over one group of linked rows. */
function searchRows(rows: Map<string, number[][]>, equations: readonly Equation[], kept: ReadonlyMap<string, number[]>, width: number, budget: Budget): Solved {
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
