/**
 * CSVW metadata: one file beside every CSV, expanding as JSON-LD against the official CSVW context (offline, safe
 * mode: no term silently dropped), describing the very columns the CSV has, with the types of its Table Schema.
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { test } from 'node:test';
import jsonld from 'jsonld';
import { PARTITIONED, REPORTS_CSV, csvTableSpec, tableOf, tableSchema, type FieldType } from '../../pipeline/datasets/table-schemas.ts';
import { csvFiles, reportsCsv } from '../../pipeline/datasets/to-csv.ts';
import { CSVW_CONTEXT, csvwMetadata, csvwPath } from '../../pipeline/datasets/to-csvw.ts';
import type { ReleaseContext, ValidatedReport } from '../../pipeline/datasets/types.ts';
import { REGIONS_CSV, TIMESERIES_CSV } from '../../pipeline/datasets/table-schemas-series.ts';
import { regionsCsv } from '../../pipeline/datasets/to-regions.ts';
import { timeseriesCsv } from '../../pipeline/datasets/to-timeseries.ts';
import { bodyReports } from '../helpers/body-release.ts';
import { fileStat, partitionedFiles, sampleContext, sampleReports, summaryParts } from '../helpers/release.ts';
import { sharedJson, skipWithoutShared } from '../helpers/shared.ts';
import { parseCsv } from '../helpers/table-schema-check.ts';

const CSVW = 'http://www.w3.org/ns/csvw#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

function release(reports: ValidatedReport[]): { files: Map<string, string>; ctx: ReleaseContext } {
  const files = new Map<string, string>();
  for (const [path, content] of partitionedFiles(reports, csvFiles())) files.set(path, content);
  const stats = () => [...files].map(([p, c]) => fileStat(p, c, 'text/csv'));
  for (const [p, c] of summaryParts(sampleContext(reports).reports, REPORTS_CSV, reportsCsv)) files.set(p, c);
  // The per-body tables, from reports that resolve to registry bodies (the sample reports resolve to none).
  const bodies = bodyReports();
  for (const [p, c] of summaryParts(sampleContext(bodies).reports, TIMESERIES_CSV, timeseriesCsv)) files.set(p, c);
  files.set(REGIONS_CSV, regionsCsv(sampleContext(bodies)));
  return { files, ctx: sampleContext(reports, [...stats(), fileStat('feed/reports.json', '{}\n', 'application/json')]) };
}

const { files, ctx } = release(sampleReports());
const metadata = csvwMetadata(ctx);

type Node = Record<string, unknown>;
const values = (node: unknown, property: string): Node[] => ((node as Node)[property] ?? []) as Node[];
const first = (node: unknown, property: string): Node | undefined => values(node, property)[0];

/** URLs the offline loader refused. */
const refused: string[] = [];

async function expand(doc: unknown): Promise<Node[]> {
  const context = await sharedJson<object>('validators', 'csvw', 'csvw.jsonld');
  const documentLoader = async (url: string) => {
    if (url === CSVW_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: context };
    refused.push(url);
    throw new Error(`offline document loader: refusing ${url}`);
  };
  // safe mode makes jsonld.js throw instead of silently dropping a term the context does not define.
  const options = { documentLoader, safe: true } as unknown as Parameters<typeof jsonld.expand>[1];
  return (await jsonld.expand(doc as Parameters<typeof jsonld.expand>[0], options)) as Node[];
}

/** The expanded tables of a metadata document: the table itself, or the tables of its group. */
function expandedTables(doc: Node[]): Node[] {
  const top = doc[0]!;
  return (top['@type'] as string[]).includes(`${CSVW}TableGroup`) ? values(top, `${CSVW}table`) : [top];
}

const XSD_OF: Record<FieldType, string[]> = {
  string: ['string'], integer: ['integer', 'nonNegativeInteger'], number: ['decimal'], boolean: ['boolean'],
  date: ['date'], year: ['gYear'],
};

/** The table a metadata file describes (data/reports.csv-metadata.json → data/reports.csv; data/observations/csv-metadata.json → data/observations.csv). */
const describedTable = (path: string) => (path.endsWith('/csv-metadata.json') ? `${path.slice(0, -'/csv-metadata.json'.length)}.csv` : path.replace(/-metadata\.json$/, ''));

