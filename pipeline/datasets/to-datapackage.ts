/**
 * datapackage.json: a Frictionless Data Package v2 describing every CSV of the release, with its size, hash,
 * dialect and Table Schema. Deterministic: the dates come from the context, never the clock. Pure.
 */
import { CSV_DIALECT, CSV_MEDIA_TYPE } from './to-csv-format.ts';
import { REPORTS_CSV, csvTableSpec, tableSchema } from './table-schemas.ts';
import type { FileStat, ReleaseContext, Text } from './types.ts';

export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const PACKAGE_NAME = 'xxgk-annual-reports';

/** Where the original reports come from: every government body publishes its own, on its disclosure pages. */
export const ORIGINAL_REPORTS = {
  title: '政府信息公开工作年度报告（各级行政机关每年在其政府信息公开专栏发布）/ Annual reports on government '
    + 'information disclosure, published every year by each government body on its information-disclosure pages',
  path: 'https://www.gov.cn/',
};

const both = (t: Text) => `${t.zh} / ${t.en}`;

function resource(file: FileStat, withReports: boolean) {
  const spec = csvTableSpec(file.path);
  if (!spec) throw new Error(`datapackage.json: ${file.path} is a CSV of the release without a table description (pipeline/datasets/table-schemas.ts)`);
  return {
    name: spec.name,
    type: 'table',
    path: file.path,
    title: both(spec.title),
    description: `${spec.description.zh}\n\n${spec.description.en}`,
    format: 'csv',
    mediatype: CSV_MEDIA_TYPE,
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    dialect: { ...CSV_DIALECT },
    schema: tableSchema(spec, withReports),
  };
}

export function dataPackage(ctx: ReleaseContext): string {
  const { meta } = ctx;
  const csvs = ctx.files.filter((f) => f.path.endsWith('.csv'));
  const withReports = csvs.some((f) => f.path === REPORTS_CSV);
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
    resources: csvs.map((f) => resource(f, withReports)),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
