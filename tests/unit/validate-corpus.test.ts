import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFromValues } from '../../pipeline/parse/from-values.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { hongze2023 } from '../helpers/hongze-2023.ts';
import { liaocheng2020 } from '../helpers/liaocheng-2020.ts';

test('聊城 2020: exactly three balance warnings (77 vs 75, 3 vs 2, 25 vs 28) and no error', () => {
  const result = validate(reportFromValues(liaocheng2020()));
  assert.equal(result.valid, true);
  assert.ok(result.issues.every((i) => i.severity === 'warning'));
  assert.deepEqual(result.issues.map((i) => [i.rule, i.column, i.expected, i.found]), [
    ['applications.balance', 'natural_person', 77, 75],
    ['applications.balance', 'research_institution', 3, 2],
    ['applications.balance', 'legal_service_org', 25, 28],
  ]);
  assert.equal(result.issues[0]?.message.en,
    'applications.balance, natural_person: received 77 + carried over 0 = 77, but total 75 + carried forward 0 = 75');
  // carried_forward is blank in these two columns: counted as 0, and said so
  assert.deepEqual(result.issues[1]?.blanksAsZero, ['carried_forward.research_institution']);
  assert.deepEqual(result.issues[2]?.blanksAsZero, ['carried_forward.legal_service_org']);
});

test('聊城 2020: the values read as printed ("-", blanks, 万元)', () => {
  const report = reportFromValues(liaocheng2020());
  assert.equal(report.tables.proactive.other_management_services?.items_previous_year?.kind, 'not_applicable');
  assert.equal(report.tables.proactive.administrative_licensing?.items_change?.value, -230);
  assert.equal(report.tables.proactive.centralized_procurement?.procurement_amount_10k_yuan?.value, 4156.93);
  assert.equal(report.tables.applications.granted?.commercial_enterprise?.kind, 'blank');
});

test('洪泽 2023: appeals.row_total warnings on reconsideration and litigation_after_reconsideration only', () => {
  const report = reportFromValues(hongze2023());
  assert.equal(report.tables.applications['other.other']?.total?.kind, 'absent');
  const result = validate(report);
  assert.equal(result.valid, true);
  assert.deepEqual(result.issues.map((i) => [i.rule, i.severity, i.row, i.column, i.expected, i.found]), [
    ['appeals.row_total', 'warning', 'reconsideration', 'total', 11, 0],
    ['appeals.row_total', 'warning', 'litigation_after_reconsideration', 'total', 5, 0],
  ]);
});
