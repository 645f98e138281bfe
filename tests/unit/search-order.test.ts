/**
 * The order table 三's search places rows in (search-order.ts): the rows that close a side of an equation go first,
 * so the outcome rows are checked against a placed 总计. The order changes how many nodes are visited, never the
 * answer: on generated tables, whenever the search finishes, its solutions and choices are those of listing every
 * combination of candidates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Equation } from '../../pipeline/parse/application-equations.ts';
import { searchOrder } from '../../pipeline/parse/search-order.ts';
import { solveColumns } from '../../pipeline/parse/solve-columns.ts';
import { MAX_SOLUTIONS } from '../../pipeline/parse/solve-columns-search.ts';
import { Budget, SEARCH_STEPS, SearchLimit } from '../../pipeline/parse/split-digits.ts';

const WIDTH = 3;

test('rows with one candidate first, then the row that closes the most sides (总计 before the outcome rows)', () => {
  const kept = new Map([['received', [0, 1]], ['carried_over', [0]], ['a', [0, 1, 2]], ['b', [0, 1]], ['total', [0, 1, 2, 3]]]);
  const equations: Equation[] = [
    { rule: 'balance', left: ['received', 'carried_over'], right: ['total'] },
    { rule: 'outcome', left: ['a', 'b'], right: ['total'] },
  ];
  // total closes both right sides; then received closes balance's left; then b (fewer candidates) before a, which
  // closes the outcome's left last.
  assert.deepEqual(searchOrder([...kept.keys()], equations, kept), ['carried_over', 'total', 'received', 'b', 'a']);
});

/**
 * Ten outcome rows, each one figure with six columns it could stand in, and 总计 the same: the outcome rows must all
 * stand in 总计's column (six solutions). Placed after them, 总计 was checked only at the leaves (6^11 of them); placed
 * first, each outcome row is bounded by it as it is placed.
 */
test('a table whose 总计 bounds every outcome row is solved within the steps of one search', () => {
  const figures = [63, 2, 8, 35, 15, 4, 5, 3, 3, 13];
  const oneFigure = (x: number): number[][] => Array.from({ length: 6 }, (_, c) => Array.from({ length: 7 }, (_, k) => (k === c || k === 6 ? x : 0)));
  const outcomes = figures.map((_, i) => `o${i}`);
  const rows = new Map<string, number[][]>([...outcomes.map((r, i) => [r, oneFigure(figures[i]!)] as [string, number[][]]), ['total', oneFigure(151)]]);
  const budget = new Budget(1e6).part(SEARCH_STEPS);
  const solved = solveColumns(rows, [{ rule: 'outcome', left: outcomes, right: ['total'] }], budget);
  assert.equal(solved.complete, true);
  assert.equal(solved.solutions, 6);
  for (const r of rows.keys()) assert.deepEqual([...solved.chosen.get(r)!].sort(), [0, 1, 2, 3, 4, 5]);
  assert.ok(budget.left > SEARCH_STEPS - 1_000, `${SEARCH_STEPS - budget.left} steps`);
});

/** Every combination of candidates, checked against every equation: the solutions and the candidates they take. */
function listAll(rows: number[][][], equations: readonly Equation[]): { solutions: number; chosen: number[][] } {
  const chosen = rows.map(() => new Set<number>());
  let solutions = 0;
  const pick = new Array<number>(rows.length).fill(0);
  const sum = (side: readonly string[], col: number): number => side.reduce((s, r) => s + rows[Number(r.slice(1))]![pick[Number(r.slice(1))]!]![col]!, 0);
  const go = (k: number): void => {
    if (k === rows.length) {
      for (const e of equations) {
        for (let col = 0; col < WIDTH; col++) {
          const [l, r] = [sum(e.left, col), sum(e.right, col)];
          if (e.atMost ? l > r : l !== r) return;
        }
      }
      solutions++;
      pick.forEach((i, j) => chosen[j]!.add(i));
      return;
    }
    for (let i = 0; i < rows[k]!.length; i++) {
      pick[k] = i;
      go(k + 1);
    }
  };
  go(0);
  return { solutions, chosen: chosen.map((s) => [...s].sort((a, b) => a - b)) };
}

const table = fc.integer({ min: 2, max: 6 }).chain((n) => fc.record({
  rows: fc.tuple(...Array.from({ length: n }, () => fc.uniqueArray(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: WIDTH, maxLength: WIDTH }), {
    minLength: 1, maxLength: 5, selector: (v) => v.join(','),
  }))),
  equations: fc.array(fc.record({
    sides: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    atMost: fc.boolean(),
  }), { minLength: 1, maxLength: 3 }),
}));

test('whenever the search finishes, its answer is that of every combination listed', () => {
  let finished = 0;
  fc.assert(fc.property(table, (t) => {
    const equations: Equation[] = t.equations.map((e, q) => ({
      rule: `e${q}`,
      left: e.sides.flatMap((s, i) => (s === 1 ? [`r${i}`] : [])),
      right: e.sides.flatMap((s, i) => (s === 2 ? [`r${i}`] : [])),
      ...(e.atMost ? { atMost: true as const } : {}),
    })).filter((e) => e.left.length > 0 && e.right.length > 0);
    let solved;
    try {
      solved = solveColumns(new Map(t.rows.map((c, i) => [`r${i}`, c])), equations, new Budget(1e6).part(2_000));
    } catch (err) {
      if (!(err instanceof SearchLimit)) throw err;
      return;
    }
    finished++;
    const all = listAll(t.rows, equations);
    // Rows no equation links are solved apart: a product of counts, complete when every part is.
    assert.equal(solved.solutions, Math.min(all.solutions, MAX_SOLUTIONS));
    if (all.solutions > 0 && all.solutions <= MAX_SOLUTIONS) assert.equal(solved.complete, true);
    if (solved.complete && all.solutions > 0) assert.deepEqual(t.rows.map((_, i) => [...solved.chosen.get(`r${i}`)!].sort((a, b) => a - b)), all.chosen);
  }), { numRuns: 400, seed: 7 });
  assert.ok(finished > 300, `${finished} of 400 finished`);
});
