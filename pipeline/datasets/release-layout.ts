/**
 * How a release is laid out (config `release:`): `site` puts every file in the tree — a page and a JSON document per
 * report, a page and a feed per body, every table as CSV; `national` keeps the tree within GitHub's recommended size
 * at national scale (about 100,000 reports): the tree holds the Parquet observations, the report-level tables, the
 * report documents in compressed bundles (one a partition), the metadata and the site's index pages, and the bulk
 * renderings go to compressed release assets, named here. Pure naming; index.ts does the writing.
 */
import { partitionOf } from './partitions.ts';
import type { DatasetMeta, ReleaseLayout } from './types.ts';

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
