/**
 * The streamed files of a report year, and when a build may take them from the last build instead of writing them
 * (issue 13 §5: one changed report in 10,000). The stream of a build (index.ts) writes, per report year, the
 * partitions of the big tables with their Parquet files, the report documents (the national layout's bundles, else
 * one file a report) and the report pages (the national layout's archive of the year, else one file a report). What
 * a year's files hold is a function of the code, the build's metadata and size bound, and, for each report of the year
 * in order, its document (the whole validated report: its sha256 stands for it), its `modified` date, and the
 * partition it falls in — itself a function of the reports before it in the year. So a year whose reports have the
 * same documents and dates, in the same order, under the same code and options, has the same files, byte for byte:
 * `YearStreams` (an adapter, build-state.ts) links them from the last build folder, and the build writes only the
 * years that changed. The aggregate files are built from the summaries as always. Pure: the digest and the naming.
 */
import { createHash, type Hash } from 'node:crypto';
import type { OutputSink } from '../adapters/output.ts';
import { type LinkablePart, type PartitionBreak, type RowsLinkablePart, partDigest } from './partition-writer.ts';
import type { DatasetMeta, FileStat } from './types.ts';

/** What a build wrote of one report year's stream, as the next build may reuse it. */
export interface YearFiles {
  year: number;
  /** The digest of the year's reports (yearDigest). */
  digest: string;
  /** The year's partitions, in order (a part number and how many reports it holds). */
  breaks: PartitionBreak[];
  /** The year's streamed files, as written (paths relative to the release root). */
  files: FileStat[];
  /** National layout: what the year's pages were made with besides the reports (pagesKey), for `pages`. */
  pages?: string;
}

/** The last build's streamed files, by year: `take` puts a year's files in the new build folder, when they can be. */
export interface YearStreams {
  /** Whether any year may be taken (a last build of the same code and options, its folder still in place). */
  readonly usable: boolean;
  /** The folder that holds the last build's year files (its report documents are read again from there), when usable. */
  readonly root?: string | null;
  /**
   * The year's files, placed in the new build through `sink` (linked from the last one), when the last build wrote this year from
   * reports of the same digest and its files are as it left them; else null, and the build writes the year.
   */
  take(year: number, digest: string, sink: OutputSink): Promise<YearFiles | null>;
  /**
   * The parts of the last build's stream of `year` (whatever its digest), each with `link`, which puts the part's files
   * in the new build through `sink` when they are as the last build left them (else null): for a year written again,
   * whose unchanged parts may be linked (linkableParts).
   */
  parts?(year: number, sink: OutputSink): Array<PartitionBreak & { link(paths?: readonly string[]): Promise<FileStat[] | null> }>;
  /**
   * The entries of the last build's pages archive of `year` (national layout), read in order as they are asked for,
   * for a year written again — when the last build made them with the same `key` (pagesKey) and the archive is as
   * that build left it (its recorded size, modification time and inode, the checks of a link); else null, and every
   * page is rendered.
   */
  pages?(year: number, key: string): Promise<AsyncIterator<ArchivedPage> | null>;
}

/**
 * What a build's report pages are made with besides the reports: its metadata (the code is the build state's key).
 * Recorded with each year's files (YearFiles.pages); a year's pages are taken only from a build of the same key.
 */
export function pagesKey(meta: DatasetMeta): string {
  return createHash('sha256').update(JSON.stringify({ pages: 1, meta })).digest('hex');
}

/** An entry of a year's pages archive of the last build: its name and bytes. */
export interface ArchivedPage {
  name: string;
  data: Buffer;
}

/**
 * The parts of the last build's `year` (YearStreams.parts) that this build may link (partition-writer.ts `expect`):
 * those whose digest is that of this build's reports at the same place — the same reports, in order, from the same
 * report of the year, and the same report after them (or the year's end). `prints`: this build's reports of the year,
 * in order (partition-writer.ts reportPrint); `seed`: the partition writer's (PartitionWriter.seed).
 */
