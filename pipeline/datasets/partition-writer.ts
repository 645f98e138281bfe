/**
 * Writes the partitioned tables (partitions.ts) as the reports stream by, sorted by year then id: a new file for
 * every year, and a new part when a report's rows would take any of the tables past the size bound. All tables
 * break at the same report, so a part number means the same reports in every table.
 *
 * A part's files (its tables and its collectors' files) are a function of the writer's tables and bound, the part's
 * year, number and first report's place in the year, and its reports — each given by its print (`reportPrint`: id,
 * document sha256, `modified`) — and of where it ends: at the report after it, whose rows did not fit (the same
 * report has rows of the same size), or at the year's end. `partDigest` hashes all of these; every break records it
 * with the part's files. A build that writes a year again (issue 13 §5, datasets/year-streams.ts) may be given, by
 * `expect`, the parts of the last build whose digest it found again at the same place: such a part is linked from the
 * last build instead of written (its reports are counted, not encoded), and the part after it starts where the last
 * build's did. The digest of a linked part is taken again as its reports go by and checked at its end.
 *
 * A part whose reports changed documents but not rows (`expect`'s `rows`: the caller found every report of the last
 * build's part at the same place with the same rows, `sameRows`) has the same tables: a table file is a function of
 * its head, tail and each report's chunk, and a collector's of what `print` gives of each report. Its tables and
 * collectors' files are linked from the last build, and only `documents` (the national layout's bundles of report
 * documents) is written. Every table's chunks are still made (their sizes decide where the part ends); a part that
 * does not end where the last build's did holds other reports than the files linked: `ReuseMismatch`, and the caller
 * builds in full. When every report of the part, and the one after it in its year, has the last build's chunk sizes
 * in every table (`sized`: the documents' too), the part ends where the last build's did, after as many reports: then
 * the linked tables' chunks are not made.
 */
import { createHash } from 'node:crypto';
import type { OpenFile, OutputSink } from '../adapters/output.ts';
import { gzipFile } from './archive-writer.ts';
import { partPath } from './partitions.ts';
import { ReuseMismatch } from './reuse-mismatch.ts';
import type { FileStat, StreamedFile, ValidatedReport } from './types.ts';

/** Something built per partition in memory and written when the partition closes (the Parquet file). */
export interface PartCollector {
  /** The table it belongs to, with the extension of its files (data/observations.parquet). */
  table: string;
  mediaType: string;
  add(r: ValidatedReport): void;
  /** What the collector takes of a report, as text: two reports of the same print add the same (`sameRows`). */
  print?(r: ValidatedReport): string;
  /** The partition's file; the collector starts empty again. */
  finish(): Promise<Uint8Array>;
}

/** A partition as written: its year, its part number and how many reports (in stream order) it holds. */
export interface PartitionBreak {
  year: number;
  part: number;
  reports: number;
  /** Its partDigest (see the file's comment), when every report came with its print. */
  digest?: string;
  /** The paths of its files (the tables' and the collectors'), as placed. */
  files?: string[];
}

/** A part of the last build that this one may link instead of writing (`expect`). */
export interface LinkablePart {
  /** Where it starts: the place in its year (from 0) of its first report. */
  start: number;
  reports: number;
  digest: string;
  /** Put its files in this build (year-streams.ts); their FileStats, or null when they cannot be (then it is written). */
  link(): Promise<FileStat[] | null>;
}

/**
 * A part of the last build whose tables and collectors' files this one may link while it writes its documents (`expect`'s
 * `rows`): every report of it is at the same place in this build with the same rows (`sameRows`).
 */
export interface RowsLinkablePart {
  /** Where it starts: the place in its year (from 0) of its first report. */
  start: number;
  reports: number;
  /** Every report of the part and the one after it in the year have the last build's chunk sizes in every table. */
  sized?: boolean;
  /** Put these files of the part in this build (year-streams.ts); their FileStats in that order, or null when they cannot be. */
  link(paths: readonly string[]): Promise<FileStat[] | null>;
}

/** What stands for a report in a part's digest: its id, its document's sha256 and its `modified` date. */
export const reportPrint = (id: string, sha256: string, modified: string): string => `${id}\0${sha256}\0${modified}`;

/**
 * The digest of a part (see the file's comment): `seed` (the caller's options: the release's metadata and bound), the
 * part's year, number and first report's place; `add` each report's print in order, then `digest` with the print of
 * the report after the part in its year, or null at the year's end.
 */
