/**
 * datapackage.json: a Frictionless Data Package v2 describing every CSV of the release, with its size, hash,
 * dialect and Table Schema; a partitioned table (partitions.ts) is one multipart resource; the Parquet files of the
 * observations are one more resource, with the observations' Table Schema. Deterministic: the dates come from the context, never the clock. Pure.
 */
import { CSV_DIALECT, CSV_MEDIA_TYPE } from './to-csv-format.ts';
import { partsOf } from './partitions.ts';
import { OBSERVATIONS_CSV, OBSERVATIONS_PARQUET, PARTITIONED, REPORTS_CSV, csvTableSpec, tableOf, tableSchema } from './table-schemas.ts';
import type { FileStat, ReleaseContext, Text } from './types.ts';

export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const PACKAGE_NAME = 'xxgk-annual-reports';
export const PARQUET_MEDIA_TYPE = 'application/vnd.apache.parquet';

/** Where the original reports come from: every government body publishes its own, on its disclosure pages. */
export const ORIGINAL_REPORTS = {
  title: '政府信息公开工作年度报告（各级行政机关每年在其政府信息公开专栏发布）/ Annual reports on government '
    + 'information disclosure, published every year by each government body on its information-disclosure pages',
  path: 'https://www.gov.cn/',
};

const both = (t: Text) => `${t.zh} / ${t.en}`;

const PARTS = {
  zh: '分区表：每个年度一个文件（data/<表>/<年度>.csv），过大时再按报告分为若干部分（<年度>-2.csv …）；每个文件都有表头。path 按年度和部分排列；各文件的大小和 SHA-256 见 manifest.json。',
  en: 'A partitioned table: one file per year (data/<table>/<year>.csv), split further into parts at report boundaries when a year is large (<year>-2.csv, …); every file has the header row. path lists them by year and part; each file\'s size and SHA-256 are in manifest.json.',
};

/** One resource per table: a partitioned table is a multipart resource (path: an array, every part with its header). */
function resource(files: FileStat[], withReports: boolean) {
  const spec = csvTableSpec(files[0]!.path);
  if (!spec) throw new Error(`datapackage.json: ${files[0]!.path} is a CSV of the release without a table description (pipeline/datasets/table-schemas.ts)`);
  const parted = PARTITIONED.has(spec.path);
  return {
    name: spec.name,
    type: 'table',
    path: parted ? files.map((f) => f.path) : files[0]!.path,
    title: both(spec.title),
    description: `${spec.description.zh}${parted ? PARTS.zh : ''}\n\n${spec.description.en}${parted ? ` ${PARTS.en}` : ''}`,
    format: 'csv',
    mediatype: CSV_MEDIA_TYPE,
    encoding: 'utf-8',
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    ...(parted ? {} : { hash: `sha256:${files[0]!.sha256}` }),
    dialect: { ...CSV_DIALECT },
    schema: tableSchema(spec, withReports),
  };
}

/** The CSVs of the release grouped by table (a partitioned table's files in year and part order), by table path. */
export function csvTables(files: readonly FileStat[]): FileStat[][] {
  const groups = new Map<string, FileStat[]>();
  for (const f of files.filter((x) => x.path.endsWith('.csv'))) {
    const table = tableOf(f.path);
    groups.set(table, [...(groups.get(table) ?? []), f]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([table, list]) => (PARTITIONED.has(table) ? partsOf(table, list) : list));
}

export function dataPackage(ctx: ReleaseContext): string {
  const { meta } = ctx;
  const csvs = ctx.files.filter((f) => f.path.endsWith('.csv'));
  const withReports = csvs.some((f) => tableOf(f.path) === REPORTS_CSV);
  const parquet = partsOf(OBSERVATIONS_PARQUET, ctx.files);
  const pkg = {
    $schema: DATAPACKAGE_PROFILE,
    name: PACKAGE_NAME,
    id: meta.baseUrl,
    title: both(meta.title),
    description: `${meta.description.zh}\n\n${meta.description.en}`,
    homepage: meta.baseUrl,
    version: meta.version,
    created: `${ctx.modified}T00:00:00Z`,
    keywords: [...meta.keywords.zh, ...meta.keywords.en],
    licenses: [{ name: meta.license.id, path: meta.license.url, title: meta.license.title }],
    contributors: [
      { title: both(meta.publisher.name), path: meta.publisher.url, email: meta.publisher.email, roles: ['publisher'] },
      { title: both(meta.contact.name), path: meta.contact.url, email: meta.contact.email, roles: ['contact'] },
    ],
    sources: [ORIGINAL_REPORTS],
    resources: [...csvTables(csvs).map((f) => resource(f, withReports)), ...(parquet.length ? [parquetResource(parquet, withReports)] : [])],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const PARQUET = {
  zh: 'Apache Parquet 格式的逐格数据：行和列同 observations.csv（flags 为以“;”连接的文本），按年度分区，与 CSV 的分区相同。',
  en: 'The observations in Apache Parquet: the rows and columns of observations.csv (flags as text joined with ";"), partitioned by year like the CSV.',
};

/** The Parquet files of the observations: one multipart resource (Parquet files carry their own column types). */
function parquetResource(files: FileStat[], withReports: boolean) {
  const spec = csvTableSpec(OBSERVATIONS_CSV)!;
  return {
    name: `${spec.name}-parquet`,
    type: 'table',
    path: files.map((f) => f.path),
    title: `${both(spec.title)} (Parquet)`,
    description: `${PARQUET.zh}\n\n${PARQUET.en}`,
    format: 'parquet',
    mediatype: PARQUET_MEDIA_TYPE,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    schema: tableSchema(spec, withReports),
  };
}
