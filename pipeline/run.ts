/**
 * The pipeline as far as it goes: read every document in a folder, merge renderings of the same report, validate,
 * and build the release into an output folder. Composition only: the stages are pure, the adapters do the I/O.
 */
import { join } from 'node:path';
import { type Clock, chinaDate } from './adapters/clock.ts';
import { listFiles, readInput } from './adapters/fs.ts';
import { loadSchemas } from './adapters/schemas.ts';
import { READ_LIMITS, type ReadLimits } from './ingest/limits.ts';
import { checkFieldLengths } from './parse/field-lengths.ts';
import { readPrevious, readPreviousBytes, writeFolderAtomically } from './adapters/output.ts';
import { DEFAULT_META } from './datasets/defaults.ts';
import { buildRelease, foundOf } from './datasets/index.ts';
import { type SpilledPart, spilledSummaries } from './datasets/summary-store.ts';
import { openRecordSpill } from './adapters/record-spill.ts';
import { type CoverageInput, foundReport } from './datasets/coverage.ts';
import { type DatasetMeta, type FileStat, type ReportSummary, type ValidatedReport, yearThenId } from './datasets/types.ts';
import { InputError } from './errors.ts';
import type { YearFiles, YearStreams } from './datasets/year-streams.ts';
import { type Ledger, type LedgerEntry, ledgerEntry } from './build-ledger.ts';
import type { ParseCache } from './adapters/parse-cache.ts';
import { createHash } from 'node:crypto';
import type { AnnualReport } from './model/report.ts';
import type { NameResolver } from './agencies/identify.ts';
import { loadDivisionNames } from './adapters/registry.ts';
import { folderResolver } from './resolvers.ts';
import { type HistoryOptions, releaseReportStream } from './publish/history.ts';
import { readFeedEntries } from './publish/read-feed.ts';
import { parseFeedDates, parseIssued } from './publish/release-side.ts';
import { type DocumentReader, documentReader, workersFor } from './adapters/read-pool.ts';
import type { ReadOutcome } from './read-outcome.ts';
import { type FolderRead, type ReportOutcome, readFolderFlat as readSpilled } from './read-folder.ts';

export { folderResolver, registryResolver } from './resolvers.ts';
export type { ReportOutcome } from './read-folder.ts';

export interface ReadResult {
  files: number;
  reports: ValidatedReport[];
  /** Files that could not be read; `internal`: not the file's fault but a failure of xxgk's (exit 70). */
  unreadable: Array<{ file: string; message: string; internal?: true }>;
}

/**
 * Files in an input folder that are not reports: Markdown notes, manifests (a release's, or the samples'), and an
 * agencies.yaml registry of the folder's own bodies.
 */
export const NOT_REPORTS = /(?:^|\/)(?:[^/]+\.md|manifest\.json|agencies\.ya?ml)$/i;

export interface ReadOptions {
  cache?: ParseCache;
  /** Resolves printed agency names to registry bodies; without one, reports keep the ids of their printed names. */
  resolver?: NameResolver;
  /** The reports of the last release, for the cross-year rules (read once, in order: read-folder.ts). */
  history?: Iterable<AnnualReport> | AsyncIterable<AnnualReport>;
  /** The division code of the area a file comes from (its source's region): a hint for name resolution. */
  regionOf?: (file: string) => string | undefined;
  /** The folder's files (relative paths), when the caller has listed them already. */
  files?: readonly string[];
  /** The readers' resource limits (default READ_LIMITS; the config's `limits:`). */
  limits?: ReadLimits;
  /** Worker threads that read the documents (adapters/read-pool.ts workersFor): default one per core, fewer for few files. */
  jobs?: number;
}

/** Read one document, through the parse cache when there is one (a cached report takes this file's name). */
async function readCached(bytes: Uint8Array, file: string, reader: DocumentReader, cache: ParseCache | undefined, limits: ReadLimits): Promise<ReadOutcome & { parsed: boolean }> {
  const sha = cache && createHash('sha256').update(bytes).digest('hex');
  const cached = sha ? await cache!.get(sha) : undefined;
  if (cached) {
    // Parsed under other limits, maybe: the field lengths are checked again.
    checkFieldLengths(cached, limits.maxFieldLength, file);
    return { report: { ...cached, sources: cached.sources.map((s) => ({ ...s, name: file })) }, parsed: false };
  }
  const outcome = await reader.read(bytes, file, limits);
  if (sha && 'report' in outcome) await cache!.put(sha, outcome.report);
  return { ...outcome, parsed: true };
}

/**
 * Read every document under a folder into the spill (read-folder.ts): each given its registry identity, renderings
 * of the same report merged, validated (cross-year rules looking back into the history). The caller closes it.
 */