export function partDigest(seed: string, year: number, part: number, start: number): { add(print: string): void; digest(next: string | null): string } {
  const hash = createHash('sha256').update(JSON.stringify({ part: 1, seed, year, number: part, start }));
  return {
    add: (print) => void hash.update('\0').update(print),
    digest: (next) => hash.update(next === null ? '\u0001' : `\u0002${next}`).digest('hex'),
  };
}

export interface PartitionWriter {
  /** The next report; `print` (reportPrint) gives the parts their digest, and is needed for a part to be linked. */
  add(r: ValidatedReport, print?: string): Promise<void>;
  /**
   * The parts of `year` (by part number) that may be linked from the last build: each is linked when this build's
   * part of that number starts at the same report (see the file's comment). Before the year's first report.
   */
  expect(year: number, parts: ReadonlyMap<number, LinkablePart>, rows?: ReadonlyMap<number, RowsLinkablePart>): void;
  /**
   * Whether two reports give the same chunks in every table but `documents` and the same prints to every collector
   * (each collector having `print`): then a part of the one has the same tables as a part of the other at its place.
   */
  sameRows(a: ValidatedReport, b: ValidatedReport): boolean;
  /** The seed of its parts' digests (partDigest): the caller's, its tables and its bound. */
  readonly seed: string;
  /** Close the last partition; every file written, in the order written. */
  close(): Promise<FileStat[]>;
  /** The partitions so far, in order: the break points the tables built after the stream (report-parts.ts) share. */
  breaks(): PartitionBreak[];
  /** The partition the last report added went to (null before the first). */
  current(): { year: number; part: number } | null;
}

const size = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Where a partition's file goes: its path, gzip or not (the national layout: release-layout.ts). Default: the
 * partition's own path, uncompressed.
 */
export type Placement = (path: string) => { path: string; gzip: boolean };

