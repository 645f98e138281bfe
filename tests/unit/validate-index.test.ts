import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Issue } from '../../pipeline/model/issue.ts';
import { sortIssues, validate } from '../../pipeline/validate/index.ts';
import { CONSISTENCY_CHECKS, RULE_IDS } from '../../pipeline/validate/rules.ts';
import { CONSISTENCY_RULES } from '../../pipeline/model/template.ts';
import { build, consistent, set } from '../helpers/synthetic.ts';

test('every consistency rule of the template has a check', () => {
  assert.deepEqual(Object.keys(CONSISTENCY_CHECKS).sort(), CONSISTENCY_RULES.map((r) => r.id).sort());
  for (const id of ['narrative.received', 'narrative.litigation', 'value.not_a_number', 'edition.year_mismatch']) {
    assert.ok(RULE_IDS.includes(id), id);
  }
});

test('issues are sorted by table, rule, row and column in template order', () => {
  const compact = consistent('2019', 2023);
  set(compact, 'appeals', 'reconsideration', 'total', 9);
  set(compact, 'applications', 'carried_forward', 'total', 1);
  set(compact, 'applications', 'carried_forward', 'natural_person', 1);
  set(compact, 'applications', 'granted', 'legal_service_org', 1);
  set(compact, 'proactive', 'regulations', 'made', '??');
  const { issues, valid } = validate(build(compact));
  assert.equal(valid, false);
  assert.deepEqual(issues.map((i) => [i.table ?? '-', i.rule, i.row ?? '-', i.column ?? '-']), [
    ['-', 'edition.year_mismatch', '-', '-'],
    ['proactive', 'value.not_a_number', 'regulations', 'made'],
    ['applications', 'applications.balance', '-', 'natural_person'],
    ['applications', 'applications.balance', '-', 'total'],
    ['applications', 'applications.outcome_total', 'total', 'legal_service_org'],
    ['applications', 'applications.row_total', 'granted', 'total'],
    ['appeals', 'appeals.row_total', 'reconsideration', 'total'],
  ]);
  const shuffled = [...issues].reverse();
  assert.deepEqual(sortIssues(shuffled), issues);
});

test('validate never throws, even on a broken report, and reports schema errors', () => {
  const report = build(consistent('2021')) as unknown as Record<string, any>;
  report.tables.applications.received = 'oops';
  report.tables.appeals.reconsideration.total = { kind: 'weird' };
  delete report.narrative;
  const result = validate(report as never);
  assert.equal(result.valid, false);
  assert.ok(result.issues.some((i: Issue) => i.rule === 'schema' && i.row === 'received'));
  assert.ok(result.issues.some((i: Issue) => i.rule === 'schema' && i.row === 'reconsideration' && i.column === 'total'));
  assert.ok(!result.issues.some((i: Issue) => i.rule === 'appeals.row_total'), 'a malformed cell skips the rule');
  for (const value of [null, {}, { tables: 1, edition: '2021' }]) {
    assert.equal(validate(value as never).valid, false);
  }
});

test('validate tolerates broken narrative figures', () => {
  const report = build(consistent('2021')) as unknown as Record<string, any>;
  report.narrative = [null, { key: 'toString', value: 3 }, { key: 'received', value: 'x' }, { key: 'received', value: 8 }];
  const result = validate(report as never);
  assert.equal(result.valid, false);
  assert.deepEqual(result.issues.filter((i) => i.rule === 'narrative.received').map((i) => i.found), [8]);
});
