/**
 * A built release folder, read back: its files (for the planner and the targets) and its reports (to rebuild the
 * release with another version). The folder is what `xxgk build --out DIR` wrote.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ASSETS_DIR } from '../datasets/release-layout.ts';
import { readBytes } from '../adapters/fs.ts';
import type { CoverageRow } from '../datasets/coverage.ts';
import { parseCoverageCsv } from '../datasets/from-coverage-csv.ts';
import { COVERAGE_CSV } from '../datasets/table-schemas-coverage.ts';
import { type ValidatedReport, byYearThenId } from '../datasets/types.ts';
import { UsageError } from '../errors.ts';
import { loadSchemas } from '../adapters/schemas.ts';
import { bundledReports } from './bundles.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseFeedDates, parseManifest, parseReportDocument } from './release-side.ts';
import type { Manifest, ReleaseFiles } from './types.ts';

const REPORT_DOCUMENT = /^reports\/\d{4}\/[^/]+\.json$/;

/** The files of a release folder, listed by its manifest.json. */
export async function folderRelease(dir: string): Promise<ReleaseFiles> {
  const manifest = parseManifest(await readBytes(join(dir, 'manifest.json')).catch(() => null));
  if (!manifest) throw new UsageError(`${dir} holds no built release (no manifest.json): run xxgk build --out ${dir} first`);
  // The assets are not in the manifest (they are not in the tree): listed from the folder, in path order.
  const found = await readdir(join(dir, ASSETS_DIR), { recursive: true, withFileTypes: true }).catch(() => []);
  const assets = found.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/')).sort();
  return { manifest, read: (path) => readBytes(join(dir, path)), file: (path) => join(dir, path), ...(assets.length ? { assets } : {}) };
}

/** A reader that says null for a missing file. */
export const readOrNull = (files: ReleaseFiles) => (path: string) => files.read(path).catch(() => null);

export interface BuiltRelease {
  manifest: Manifest;
  /** Sorted by year, then id (the order buildRelease needs). */
  reports: ValidatedReport[];
  /** Each report's feed entry: its document's sha256 and the date its data last changed. */
  feed: Map<string, { sha256: string; modified: string }>;
  /** The folder's schemas/ (file name → content): what the rebuild publishes. */
  schemas: Map<string, string>;
  /** The rows of its data/coverage.csv (null without one): made from inputs the folder does not keep. */
  coverage: CoverageRow[] | null;
}

/** Read a built folder back: its report documents, feed, schemas and coverage rows. */
export async function readBuilt(dir: string): Promise<BuiltRelease> {
  const files = await folderRelease(dir);
  const reports: ValidatedReport[] = [];
  for (const f of files.manifest.files.filter((x) => REPORT_DOCUMENT.test(x.path))) {
    const doc = parseReportDocument(await files.read(f.path));
    if (!doc) throw new UsageError(`${join(dir, f.path)} is not a report document ({ report, validation }): rebuild ${dir} with xxgk build`);
    reports.push(doc);
  }
  // The national layout: the documents in bundles, one a line.
  // A loop, not push(...): a national release bundles 100,000 reports a year and more, past what V8 can spread.
  const bundled = await bundledReports(files.manifest.files, readOrNull(files), ({ bundle, line }) =>
    new UsageError(`${join(dir, bundle)}${line ? ` line ${line}` : ''} is not a bundle of report documents (gzip, one { report, validation } a line): rebuild ${dir} with xxgk build`));
  for (const report of bundled) reports.push(report);
  const feed = await readFeedEntries(readOrNull(files));
  const schemas = await loadSchemas(join(dir, 'schemas')).catch(() => new Map<string, string>());
  for (const f of files.manifest.files.filter((x) => /^schemas\/[^/]+$/.test(x.path))) {
    // A schema lost from the folder would read as fields removed: a major release by mistake.
    if (!schemas.has(f.path.slice('schemas/'.length))) throw new UsageError(`${join(dir, f.path)} is missing: rebuild ${dir} with xxgk build`);
  }
  let coverage: CoverageRow[] | null = null;
  if (files.manifest.files.some((f) => f.path === COVERAGE_CSV)) {
    coverage = parseCoverageCsv(new TextDecoder().decode(await files.read(COVERAGE_CSV)));
    if (!coverage) throw new UsageError(`${join(dir, COVERAGE_CSV)} is not this version's coverage.csv: rebuild ${dir} with xxgk build`);
  }
  return { manifest: files.manifest, reports: reports.sort(byYearThenId), feed: parseFeedDates(feed), schemas, coverage };
}