test('one metadata file per CSV table: beside a single CSV, in the folder of a partitioned one; urls relative to it', () => {
  const tables = [...new Set(ctx.files.filter((f) => f.path.endsWith('.csv')).map((f) => tableOf(f.path)))].sort();
  assert.equal(tables.length, 11);
  assert.deepEqual(metadata.map((m) => m.path), tables.map(csvwPath).sort());
  assert.ok(metadata.some((m) => m.path === 'data/observations/csv-metadata.json'));
  for (const m of metadata) {
    const doc = JSON.parse(m.content) as Node;
    assert.deepEqual(doc['@context'], [CSVW_CONTEXT, { '@language': 'zh' }]);
    const tables = (doc.tables ?? [doc]) as Node[];
    const urls = tables.map((t) => posix.join(posix.dirname(m.path), t.url as string));
    const table = describedTable(m.path);
    const own = ctx.files.filter((f) => tableOf(f.path) === table).map((f) => f.path);
    assert.deepEqual(urls.slice(0, own.length).sort(), own.sort(), `${m.path} describes its CSVs first`);
    if (PARTITIONED.has(table)) assert.ok(doc.tableSchema, `${m.path}: the group's schema is every part's`);
    for (const u of urls) assert.ok(files.has(u), `${m.path}: ${u} is a CSV of the release`);
    assert.equal(doc['dc:license'] && (doc['dc:license'] as Node)['@id'], ctx.meta.license.url);
    assert.ok(m.content.endsWith('}\n'));
  }
});

test('every metadata file expands offline against the CSVW context, dropping no term, with the CSV\'s own columns', async () => {
  if (skipWithoutShared('CSVW context')) return;
  for (const m of metadata) {
    const doc = JSON.parse(m.content) as Node;
    const expanded = await expand(doc);
    assert.equal(expanded.length, 1, m.path);
    assert.ok(first(expanded[0], 'http://purl.org/dc/terms/title'), `${m.path}: dc:title kept`);
    assert.ok(first(expanded[0], 'http://purl.org/dc/terms/license'), `${m.path}: dc:license kept`);
    const tables = expandedTables(expanded);
    const main = describedTable(m.path);
    for (const table of tables) {
      const url = first(table, `${CSVW}url`)!['@value'] as string;
      const path = posix.join(posix.dirname(m.path), url);
      const spec = csvTableSpec(path)!;
      const schema = first(table, `${CSVW}tableSchema`) ?? first(expanded[0], `${CSVW}tableSchema`)!;
      const columns = (first(schema, `${CSVW}column`)!['@list'] as Node[]);
      assert.deepEqual(columns.map((c) => first(c, `${CSVW}name`)!['@value']), spec.columns.map((c) => c.name), `${m.path} ${url}: columns`);
      const [header] = parseCsv(files.get(path)!);
      const fields = tableSchema(spec, true).fields;
      columns.forEach((c, k) => {
        const titles = values(c, `${CSVW}title`).map((t) => t['@value']);
        assert.ok(titles.includes(header![k]), `${url} column ${k + 1}: the header "${header![k]}" is one of its titles`);
        assert.deepEqual(values(c, `${CSVW}title`).map((t) => t['@language']).filter((l) => l !== 'und').sort(), ['en', 'zh']);
        const datatype = first(c, `${CSVW}datatype`)!;
        const iri = (datatype['@id'] ?? first(datatype, `${CSVW}base`)?.['@value']) as string;
        const name = iri.startsWith(XSD) ? iri.slice(XSD.length) : iri;
        assert.ok(XSD_OF[fields[k]!.type].includes(name), `${url} ${fields[k]!.name}: ${name} for ${fields[k]!.type}`);
        assert.equal(first(c, `${CSVW}required`)!['@value'], fields[k]!.constraints?.required === true, `${url} ${fields[k]!.name}: required`);
      });
      const key = values(schema, `${CSVW}primaryKey`).map((v) => v['@value']);
      assert.deepEqual(key, spec.primaryKey, `${url}: primary key`);
      // reports.csv is in parts, and a CSVW foreign key names one table: the references are in datapackage.json.
      assert.equal(first(schema, `${CSVW}foreignKey`), undefined, `${url}: no foreign key`);
    }
  }
});

test('the expansion check can fail: a misspelt term is refused, and so is any remote context', async () => {
  if (skipWithoutShared('CSVW context')) return;
  const doc = JSON.parse(metadata.find((m) => m.path === 'data/reports/csv-metadata.json')!.content) as Node;
  await assert.rejects(expand({ ...doc, tableSchemaa: doc.tableSchema }), /safe mode|invalid property|dropped/i);
  await assert.rejects(expand({ ...doc, '@context': 'http://example.org/context' }), /example\.org\/context/);
  assert.deepEqual(refused, ['http://example.org/context'], 'the loader refused it, nothing reached the network');
});

test('the metadata depends on the release\'s metadata and list of CSVs only: not on the reports, their sizes or dates', () => {
  // The same years (so the same partitions), other reports.
  const other = release(sampleReports(12)).ctx;
  assert.notDeepEqual(other.files, ctx.files);
  assert.deepEqual(csvwMetadata(other), metadata);
  assert.deepEqual(csvwMetadata(ctx), metadata, 'deterministic');
  assert.ok(metadata.every((m) => !m.content.includes('foreignKeys')), 'no foreign keys');
  assert.ok(metadata.every((m) => m.path.endsWith('/csv-metadata.json') || !m.content.includes('TableGroup')), 'a single CSV is a table, not a group');
});
