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
import type { Equation } from './application-equations.ts';
import { propagate } from './solve-columns-propagate.ts';
import { MAX_SOLUTIONS, type Solved, searchRows } from './solve-columns-search.ts';
import { propagatePlain, searchRowsPlain } from './solve-columns-plain.ts';

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

/**
 * Whether every figure is a whole number and every sum of them exact (the fast forms keep running sums, whose order
 * then does not matter).
 */
function wholeNumbers(rows: ReadonlyMap<string, number[][]>): boolean {
  let total = 0;
  for (const candidates of rows.values()) {
    let most = 0;
    for (const v of candidates) for (const x of v) {
      if (!Number.isSafeInteger(x)) return false;
      most = Math.max(most, Math.abs(x));
    }
    total += most;
  }
  return total <= Number.MAX_SAFE_INTEGER;
}

function solveDistinct(rows: Map<string, number[][]>, equations: readonly Equation[], budget: Budget): Solved {
  const width = Math.max(0, ...[...rows.values()].map((c) => c[0]?.length ?? 0));
  const whole = wholeNumbers(rows);
  const kept = (whole ? propagate : propagatePlain)(rows, equations, width, budget);
  const chosen = new Map<string, Set<number>>();
  let solutions = 1;
  let complete = true;
  for (const part of linked(rows, equations)) {
    const eqs = equations.filter((e) => [...e.left, ...e.right].some((r) => part.includes(r)));
    const solved = eqs.length === 0
      // A row no equation reaches: every candidate left is a solution of its own.
      ? { chosen: new Map(part.map((r) => [r, new Set(kept.get(r)!)])), solutions: kept.get(part[0]!)!.length, complete: true }
      : (whole ? searchRows : searchRowsPlain)(new Map(part.map((r) => [r, rows.get(r)!])), eqs, kept, width, budget);
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
