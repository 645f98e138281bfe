/** Splitting glued runs of figures (flattened page text) into cells, and choosing splits by the template's arithmetic. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { applicationEquations } from '../../pipeline/parse/application-equations.ts';
import { solveColumns } from '../../pipeline/parse/solve-columns.ts';
import { Budget, SearchLimit, showSplit, splitRun, tokenValue } from '../../pipeline/parse/split-digits.ts';

const seven = Array.from({ length: 7 }, () => ({}));
const rowTotal = (v: readonly number[]): boolean => v.length < 7 || v.slice(0, 6).reduce((s, x) => s + x, 0) === v[6];

test('the issue’s example: "230 000023" is 23, 0, 0, 0, 0, 0, 23 by the row total', () => {
  const splits = splitRun('230 000023', seven, new Budget(1e6), { what: 'test', check: rowTotal });
  assert.deepEqual(splits.map(showSplit), ['23|0|0|0|0|0|23']);
});

test('zeros stand alone and a space is a boundary: "0000000" splits one way without arithmetic', () => {
  assert.deepEqual(splitRun('0000000', seven, new Budget(1e6), { what: 'test' }).map(showSplit), ['0|0|0|0|0|0|0']);
});

test('"2648-18538" into a 2019 items row (previous, signed change, decisions): several splits, listed', () => {
  const columns = [{}, { signed: true }, {}];
  const splits = splitRun('2648-18538', columns, new Budget(1e6), { what: 'test' }).map(showSplit);
  assert.ok(splits.includes('2648|-18|538'));
  assert.ok(splits.length > 1);
});

test('tokens: sign only in signed columns, decimals and 元 only in money columns, no leading zeros', () => {
  assert.equal(tokenValue('-18', { signed: true }), -18);
  assert.equal(tokenValue('-18', {}), undefined);
  assert.equal(tokenValue('012', {}), undefined);
  assert.equal(tokenValue('12.5', {}), undefined);
  assert.equal(tokenValue('12.5', { money: true }), 12.5);
  assert.equal(tokenValue('8810055元', { money: true }), 881.0055);
  assert.equal(tokenValue('1,234', {}), 1234);
  assert.equal(tokenValue('-', {}), null);
});

test('table 三: the columns’ arithmetic picks the one split of a row that the row total leaves open', () => {
  const rows = new Map<string, number[][]>([
    ['received', [[5, 0, 0, 0, 0, 0, 5]]],
    ['carried_over', [[0, 0, 0, 0, 0, 0, 0]]],
    ['granted', [[5, 0, 0, 0, 0, 0, 5], [0, 5, 0, 0, 0, 0, 5]]],
    ['total', [[5, 0, 0, 0, 0, 0, 5]]],
    ['carried_forward', [[0, 0, 0, 0, 0, 0, 0]]],
  ]);
  const solved = solveColumns(rows, applicationEquations(new Set(rows.keys())), new Budget(1e6));
  assert.equal(solved.solutions, 1);
  assert.deepEqual([...solved.chosen.get('granted')!], [0]);
});

test('a search that runs out of its part throws SearchLimit; a report out of its budget throws InputError', () => {
  const report = new Budget(1e9);
  assert.throws(() => splitRun('1'.repeat(40), seven, report.part(50), { what: 'test' }), SearchLimit);
  assert.throws(() => splitRun('1'.repeat(40), seven, new Budget(50), { what: 'row x' }), (e: unknown) => e instanceof InputError && /row x/.test(e.message));
});

test('whole tokens (raw pdftotext): each split once — a blank at the run’s end is not also an empty token', () => {
  const splits = splitRun('0 0', [{}, {}, {}], new Budget(1e6), { what: 'test', whole: true }).map(showSplit);
  assert.deepEqual(splits, ['·|0|0', '0|·|0', '0|0|·']);
});
