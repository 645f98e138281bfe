/**
 * Writes the partitioned tables (partitions.ts) as the reports stream by, sorted by year then id: a new file for
 * every year, and a new part when a report's rows would take any of the tables past the size bound. All tables
 * break at the same report, so a part number means the same reports in every table.
 */
import type { OpenFile, OutputSink } from '../adapters/output.ts';
import { gzipFile } from './archive-writer.ts';
import { partPath } from './partitions.ts';
import type { FileStat, StreamedFile, ValidatedReport } from './types.ts';

/** Something built per partition in memory and written when the partition closes (the Parquet file). */
export interface PartCollector {
  /** The table it belongs to, with the extension of its files (data/observations.parquet). */
  table: string;
  mediaType: string;
  add(r: ValidatedReport): void;
  /** The partition's file; the collector starts empty again. */
  finish(): Promise<Uint8Array>;
}

/** A partition as written: its year, its part number and how many reports (in stream order) it holds. */
export interface PartitionBreak {
  year: number;
  part: number;
  reports: number;
}

export interface PartitionWriter {
  add(r: ValidatedReport): Promise<void>;
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
): PartitionWriter {
  const written: FileStat[] = [];
  const breaks: PartitionBreak[] = [];
  let year: number | null = null;
  let part = 0;
  let reports = 0;
  let open: Array<Pick<OpenFile, 'write' | 'close'>> = [];
  let bytes: number[] = [];
  const tails = tables.map((t) => t.tail());
  const tailBytes = tails.map(size);

  async function start(y: number, p: number) {
    year = y;
    part = p;
    reports = 0;
    open = await Promise.all(tables.map((t) => {
      const path = partPath(t.path, y, p);
      const to = place?.(path) ?? { path, gzip: false };
      return to.gzip ? gzipFile(sink, to.path, t.mediaType) : sink.open(to.path, t.mediaType);
    }));
    const heads = tables.map((t) => t.head());
    await Promise.all(open.map((o, k) => o.write(heads[k]!)));
    bytes = heads.map(size);
  }

  async function finish() {
    if (year === null) return;
    breaks.push({ year, part, reports });
    for (let k = 0; k < open.length; k++) {
      await open[k]!.write(tails[k]!);
      written.push(await open[k]!.close());
    }
    for (const c of collectors) written.push(await sink.write(partPath(c.table, year, part), await c.finish(), c.mediaType));
  }

  return {
    async add(r) {
      // Encoded once: the bytes give the size the bound is checked against, and are what is written.
      const chunks = tables.map((t) => Buffer.from(t.chunk(r), 'utf8'));
      const sizes = chunks.map((c) => c.length);
      if (r.report.year !== year) {
        await finish();
        await start(r.report.year, 1);
      } else if (reports > 0 && sizes.some((s, k) => bytes[k]! + s + tailBytes[k]! > maxBytes)) {
        await finish();
        await start(r.report.year, part + 1);
      }
      for (let k = 0; k < open.length; k++) {
        await open[k]!.write(chunks[k]!);
        bytes[k] = bytes[k]! + sizes[k]!;
      }
      for (const c of collectors) c.add(r);
      reports++;
    },
    async close() {
      await finish();
      year = null;
      return written;
    },
    breaks: () => [...breaks],
    current: () => (year === null ? null : { year, part }),
  };
}
