/**
 * CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") beside every CSV: data/<name>.csv-metadata.json, the
 * file a CSVW processor looks for first; for a partitioned table (partitions.ts) the folder's csv-metadata.json, a
 * table group of its files with the table's schema as the group's default. CSVW describes CSV only: the Parquet
 * files of the observations are in datapackage.json and the catalog, not here. No foreign keys: a CSVW foreign key
 * names one table, and reports.csv is itself in parts (its report_id references are in datapackage.json, whose
 * foreign keys name a resource). The metadata depends on the release's metadata and its list of CSVs only, not on
 * the reports. Pure.
 */
import { posix } from 'node:path';
import { CSV_DIALECT } from './to-csv-format.ts';
import { partFolder } from './partitions.ts';
import { PARTITIONED, csvTableSpec, type ColumnSpec, type CsvTableSpec } from './table-schemas.ts';
import { csvTables } from './to-datapackage.ts';
import { COMPRESSIONS, IANA } from './dcat-vocab.ts';
import { ASSETS_DIR, assetName, assetPath } from './release-layout.ts';
import type { DatasetMeta, ReleaseContext, Text } from './types.ts';

export const CSVW_CONTEXT = 'http://www.w3.org/ns/csvw';

const texts = (t: Text) => [{ '@value': t.zh, '@language': 'zh' }, { '@value': t.en, '@language': 'en' }];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The CSVW datatype of a column: the same type and constraints as its Frictionless field. */
function datatype(c: ColumnSpec): string | Record<string, unknown> {
  switch (c.type) {
    case 'string':
      if (c.enum) return { base: 'string', format: `^(?:${c.enum.map(escapeRegExp).join('|')})$` };
      return c.pattern ? { base: 'string', format: c.pattern } : 'string';
    case 'integer': return c.minimum === 0 ? 'nonNegativeInteger' : 'integer';
    case 'number': return c.minimum === 0 ? { base: 'decimal', minimum: 0 } : 'decimal';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'year': return 'gYear';
  }
}

function column(c: ColumnSpec) {
  // A processor matches the header against the titles: a header of codes is not in any language.
  const titles = c.header === c.label.zh ? { zh: c.label.zh, en: c.label.en } : { und: c.header, zh: c.label.zh, en: c.label.en };
  return {
    name: c.name,
    titles,
    ...(c.note ? { 'dc:description': { '@value': `${c.label.en}: ${c.note}`, '@language': 'en' } } : {}),
    datatype: datatype(c),
    required: c.required,
    ...(c.separator ? { separator: c.separator } : {}),
  };
}

function table(spec: CsvTableSpec, from: string) {
  return {
    url: posix.relative(posix.dirname(from), spec.path),
    'dc:title': texts(spec.title),
    'dc:description': texts(spec.description),
    tableSchema: { columns: spec.columns.map(column), primaryKey: spec.primaryKey },
  };
}

const DIALECT = {
  encoding: 'utf-8', header: true, delimiter: CSV_DIALECT.delimiter, quoteChar: CSV_DIALECT.quoteChar,
  doubleQuote: CSV_DIALECT.doubleQuote, lineTerminators: [CSV_DIALECT.lineTerminator], trim: false,
};

/**
 * Where a table's CSVW metadata is: beside the CSV (data/reports.csv-metadata.json), or for a partitioned table the
 * folder's csv-metadata.json (data/observations/csv-metadata.json), the second place a CSVW processor looks.
 */
export function csvwPath(table: string): string {
  return PARTITIONED.has(table) ? `${partFolder(table)}/csv-metadata.json` : `${table}-metadata.json`;
}

/** A partitioned table: a group of its files sharing the table's schema (parts by path, or by absolute URL). */
function partsMetadata(spec: CsvTableSpec, parts: readonly string[], common: object): object {
  const from = csvwPath(spec.path);
  const { 'dc:title': title, 'dc:description': description, tableSchema } = table(spec, from);
  return {
    '@context': [CSVW_CONTEXT, { '@language': 'zh' }], '@type': 'TableGroup', 'dc:title': title, 'dc:description': description,
    ...common, tableSchema,
    tables: parts.map((p) => ({ url: /^https?:/.test(p) ? p : posix.relative(posix.dirname(from), p) })),
  };
}

function metadata(spec: CsvTableSpec, meta: DatasetMeta, parts?: readonly string[], gzip = false): object {
  const from = csvwPath(spec.path);
  const common = {
    // The national layout's release assets: each CSV gzip-compressed (CSVW itself names no compression).
    ...(gzip ? { 'dcat:compressFormat': { '@id': `${IANA}${COMPRESSIONS.gzip}` } } : {}),
    'dc:license': { '@id': meta.license.url },
    'dc:publisher': { 'schema:name': texts(meta.publisher.name), 'schema:url': { '@id': meta.publisher.url } },
    dialect: DIALECT,
  };
  if (parts) return partsMetadata(spec, parts, common);
  const { url, 'dc:title': title, 'dc:description': description, tableSchema } = table(spec, from);
  return { '@context': [CSVW_CONTEXT, { '@language': 'zh' }], '@type': 'Table', url, 'dc:title': title, 'dc:description': description, ...common, tableSchema };
}

/**
 * The CSVW metadata of every CSV table of the release (csvwPath), sorted by path. In the national layout, where the
 * target makes releases (meta.releases), also of each partitioned table whose CSV parts are release assets (gzip):
 * the group names the assets by their download URLs.
 */
export function csvwMetadata(ctx: ReleaseContext): Array<{ path: string; content: string }> {
  const csvs = ctx.files.filter((f) => f.path.endsWith('.csv'));
  const tree = csvTables(csvs).map((files) => {
    const spec = csvTableSpec(files[0]!.path);
    if (!spec) throw new Error(`CSVW: ${files[0]!.path} is a CSV of the release without a table description (pipeline/datasets/table-schemas.ts)`);
    const parts = PARTITIONED.has(spec.path) ? files.map((f) => f.path) : undefined;
    return { path: csvwPath(spec.path), content: `${JSON.stringify(metadata(spec, ctx.meta, parts), null, 2)}\n` };
  });
  const { releases, version } = ctx.meta;
  const assets = releases && ctx.assets ? ctx.assets.filter((f) => f.path.endsWith('.csv.gz')).map((f) => ({ ...f, path: f.path.slice(ASSETS_DIR.length, -'.gz'.length) })) : [];
  const bulk = csvTables(assets).flatMap((files) => {
    const spec = csvTableSpec(files[0]!.path);
    if (!spec || !PARTITIONED.has(spec.path) || tree.some((t) => t.path === csvwPath(spec.path))) return [];
    const urls = files.map((f) => `${releases}v${version}/${assetName(assetPath(f.path), version)}`);
    return [{ path: csvwPath(spec.path), content: `${JSON.stringify(metadata(spec, ctx.meta, urls, true), null, 2)}\n` }];
  });
  return [...tree, ...bulk].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