export function linkableParts(
  last: ReadonlyArray<PartitionBreak & { link(paths?: readonly string[]): Promise<FileStat[] | null> }>, year: number, prints: readonly string[], seed: string,
): Map<number, LinkablePart> {
  const out = new Map<number, LinkablePart>();
  let start = 0;
  for (const b of last) {
    const end = start + b.reports;
    if (b.digest && b.year === year && b.reports > 0 && end <= prints.length) {
      const hash = partDigest(seed, year, b.part, start);
      for (let k = start; k < end; k++) hash.add(prints[k]!);
      if (hash.digest(end < prints.length ? prints[end]! : null) === b.digest) out.set(b.part, { start, reports: b.reports, digest: b.digest, link: () => b.link() });
    }
    start = end;
  }
  return out;
}

/**
 * The parts of the last build's `year` whose tables this build may link while it writes their documents
 * (partition-writer.ts `expect`'s `rows`): those not linked whole (`whole`) whose every report has the last build's
 * rows (`rows[k]` 1 or 2 for the k-th report of the year: this build's reports being the last build's, in its order;
 * 2: its chunks have the last build's sizes in every table, its document's too). The part must still end where it did
 * there (partition-writer.ts checks it); it is `sized` when its reports and the one after it (if any) are all 2.
 */
export function rowsLinkableParts(
  last: ReadonlyArray<PartitionBreak & { link(paths?: readonly string[]): Promise<FileStat[] | null> }>, year: number, rows: Uint8Array,
  whole: ReadonlyMap<number, LinkablePart>,
): Map<number, RowsLinkablePart> {
  const out = new Map<number, RowsLinkablePart>();
  let start = 0;
  for (const b of last) {
    const end = start + b.reports;
    if (b.year === year && b.reports > 0 && end <= rows.length && !whole.has(b.part) && rows.subarray(start, end).every((f) => f >= 1)) {
      const sized = rows.subarray(start, Math.min(end + 1, rows.length)).every((f) => f === 2);
      out.set(b.part, { start, reports: b.reports, sized, link: (paths) => b.link(paths) });
    }
    start = end;
  }
  return out;
}

/** A running digest of one year's reports, in stream order (see the file's comment): a new one for each year. */
export function yearDigest(year: number, meta: DatasetMeta, maxFileBytes: number): { add(id: string, sha256: string, modified: string): void; digest(): string } {
  const hash: Hash = createHash('sha256').update(JSON.stringify({ stream: 1, year, meta, maxFileBytes }));
  return {
    add(id, sha256, modified) {
      hash.update(`\0${id}\0${sha256}\0${modified}`);
    },
    digest: () => hash.digest('hex'),
  };
}

const YEAR_FILE = /^(?:reports\/(\d{4})\/[^/]+|.+\/(\d{4})(?:-[1-9]\d*)?(?:\.[a-z]+)+)$/;

/** The report year a file of the stream belongs to (a partition, a year's archive or a report's own file), or null. */
export function streamYear(path: string): number | null {
  const m = YEAR_FILE.exec(path);
  return m ? Number(m[1] ?? m[2]) : null;
}

/** The files of the stream by year, from the files written in the stream (in any order): each year's sorted by path. */
export function filesByYear(files: readonly FileStat[]): Map<number, FileStat[]> {
  const out = new Map<number, FileStat[]>();
  for (const f of files) {
    const y = streamYear(f.path);
    if (y === null) throw new Error(`build: ${f.path} was written in the stream of reports but names no report year (year-streams.ts)`);
    const list = out.get(y);
    if (list) list.push(f);
    else out.set(y, [f]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/** The partition of the k-th report (from 0) of a year, by the year's breaks. */
export function partOf(breaks: readonly PartitionBreak[], k: number): number {
  let at = 0;
  for (const b of breaks) {
    at += b.reports;
    if (k < at) return b.part;
  }
  throw new Error(`build: report ${k + 1} of ${breaks[0]?.year ?? '?'} is in no partition of the last build (year-streams.ts)`);
}
