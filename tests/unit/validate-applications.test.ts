import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Issue } from '../../pipeline/model/issue.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { build, consistent, drop, issuesOf, printed, set } from '../helpers/synthetic.ts';

function only(issues: Issue[]): Issue {
  assert.equal(issues.length, 1, JSON.stringify(issues, null, 1));
  return issues[0]!;
}

function check(issue: Issue, want: Partial<Issue>): void {
  for (const [key, value] of Object.entries(want)) assert.deepEqual(issue[key as keyof Issue], value, key);
}

test('consistent reports of both editions give no issue at all', () => {
  for (const edition of ['2019', '2021'] as const) {
    const result = validate(build(consistent(edition)));
    assert.deepEqual(result, { valid: true, issues: [] }, edition);
  }
});

test('applications.balance holds when received + carried_over = total + carried_forward', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'carried_over', 'natural_person', 2);
  set(compact, 'applications', 'carried_over', 'total', 2);
  set(compact, 'applications', 'carried_forward', 'natural_person', 2);
  set(compact, 'applications', 'carried_forward', 'total', 2);
  assert.deepEqual(issuesOf(validate(build(compact)), 'applications.balance'), []);
});

test('applications.balance fails per column, with expected, found and the numbers in the message', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'carried_forward', 'legal_service_org', 1);
  const issue = only(issuesOf(validate(build(compact)), 'applications.balance'));
  check(issue, { severity: 'warning', table: 'applications', column: 'legal_service_org', expected: 2, found: 3 });
  assert.equal(issue.row, undefined);
  assert.equal(issue.blanksAsZero, undefined);
  assert.equal(issue.message.en,
    'applications.balance, legal_service_org: received 2 + carried over 0 = 2, but total 2 + carried forward 1 = 3');
  assert.match(issue.message.zh, /法律服务机构列/);
  assert.match(issue.message.zh, /= 2，但 .* = 3/);
});

test('applications.balance states the blanks it counted as 0', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'carried_over', 'other_org', null);
  set(compact, 'applications', 'carried_forward', 'other_org', '-');
  set(compact, 'applications', 'received', 'other_org', 1);
  const issue = only(issuesOf(validate(build(compact)), 'applications.balance'));
  check(issue, { column: 'other_org', expected: 1, found: 0,
    blanksAsZero: ['carried_over.other_org', 'carried_forward.other_org'] });
  assert.match(issue.message.en, /counted as 0: carried_over\.other_org, carried_forward\.other_org/);
  assert.match(issue.message.zh, /按 0 计：carried_over\.other_org、carried_forward\.other_org/);
});

test('a rule is skipped where every cell is blank or absent, and where a cell is text', () => {
  const compact = consistent('2019');
  for (const row of ['received', 'carried_over', 'total', 'carried_forward']) set(compact, 'applications', row, 'other_org', null);
  const blank = validate(build(compact));
  assert.deepEqual(issuesOf(blank, 'applications.balance'), []);

  const text = consistent('2019');
  set(text, 'applications', 'received', 'natural_person', '约5');
  set(text, 'applications', 'total', 'natural_person', 9);
  const result = validate(build(text));
  assert.deepEqual(issuesOf(result, 'applications.balance'), []);
  assert.deepEqual(issuesOf(result, 'applications.outcome_total').map((i) => i.column), ['natural_person']);
  assert.equal(issuesOf(result, 'value.not_a_number').length, 1);
});

test('applications.row_total holds on every row, and fails on the row whose total is wrong', () => {
  const compact = consistent('2021');
  set(compact, 'applications', 'granted', 'total', 4);
  const result = validate(build(compact));
  const issue = only(issuesOf(result, 'applications.row_total'));
  check(issue, { severity: 'warning', table: 'applications', row: 'granted', column: 'total', expected: 3, found: 4 });
  assert.match(issue.message.en, /^applications\.row_total, granted: natural person 3 .* = 3, but total is 4$/);
  // the same cell also breaks the total row's sum down the total column
  check(only(issuesOf(result, 'applications.outcome_total')), { row: 'total', column: 'total', expected: 8, found: 7 });
});

test('applications.row_total counts blank applicant cells as 0 and says so', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'denied.state_secret', 'natural_person', null);
  set(compact, 'applications', 'denied.state_secret', 'total', 1);
  const issue = only(issuesOf(validate(build(compact)), 'applications.row_total'));
  check(issue, { row: 'denied.state_secret', expected: 0, found: 1 });
  assert.deepEqual(issue.blanksAsZero, ['denied.state_secret.natural_person']);
  assert.match(issue.message.en, /counted as 0: denied\.state_secret\.natural_person/);
});

