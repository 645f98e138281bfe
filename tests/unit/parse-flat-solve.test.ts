/** Choosing table 三's splits by its column equations when they leave several choices: the possible candidates, and the cells they agree on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellsOf } from '../../pipeline/parse/flat-plan.ts';
import { findSupports } from '../../pipeline/parse/flat-solve.ts';
import { applicationEquations } from '../../pipeline/parse/application-equations.ts';
import { Budget } from '../../pipeline/parse/split-digits.ts';
import { APPLICATIONS } from '../../pipeline/model/template.ts';

const one = (col: number, v: number): number[] => Array.from({ length: 7 }, (_, k) => (k === col || k === 6 ? v : 0));
const anyColumn = (v: number): number[][] => [0, 1, 2, 3, 4, 5].map((c) => one(c, v));

test('every figure in one applicant column the arithmetic cannot name: each candidate is possible, the search does not give up', () => {
  const rows = new Map<string, number[][]>([
    ['received', anyColumn(9)],
    ['carried_over', [one(0, 0)]],
    ['granted', anyColumn(5)],
    ['partially_granted', anyColumn(4)],
    ['total', anyColumn(9)],
    ['carried_forward', [one(0, 0)]],
  ]);
  const solved = findSupports(rows, applicationEquations(new Set(rows.keys())), new Budget(1e6));
  assert.equal(solved.consistent, true);
  assert.equal(solved.complete, true);
  assert.deepEqual(solved.possible.get('granted'), [0, 1, 2, 3, 4, 5]);
});

test('a candidate no solution takes is dropped; figures that do not add up are inconsistent', () => {
  const rows = new Map<string, number[][]>([
    ['received', [one(0, 9)]],
    ['carried_over', [one(0, 0)]],
    ['granted', anyColumn(9)],
    ['total', anyColumn(9)],
    ['carried_forward', [one(0, 0)]],
  ]);
  const equations = applicationEquations(new Set(rows.keys()));
  assert.deepEqual(findSupports(rows, equations, new Budget(1e6)).possible.get('granted'), [0]);
  rows.set('received', [one(0, 8)]);
  assert.equal(findSupports(rows, equations, new Budget(1e6)).consistent, false);
});

test('several splits left: the cells every split agrees on are read, the others flagged with the splits', () => {
  const def = APPLICATIONS.rows.find((r) => r.code === 'granted')!;
  const line = { label: '（一）予以公开', run: '99', at: { line: 1 }, index: 0 };
  const plan = { def, line, columns: Array.from({ length: 7 }, () => ({})), candidates: [['9', '', '', '', '', '', '9'], ['', '9', '', '', '', '', '9']], forced: false, rules: ['applications.row_total'] };
  const cells = cellsOf(APPLICATIONS, ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'], plan);
  assert.deepEqual(cells.map((c) => c.kind), ['text', 'text', 'blank', 'blank', 'blank', 'blank', 'inferred']);
  assert.equal(cells[6]!.value, 9);
  assert.deepEqual(cells[6]!.inferredBy, ['applications.row_total']);
  assert.match(cells[0]!.note!, /^"99" splits 2 ways that fit the template's arithmetic \(9\|·\|·\|·\|·\|·\|9, ·\|9\|/);
});

test('without （六） (the source drops it), the printed outcome rows add up to at most 总计 in every column: a bound, not an equation', () => {
  const rows = new Map<string, number[][]>([
    ['received', [one(0, 9)]],
    ['carried_over', [one(0, 0)]],
    ['granted', anyColumn(5)],
    ['total', [one(0, 9)]],
    ['carried_forward', [one(0, 0)]],
  ]);
  const equations = applicationEquations(new Set(rows.keys()), new Set(['other', 'other.no_correction', 'other.fee_unpaid', 'other.other']));
  assert.deepEqual(equations.find((e) => e.rule === 'applications.outcome_total'), { rule: 'applications.outcome_total', left: ['granted'], right: ['total'], atMost: true });
  // 5 ≤ 9 under 自然人 only (the other columns' 总计 is 0); the 4 the missing rows hold is no inconsistency.
  const solved = findSupports(rows, equations, new Budget(1e6));
  assert.equal(solved.consistent, true);
  assert.deepEqual(solved.possible.get('granted'), [0]);
  rows.set('granted', [one(0, 10)]);
  assert.equal(findSupports(rows, equations, new Budget(1e6)).consistent, false);
});
