/**
 * datapackage.json: a Frictionless Data Package v2 describing every CSV of the release, with its size, hash,
 * dialect and Table Schema; a partitioned table (partitions.ts) is one multipart resource; the Parquet files of the
 * observations are one more resource, with the observations' Table Schema. Deterministic: the dates come from the context, never the clock. Pure.
 */
import { CSV_DIALECT, CSV_MEDIA_TYPE } from './to-csv-format.ts';
import { partsOf } from './partitions.ts';
import { AGENCIES_ARCHIVE, ASSETS_DIR, assetName, assetPartition, isReportBundle } from './release-layout.ts';
import { OBSERVATIONS_CSV, OBSERVATIONS_NDJSON, OBSERVATIONS_PARQUET, PARTITIONED, REPORTS_CSV, csvTableSpec, tableOf, tableSchema } from './table-schemas.ts';
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
    const list = groups.get(table);
    if (list) list.push(f);
    else groups.set(table, [f]);
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
    resources: [
      ...csvTables(csvs).map((f) => resource(f, withReports)), ...(parquet.length ? [parquetResource(parquet, withReports)] : []),
      ...nationalResources(ctx, withReports),
    ],
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

// ---- The national layout (release-layout.ts): the bundles in the tree, the release assets ----

const byPart = (a: FileStat, b: FileStat) => {
  const p = assetPartition(a.path)!;
  const q = assetPartition(b.path)!;
  return p.year - q.year || p.part - q.part;
};
const sum = (files: readonly FileStat[]) => files.reduce((n, f) => n + f.bytes, 0);
const GZIP = { zh: '每个文件 gzip 压缩（compression: gz），解压后', en: 'Each file is gzip-compressed (compression: gz); uncompressed, ' };
const ASSET = {
  zh: '作为该版本发布的附件下载（path 为下载地址），不在仓库中；各附件的大小和 SHA-256 见 catalog.jsonld。',
  en: 'Downloaded as assets of this version\'s release (path gives their URLs), not held in the repository; each asset\'s size and SHA-256 are in catalog.jsonld.',
};

/**
 * The national layout's files outside the tables of the tree: the report documents' bundles (in the tree), and,
 * where the target makes releases (meta.releases), the release assets: each partitioned CSV table as gzip parts
 * with its Table Schema and dialect, the observations' NDJSON, the pages of each year's reports and the bodies'
 * files (tar, gzip). Nothing in the site layout.
 */
function nationalResources(ctx: ReleaseContext, withReports: boolean): object[] {
  const { meta } = ctx;
  const out: object[] = [];
  const bundles = ctx.files.filter((f) => isReportBundle(f.path)).sort(byPart);
  if (bundles.length) {
    out.push({
      name: 'report-documents',
      path: bundles.map((f) => f.path),
      title: '报告 JSON 文档 / Report documents',
      description: '每行一份报告的 JSON 文档（报告和校验结果），按年度分区，gzip 压缩；与站点布局中 reports/<年度>/<编号>.json 逐字节相同。\n\n'
        + 'One report document a line (the report and its validation result), partitioned by year like the tables, gzip-compressed; byte for byte the site layout\'s reports/<year>/<id>.json.',
      format: 'ndjson',
      mediatype: 'application/x-ndjson',
      compression: 'gz',
      encoding: 'utf-8',
      bytes: sum(bundles),
      jsonSchema: 'schemas/report-document.schema.json',
    });
  }
  if (!meta.releases || !ctx.assets?.length) return out;
  const url = (path: string) => `${meta.releases}v${meta.version}/${assetName(path, meta.version)}`;
  const gz = ctx.assets.filter((f) => f.path.endsWith('.gz') && assetPartition(f.path) && !f.path.startsWith(`${ASSETS_DIR}reports/`));
  const tables = new Map<string, FileStat[]>();
  for (const f of gz) {
    const table = tableOf(f.path.slice(ASSETS_DIR.length, -'.gz'.length));
    const list = tables.get(table);
    if (list) list.push(f);
    else tables.set(table, [f]);
  }
  for (const [table, files] of [...tables].sort(([a], [b]) => (a < b ? -1 : 1))) {
    files.sort(byPart);
    const spec = csvTableSpec(table);
    if (spec) {
      out.push({
        name: `${spec.name}-gz`,
        type: 'table',
        path: files.map((f) => url(f.path)),
        title: `${both(spec.title)} (CSV, gzip)`,
        description: `${spec.description.zh}${PARTS.zh}${GZIP.zh}同 ${table} 的分区。${ASSET.zh}\n\n${spec.description.en} ${PARTS.en} ${GZIP.en}the partitions of ${table}. ${ASSET.en}`,
        format: 'csv',
        mediatype: CSV_MEDIA_TYPE,
        compression: 'gz',
        encoding: 'utf-8',
        bytes: sum(files),
        dialect: { ...CSV_DIALECT },
        schema: tableSchema(spec, withReports),
      });
    } else if (table === OBSERVATIONS_NDJSON) {
      out.push({
        name: 'observations-ndjson-gz',
        path: files.map((f) => url(f.path)),
        title: '逐格数据（NDJSON，gzip）/ Observations (NDJSON, gzip)',
        description: `每行一个 JSON 对象（字段同 observations.csv，flags 为数组），按年度分区。${GZIP.zh}即 feed/observations/<年度>.ndjson。${ASSET.zh}\n\n`
          + `One JSON object per cell (the fields of observations.csv, flags as an array), partitioned by year. ${GZIP.en}feed/observations/<year>.ndjson. ${ASSET.en}`,
        format: 'ndjson',
        mediatype: 'application/x-ndjson',
        compression: 'gz',
        encoding: 'utf-8',
        bytes: sum(files),
        jsonSchema: 'schemas/observation.schema.json',
      });
    }
  }
  const pages = ctx.assets.filter((f) => /^assets\/reports\/\d{4}\.tar\.gz$/.test(f.path));
  const archive = ctx.assets.filter((f) => f.path === AGENCIES_ARCHIVE);
  for (const [name, files, zh, en] of [
    ['report-pages', pages, '各报告的网页（每年一个 tar.gz，内含 reports/<年度>/<编号>.html）', 'The reports\' pages (a tar.gz a year holding reports/<year>/<id>.html)'],
    ['agency-files', archive, '各机关的历年数据文件和网页（tar.gz，内含 feed/agencies/<编号>.json 和 agencies/<编号>.html）', 'Each body\'s file and page (a tar.gz holding feed/agencies/<id>.json and agencies/<id>.html)'],
  ] as const) {
    if (files.length === 0) continue;
    out.push({
      name,
      path: files.length === 1 ? url(files[0]!.path) : files.map((f) => url(f.path)),
      title: `${zh} / ${en}`,
      description: `${zh}；tar 打包，gzip 压缩，解压到站点目录即可浏览。${ASSET.zh}\n\n${en}: tar, gzip; extract into the site's folder to browse. ${ASSET.en}`,
      format: 'tar',
      mediatype: 'application/x-tar',
      compression: 'gz',
      bytes: sum(files),
      ...(files.length === 1 ? { hash: `sha256:${files[0]!.sha256}` } : {}),
    });
  }
  return out;
}
