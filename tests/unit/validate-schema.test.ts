import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { REPORT_SCHEMA_ID, reportSchemaText } from '../../pipeline/validate/build-schema.ts';
import { locateInTables, schemaIssues } from '../../pipeline/validate/schema.ts';
import { hongze2023 } from '../helpers/hongze-2023.ts';
import { liaocheng2020 } from '../helpers/liaocheng-2020.ts';
import { build, consistent } from '../helpers/synthetic.ts';

const schemaFile = new URL('../../schemas/annual-report.schema.json', import.meta.url);

/** A deep copy to break. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

test('the committed schema is exactly what scripts/write-schema.ts generates', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), reportSchemaText(), 'run: npx tsx scripts/write-schema.ts');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema.$id, REPORT_SCHEMA_ID);
});

test('the schema accepts reports built from values, both editions', () => {
  for (const compact of [liaocheng2020(), hongze2023(), consistent('2019'), consistent('2021')]) {
    assert.deepEqual(schemaIssues(build(compact)), [], `${compact.agency} ${compact.year}`);
  }
});

test('the schema accepts a signed change, decimal money and a text cell', () => {
  const report = build(consistent('2019'));
  report.tables.proactive.administrative_licensing!.items_change = { kind: 'number', value: -230, raw: '-230' };
  report.tables.proactive.centralized_procurement!.procurement_amount_10k_yuan = { kind: 'number', value: 4156.93 };
  report.tables.applications.received!.natural_person = { kind: 'text', value: null, raw: '约5' };
  assert.deepEqual(schemaIssues(report), []);
});

test('the schema rejects a negative count, naming table, row and column', () => {
  const report = build(consistent('2019'));
  report.tables.applications.received!.natural_person = { kind: 'number', value: -1 };
  const issues = schemaIssues(report);
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.equal(issue?.rule, 'schema');
  assert.equal(issue?.severity, 'error');
  assert.equal(issue?.table, 'applications');
  assert.equal(issue?.row, 'received');
  assert.equal(issue?.column, 'natural_person');
  assert.match(issue?.message.en ?? '', />= 0/);
});

test('the schema rejects a fractional count but not a fractional amount of money', () => {
  const report = build(consistent('2021'));
  report.tables.appeals.reconsideration!.upheld = { kind: 'number', value: 1.5 };
  report.tables.proactive.administrative_fees!.fee_amount_10k_yuan = { kind: 'number', value: 0.75 };
  const issues = schemaIssues(report);
  assert.deepEqual(issues.map((i) => [i.table, i.row, i.column]), [['appeals', 'reconsideration', 'upheld']]);
});

test('the schema rejects an unknown row code, and a row of the other edition', () => {
  const report = copy(build(consistent('2019')));
  (report.tables.applications as Record<string, unknown>).xyz = copy(report.tables.applications.received);
  (report.tables.applications as Record<string, unknown>)['other.other'] = copy(report.tables.applications.received);
  const issues = schemaIssues(report);
  assert.deepEqual(issues.map((i) => i.row).sort(), ['other.other', 'xyz']);
  assert.ok(issues.every((i) => i.table === 'applications' && i.rule === 'schema'));
  assert.match(issues[0]?.message.en ?? '', /unknown property/);
});

test('the schema rejects a missing column', () => {
  const report = build(consistent('2021'));
  delete report.tables.applications.granted!.legal_service_org;
  const issues = schemaIssues(report);
  assert.equal(issues.length, 1);
  assert.deepEqual([issues[0]?.table, issues[0]?.row, issues[0]?.column], ['applications', 'granted', 'legal_service_org']);
  assert.match(issues[0]?.message.en ?? '', /missing "legal_service_org"/);
  assert.match(issues[0]?.message.zh ?? '', /缺少/);
});

test('the schema rejects a value on a blank cell, a bad id, date, hash and an extra property', () => {
  const report = build(consistent('2019')) as unknown as Record<string, any>;
  report.tables.applications.carried_over.total = { kind: 'blank', value: 0 };
  report.id = 'Not ASCII 报告';
  report.published = '2021-13-40';
  report.sources[0].sha256 = 'xyz';
  report.extra = true;
  const paths = schemaIssues(report).map((i) => i.message.en.split(' ')[0]);
  assert.deepEqual(new Set(paths), new Set(['/tables/applications/carried_over/total/value', '/id', '/published',
    '/sources/0/sha256', '/']));
});

test('a number cell needs a number, and there must be a source', () => {
  const report = build(consistent('2019')) as unknown as Record<string, any>;
  report.tables.appeals.litigation_direct.total = { kind: 'number', value: null };
  report.sources = [];
  const issues = schemaIssues(report);
  assert.equal(issues.filter((i) => i.row === 'litigation_direct' && i.column === 'total').length, 1);
  assert.equal(issues.filter((i) => i.message.en.startsWith('/sources')).length, 1);
});

test('instance paths into tables give table, row and column', () => {
  assert.deepEqual(locateInTables('/tables/applications/denied.state_secret/total/value'),
    { table: 'applications', row: 'denied.state_secret', column: 'total' });
  assert.deepEqual(locateInTables('/tables/appeals'), { table: 'appeals' });
  assert.deepEqual(locateInTables('/sources/0'), {});
  assert.deepEqual(locateInTables('/tables/nope/x'), {});
});

test('schemaIssues does not throw on something that is not a report', () => {
  for (const value of [null, 42, 'x', [], {}]) {
    const issues = schemaIssues(value);
    assert.ok(issues.length > 0);
    assert.ok(issues.every((i) => i.rule === 'schema' && i.severity === 'error'));
  }
});
