/**
 * Table 三's fast pruning and search (running sums, sums kept as a shift) against their plain forms (sums taken afresh,
 * sets built domain by domain; solve-columns-plain.ts): the same candidates kept, the same choices, the same number of
 * solutions, and the same steps of the budget spent (so that the same searches run out), on generated tables.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Equation } from '../../pipeline/parse/application-equations.ts';
import { propagatePlain, searchRowsPlain } from '../../pipeline/parse/solve-columns-plain.ts';
import { propagate } from '../../pipeline/parse/solve-columns-propagate.ts';
import { searchRows } from '../../pipeline/parse/solve-columns-search.ts';
import { Budget, SearchLimit } from '../../pipeline/parse/split-digits.ts';

const WIDTH = 3;

/**
 * A table: rows r0…, each with distinct candidate vectors; equations over disjoint sides of them. Small figures make
 * many equal sums (solutions, pruning); large ones make more than MAX_SUMS reachable sums (propagation gives up there).
 */
const table = fc.tuple(fc.integer({ min: 2, max: 7 }), fc.constantFrom(4, 1_000_000)).chain(([n, most]) => fc.record({
  rows: fc.tuple(...Array.from({ length: n }, () => fc.uniqueArray(fc.array(fc.integer({ min: 0, max: most }), { minLength: WIDTH, maxLength: WIDTH }), {
    minLength: 1, maxLength: 6, selector: (v) => v.join(','),
  }))),
  equations: fc.array(fc.record({
    sides: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    atMost: fc.boolean(),
  }), { minLength: 1, maxLength: 3 }),
  steps: fc.integer({ min: 5, max: 400 }),
}));

type Outcome = { kept: [string, number[]][]; chosen: [string, number[]][]; solutions: number; complete: boolean; left: number } | { limit: true; left: number };

function run(t: { rows: number[][][]; equations: { sides: number[]; atMost: boolean }[]; steps: number }, fast: boolean): Outcome {
  const rows = new Map(t.rows.map((c, i) => [`r${i}`, c]));
  const equations: Equation[] = t.equations.map((e, q) => ({
    rule: `e${q}`,
    left: e.sides.flatMap((s, i) => (s === 1 ? [`r${i}`] : [])),
    right: e.sides.flatMap((s, i) => (s === 2 ? [`r${i}`] : [])),
    ...(e.atMost ? { atMost: true as const } : {}),
  }));
  const budget = new Budget(1e6).part(t.steps);
  try {
    const kept = (fast ? propagate : propagatePlain)(rows, equations, WIDTH, budget);
    const solved = (fast ? searchRows : searchRowsPlain)(rows, equations, kept, WIDTH, budget);
    return {
      kept: [...kept],
      chosen: [...solved.chosen].map(([r, s]) => [r, [...s].sort((a, b) => a - b)]),
      solutions: solved.solutions,
      complete: solved.complete,
      left: budget.left,
    };
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { limit: true, left: budget.left };
  }
}

test('fast pruning and search: the same kept candidates, choices, solutions and steps as the plain forms', () => {
  fc.assert(fc.property(table, (t) => {
    assert.deepEqual(run(t, true), run(t, false));
  }), { numRuns: 600, seed: 13 });
});

test('the generated tables reach every outcome: complete, capped at the solution limit, and out of steps', () => {
  const outcomes = new Set<string>();
  fc.assert(fc.property(table, (t) => {
    const o = run(t, true);
    outcomes.add('limit' in o ? 'limit' : o.complete ? (o.solutions === 0 ? 'none' : 'complete') : 'capped');
  }), { numRuns: 600, seed: 13 });
  assert.deepEqual([...outcomes].sort(), ['capped', 'complete', 'limit', 'none']);
});

test('more than MAX_SUMS reachable sums (6 rows of 6 candidates: 7,776 sums of five): neither form prunes by them', () => {
  let x = 1;
  // Figures from a Lehmer generator: sums of different choices do not meet.
  const value = (): number => (x = (x * 48_271) % 2_147_483_647) % 1_000_000;
  const t = {
    rows: [...Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => [0, 1, 2].map(value))), [[5, 5, 5]]],
    equations: [{ sides: [1, 1, 1, 1, 1, 1, 2], atMost: false }],
    steps: 300,
  };
  const fast = run(t, true);
  assert.deepEqual(fast, run(t, false));
  // The left rows keep every candidate (the sums of the other five are too many to prune by); the search finds none.
  assert.ok(!('limit' in fast));
  assert.deepEqual(fast.kept.map(([, k]) => k.length), [6, 6, 6, 6, 6, 6, 1]);
  assert.equal(fast.solutions, 0);
});