test('applications.outcome_total holds (2021 with other derived) and fails per column', () => {
  const holds = consistent('2021');
  set(holds, 'applications', 'other.no_correction', 'natural_person', 1);
  set(holds, 'applications', 'other.no_correction', 'total', 1);
  for (const row of ['received', 'total']) {
    set(holds, 'applications', row, 'natural_person', 6);
    set(holds, 'applications', row, 'total', 8);
  }
  const report = build(holds);
  assert.equal(report.tables.applications.other?.natural_person?.kind, 'derived');
  assert.deepEqual(validate(report).issues, []);

  const fails = consistent('2021');
  set(fails, 'applications', 'not_processed.duplicate', 'natural_person', 1);
  set(fails, 'applications', 'not_processed.duplicate', 'total', 1);
  const issues = issuesOf(validate(build(fails)), 'applications.outcome_total');
  assert.deepEqual(issues.map((i) => [i.row, i.column, i.expected, i.found]),
    [['total', 'natural_person', 6, 5], ['total', 'total', 8, 7]]);
  assert.equal(issues[0]?.severity, 'warning');
  assert.match(issues[0]?.message.en ?? '', /granted 3 \+ unavailable\.not held 2 \+ not processed\.duplicate 1 \(other items 0 or blank\) = 6, but total is 5/);
});

test('applications.outcome_total uses the printed other row when the 2021 sub-rows are absent', () => {
  const compact = consistent('2021');
  for (const row of ['other.no_correction', 'other.fee_unpaid', 'other.other']) drop(compact, 'applications', row);
  set(compact, 'applications', 'other', 'natural_person', 1);
  const result = validate(build(compact));
  check(only(issuesOf(result, 'applications.outcome_total')), { column: 'natural_person', expected: 6, found: 5 });
  assert.deepEqual(issuesOf(result, 'applications.other_subtotal'), []);
});

test('applications.other_subtotal holds when the printed other row equals its printed sub-rows', () => {
  const compact = consistent('2021');
  set(compact, 'applications', 'other', 'natural_person', 0);
  set(compact, 'applications', 'other', 'total', 0);
  assert.deepEqual(issuesOf(validate(build(compact)), 'applications.other_subtotal'), []);
});

test('applications.other_subtotal fails when a printed other row differs from its sub-rows', () => {
  const compact = consistent('2021');
  set(compact, 'applications', 'other', 'natural_person', printed(2, '2', 40));
  set(compact, 'applications', 'other.fee_unpaid', 'natural_person', null);
  const issue = only(issuesOf(validate(build(compact)), 'applications.other_subtotal'));
  check(issue, { severity: 'warning', table: 'applications', row: 'other', column: 'natural_person', expected: 0,
    found: 2, blanksAsZero: ['other.fee_unpaid.natural_person'], source: { line: 40 } });
});

test('applications.other_subtotal is not checked in the 2019 edition, nor when other is derived', () => {
  const derived = consistent('2021');
  set(derived, 'applications', 'other.other', 'legal_service_org', 1);
  assert.deepEqual(issuesOf(validate(build(derived)), 'applications.other_subtotal'), []);
  const e2019 = validate(build(consistent('2019')));
  assert.deepEqual(issuesOf(e2019, 'applications.other_subtotal'), []);
});

test('appeals.row_total holds and fails per row', () => {
  assert.deepEqual(issuesOf(validate(build(consistent('2019'))), 'appeals.row_total'), []);
  const compact = consistent('2019');
  set(compact, 'appeals', 'litigation_direct', 'pending', 2);
  set(compact, 'appeals', 'litigation_after_reconsideration', 'total', null);
  set(compact, 'appeals', 'litigation_after_reconsideration', 'upheld', 1);
  const issues = issuesOf(validate(build(compact)), 'appeals.row_total');
  assert.deepEqual(issues.map((i) => [i.severity, i.table, i.row, i.column, i.expected, i.found]), [
    ['warning', 'appeals', 'litigation_direct', 'total', 3, 1],
    ['warning', 'appeals', 'litigation_after_reconsideration', 'total', 1, 0],
  ]);
  assert.deepEqual(issues[1]?.blanksAsZero, ['litigation_after_reconsideration.total']);
  assert.equal(issues[0]?.message.en,
    'appeals.row_total, litigation_direct: upheld 0 + corrected 0 + other 1 + pending 2 = 3, but total is 1');
});
