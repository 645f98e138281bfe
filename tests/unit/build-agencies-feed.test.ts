/**
 * The per-body feeds (feed/agencies.json, feed/agencies/<id>.json) against their JSON Schemas and the time series,
 * and the release metadata that describes the new files: datapackage.json (Frictionless v2 profiles, every row of
 * every CSV against its Table Schema), CSVW metadata, and the DCAT-AP 3.0.1 catalog (zero SHACL results, one dataset
 * per registry body with the body as dct:creator and its division as dct:spatial).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Parser, Store, type Quad } from 'n3';
import { toQuads } from '../../pipeline/datasets/dcat-rdf.ts';
import { offlineLoader } from '../../pipeline/datasets/jsonld-loader.ts';
import { tableOf, type TableSchema } from '../../pipeline/datasets/table-schemas.ts';
import { joinedCsv } from '../helpers/release.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildBodies, BODIES, UNRESOLVED, UNRESOLVED_KEY, type BuiltBodies } from '../helpers/body-release.ts';
import { cellNumber, readCsv } from '../helpers/observed-figures.ts';
import { sharedJson, skipWithoutShared } from '../helpers/shared.ts';
import { DCAT_SHAPES, loadShapes, shaclResults } from '../helpers/shacl.ts';
import { checkTables } from '../helpers/table-schema-check.ts';
import { ROOT } from '../helpers/build-samples.ts';

const BASE = DEFAULT_META.baseUrl;
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SPDX = 'http://spdx.org/rdf/terms#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

interface YearEntry { year: number; report_id: string; url: string; page: string; figures: Record<string, number | null>; rates: Record<string, number | null>; flags: string[]; warnings: number; modified: string }
interface AgencyDoc { $schema: string; id: string; resolved: boolean; name: string; body: Record<string, string> | null; names: string[]; division: string | null; parent_url: string | null; page: string; timeseries: string; modified: string; years: YearEntry[] }
interface IndexDoc { $schema: string; agencies: Array<{ id: string; resolved: boolean; name: string; years: number[]; url: string; page: string; level: string | null }> }

let built: BuiltBodies;
const json = <T>(path: string): T => JSON.parse(built.files.get(path)!) as T;
const local = (url: string) => {
  assert.ok(url.startsWith(BASE), url);
  return url.slice(BASE.length);
};
before(async () => {
  built = await buildBodies();
});

function schemaValidator() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const name of readdirSync(join(ROOT, 'schemas')).filter((n) => n.startsWith('feed-agenc'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')));
  }
  return (schema: string, data: unknown): string | null => {
    const validate = ajv.getSchema(`https://xxgk.example/schemas/${schema}`);
    assert.ok(validate, `schema ${schema}`);
    return validate(data) ? null : ajv.errorsText(validate.errors);
  };
}

test('feed/agencies.json and every feed/agencies/<id>.json validate against the schemas they link; broken ones do not', () => {
  const check = schemaValidator();
  const index = json<IndexDoc>('feed/agencies.json');
  assert.equal(index.$schema, `${BASE}schemas/feed-agencies.schema.json`);
  assert.equal(check('feed-agencies.schema.json', index), null);
  const perBody = [...built.files.keys()].filter((p) => /^feed\/agencies\/[^/]+\.json$/.test(p));
  assert.equal(perBody.length, 7);
  for (const path of perBody) {
    const doc = json<AgencyDoc>(path);
    assert.equal(doc.$schema, `${BASE}schemas/feed-agency.schema.json`);
    assert.equal(check('feed-agency.schema.json', doc), null, path);
  }
  // Both schemas are published with the release.
  for (const name of ['feed-agency.schema.json', 'feed-agencies.schema.json']) assert.ok(built.files.has(`schemas/${name}`), name);
  const doc = json<AgencyDoc>('feed/agencies/jiangsu-huaian.json');
  const broken: Array<[string, unknown]> = [
    ['extra property', { ...doc, extra: 1 }],
    ['rate as text', { ...doc, years: [{ ...doc.years[0]!, rates: { ...doc.years[0]!.rates, refused_rate: '0.1' } }] }],
    ['negative figure', { ...doc, years: [{ ...doc.years[0]!, figures: { ...doc.years[0]!.figures, received: -1 } }] }],
    ['unknown level', { ...doc, body: { ...doc.body, level: 'town' } }],
    ['no years', { ...doc, years: [] }],
  ];
  for (const [what, data] of broken) assert.notEqual(check('feed-agency.schema.json', data), null, what);
  assert.notEqual(check('feed-agencies.schema.json', { ...index, agencies: [{ ...index.agencies[0]!, id: 'Upper Case' }] }), null);
});

test('the index lists every body once, sorted by id, with its years and links that resolve in the release', () => {
  const index = json<IndexDoc>('feed/agencies.json');
  const keys = [...Object.values(BODIES).map((b) => b.id), UNRESOLVED_KEY].sort();
  assert.deepEqual(index.agencies.map((a) => a.id), keys);
  for (const a of index.agencies) {
    assert.ok(built.files.has(local(a.url)), a.url);
    assert.ok(built.files.has(local(a.page)), a.page);
    const years = built.reports.filter((r) => (r.report.body?.id ?? UNRESOLVED_KEY) === a.id).map((r) => r.report.year);
    assert.deepEqual(a.years, years.sort((x, y) => x - y), a.id);
  }
  assert.deepEqual(index.agencies.find((a) => a.id === 'jiangsu-huaian')!.years, [2019, 2020, 2021, 2022, 2023, 2024]);
  assert.equal(index.agencies.find((a) => a.id === 'jiangsu')!.level, 'province');
});

test('each body\'s feed: registry facts, and per year the report\'s links, figures and rates of timeseries.csv, flags', () => {
  const series = readCsv(joinedCsv(built.files, 'data/timeseries.csv'));
  for (const body of Object.values(BODIES)) {
    const doc = json<AgencyDoc>(`feed/agencies/${body.id}.json`);
    assert.equal(doc.resolved, true);
    assert.deepEqual(doc.body, body);
    assert.equal(doc.name, body.name);
    assert.equal(doc.division, body.division);
    assert.equal(local(doc.page), `agencies/${body.id}.html`);
    assert.equal(local(doc.timeseries), 'data/timeseries/csv-metadata.json');
    const rows = series.filter((r) => r.body_id === body.id);
    assert.deepEqual(doc.years.map((y) => y.report_id), rows.map((r) => r.report_id));
    for (const [k, y] of doc.years.entries()) {
      const row = rows[k]!;
      assert.equal(y.year, Number(row.year));
      for (const [name, value] of Object.entries({ ...y.figures, ...y.rates })) assert.equal(value, cellNumber(row[name]), `${y.report_id} ${name}`);
      assert.equal(Object.keys(y.figures).length + Object.keys(y.rates).length, 19);
      assert.equal(y.flags.join(';'), row.flags);
      assert.equal(local(y.url), `reports/${y.year}/${y.report_id}.json`);
      assert.ok(built.files.has(local(y.url)) && built.files.has(local(y.page)), y.report_id);
    }
    assert.equal(doc.modified, doc.years.map((y) => y.modified).sort().at(-1));
  }
  assert.deepEqual(json<AgencyDoc>('feed/agencies/jiangsu-huaian-hongze.json').names, ['洪泽区人民政府', '淮安市洪泽区人民政府'].sort());
  assert.equal(local(json<AgencyDoc>('feed/agencies/jiangsu-huaian-hongze.json').parent_url!), 'feed/agencies/jiangsu-huaian.json');
  assert.equal(json<AgencyDoc>('feed/agencies/jiangsu.json').parent_url, null, 'no parent');
  assert.equal(json<AgencyDoc>('feed/agencies/shandong-liaocheng-guanxian.json').parent_url, null, 'parent not in the release');
  const unresolved = json<AgencyDoc>(`feed/agencies/${UNRESOLVED_KEY}.json`);
  assert.deepEqual([unresolved.resolved, unresolved.body, unresolved.name, unresolved.names], [false, null, UNRESOLVED, [UNRESOLVED]]);
  assert.deepEqual(unresolved.years.map((y) => y.year), [2021, 2022]);
});

test('datapackage.json with the new resources still validates against the Frictionless v2 profiles', async () => {
  if (skipWithoutShared('Frictionless v2 profiles')) return;
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  for (const name of ['datapackage', 'dataresource', 'tableschema', 'tabledialect']) {
    ajv.addSchema(await sharedJson<object>('validators', 'frictionless-2.0', `${name}.json`), name);
  }
  const pkg = json<{ resources: Array<{ name: string; schema: object; dialect: object }> }>('datapackage.json');
  assert.ok(ajv.validate('datapackage', pkg), ajv.errorsText(ajv.errors));
  for (const r of pkg.resources) {
    assert.ok(ajv.validate('dataresource', r), `${r.name}: ${ajv.errorsText(ajv.errors)}`);
    assert.ok(ajv.validate('tableschema', r.schema), `${r.name}: ${ajv.errorsText(ajv.errors)}`);
  }
  assert.ok(pkg.resources.some((r) => r.name === 'timeseries') && pkg.resources.some((r) => r.name === 'regions'));
});

test('every CSV of the release fits its Table Schema, and the package measures every CSV it lists', () => {
  const all = json<{ resources: Array<{ name: string; format: string; path: string | string[]; bytes: number; hash?: string; schema: TableSchema }> }>('datapackage.json');
  // The CSVs; a partitioned table is one multipart resource (its parts joined here), measured in total.
  const pkg = { resources: all.resources.filter((r) => r.format === 'csv') };
  const paths = (r: { path: string | string[] }) => (typeof r.path === 'string' ? [r.path] : r.path);
  const csvs = [...built.files.keys()].filter((p) => p.endsWith('.csv')).sort();
  assert.deepEqual(pkg.resources.flatMap(paths).sort(), csvs);
  assert.ok(csvs.includes('data/timeseries/2019.csv') && csvs.includes('data/regions.csv'));
  const csvOf = (r: { path: string | string[] }) => (typeof r.path === 'string' ? built.files.get(r.path)! : joinedCsv(built.files, tableOf(r.path[0]!)));
  assert.deepEqual(checkTables(pkg.resources.map((r) => ({ name: r.name, csv: csvOf(r), schema: r.schema }))), []);
  for (const r of pkg.resources) {
    const bytes = paths(r).map((p) => Buffer.from(built.files.get(p)!, 'utf8'));
    assert.equal(r.bytes, bytes.reduce((n, b) => n + b.length, 0), r.name);
    if (typeof r.path === 'string') assert.equal(r.hash, `sha256:${createHash('sha256').update(bytes[0]!).digest('hex')}`, r.path);
  }
});

test('CSVW metadata of the new CSVs: the time series a group of its files (one a year), the sums alone', () => {
  const ts = json<{ '@type': string; tables: Array<{ url: string }>; tableSchema: { columns: Array<{ name: string }>; primaryKey: string[]; foreignKeys?: unknown[] } }>('data/timeseries/csv-metadata.json');
  assert.equal(ts['@type'], 'TableGroup');
  const years = [...new Set(built.reports.map((r) => r.report.year))].sort();
  assert.deepEqual(ts.tables.map((t) => t.url), years.map((y) => `${y}.csv`));
  const header = joinedCsv(built.files, 'data/timeseries.csv').slice(1).split('\r\n')[0]!.split(',');
  assert.deepEqual(ts.tableSchema.columns.map((c) => c.name), header);
  assert.deepEqual(ts.tableSchema.primaryKey, ['body_id', 'year']);
  assert.equal(ts.tableSchema.foreignKeys, undefined, 'the reports are in parts: the foreign key is in datapackage.json');
  const regions = json<{ '@type': string; url: string; tableSchema: { columns: Array<{ name: string }> } }>('data/regions.csv-metadata.json');
  assert.equal(regions['@type'], 'Table');
  assert.equal(regions.url, 'regions.csv');
  assert.deepEqual(regions.tableSchema.columns.map((c) => c.name), built.files.get('data/regions.csv')!.slice(1).split('\r\n')[0]!.split(','));
});

test('the catalog with body datasets conforms to the DCAT-AP 3.0.1 shapes and ranges: zero results, Turtle and JSON-LD', async () => {
  if (skipWithoutShared('DCAT-AP shapes on a catalog with bodies')) return;
  const shapes = await loadShapes();
  const graphs: Array<[string, Quad[]]> = [
    ['catalog.ttl', new Parser().parse(built.files.get('catalog.ttl')!)],
    ['catalog.jsonld', await toQuads(JSON.parse(built.files.get('catalog.jsonld')!), offlineLoader())],
  ];
  for (const [what, quads] of graphs) {
    assert.ok(quads.length > 400, `${what}: ${quads.length} triples`);
    for (const name of DCAT_SHAPES) {
      const found = await shaclResults(quads, shapes.get(name)!);
      assert.equal(found.length, 0, `${what} against ${name}: ${found.length} results\n  ${found.join('\n  ')}`);
    }
  }
  // The shapes see the body datasets: a second publisher on one of them is a violation.
  const doc = JSON.parse(built.files.get('catalog.jsonld')!) as { '@graph': Array<Record<string, unknown>> };
  const node = doc['@graph'].find((n) => n['@id'] === `${BASE}catalog#dataset-body-jiangsu`)!;
  node['dct:publisher'] = [node['dct:publisher'], { '@id': `${BASE}catalog#agent-jiangsu` }];
  const found = await shaclResults(await toQuads(doc, offlineLoader()), shapes.get('dcat-ap-SHACL.ttl')!);
  assert.ok(found.some((l) => /dataset-body-jiangsu .*publisher .*MaxCount/.test(l)), found.join('\n'));
});

test('one dataset per registry body: the body as dct:creator, its division as dct:spatial, its feed as distribution', () => {
  const store = new Store(new Parser().parse(built.files.get('catalog.ttl')!));
  const catalog = `${BASE}catalog`;
  const one = (s: string, p: string) => {
    const found = store.getObjects(s, p, null);
    assert.equal(found.length, 1, `${s} ${p}: ${found.length} values`);
    return found[0]!;
  };
  const listed = store.getObjects(catalog, `${DCAT}dataset`, null).map((t) => t.value);
  for (const key of ['timeseries', 'regions']) assert.ok(listed.includes(`${catalog}#dataset-${key}`), key);
  const bodyDatasets = listed.filter((d) => d.includes('#dataset-body-'));
  assert.deepEqual(bodyDatasets.sort(), Object.values(BODIES).map((b) => `${catalog}#dataset-body-${b.id}`).sort(), 'registry bodies only');
  for (const body of Object.values(BODIES)) {
    const dataset = `${catalog}#dataset-body-${body.id}`;
    assert.equal(one(dataset, `${DCT}publisher`).value, `${catalog}#publisher`);
    const agent = one(dataset, `${DCT}creator`).value;
    assert.ok(store.has(new Parser().parse(`<${agent}> <${RDF_TYPE}> <${FOAF}Agent> .`)[0]!), `${agent} is a foaf:Agent`);
    const name = one(agent, `${FOAF}name`);
    assert.deepEqual([name.value, name.termType === 'Literal' && name.language], [body.name, 'zh']);
    assert.match(one(agent, `${DCT}type`).value, /^http:\/\/purl\.org\/adms\/publishertype\/(Regional|Local)Authority$/);
    const place = one(dataset, `${DCT}spatial`).value;
    assert.equal(one(place, `${DCT}identifier`).value, body.division);
    const years = built.reports.filter((r) => r.report.body?.id === body.id).map((r) => r.report.year).sort();
    const period = one(dataset, `${DCT}temporal`).value;
    assert.equal(one(period, `${DCAT}startDate`).value, `${years[0]}-01-01`);
    assert.equal(one(period, `${DCAT}endDate`).value, `${years.at(-1)}-12-31`);
    assert.equal(one(dataset, `${DCAT}landingPage`).value, `${BASE}agencies/${body.id}.html`);
    const dist = one(dataset, `${DCAT}distribution`).value;
    const path = `feed/agencies/${body.id}.json`;
    assert.equal(one(dist, `${DCAT}downloadURL`).value, `${BASE}${path}`);
    const bytes = Buffer.from(built.files.get(path)!, 'utf8');
    assert.equal(one(dist, `${DCAT}byteSize`).value, String(bytes.length));
    assert.equal(one(one(dist, `${SPDX}checksum`).value, `${SPDX}checksumValue`).value, createHash('sha256').update(bytes).digest('hex'));
  }
  assert.equal(one(`${catalog}#agent-jiangsu`, `${DCT}type`).value, 'http://purl.org/adms/publishertype/RegionalAuthority');
  const tsDists = store.getObjects(`${catalog}#dataset-timeseries`, `${DCAT}distribution`, null).map((d) => one(d.value, `${DCAT}downloadURL`).value).sort();
  const years = [...new Set(built.reports.map((r) => r.report.year))].sort();
  assert.deepEqual(tsDists, [...years.map((y) => `${BASE}data/timeseries/${y}.csv`), `${BASE}data/timeseries/csv-metadata.json`, `${BASE}feed/agencies.json`].sort());
});
