import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPrevious, validate, validateAll } from '../../pipeline/validate/index.ts';
import { build, consistent, issuesOf, set } from '../helpers/synthetic.ts';

function pair(edition: '2019' | '2021' = '2021') {
  const previous = consistent(edition, 2022);
  const current = consistent(edition, 2023);
  return { previous, current };
}

test('cross_year.carry holds when carried_over equals last year\'s carried_forward', () => {
  const { previous, current } = pair();
  set(previous, 'applications', 'carried_forward', 'natural_person', 1);
  set(previous, 'applications', 'carried_forward', 'total', 1);
  set(previous, 'applications', 'total', 'natural_person', 4);
  set(previous, 'applications', 'granted', 'natural_person', 2);
  set(previous, 'applications', 'granted', 'total', 2);
  set(previous, 'applications', 'total', 'total', 6);
  set(current, 'applications', 'carried_over', 'natural_person', 1);
  set(current, 'applications', 'carried_over', 'total', 1);
  set(current, 'applications', 'total', 'natural_person', 6);
  set(current, 'applications', 'granted', 'natural_person', 4);
  set(current, 'applications', 'granted', 'total', 4);
  set(current, 'applications', 'total', 'total', 8);
  set(current, 'proactive', 'regulations', 'issued', 0);
  set(current, 'proactive', 'normative_documents', 'issued', 0);
  set(current, 'proactive', 'normative_documents', 'repealed', 0);
  const prev = build(previous);
  assert.deepEqual(validate(prev).issues, []);
  assert.deepEqual(validate(build(current), { previous: prev }).issues, []);
});

test('cross_year.carry fails per column and names the previous report in related', () => {
  const { previous, current } = pair('2019');
  previous.year = 2019;
  current.year = 2020;
  set(previous, 'applications', 'carried_forward', 'total', 3);
  const prev = build(previous);
  const issues = issuesOf(validate(build(current), { previous: prev }), 'cross_year.carry');
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.deepEqual([issue?.severity, issue?.table, issue?.row, issue?.column, issue?.expected, issue?.found],
    ['warning', 'applications', 'carried_over', 'total', 3, 0]);
  assert.deepEqual(issue?.related, [prev.id]);
  assert.match(issue?.message.en ?? '', /2019 carried forward 3 = 3, but carried over is 0/);
});

test('cross_year.carry counts a blank on either side as 0, naming the other report\'s cell', () => {
  const { previous, current } = pair();
  set(previous, 'applications', 'carried_forward', 'other_org', null);
  set(current, 'applications', 'carried_over', 'other_org', 2);
  const prev = build(previous);
  const [issue] = issuesOf(validate(build(current), { previous: prev }), 'cross_year.carry');
  assert.deepEqual(issue?.blanksAsZero, [`${prev.id}:carried_forward.other_org`]);
  assert.match(issue?.message.en ?? '', /counted as 0/);
});

test('cross-year rules need the previous year, not any earlier report', () => {
  const { previous, current } = pair();
  previous.year = 2021;
  set(previous, 'applications', 'carried_forward', 'total', 3);
  set(previous, 'proactive', 'regulations', 'in_force', 100);
  const result = validate(build(current), { previous: build(previous) });
  assert.deepEqual(result.issues, []);
});

test('cross_year.in_force holds: in_force(N) = in_force(N-1) + issued(N) - repealed(N)', () => {
  const { previous, current } = pair();
  set(current, 'proactive', 'regulations', 'issued', 2);
  set(current, 'proactive', 'regulations', 'repealed', 1);
  set(current, 'proactive', 'regulations', 'in_force', 6);
  set(current, 'proactive', 'normative_documents', 'issued', 0);
  set(current, 'proactive', 'normative_documents', 'repealed', 0);
  const result = validate(build(current), { previous: build(previous) });
  assert.deepEqual(issuesOf(result, 'cross_year.in_force'), []);
});

test('cross_year.in_force fails per row with expected and found, and related', () => {
  const { previous, current } = pair();
  // previous: regulations in_force 5, normative_documents in_force 10; current issues 1 and 2, repeals 0 and 1
  const prev = build(previous);
  const issues = issuesOf(validate(build(current), { previous: prev }), 'cross_year.in_force');
  assert.deepEqual(issues.map((i) => [i.severity, i.table, i.row, i.column, i.expected, i.found, i.related]), [
    ['warning', 'proactive', 'regulations', 'in_force', 6, 5, [prev.id]],
    ['warning', 'proactive', 'normative_documents', 'in_force', 11, 10, [prev.id]],
  ]);
  assert.match(issues[1]?.message.en ?? '', /2022 in force 10 \+ issued 2 − repealed 1 = 11, but in force is 10/);
});

test('cross_year.in_force only compares two 2021-edition reports', () => {
  const previous = consistent('2019', 2020);
  const current = consistent('2021', 2021);
  const result = validate(build(current), { previous: build(previous) });
  assert.deepEqual(issuesOf(result, 'cross_year.in_force'), []);
});

test('validateAll passes the same body\'s previous year as context', () => {
  const { previous, current } = pair();
  previous.agency = ' 测试市测试局 ';
  set(previous, 'applications', 'carried_forward', 'total', 3);
  const other = consistent('2021', 2022);
  other.agency = '另一个局';
  const reports = [build(current), build(previous), build(other)];
  const results = validateAll(reports);
  assert.deepEqual([...results.keys()], reports.map((r) => r.id));
  const mine = results.get(reports[0]!.id)!;
  assert.deepEqual(issuesOf(mine, 'cross_year.carry').map((i) => i.related), [[reports[1]!.id]]);
  assert.equal(findPrevious(reports[0]!, reports), reports[1]);
  assert.equal(findPrevious(reports[1]!, reports), undefined);
  assert.equal(findPrevious(reports[2]!, reports), undefined);
});
