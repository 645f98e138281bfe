import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NarrativeFigure } from '../../pipeline/model/report.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { build, consistent, issuesOf, set } from '../helpers/synthetic.ts';

function figure(key: string, value: number, line = 3): NarrativeFigure {
  return { key, value, text: `${key} ${value} 件`, source: { line, column: 5 } };
}

// consistent(): received 7, handled 7, granted 3, partially granted 0; reconsideration 2, litigation 1 + 0.
const HOLDING: Array<[string, number]> = [
  ['received', 7], ['handled', 7], ['granted', 3], ['partially_granted', 0], ['reconsideration', 2], ['litigation', 1],
];
const WHERE: Record<string, [string, string | undefined]> = {
  received: ['applications', 'received'],
  handled: ['applications', 'total'],
  granted: ['applications', 'granted'],
  partially_granted: ['applications', 'partially_granted'],
  reconsideration: ['appeals', 'reconsideration'],
  litigation: ['appeals', undefined],
};

test('narrative rules hold when the text agrees with the tables', () => {
  const compact = consistent('2021');
  compact.narrative = HOLDING.map(([key, value]) => figure(key, value));
  assert.deepEqual(validate(build(compact)).issues, []);
});

test('each narrative rule fails when the text disagrees, with the figure\'s source', () => {
  for (const [key, value] of HOLDING) {
    const compact = consistent('2019');
    compact.narrative = [figure(key, value + 10, 9)];
    const issues = validate(build(compact)).issues;
    assert.equal(issues.length, 1, key);
    const [issue] = issues;
    const [table, row] = WHERE[key]!;
    assert.deepEqual(
      [issue?.rule, issue?.severity, issue?.table, issue?.row, issue?.column, issue?.expected, issue?.found],
      [`narrative.${key}`, 'warning', table, row, 'total', value, value + 10], key);
    assert.deepEqual(issue?.source, { line: 9, column: 5 });
    assert.match(issue?.message.en ?? '', new RegExp(`the text says ${value + 10}`));
    assert.match(issue?.message.zh ?? '', new RegExp(`正文称 ${value + 10}`));
  }
});

test('narrative.litigation sums both kinds of litigation', () => {
  const compact = consistent('2021');
  set(compact, 'appeals', 'litigation_after_reconsideration', 'pending', 2);
  set(compact, 'appeals', 'litigation_after_reconsideration', 'total', 2);
  compact.narrative = [figure('litigation', 3)];
  assert.deepEqual(validate(build(compact)).issues, []);
  compact.narrative = [figure('litigation', 1)];
  const [issue] = issuesOf(validate(build(compact)), 'narrative.litigation');
  assert.deepEqual([issue?.expected, issue?.found], [3, 1]);
});

test('a narrative figure is not checked against a blank total, nor when its key is unknown', () => {
  const compact = consistent('2019');
  set(compact, 'applications', 'granted', 'total', null);
  set(compact, 'applications', 'granted', 'natural_person', null);
  set(compact, 'applications', 'granted', 'legal_service_org', 3);
  compact.narrative = [figure('granted', 5), figure('fees', 12)];
  assert.deepEqual(issuesOf(validate(build(compact)), 'narrative.granted'), []);
});
