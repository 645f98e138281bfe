/**
 * datapackage.json: valid against the official Frictionless v2 profiles, one resource per CSV measured exactly,
 * and every row of every CSV fits its Table Schema (a deliberately broken row does not).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PARTITIONED, REPORTS_CSV, tableOf, type TableSchema } from '../../pipeline/datasets/table-schemas.ts';
import { csvFiles, reportsCsv } from '../../pipeline/datasets/to-csv.ts';
import { DATAPACKAGE_PROFILE, csvTables, dataPackage } from '../../pipeline/datasets/to-datapackage.ts';
import type { ReleaseContext, ValidatedReport } from '../../pipeline/datasets/types.ts';
import { fileStat, joinedCsv, partitionedFiles, sampleContext, sampleReports, summaryParts } from '../helpers/release.ts';
import { sharedJson, skipWithoutShared } from '../helpers/shared.ts';
import { checkTables, type CheckedTable } from '../helpers/table-schema-check.ts';

interface Resource { name: string; path: string | string[]; bytes: number; hash?: string; schema: TableSchema; [k: string]: unknown }
interface Package { resources: Resource[]; [k: string]: unknown }

function release(reports: ValidatedReport[]): { files: Map<string, string>; ctx: ReleaseContext } {
  const files = new Map<string, string>();
  for (const [path, content] of partitionedFiles(reports, csvFiles())) files.set(path, content);
  const stats = () => [...files].map(([p, c]) => fileStat(p, c, 'text/csv'));
  for (const [p, c] of summaryParts(sampleContext(reports).reports, REPORTS_CSV, reportsCsv)) files.set(p, c);
  const extra = fileStat('feed/reports.json', '{}\n', 'application/json');
  return { files, ctx: sampleContext(reports, [...stats(), extra]) };
}

const { files, ctx } = release(sampleReports());
const pkg = JSON.parse(dataPackage(ctx)) as Package;
/** Each resource's CSV: a multipart resource's parts joined back into one table. */
const tables = (p: Package, content = files): CheckedTable[] =>
  p.resources.map((r) => ({ name: r.name, csv: typeof r.path === 'string' ? content.get(r.path)! : joinedCsv(content, tableOf(r.path[0]!)), schema: r.schema }));
const paths = (r: Resource): string[] => (typeof r.path === 'string' ? [r.path] : r.path);

test('datapackage.json validates against the official Data Package v2 profile (and each part against its own)', async () => {
  if (skipWithoutShared('Frictionless v2 profiles')) return;
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  const profiles = ['datapackage', 'dataresource', 'tableschema', 'tabledialect'];
  for (const name of profiles) ajv.addSchema(await sharedJson<object>('validators', 'frictionless-2.0', `${name}.json`), name);
  const check = (name: string, data: unknown, where: string) => {
    const ok = ajv.validate(name, data);
    assert.ok(ok, `${where}: ${ajv.errorsText(ajv.errors)}`);
  };
  check('datapackage', pkg, 'datapackage.json');
  for (const r of pkg.resources) {
    check('dataresource', r, r.name);
    check('tableschema', r.schema, `${r.name} schema`);
    check('tabledialect', r.dialect, `${r.name} dialect`);
  }
  // The validator is not vacuous: a broken descriptor fails it.
  const broken = structuredClone(pkg);
  broken.resources[0]!.hash = 'sha256:not-hex';
  (broken.resources[1]!.schema.fields[0] as { type: string }).type = 'text';
  assert.equal(ajv.validate('datapackage', broken), false);
  assert.equal(ajv.validate('datapackage', { ...pkg, resources: [] }), false);
});