export async function readFolderFlat(inDir: string, options: ReadOptions = {}): Promise<FolderRead & { files: number }> {
  const { cache } = options;
  const limits = options.limits ?? READ_LIMITS;
  const files = (options.files ?? (await listFiles(inDir))).filter((f) => !NOT_REPORTS.test(f));
  const reader = documentReader(workersFor(files.length, options.jobs));
  const read = async (file: string): Promise<ReadOutcome & { parsed: boolean }> => {
    try {
      return await readCached(await readInput(join(inDir, file), file, limits.maxBytes), file, reader, cache, limits);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return { error: { message: err.message, internal: false }, parsed: false };
    }
  };
  const got = await readSpilled({
    files, read, reader, ...(options.resolver ? { resolver: options.resolver } : {}), ...(options.regionOf ? { regionOf: options.regionOf } : {}),
    history: options.history ?? [],
  }).finally(() => reader.close());
  return { ...got, files: files.length };
}

/**
 * Read every document under a folder, give each its registry identity, merge renderings of the same report, and
 * validate (cross-year rules looking back into the history). Reports come sorted by year, then id, all in memory
 * (a build reads through readFolderFlat instead).
 */
export async function readFolder(inDir: string, options: ReadOptions = {}): Promise<ReadResult & { parsed: number }> {
  const got = await readFolderFlat(inDir, options);
  try {
    return { files: got.files, parsed: got.parsed, reports: got.reports.map((r) => got.load(r.id)), unreadable: got.unreadable };
  } finally {
    got.close();
  }
}

/**
 * What a build into outDir writes its release with, besides the reports: the last release's report hashes and dates,
 * the schemas, the division names, today's date, and the metadata with the date of the first release kept from the
 * last build (publishing takes it from the target's last release).
 */
export async function releaseSetting(outDir: string, clock: Clock, given: DatasetMeta | undefined) {
  const [previous, schemas, divisions, catalog] = await Promise.all([
    previousModified(outDir), loadSchemas(), loadDivisionNames(), readPrevious(outDir, 'catalog.jsonld'),
  ]);
  const today = chinaDate(clock);
  const issued = parseIssued(catalog === null ? null : new TextEncoder().encode(catalog)) ?? today;
  return { previous, schemas, divisions, today, meta: { ...(given ?? DEFAULT_META), issued } };
}

/** The previous release's report hashes and dates, from its reports index (empty when there is none). */
export async function previousModified(outDir: string): Promise<Map<string, { sha256: string; modified: string }>> {
  return parseFeedDates(await readFeedEntries((path) => readPrevious(outDir, path)));
}

export interface BuildRun {
  /** Files in the input folder (reports and not). */
  files: number;
  /** Documents parsed (not taken from the parse cache). */
  parsed: number;
  /** Every report read, sorted by year then id: what it is and how it validated (its issues are not kept). */
  reports: ReportOutcome[];
  /** Ids of the reports in the release: the valid ones, and a report kept out whose last good version is kept. */
  published: ReadonlySet<string>;
  /** Reports with errors, whole with their issues: kept out of the release. */
  excluded: ValidatedReport[];
  /** Files that could not be read; `internal`: not the file's fault but a failure of xxgk's (exit 70). */
  unreadable: ReadResult['unreadable'];
  written: FileStat[];
  /** Each report year's streamed files and digest (datasets/year-streams.ts), for the next build. */
  streams: YearFiles[];
  /** What the next build may keep of each report (build-ledger.ts; its inputs are the caller's to fill). */
  ledger: Ledger;
}

export interface BuildOptions {
  meta?: DatasetMeta;
  cache?: ParseCache;
  /**
   * A report kept out of this release for its errors (renderings that disagree among them) stays as the previous
   * release in outDir published it (its last good version) instead of being withdrawn. The scheduled job asks for this.
   */
  keepPublished?: boolean;
  resolver?: NameResolver;
  regionOf?: ReadOptions['regionOf'];
  /**
   * The reports of the last release on the publish target, for the cross-year rules; when not given, those of the
   * release in outDir (the last build), read one report at a time.
   */
  history?: Iterable<AnnualReport> | AsyncIterable<AnnualReport>;
  /** Who is expected to publish and where each document came from (data/coverage.csv); the reports read are added. */
  coverage?: Omit<CoverageInput, 'found'>;
  limits?: ReadLimits;
  /** Worker threads that read the documents (ReadOptions.jobs). */
  jobs?: number;
  /** The last build's streamed files by report year: a year whose reports did not change is taken from it (datasets/year-streams.ts). */
  years?: YearStreams;
  /** Told of a document of the release in outDir that its index lists but cannot be read (left out of the history). */
  onUnreadable?: HistoryOptions['onUnreadable'];
}