export function partitionWriter(
  sink: OutputSink, tables: readonly StreamedFile[], maxBytes: number, collectors: readonly PartCollector[] = [], place?: Placement,
  options: { seed?: string; documents?: string } = {},
): PartitionWriter {
  const written: FileStat[] = [];
  const breaks: PartitionBreak[] = [];
  let year: number | null = null;
  let part = 0;
  let reports = 0;
  /** The place in the year of the next report. */
  let index = 0;
  /** The part's open files, by table; null for a table linked from the last build (`rowsLinked`). */
  let open: Array<Pick<OpenFile, 'write' | 'close'> | null> = [];
  let bytes: number[] = [];
  const tails = tables.map((t) => t.tail());
  const tailBytes = tails.map(size);
  // The digest's seed: the caller's, the tables and the bound.
  const seed = JSON.stringify({ seed: options.seed ?? null, tables: tables.map((t) => t.path), collectors: collectors.map((c) => c.table), maxBytes });
  /** The part's digest as its reports go by; null once a report came without its print. */
  let hash: ReturnType<typeof partDigest> | null = null;
  let expected: { year: number; parts: ReadonlyMap<number, LinkablePart>; rows?: ReadonlyMap<number, RowsLinkablePart> } | null = null;
  /** The part being linked from the last build, and its files. */
  let linked: { part: LinkablePart; files: FileStat[] } | null = null;
  /** The part whose tables and collectors' files are linked from the last build (its documents written): their files by path. */
  let rowsLinked: { part: RowsLinkablePart; files: Map<string, FileStat> } | null = null;
  /** The tables whose chunks are rows (all but `documents`), by index. */
  const rowTables = tables.flatMap((t, k) => (t.path === options.documents ? [] : [k]));
  /** Where a table's or a collector's file of part p of year y goes. */
  const tablePath = (t: StreamedFile, y: number, p: number) => {
    const path = partPath(t.path, y, p);
    return place?.(path) ?? { path, gzip: false };
  };
  const collectorPath = (c: PartCollector, y: number, p: number) => partPath(c.table, y, p);

  async function start(y: number, p: number) {
    year = y;
    part = p;
    reports = 0;
    hash = partDigest(seed, y, p, index);
    linked = null;
    rowsLinked = null;
    const candidate = expected?.year === y ? expected.parts.get(p) : undefined;
    if (candidate && candidate.start === index) {
      const files = await candidate.link();
      if (files) {
        linked = { part: candidate, files };
        return;
      }
    }
    const rows = expected?.year === y ? expected.rows?.get(p) : undefined;
    if (rows && rows.start === index) {
      const paths = [...rowTables.map((k) => tablePath(tables[k]!, y, p).path), ...collectors.map((c) => collectorPath(c, y, p))];
      const files = await rows.link(paths);
      if (files) rowsLinked = { part: rows, files: new Map(files.map((f) => [f.path, f])) };
    }
    open = await Promise.all(tables.map((t) => {
      const to = tablePath(t, y, p);
      if (rowsLinked?.files.has(to.path)) return null;
      return to.gzip ? gzipFile(sink, to.path, t.mediaType) : sink.open(to.path, t.mediaType);
    }));
    const heads = tables.map((t) => t.head());
    await Promise.all(open.map((o, k) => o?.write(heads[k]!)));
    bytes = heads.map(size);
  }

  /** Close the part: `next`, the print of the report after it in its year (null at the year's end, or none given). */
  async function finish(next: string | null) {
    if (year === null) return;
    const digest = hash?.digest(next);
    if (linked) {
      // A linked part holds the reports of the last build's, up to the same report: else this build is not the one
      // a build without the last one writes.
      if (digest !== linked.part.digest || reports !== linked.part.reports) {
        throw new Error(`build: part ${year}-${part} linked from the last build does not hold the reports it held there (partition-writer.ts)`);
      }
      written.push(...linked.files);
      breaks.push({ year, part, reports, digest, files: linked.files.map((f) => f.path) });
      linked = null;
      return;
    }
    const first = written.length;
    const from = rowsLinked;
    // Linked tables hold the last build's part: the same reports only when it ends where that one did.
    if (from && reports !== from.part.reports) {
      throw new ReuseMismatch(`build: part ${year}-${part} ends after ${reports} reports, where the last build's, whose tables it linked, held ${from.part.reports} (partition-writer.ts)`);
    }
    rowsLinked = null;
    for (let k = 0; k < open.length; k++) {
      const file = open[k];
      if (file) {
        await file.write(tails[k]!);
        written.push(await file.close());
      } else {
        written.push(from!.files.get(tablePath(tables[k]!, year, part).path)!);
      }
    }
    for (const c of collectors) {
      const path = collectorPath(c, year, part);
      written.push(from ? from.files.get(path)! : await sink.write(path, await c.finish(), c.mediaType));
    }
    breaks.push({ year, part, reports, ...(digest ? { digest } : {}), files: written.slice(first).map((f) => f.path) });
  }

  /** The report goes to the current part (`print`: its print, when given). */
  const count = (print: string | undefined) => {
    if (print === undefined) hash = null;
    else hash?.add(print);
    reports++;
    index++;
  };

  return {
    seed,
    expect(y, parts, rows) {
      expected = { year: y, parts, ...(rows ? { rows } : {}) };
    },
    sameRows(a, b) {
      return rowTables.every((k) => tables[k]!.chunk(a) === tables[k]!.chunk(b))
        && collectors.every((c) => c.print !== undefined && c.print(a) === c.print(b));
    },
    async add(r, print) {
      const y = r.report.year;
      if (y !== year) {
        await finish(null);
        index = 0;
        await start(y, 1);
      } else if ((linked && reports === linked.part.reports) || (rowsLinked?.part.sized && reports === rowsLinked.part.reports)) {
        // The linked part ends where it ended in the last build (its digest holds this report as the one after it);
        // so does a part of the same sizes whose tables are linked.
        await finish(print ?? null);
        await start(y, part + 1);
      }
      if (linked) {
        if (print === undefined) throw new Error(`build: report ${r.report.id} of a linked part came without its print (partition-writer.ts)`);
        count(print);
        return;
      }
      if (rowsLinked?.part.sized) {
        // Where it ends is known: only the tables written are made (the documents).
        for (let k = 0; k < open.length; k++) await open[k]?.write(tables[k]!.chunk(r));
        count(print);
        return;
      }
      // Measured, then encoded once as written (a gzip file encodes text straight into its block: archive-writer.ts):
      // a buffer of its own for every chunk was hundreds of megabytes outside the heap at national scale.
      const chunks = tables.map((t) => t.chunk(r));
      const sizes = chunks.map((c) => Buffer.byteLength(c, 'utf8'));
      if (reports > 0 && sizes.some((s, k) => bytes[k]! + s + tailBytes[k]! > maxBytes)) {
        await finish(print ?? null);
        await start(y, part + 1);
        if (linked) {
          count(print);
          return;
        }
      }
      for (let k = 0; k < open.length; k++) {
        await open[k]?.write(chunks[k]!);
        bytes[k] = bytes[k]! + sizes[k]!;
      }
      if (!rowsLinked) for (const c of collectors) c.add(r);
      count(print);
    },
    async close() {
      await finish(null);
      year = null;
      expected = null;
      return written;
    },
    breaks: () => [...breaks],
    current: () => (year === null ? null : { year, part }),
  };
}
