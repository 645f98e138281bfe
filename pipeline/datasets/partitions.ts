/**
 * The big tables (observations.csv and its Chinese twin, the wide tables and theirs, observations.ndjson) are split
 * into partitions so that no file of a release passes GitHub's limits: one folder per table, one file per report year
 * (data/observations/2023.csv), and when a year's file would pass the size bound, further parts of the same year
 * (data/observations/2023-2.csv, 2023-3.csv, …) starting at a report boundary. Every part is a whole file with its own
 * header; every partitioned table of a release breaks at the same reports, so data/observations/2023-2.csv and
 * data/applications/2023-2.csv hold the same reports. The same scheme for every size: a small release has one file
 * per year. Pure naming here; partition-writer.ts does the writing.
 */
import { UsageError } from '../errors.ts';

/** The size no file of a release may pass (GitHub warns above 50 MiB and refuses above 100 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A partition: the table's path (data/observations.csv), the report year, the part (1, 2, …). */
export interface Partition {
  table: string;
  year: number;
  part: number;
}

/** The path of a table's partition: data/observations.csv, 2023, 2 → data/observations/2023-2.csv. */
export function partPath(table: string, year: number, part: number, ext?: string): string {
  const dot = table.lastIndexOf('.');
  return `${table.slice(0, dot)}/${year}${part > 1 ? `-${part}` : ''}${ext ?? table.slice(dot)}`;
}

const PART = /^(.+)\/(\d{4})(?:-([1-9]\d*))?(\.[a-z]+)$/;

/** The partition a path names (any table: the caller checks the table is one that is partitioned), or null. */
export function partitionOf(path: string): Partition | null {
  const m = PART.exec(path);
  return m ? { table: `${m[1]}${m[4]}`, year: Number(m[2]), part: m[3] ? Number(m[3]) : 1 } : null;
}

/** The folder of a partitioned table's files: data/observations.csv → data/observations. */
export const partFolder = (table: string): string => table.slice(0, table.lastIndexOf('.'));

/** Order of partitions: year, then part. */
export function byPartition(a: string, b: string): number {
  const p = partitionOf(a)!;
  const q = partitionOf(b)!;
  return p.year - q.year || p.part - q.part;
}

/** The files of a partitioned table among the release's files, in partition order. */
export function partsOf<T extends { path: string }>(table: string, files: readonly T[]): T[] {
  return files.filter((f) => partitionOf(f.path)?.table === table).sort((a, b) => byPartition(a.path, b.path));
}

/** A file larger than the bound, named. Exit 2: the release cannot be published as it is. */
export class FileTooLargeError extends UsageError {
  override name = 'FileTooLargeError';
  constructor(readonly path: string, readonly bytes: number, readonly limit: number) {
    super(`release: ${path} is ${bytes} bytes, more than the ${limit} bytes a file of a release may have `
      + `(GitHub warns above 50 MiB and refuses above 100 MiB); the big tables are split by year and size, so this `
      + `file needs splitting too (pipeline/datasets/partitions.ts), or the release needs \`release.layout: national\` in the config (release-layout.ts)`);
  }
}

/** Refuse a release with a file above the bound: the first such file, by path. */
export function checkFileSizes(files: ReadonlyArray<{ path: string; bytes: number }>, limit: number): void {
  const over = files.filter((f) => f.bytes > limit).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (over.length) throw new FileTooLargeError(over[0]!.path, over[0]!.bytes, limit);
}
