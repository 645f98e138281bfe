/**
 * How a release is laid out (config `release:`): `site` puts every file in the tree — a page and a JSON document per
 * report, a page and a feed per body, every table as CSV; `national` keeps the tree within GitHub's recommended size
 * at national scale (about 100,000 reports): the tree holds the Parquet observations, the report-level tables, the
 * report documents in compressed bundles (one a partition), the metadata and the site's index pages, and the bulk
 * renderings go to compressed release assets, named here. Pure naming; index.ts does the writing.
 */
import { partPath, partitionOf } from './partitions.ts';
import type { DatasetMeta, ReleaseLayout, ReportSummary } from './types.ts';

export type Layout = ReleaseLayout['layout'];

/** GitHub recommends a repository under 1 GB (docs: About large files on GitHub). */
export const DEFAULT_RELEASE: ReleaseLayout = { layout: 'site', maxTreeBytes: 1_000_000_000, maxTreeFiles: 100_000 };

export const releaseOf = (meta: Pick<DatasetMeta, 'release'>): ReleaseLayout => ({ ...DEFAULT_RELEASE, ...meta.release });
export const isNational = (meta: Pick<DatasetMeta, 'release'>): boolean => meta.release?.layout === 'national';

/**
 * The folder of a built release that holds its assets: files the build writes beside the tree, never listed in
 * manifest.json, attached to the release by the publish targets (publish/assets.ts).
 */
export const ASSETS_DIR = 'assets/';

/** Where the report documents of a partition go at national scale: reports/2024.ndjson.gz, reports/2024-2.ndjson.gz. */
export const REPORT_BUNDLES = 'reports.ndjson';
const BUNDLE = /^reports\/(\d{4})(?:-([1-9]\d*))?\.ndjson\.gz$/;
export const isReportBundle = (path: string): boolean => BUNDLE.test(path);
const REPORT_DOCUMENT = /^reports\/(\d{4})\/([^/]+)\.json$/;
/** A report document's place in the site layout, reports/<year>/<id>.json (summary.ts reportPaths), or null. */
export function reportDocumentAt(path: string): { year: number; id: string } | null {
  const m = REPORT_DOCUMENT.exec(path);
  return m ? { year: Number(m[1]), id: m[2]! } : null;
}
export const isReportDocument = (path: string): boolean => REPORT_DOCUMENT.test(path);
/** The bundle of a partition's report documents: 2024, 2 → reports/2024-2.ndjson.gz. */
export const bundlePath = (year: number, part: number): string => `${partPath(REPORT_BUNDLES, year, part)}.gz`;

/**
 * The links of a report in the national layout, where its own files are not in the tree: its document is a line of
 * its partition's bundle (the bundle's path, the report id as the fragment: reports/2024-2.ndjson.gz#<id>), its page
 * the row of the year page that lists it (reports/2024/index.html#<id>), which names the release asset holding the
 * page. Relative to the release root like the site layout's paths, so every writer that links a report (the feeds,
 * data/reports/*.csv's json column, the pages) links into the tree. The document's sha256 and size stay the line's.
 */
export function nationalLinks(s: ReportSummary, part: number): ReportSummary {
  return { ...s, json: { ...s.json, path: `${bundlePath(s.year, part)}#${s.id}` }, page: `reports/${s.year}/index.html#${s.id}` };
}

/**
 * The links of a body (its feed/agencies/<key>.json and agencies/<key>.html): as they are in the site layout; in the
 * national layout those files are in the agencies archive (a release asset), so its feed links to its entry in
 * feed/agencies.json and its page to its row in agencies/index.html, both in the tree.
 */
export function bodyLinks(meta: Pick<DatasetMeta, 'release'>, b: { key: string; feed: string; page: string }): { feed: string; page: string } {
  return isNational(meta) ? { feed: `feed/agencies.json#${b.key}`, page: `agencies/index.html#${b.key}` } : { feed: b.feed, page: b.page };
}

/** The pages of a year's reports at national scale (a tar archive, gzip): assets/reports/2024.tar.gz. */
export const pagesArchivePath = (year: number): string => `${ASSETS_DIR}reports/${year}.tar.gz`;
/** The body pages and feeds at national scale (one tar archive, gzip). */
export const AGENCIES_ARCHIVE = `${ASSETS_DIR}agencies.tar.gz`;

/** The asset of a tree path: data/observations/2024-2.csv → assets/data/observations/2024-2.csv.gz. */
export const assetPath = (treePath: string): string => `${ASSETS_DIR}${treePath}.gz`;

/**
 * The name of an asset on the release (GitHub asset names are flat): assets/data/observations-zh/2024-2.csv.gz of
 * v1.2.0 → xxgk-observations-zh-2024-2-1.2.0.csv.gz; assets/reports/2024.tar.gz → xxgk-report-pages-2024-1.2.0.tar.gz;
 * assets/agencies.tar.gz → xxgk-agencies-1.2.0.tar.gz.
 */
export function assetName(path: string, version: string): string {
  const rel = path.startsWith(ASSETS_DIR) ? path.slice(ASSETS_DIR.length) : path;
  const ext = /(\.[a-z]+)?\.(gz)$/.exec(rel);
  const dot = ext ? rel.length - ext[0].length : rel.length;
  const stem = rel.slice(0, dot).replace(/^(data|feed)\//, '').replace(/^reports\/(\d{4})$/, 'report-pages/$1');
  const kind = rel.startsWith('feed/observations/') ? 'observations-ndjson' : null;
  const flat = (kind ? stem.replace(/^observations/, kind) : stem).replace(/\//g, '-');
  return `xxgk-${flat}-${version}${rel.slice(dot)}`;
}

/** The report year and part of an asset or bundle path, or null. */
export function assetPartition(path: string): { year: number; part: number } | null {
  const p = partitionOf(path.replace(/\.gz$/, ''));
  return p ? { year: p.year, part: p.part } : null;
}
