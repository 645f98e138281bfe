/**
 * Rows the source does not print (absent cells): table.row_missing names them, the consistency rules never count
 * them as 0 (a rule that needs one and does not hold as printed is information only), and the time-series figures
 * that need one are null.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf } from '../../pipeline/datasets/figures.ts';
import { missingRows } from '../../pipeline/model/missing-rows.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { RULE_IDS } from '../../pipeline/validate/rules.ts';
import { build, consistent, drop, issuesOf, set } from '../helpers/synthetic.ts';

const SUB = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

test('table.row_missing is a rule id, and a complete report has no missing row', () => {
  assert.ok(RULE_IDS.includes('table.row_missing'));
  for (const edition of ['2019', '2021'] as const) {
    const report = build(consistent(edition));
    assert.deepEqual(missingRows(edition, report.tables), []);
    assert.deepEqual(issuesOf(validate(report), 'table.row_missing'), []);
  }
});

test('（六） in the layouts the 2021 template allows is not missing; partly printed, it is', () => {
  const single = consistent('2021');
  for (const row of SUB) drop(single, 'applications', row);
  for (const column of Object.keys(single.tables.applications!.total!)) set(single, 'applications', 'other', column, 0);
  assert.deepEqual(missingRows('2021', build(single).tables), [], 'the row alone');
  assert.deepEqual(missingRows('2021', build(consistent('2021')).tables), [], 'its three sub-rows (the row derived)');
  const partly = drop(consistent('2021'), 'applications', 'other.fee_unpaid');
  assert.deepEqual(missingRows('2021', build(partly).tables), [{ table: 'applications', rows: ['other', 'other.fee_unpaid'] }]);
  const none = consistent('2021');
  for (const row of SUB) drop(none, 'applications', row);
  assert.deepEqual(missingRows('2021', build(none).tables), [{ table: 'applications', rows: ['other', ...SUB] }]);
});

test('one warning per table names its missing rows, with their cells', () => {
  const compact = drop(drop(drop(consistent('2019'), 'proactive', 'regulations'), 'proactive', 'centralized_procurement'), 'applications', 'other');
  const issues = issuesOf(validate(build(compact)), 'table.row_missing');
  assert.deepEqual(issues.map((i) => [i.table, i.severity, i.found]), [
    ['proactive', 'warning', 'rows not printed: regulations, centralized_procurement'],
    ['applications', 'warning', 'row not printed: other'],
  ]);
  assert.deepEqual(issues[0]!.cells, [
    'regulations.made', 'regulations.published', 'regulations.published_total',
    'centralized_procurement.procurement_items', 'centralized_procurement.procurement_amount_10k_yuan',
  ]);
  assert.equal(issues[1]!.message.zh, '表三（收到和处理政府信息公开申请情况）未列出（六）其他处理（other）：这些单元格为“原表无此项”（absent），不按 0 计');
});

test('a rule that needs an absent cell: nothing when it holds as printed, information (never a warning) when not', () => {
  // 予以公开 is not printed; 总计 (7) = the other outcomes (4) + 予以公开: the rules over 予以公开 cannot be checked.
  const compact = drop(consistent('2019'), 'applications', 'granted');
  const result = validate(build(compact));
  const outcome = issuesOf(result, 'applications.outcome_total');
  assert.deepEqual(outcome.map((i) => [i.column, i.severity]), [['natural_person', 'info'], ['total', 'info']]);
  assert.deepEqual(outcome[0]!.absent, ['granted.natural_person']);
  assert.equal(outcome[0]!.blanksAsZero, undefined);
  assert.match(outcome[0]!.message.zh, /原表未列出 granted\.natural_person（table\.row_missing），无法核对，仅供参考/);
  assert.ok(result.valid);
  assert.ok(!result.issues.some((i) => i.severity === 'warning' && i.rule !== 'table.row_missing'), 'no warning but the missing row');
  // The narrative says 予以公开 3 件: checked against a cell that is not printed, information too.
  const narrative = validate({ ...build(compact), narrative: [{ key: 'granted', value: 3, text: '予以公开3件', source: { line: 1 } }] });
  assert.deepEqual(issuesOf(narrative, 'narrative.granted'), [], 'a row not printed at all: nothing to compare');
});

test('an absent cell beside a printed one in a rule: the printed one is still checked, the absent one never counted as 0', () => {
  // Both kinds of litigation are summed for the narrative; one is not printed.
  const compact = drop(consistent('2021'), 'appeals', 'litigation_after_reconsideration');
  const report = { ...build(compact), narrative: [{ key: 'litigation', value: 4, text: '行政诉讼4件', source: { line: 1 } }] };
  const [issue] = issuesOf(validate(report), 'narrative.litigation');
  assert.equal(issue?.severity, 'info');
  assert.deepEqual(issue?.absent, ['litigation_after_reconsideration.total']);
});

test('time-series figures that need a row not printed are null, not a sum counting it as 0', () => {
  const compact = drop(consistent('2019'), 'applications', 'denied.state_secret');
  const figures = figuresOf(build(compact));
  assert.equal(figures.refused, null);
  assert.equal(figures.unavailable, 4);
  assert.equal(figures.other, 0);
  assert.equal(figuresOf(build(drop(consistent('2019'), 'applications', 'other'))).other, null);
});