/** The report documents of the release in outDir, by report id, of the ids asked for (empty when there is none). */
async function publishedReports(outDir: string, only: ReadonlySet<string>, onUnreadable: BuildOptions['onUnreadable']): Promise<Map<string, ValidatedReport>> {
  const out = new Map<string, ValidatedReport>();
  for await (const r of releaseReportStream((path) => readPreviousBytes(outDir, path), { only, onUnreadable })) out.set(r.report.id, r);
  return out;
}

/** The reports of the release in outDir, one at a time (the history when none is given). */
async function* lastReports(outDir: string, onUnreadable: BuildOptions['onUnreadable']): AsyncGenerator<AnnualReport> {
  for await (const r of releaseReportStream((path) => readPreviousBytes(outDir, path), { onUnreadable })) yield r.report;
}

/** Read a folder of reports and build the release of the valid ones into outDir (swapped in atomically). */
export async function buildFolder(inDir: string, outDir: string, clock: Clock, options: BuildOptions = {}): Promise<BuildRun> {
  // The release in outDir, read one report at a time: the history, and the last good versions to keep.
  const history = options.history ?? lastReports(outDir, options.onUnreadable);
  const files = await listFiles(inDir);
  const resolver = options.resolver ?? (await folderResolver(inDir, files));
  const read = await readFolderFlat(inDir, {
    cache: options.cache, resolver, history, regionOf: options.regionOf, files, jobs: options.jobs, ...(options.limits ? { limits: options.limits } : {}),
  });
  try {
    const excluded = read.reports.filter((r) => !r.valid).map((r) => read.load(r.id));
    const kept = options.keepPublished && excluded.length > 0
      ? await publishedReports(outDir, new Set(excluded.map((r) => r.report.id)), options.onUnreadable)
      : new Map<string, ValidatedReport>();
    // The release's reports in the order of every table (year, then id): from the spill (the outcome itself: no
    // object more a report), or the last good version kept.
    const published: Array<ReportOutcome | { year: number; id: string; kept: ValidatedReport }> = [
      ...read.reports.filter((r) => r.valid),
      ...excluded.flatMap((r) => {
        const k = kept.get(r.report.id);
        return k ? [{ year: k.report.year, id: k.report.id, kept: k }] : [];
      }),
    ].sort(yearThenId);
    const keptOf = (p: (typeof published)[number]): ValidatedReport | undefined => ('kept' in p ? p.kept : undefined);
    const { previous, schemas, divisions, today, meta } = await releaseSetting(outDir, clock, options.meta);
    const keptIds = new Set(kept.keys());
    // The summaries' figures and links wait on disk for the aggregate files (datasets/summary-store.ts).
    const spill = openRecordSpill<SpilledPart>();
    const entries: LedgerEntry[] = [];
    const result = await writeFolderAtomically(outDir, (sink) =>
      buildRelease({
        // Kept for the next build (build-changed.ts): every report is read whole here (none is kept from a ledger).
        ...(options.years ? { described: (r: ValidatedReport | null, s: ReportSummary) => { entries.push(ledgerEntry(r!, s)); } } : {}),
        summaries: spilledSummaries(spill),
        reports: (function* () {
          for (const p of published) yield keptOf(p) ?? read.load(p.id);
        })(),
        meta, today, previous, schemas, divisions,
        // A year is read again from the spill when it is written after all (the last build's files did not fit it).
        ...(options.years?.usable ? {
          reuse: {
            years: options.years,
            *again(year: number) {
              for (const p of published) if (p.year === year) yield keptOf(p) ?? read.load(p.id);
            },
          },
        } : {}),
        // Coverage counts every report the release holds, and the ones kept out for their errors (found, not valid);
        // a broken correction of a report published before counts as the good version the release keeps.
        // Built from the summaries when the coverage is written (they hold what foundReport reads), instead of a
        // FoundReport kept a report from the reading on: the same list, in the same order.
        coverage: {
          expected: [], documents: new Map(), lastYear: null, ...options.coverage,
          found: function* (summaries) {
            for (const [k, s] of summaries.entries()) yield keptOf(published[k]!) ? { ...foundOf(s), valid: true } : foundOf(s);
            for (const r of excluded) if (!keptIds.has(r.report.id)) yield foundReport(r.report, false);
          },
        },
      }, sink),
    ).finally(() => spill.close());
    return {
      files: read.files, parsed: read.parsed, reports: read.reports, unreadable: read.unreadable, excluded,
      published: new Set(published.map((p) => p.id)), written: result.files, streams: result.streams,
      ledger: { inputs: {}, reports: entries },
    };
  } finally {
    read.close();
  }
}
