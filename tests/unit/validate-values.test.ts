import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../../pipeline/validate/index.ts';
import { editionForYear } from '../../pipeline/validate/rules-values.ts';
import { build, consistent, issuesOf, set } from '../helpers/synthetic.ts';

test('value.not_a_number: an error for every text cell, with raw, expected and source', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'granted', 'research_institution', { kind: 'text', value: null, raw: '若干',
    source: { table: 2, row: 5, cell: 4 } });
  set(compact, 'proactive', 'regulations', 'made', 'n/a?');
  const result = validate(build(compact));
  assert.equal(result.valid, false);
  const issues = issuesOf(result, 'value.not_a_number');
  assert.deepEqual(issues.map((i) => [i.severity, i.table, i.row, i.column, i.expected, i.found]), [
    ['error', 'proactive', 'regulations', 'made', 'a number', 'n/a?'],
    ['error', 'applications', 'granted', 'research_institution', 'a number', '若干'],
  ]);
  assert.deepEqual(issues[1]?.source, { table: 2, row: 5, cell: 4 });
  assert.deepEqual(issues[0]?.source, { pointer: '/tables/proactive/regulations/made' });
  assert.match(issues[1]?.message.en ?? '', /"若干" is not a number/);
});

test('no text cell, no value.not_a_number, and the report is valid', () => {
  const result = validate(build(consistent('2021')));
  assert.equal(result.valid, true);
  assert.deepEqual(issuesOf(result, 'value.not_a_number'), []);
});

test('edition.year_mismatch: the 2019 edition is for 2019-2020 reports, the 2021 edition from 2021 on', () => {
  assert.deepEqual([2019, 2020, 2021, 2024].map(editionForYear), ['2019', '2019', '2021', '2021']);
  for (const [edition, year] of [['2019', 2019], ['2019', 2020], ['2021', 2021], ['2021', 2025]] as const) {
    assert.deepEqual(issuesOf(validate(build(consistent(edition, year))), 'edition.year_mismatch'), [], `${edition} ${year}`);
  }
  const late = issuesOf(validate(build(consistent('2019', 2022))), 'edition.year_mismatch');
  assert.deepEqual(late.map((i) => [i.severity, i.expected, i.found, i.table]), [['warning', '2021', '2019', undefined]]);
  assert.match(late[0]?.message.en ?? '', /2022 report should use the 2021 edition/);
  const early = issuesOf(validate(build(consistent('2021', 2020))), 'edition.year_mismatch');
  assert.deepEqual(early.map((i) => [i.expected, i.found]), [['2019', '2021']]);
});
