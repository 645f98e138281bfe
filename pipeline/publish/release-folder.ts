/**
 * A built release folder, read back: its files (for the planner and the targets) and its reports (to rebuild the
 * release with another version), these as a source read again for each use, one report at a time (a national
 * release holds 100,000 reports and more: ~24 KB each in memory). The folder is what `xxgk build --out DIR` wrote.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ASSETS_DIR, reportDocumentAt } from '../datasets/release-layout.ts';
import { readBytes } from '../adapters/fs.ts';
import type { CoverageRow } from '../datasets/coverage.ts';
import { parseCoverageCsv } from '../datasets/from-coverage-csv.ts';
import { COVERAGE_CSV } from '../datasets/table-schemas-coverage.ts';
import { type ValidatedReport, byYearThenId, yearThenId } from '../datasets/types.ts';
import { UsageError } from '../errors.ts';
import { loadSchemas } from '../adapters/schemas.ts';
import { type BundleError, bundleStream, bundlesInOrder } from './bundles.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseFeedDates, parseManifest, parseReportDocument } from './release-side.ts';
import type { Manifest, ReleaseFiles } from './types.ts';


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

/** Reports read again at each call, one at a time, in order: nothing but the report being read is held. */
export type ReportSource = () => AsyncIterable<ValidatedReport>;

/** A built folder, read back but for its reports: those are a source, read again for each use. */
export interface BuiltFolder {
  manifest: Manifest;
  /** The folder's report documents, sorted by year, then id (the order buildRelease needs), one at a time. */
  reports: ReportSource;
  /** Each report's feed entry: its document's sha256 and the date its data last changed. */
  feed: Map<string, { sha256: string; modified: string }>;
  /** The folder's schemas/ (file name → content): what the rebuild publishes. */
  schemas: Map<string, string>;
  /** The rows of its data/coverage.csv (null without one): made from inputs the folder does not keep. */
  coverage: CoverageRow[] | null;
}

/** A built folder read back whole: its reports in memory (BuiltFolder's, all read; for tests and small folders). */
export type BuiltRelease = Omit<BuiltFolder, 'reports'> & { reports: ValidatedReport[] };


/**
 * Two streams sorted by year then id, merged (a report in both comes out twice: the order check after says so).
 */
async function* merged(a: AsyncIterable<ValidatedReport>, b: AsyncIterable<ValidatedReport>): AsyncGenerator<ValidatedReport> {
  const [ia, ib] = [a[Symbol.asyncIterator](), b[Symbol.asyncIterator]()];
  let [x, y] = await Promise.all([ia.next(), ib.next()]);
  try {
    while (!x.done || !y.done) {
      if (!x.done && (y.done || byYearThenId(x.value, y.value) <= 0)) {
        yield x.value;
        x = await ia.next();
      } else if (!y.done) {
        yield y.value;
        y = await ib.next();
      }
    }
  } finally {
    await Promise.all([x.done ? null : ia.return?.(), y.done ? null : ib.return?.()]);
  }
}

/** The folder's report documents one at a time, sorted by year then id; out of that order (or twice) is an error. */
function folderReports(dir: string, files: ReleaseFiles): ReportSource {
  // The site layout: reports/<year>/<id>.json, in year-then-id order (not path order: "a-1.json" sorts before "a.json").
  const documents = files.manifest.files.flatMap((f) => {
    const at = reportDocumentAt(f.path);
    return at ? [{ path: f.path, ...at }] : [];
  }).sort(yearThenId);
  // The national layout: the documents in bundles, one a line, by year then part.
  const bundles = bundlesInOrder(files.manifest.files);
  const fail = ({ bundle, line }: BundleError) =>
    new UsageError(`${join(dir, bundle)}${line ? ` line ${line}` : ''} is not a bundle of report documents (gzip, one { report, validation } a line): rebuild ${dir} with xxgk build`);
  async function* own(): AsyncGenerator<ValidatedReport> {
    for (const f of documents) {
      const doc = parseReportDocument(await files.read(f.path));
      if (!doc) throw new UsageError(`${join(dir, f.path)} is not a report document ({ report, validation }): rebuild ${dir} with xxgk build`);
      yield doc;
    }
  }
  return async function* () {
    let last: ValidatedReport | null = null;
    for await (const r of merged(own(), bundleStream(bundles, readOrNull(files), fail))) {
      if (last && byYearThenId(last, r) >= 0) {
        throw new UsageError(`${dir}: report ${r.report.id} (${r.report.year}) comes after ${last.report.id} (${last.report.year}): its report documents are not in year-then-id order, each once; rebuild ${dir} with xxgk build`);
      }
      last = r;
      yield r;
    }
  };
}

/** Read a built folder back: its feed, schemas and coverage rows, and its report documents as a source. */
export async function builtFolder(dir: string): Promise<BuiltFolder> {
  const files = await folderRelease(dir);
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
  return { manifest: files.manifest, reports: folderReports(dir, files), feed: parseFeedDates(feed), schemas, coverage };
}

/** Read a built folder back whole: its report documents (in memory), feed, schemas and coverage rows. */
export async function readBuilt(dir: string): Promise<BuiltRelease> {
  const folder = await builtFolder(dir);
  const reports: ValidatedReport[] = [];
  for await (const r of folder.reports()) reports.push(r);
  return { ...folder, reports };
}
