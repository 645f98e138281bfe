/**
 * Runs split by their totals (split-options.ts): a long row of table 三 and table 四's fifteen figures within one
 * search's steps, the splits listed as splitRun lists them, and each split counted once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICATIONS } from '../../pipeline/model/template.ts';
import { planRow } from '../../pipeline/parse/flat-plan.ts';
import { listSplits, splitOptions } from '../../pipeline/parse/split-options.ts';
import { Budget, SEARCH_STEPS, showSplit, splitRun } from '../../pipeline/parse/split-digits.ts';

const seven = Array.from({ length: 7 }, () => ({}));
const fifteen = Array.from({ length: 15 }, () => ({}));
const rowTotal = (v: readonly number[]): boolean => v.length < 7 || v.slice(0, 6).reduce((s, x) => s + x, 0) === v[6];
const APPEAL_TOTALS = new Set([4, 9, 14]);

test('a row of table 三 printed as 17 glued digits is split within one search (it ran out of 40,000 steps and was flagged whole)', () => {
  const def = APPLICATIONS.rows.find((r) => r.code === 'received')!;
  const line = { label: '一、本年新收政府信息公开申请数量', run: '26898080027803775', at: { line: 1 }, index: 0 };
  const plan = planRow(APPLICATIONS, def, '2021', line, new Budget(1e6));
  assert.equal(plan.refused, undefined);
  assert.equal(plan.candidates.length, 8);
  assert.ok(plan.candidates.map(showSplit).includes('2689|808|0|0|278|0|3775'));
});

test('listSplits lists the row-total splits in splitRun’s order', () => {
  for (const run of ['230 000023', '5011667', '99', '4740000 51', '1456218012001686']) {
    const listed = listSplits(run, seven, new Set([6]), new Budget(1e6), 'test', false, 401).map(showSplit);
    const enumerated = splitRun(run, seven, new Budget(1e7), { what: 'test', check: rowTotal }).map(showSplit);
    assert.deepEqual(listed, enumerated, run);
  }
});

test('table 四: 26 glued digits are split by the three totals within one search (it ran out of 40,000 steps)', () => {
  const run = '66192825138337109592035331';
  const options = splitOptions(run, [run], fifteen, APPEAL_TOTALS, new Budget(1e6).part(SEARCH_STEPS), 'test');
  assert.equal(options.count, 2);
  assert.deepEqual([...options.cells[0]!.keys()], ['66']);
  assert.deepEqual([...options.cells[4]!.keys()], ['138']);
});

test('whole tokens (raw pdftotext): a split is counted once — "1 1" in table 四 is 12 splits (4 in each group), not 4,228', () => {
  const options = splitOptions('1 1', ['1 1'], fifteen, APPEAL_TOTALS, new Budget(1e6), 'test', true);
  assert.equal(options.count, 12);
  assert.deepEqual(options.examples.slice(0, 4).map(showSplit), ['·|·|·|·|·|·|·|·|·|·|·|·|·|1|1', '·|·|·|·|·|·|·|·|·|·|·|·|1|·|1', '·|·|·|·|·|·|·|·|·|·|·|1|·|·|1', '·|·|·|·|·|·|·|·|·|·|1|·|·|·|1']);
});