test('the package: v2 profile, fixed metadata, dates from the context, one resource per CSV measured exactly', () => {
  assert.equal(pkg.$schema, DATAPACKAGE_PROFILE);
  assert.equal(pkg.name, 'xxgk-annual-reports');
  assert.equal(pkg.version, ctx.meta.version);
  assert.equal(pkg.created, `${ctx.modified}T00:00:00Z`);
  assert.deepEqual(pkg.licenses, [{ name: 'CC-BY-4.0', path: ctx.meta.license.url, title: ctx.meta.license.title }]);
  assert.deepEqual(Object.keys(pkg), ['$schema', 'name', 'id', 'title', 'description', 'homepage', 'version', 'created',
    'keywords', 'licenses', 'contributors', 'sources', 'resources']);
  assert.deepEqual(pkg.resources.flatMap(paths).sort(), [...files.keys()].sort(), 'every CSV, nothing else (not the JSON feed)');
  for (const r of pkg.resources) {
    const stats = paths(r).map((path) => fileStat(path, files.get(path)!, 'text/csv'));
    assert.equal(r.bytes, stats.reduce((n, f) => n + f.bytes, 0), r.name);
    // A partitioned table is one multipart resource, its files in year order; the manifest has each file's hash.
    if (PARTITIONED.has(tableOf(paths(r)[0]!))) {
      assert.ok(Array.isArray(r.path) && r.hash === undefined, r.name);
      assert.deepEqual(paths(r).map((x) => x.replace(/^.*\//, '')), ['2019.csv', '2020.csv', '2021.csv', '2022.csv', '2023.csv', '2024.csv'], r.name);
    } else {
      assert.equal(r.hash, `sha256:${stats[0]!.sha256}`, r.name);
    }
    assert.deepEqual([r.type, r.format, r.mediatype, r.encoding], ['table', 'csv', 'text/csv', 'utf-8']);
    assert.deepEqual(r.dialect, { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true });
    assert.deepEqual(r.schema.missingValues, ['']);
  }
  const byName = new Map(pkg.resources.map((r) => [r.name, r]));
  assert.deepEqual(byName.get('observations')!.schema.primaryKey, ['report_id', 'table', 'row', 'column']);
  assert.deepEqual(byName.get('applications')!.schema.primaryKey, ['report_id', 'row']);
  assert.deepEqual(byName.get('applications-zh')!.schema.primaryKey, ['报告编号', '项目代码']);
  assert.deepEqual(byName.get('reports')!.schema.primaryKey, ['report_id']);
  assert.equal(byName.get('reports')!.schema.foreignKeys, undefined);
  for (const r of pkg.resources.filter((x) => x.name !== 'reports')) {
    assert.equal(r.schema.foreignKeys?.[0]?.reference.resource, 'reports', `${r.name} refers to reports`);
  }
  const value = byName.get('observations')!.schema.fields.find((f) => f.name === 'value')!;
  assert.equal(value.type, 'number');
  assert.equal(value.constraints?.minimum, undefined, 'observations values can be negative (items_change)');
  const proactive = byName.get('proactive')!.schema.fields;
  assert.equal(proactive.find((f) => f.name === 'items_change')!.constraints?.minimum, undefined, 'items_change is signed');
  assert.equal(proactive.find((f) => f.name === 'decisions')!.constraints?.minimum, 0);
  assert.equal(proactive.find((f) => f.name === 'fee_amount_10k_yuan')!.type, 'number');
});

test('every row of every CSV fits its Table Schema: types, required, enums, minimum, keys, foreign keys', () => {
  assert.deepEqual(checkTables(tables(pkg)), []);
  // Also with the awkward values real reports have: a region, a negative change, a money amount, quoting, text.
  const reports = sampleReports().map((r) => structuredClone(r));
  const first = reports[0]!.report;
  Object.assign(first, { region: '320800', agency: '某市,"局"\n办公室' });
  first.tables.proactive.administrative_licensing!.items_change = { kind: 'number', value: -230 };
  first.tables.proactive.centralized_procurement!.procurement_amount_10k_yuan = { kind: 'number', value: 7380.28959 };
  first.tables.appeals.reconsideration!.total = { kind: 'text', value: null, raw: '见附件' };
  const awkward = release(reports);
  const awkwardPkg = JSON.parse(dataPackage(awkward.ctx)) as Package;
  assert.deepEqual(checkTables(tables(awkwardPkg, awkward.files)), []);
  assert.match(awkward.files.get('data/observations/2019.csv')!, /,items_change,-230,/);
});

test('the checker catches a broken row: bad number, unknown code, negative count, duplicate key, unknown report', () => {
  const broken = (path: string, edit: (csv: string) => string) => {
    const copy = new Map(files);
    copy.set(path, edit(copy.get(path)!));
    return checkTables(tables(pkg, copy));
  };
  const obs = 'data/observations/2019.csv';
  const firstRow = (csv: string) => csv.split('\r\n')[1]!;
  const id = sampleContext(sampleReports()).reports[0]!.id;
  const cases: Array<[string, string, (csv: string) => string, RegExp]> = [
    ['not a number', obs, (c) => `${c}${id},x,,2019,2019,appeals,reconsideration,upheld,abc,number,,\r\n`, /is not a number/],
    ['unknown table code', obs, (c) => `${c}${id},x,,2019,2019,table9,reconsideration,upheld,1,number,,\r\n`, /not one of/],
    ['bad region', obs, (c) => `${c}${id},x,12,2019,2019,appeals,reconsideration,total,1,number,,\r\n`, /does not match/],
    ['missing required', obs, (c) => `${c}${id},,,2019,2019,appeals,reconsideration,pending,1,number,,\r\n`, /is required/],
    ['duplicate primary key', obs, (c) => `${c}${firstRow(c)}\r\n`, /primary key .* is not unique/],
    ['unknown report', 'data/appeals/2019.csv', (c) => `${c}nobody-2019,x,2019,2019,reconsideration,1,0,0,0,1\r\n`, /is not in reports/],
    ['negative count', 'data/appeals/2019.csv', (c) => c.replace(/,reconsideration,(\d+),/, ',reconsideration,-1,'), /below the minimum 0/],
    ['ragged row', 'data/appeals/2019.csv', (c) => `${c}${id},x,2019\r\n`, /not a well-formed CSV|cells, expected/],
    ['bad boolean', 'data/reports/2019.csv', (c) => c.replace(',true,', ',yes,'), /is not a boolean/],
    ['bad year', 'data/appeals-zh/2019.csv', (c) => c.replace(/,2019,2019,/, ',19,2019,'), /is not a year/],
    ['header', 'data/appeals/2019.csv', (c) => c.replace('report_id,', 'id,'), /header/],
  ];
  for (const [what, path, edit, message] of cases) {
    const problems = broken(path, edit);
    assert.ok(problems.some((p) => message.test(p)), `${what}: ${JSON.stringify(problems.slice(0, 3))}`);
  }
});

test('deterministic, no clock: the same context gives the same bytes; a CSV without a description is an error', () => {
  assert.equal(dataPackage(ctx), dataPackage(release(sampleReports()).ctx));
  assert.ok(dataPackage(ctx).endsWith('}\n'));
  assert.throws(() => dataPackage({ ...ctx, files: [...ctx.files, fileStat('data/other.csv', 'x', 'text/csv')] }), /data\/other\.csv/);
  const alone = JSON.parse(dataPackage({ ...ctx, files: ctx.files.filter((f) => tableOf(f.path) !== REPORTS_CSV) })) as Package;
  assert.ok(alone.resources.every((r) => r.schema.foreignKeys === undefined), 'no foreign key to a resource the package lacks');
});

test('csvTables: 50,000 parts of one table, in part order, beside a file of its own (grouped without copying the list per file)', () => {
  const stat = (path: string) => ({ path, bytes: 1, sha256: '0'.repeat(64), mediaType: 'text/csv' });
  const parts = Array.from({ length: 50_000 }, (_, i) => `data/observations/2024${i === 0 ? '' : `-${i + 1}`}.csv`);
  const tables = csvTables([stat('data/regions.csv'), ...[...parts].reverse().map(stat), stat('data/observations/2024.json')]);
  assert.deepEqual(tables.map((t) => t.length), [50_000, 1]);
  assert.deepEqual(tables[0]!.map((f) => f.path), parts);
  assert.equal(tables[1]![0]!.path, 'data/regions.csv');
});
