/**
 * data/timeseries.csv: one row per body and year, every figure and rate equal to what observations.csv gives when
 * the definitions are applied to it independently, registry facts from report.body, a fallback key for a name that
 * did not resolve, the warnings' rule ids, the Table Schema it is published with, and the CSV conventions.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { joinedCsv } from '../helpers/release.ts';
import { bodyReports, buildBodies, BODIES, UNRESOLVED, type BuiltBodies } from '../helpers/body-release.ts';
import { figuresFromObservations, observedRates, cellNumber, readCsv } from '../helpers/observed-figures.ts';
import { checkTables } from '../helpers/table-schema-check.ts';
import { BOM, neutralise } from '../../pipeline/datasets/to-csv-format.ts';
import { nameKey } from '../../pipeline/model/report-id.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { memorySink } from '../helpers/memory-sink.ts';
import type { TableSchema } from '../../pipeline/datasets/table-schemas.ts';
import type { AgencyRef } from '../../pipeline/model/agency.ts';

const FIGURES = ['received', 'carried_over', 'handled', 'granted', 'partially_granted', 'refused', 'unavailable',
  'not_processed', 'other', 'carried_forward', 'reconsiderations', 'lawsuits', 'appeals', 'appeals_corrected'];
const RATES = ['granted_rate', 'partially_granted_rate', 'refused_rate', 'unavailable_rate', 'appeals_corrected_rate'];

let built: BuiltBodies;
let rows: Array<Record<string, string>>;
before(async () => {
  built = await buildBodies();
  rows = readCsv(joinedCsv(built.files, 'data/timeseries.csv'));
});

const resources = () => (JSON.parse(built.files.get('datapackage.json')!) as { resources: Array<{ name: string; path: string; schema: TableSchema }> }).resources;

test('timeseries.csv fits the Table Schema datapackage.json publishes for it (types, enums, keys, report foreign key)', () => {
  const byName = new Map(resources().map((r) => [r.name, r]));
  const ts = byName.get('timeseries')!;
  assert.deepEqual(ts.path, [...built.files.keys()].filter((p) => p.startsWith('data/timeseries/') && p.endsWith('.csv')).sort());
  assert.deepEqual(ts.schema.primaryKey, ['body_id', 'year']);
  assert.deepEqual(ts.schema.foreignKeys, [{ fields: ['report_id'], reference: { resource: 'reports', fields: ['report_id'] } }]);
  const tables = ['timeseries', 'reports'].map((name) => ({ name, csv: joinedCsv(built.files, `data/${name}.csv`), schema: byName.get(name)!.schema }));
  assert.deepEqual(checkTables(tables), []);
  // The check can fail: a second row for a body and year, a negative rate, an unknown level, an unknown report.
  const csv = joinedCsv(built.files, 'data/timeseries.csv');
  const lines = csv.split('\r\n');
  const header = lines[0]!.replace(BOM, '').split(',');
  const at = lines.findIndex((l) => l.startsWith('jiangsu,'));
  const edit = (column: string, value: string) => {
    const fields = lines[at]!.split(',');
    fields[header.indexOf(column)] = value;
    return [...lines.slice(0, at), fields.join(','), ...lines.slice(at + 1)].join('\r\n');
  };
  const broken = (text: string) => checkTables([{ ...tables[0]!, csv: text }, tables[1]!]);
  assert.ok(broken(`${csv}${lines[at]}\r\n`).some((p) => /primary key .* is not unique/.test(p)));
  assert.ok(broken(edit('refused_rate', '-0.1')).some((p) => /below the minimum 0/.test(p)));
  assert.ok(broken(edit('level', 'town')).some((p) => /not one of/.test(p)));
  assert.ok(broken(edit('report_id', 'jiangsu-2099')).some((p) => /is not in reports/.test(p)));
  assert.ok(broken(edit('body_id', 'Jiangsu')).some((p) => /does not match/.test(p)));
});

test('one row per report, a file per report year (the reports\' partitions), sorted by body within it; CSV with BOM, CRLF and one header', () => {
  const csv = joinedCsv(built.files, 'data/timeseries.csv');
  assert.ok(csv.startsWith(`${BOM}body_id,resolved,body_name,agency,division,level,kind,parent,year,edition,report_id,`));
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(csv.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.equal(rows.length, built.reports.length);
  assert.deepEqual(new Set(rows.map((r) => r.report_id)), new Set(built.reports.map((r) => r.report.id)));
  const keys = rows.map((r) => [Number(r.year), r.body_id!] as const);
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  assert.deepEqual(keys, sorted);
});

test('every figure equals the sum of its template cells in observations.csv, and every rate its exact rounding', () => {
  const observed = figuresFromObservations(joinedCsv(built.files, 'data/observations.csv'));
  let compared = 0;
  for (const row of rows) {
    const expected = observed.get(row.report_id!)!;
    assert.ok(expected, row.report_id);
    for (const k of FIGURES) {
      assert.equal(cellNumber(row[k]), expected[k], `${row.report_id} ${k}`);
      if (expected[k] !== null) compared++;
    }
    const rates = observedRates(expected);
    for (const k of RATES) assert.equal(cellNumber(row[k]), rates[k], `${row.report_id} ${k}`);
    for (const k of RATES) if (row[k]) assert.match(row[k]!, /^\d+(\.\d{1,4})?$/, `${row.report_id} ${k}: at most 4 decimals`);
  }
  assert.ok(compared > rows.length * 10, 'most figures are printed');
});

test('the definitions where editions and blanks differ: （六） from its sub-rows, an empty 三（三）, nothing handled', () => {
  const at = (id: string) => rows.find((r) => r.report_id === id)!;
  const hongze = built.reports.find((r) => r.report.id === 'jiangsu-huaian-hongze-2023')!.report.tables.applications;
  assert.equal(hongze.other!.total!.kind, 'blank', 'the fixture prints （六） blank');
  const parts = ['other.no_correction', 'other.fee_unpaid', 'other.other'].map((r) => hongze[r]!.total!.value ?? 0);
  assert.equal(Number(at('jiangsu-huaian-hongze-2023').other), parts.reduce((a, b) => a + b, 0));
  const derived = built.reports.find((r) => r.report.id === 'jiangsu-huaian-hongze-2024')!.report.tables.applications.other!.total!;
  assert.equal(derived.kind, 'derived');
  assert.equal(Number(at('jiangsu-huaian-hongze-2024').other), derived.value);
  const dept = at('jiangsu-huaian-ziranziyuan-2021');
  assert.equal(dept.refused, '', 'nothing printed in 三（三）: refused is empty, not 0');
  assert.equal(dept.refused_rate, '');
  assert.notEqual(dept.handled, '');
  const none = at('jiangsu-huaian-lianshui-2024');
  assert.equal(none.handled, '0');
  for (const k of ['granted_rate', 'partially_granted_rate', 'refused_rate', 'unavailable_rate']) assert.equal(none[k], '', `${k}: denominator 0`);
  assert.equal(at('jiangsu-huaian-2019').edition, '2019');
  assert.equal(at('jiangsu-huaian-2024').edition, '2021');
});

test('registry facts come from report.body; a name that did not resolve keeps its printed name under its slug', () => {
  for (const row of rows.filter((r) => r.resolved === 'true')) {
    const body: AgencyRef = Object.values(BODIES).find((b) => b.id === row.body_id)!;
    assert.ok(body, row.body_id);
    assert.deepEqual([row.body_name, row.division, row.level, row.kind, row.parent], [body.name, body.division, body.level, body.kind, body.parent ?? '']);
    assert.equal(row.report_id, `${body.id}-${row.year}`);
  }
  const printed = rows.find((r) => r.report_id === 'jiangsu-huaian-hongze-2020')!;
  assert.deepEqual([printed.agency, printed.body_name], ['洪泽区人民政府', BODIES.hongze.name]);
  const unresolved = rows.filter((r) => r.resolved === 'false');
  assert.deepEqual(unresolved.map((r) => r.year), ['2021', '2022']);
  for (const row of unresolved) {
    assert.equal(row.body_id, nameKey(UNRESOLVED), 'the fallback key is the key of the printed name');
    assert.equal(row.agency, neutralise(UNRESOLVED), 'neutralised against formula injection');
    assert.equal(row.body_name, neutralise(UNRESOLVED));
    assert.deepEqual([row.division, row.level, row.kind, row.parent], ['', '', '', '']);
  }
});

test('flags are the rule ids of each report\'s warnings, sorted and unique', () => {
  let flagged = 0;
  for (const row of rows) {
    const r = built.reports.find((x) => x.report.id === row.report_id)!;
    const rules = [...new Set(r.validation.issues.filter((i) => i.severity === 'warning').map((i) => i.rule))].sort();
    assert.equal(row.flags, rules.join(';'), row.report_id);
    if (rules.length) flagged++;
  }
  assert.ok(flagged >= 2);
  assert.match(rows.find((r) => r.report_id === 'jiangsu-huaian-2022')!.flags!, /applications\.balance/);
});

test('two reports of one body in one year are refused with a message naming both', async () => {
  const reports = bodyReports();
  const twin = structuredClone(reports.find((r) => r.report.id === 'jiangsu-2024')!);
  twin.report.id = 'jiangsu-2024-bis';
  const all = [...reports, twin].sort((a, b) => a.report.year - b.report.year || (a.report.id < b.report.id ? -1 : 1));
  await assert.rejects(
    buildRelease({ reports: all, meta: DEFAULT_META, today: '2026-02-01', schemas: new Map() }, memorySink()),
    /body jiangsu has two reports for 2024 \(jiangsu-2024, jiangsu-2024-bis\)/,
  );
});

test('a name that did not resolve but whose fallback key is a registry id is refused: one identity per key', async () => {
  const reports = bodyReports();
  const stray = structuredClone(reports.find((r) => r.report.id === 'jiangsu-2024')!);
  delete stray.report.body;
  Object.assign(stray.report, { id: 'jiangsu-2023', year: 2023, agency: '江苏' });
  const all = [...reports, stray].sort((a, b) => a.report.year - b.report.year || (a.report.id < b.report.id ? -1 : 1));
  await assert.rejects(
    buildRelease({ reports: all, meta: DEFAULT_META, today: '2026-02-01', schemas: new Map() }, memorySink()),
    /the report jiangsu-2023 \(printed name "江苏"\) did not resolve to a body, but its fallback key jiangsu is the id of the registry body 江苏省人民政府/,
  );
});
