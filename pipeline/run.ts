/**
 * The pipeline as far as it goes: read every document in a folder, merge renderings of the same report, validate,
 * and build the release into an output folder. Composition only: the stages are pure, the adapters do the I/O; the
 * folder is read by read-dir.ts, the release's setting by release-setting.ts (both re-exported here).
 */
import type { Clock } from './adapters/clock.ts';
import { listFiles } from './adapters/fs.ts';
import type { ReadLimits } from './ingest/limits.ts';
import { readPreviousBytes, writeFolderAtomically } from './adapters/output.ts';
import { buildRelease, foundOf } from './datasets/index.ts';
import { type SpilledPart, spilledSummaries } from './datasets/summary-store.ts';
import { openRecordSpill } from './adapters/record-spill.ts';
import { type CoverageInput, foundReport } from './datasets/coverage.ts';
import { type DatasetMeta, type FileStat, type ReportSummary, type ValidatedReport, yearThenId } from './datasets/types.ts';
import type { YearFiles, YearStreams } from './datasets/year-streams.ts';
import { type Ledger, type LedgerEntry, ledgerEntry } from './build-ledger.ts';
import type { ParseCache } from './adapters/parse-cache.ts';
import type { AnnualReport } from './model/report.ts';
import type { NameResolver } from './agencies/identify.ts';
import { folderResolver } from './resolvers.ts';
import { type HistoryOptions, releaseReportStream } from './publish/history.ts';
import type { FolderRead, ReportOutcome } from './read-folder.ts';
import { type ReadOptions, type ReadResult, readFolderFlat } from './read-dir.ts';
import { releaseSetting } from './release-setting.ts';

export { folderResolver, registryResolver } from './resolvers.ts';
export type { ReportOutcome } from './read-folder.ts';
export { NOT_REPORTS, type ReadOptions, type ReadResult, readFolder, readFolderFlat } from './read-dir.ts';
export { previousModified, releaseSetting } from './release-setting.ts';









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

/**
 * List the folder and read it. Apart from buildFolder so that the list of file names (a string a report) is not held
 * in buildFolder's frame while the release is written.
 */
async function readListed(inDir: string, history: NonNullable<BuildOptions['history']>, options: BuildOptions) {
  const files = await listFiles(inDir);
  const resolver = options.resolver ?? (await folderResolver(inDir, files));
  return readFolderFlat(inDir, {
    cache: options.cache, resolver, history, regionOf: options.regionOf, files, jobs: options.jobs, ...(options.limits ? { limits: options.limits } : {}),
  });
}

/** Read a folder of reports and build the release of the valid ones into outDir (swapped in atomically). */
export async function buildFolder(inDir: string, outDir: string, clock: Clock, options: BuildOptions = {}): Promise<BuildRun> {
  // The release in outDir, read one report at a time: the history, and the last good versions to keep.
  const history = options.history ?? lastReports(outDir, options.onUnreadable);
  const read = await readListed(inDir, history, options);
  try {
    const excluded: ValidatedReport[] = [];
    for (let i = 0; i < read.count; i++) if (!read.outcome(i).valid) excluded.push(read.loadAt(i));
    const kept = options.keepPublished && excluded.length > 0
      ? await publishedReports(outDir, new Set(excluded.map((r) => r.report.id)), options.onUnreadable)
      : new Map<string, ValidatedReport>();
    const published = publishedOrder(read, excluded.flatMap((r) => {
      const k = kept.get(r.report.id);
      return k ? [{ year: k.report.year, id: k.report.id, kept: k }] : [];
    }));
    const keptOf = (j: number): ValidatedReport | undefined => published.kept(j);
    const reportOf = (j: number): ValidatedReport => published.kept(j) ?? read.loadAt(published.place(j));
    const { previous, schemas, divisions, today, meta } = await releaseSetting(outDir, clock, options.meta);
    const keptIds = new Set(kept.keys());
    // The summaries' figures and links wait on disk for the aggregate files (datasets/summary-store.ts).
    const spill = openRecordSpill<SpilledPart>();
    const entries: LedgerEntry[] = [];
    const result = await writeFolderAtomically(outDir, (sink) =>
      buildRelease({
        // Kept for the next build (build-changed.ts): every report is read whole here (none is kept from a ledger).
        ...(options.years ? { described: (r: ValidatedReport | null, s: ReportSummary) => { entries.push(ledgerEntry(r!, s)); } } : {}),
        // Without reuse the summaries are kept in the order of `published`, whose ids the store reads from the read's
        // column (it keeps none of its own); with it, a year taken from the last build is kept before those written.
        summaries: spilledSummaries(spill, options.years?.usable ? { count: published.length } : { idOf: published.idAt, count: published.length }),
        reports: (function* () {
          for (let j = 0; j < published.length; j++) yield reportOf(j);
        })(),
        meta, today, previous, schemas, divisions,
        // A year is read again from the spill when it is written after all (the last build's files did not fit it).
        ...(options.years?.usable ? {
          reuse: {
            years: options.years,
            *again(year: number) {
              for (let j = 0; j < published.length; j++) if (published.yearAt(j) === year) yield reportOf(j);
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
            for (const [k, s] of summaries.entries()) yield keptOf(k) ? { ...foundOf(s), valid: true } : foundOf(s);
            for (const r of excluded) if (!keptIds.has(r.report.id)) yield foundReport(r.report, false);
          },
        },
      }, sink),
    ).finally(() => spill.close());
    return {
      files: read.files, parsed: read.parsed, reports: read.reports, unreadable: read.unreadable, excluded,
      published: new Set(Array.from({ length: published.length }, (_, j) => published.idAt(j))), written: result.files, streams: result.streams,
      ledger: { inputs: {}, reports: entries },
    };
  } finally {
    read.close();
  }
}

type Kept = { year: number; id: string; kept: ValidatedReport };

/**
 * The release's reports in the order of every table (year, then id): the valid reports of the read, by their place
 * in it, and the last good versions kept (`kept`, for reports kept out), merged. 4 bytes a report (an Int32Array: a
 * place in the read, or -1 - a kept one's number), where a list of the outcomes took a slot and an object each.
 */
function publishedOrder(read: Pick<FolderRead, 'count' | 'outcome' | 'idAt'>, kept: Kept[]) {
  kept.sort(yearThenId);
  let count = 0;
  for (let i = 0; i < read.count; i++) if (read.outcome(i).valid) count++;
  const order = new Int32Array(count + kept.length);
  let j = 0;
  let next = 0;
  for (let i = 0; i < read.count; i++) {
    const o = read.outcome(i);
    if (!o.valid) continue;
    while (next < kept.length && yearThenId(kept[next]!, o) < 0) order[j++] = -1 - next++;
    order[j++] = i;
  }
  while (next < kept.length) order[j++] = -1 - next++;
  const at = (j: number): number => {
    if (!(Number.isInteger(j) && j >= 0 && j < order.length)) throw new RangeError(`build: no published report ${j} (${order.length})`);
    return order[j]!;
  };
  return {
    length: order.length,
    /** The published report j's place in the read (it is not a kept one). */
    place(j: number): number {
      const p = at(j);
      if (p < 0) throw new Error(`build: published report ${j} is a kept one, not the read's`);
      return p;
    },
    kept: (j: number): ValidatedReport | undefined => {
      const p = at(j);
      return p < 0 ? kept[-1 - p]!.kept : undefined;
    },
    idAt: (j: number): string => {
      const p = at(j);
      return p < 0 ? kept[-1 - p]!.id : read.idAt(p);
    },
    yearAt: (j: number): number => {
      const p = at(j);
      return p < 0 ? kept[-1 - p]!.year : read.outcome(p).year;
    },
  };
}
