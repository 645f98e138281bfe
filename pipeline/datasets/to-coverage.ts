/** data/coverage.csv from the coverage rows (coverage.ts). Pure. */
import type { CoverageRow } from './coverage.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { csvHeader, csvTableSpec } from './table-schemas.ts';
import { csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';

/** Rows a chunk of coverageCsvChunks: the file is written a piece at a time (18 MiB at 100,000 reports). */
const ROWS_A_CHUNK = 1_000;

/** The file's head (the header line). */
export const coverageCsvHead = (): string => csvHead(csvHeader(COVERAGE_CSV));

/** Records of some rows, a thousand rows at a time: the records of a file's rows may come in any number of calls. */
export function* coverageCsvRecords(rows: readonly CoverageRow[]): Generator<string> {
  const spec = csvTableSpec(COVERAGE_CSV)!;
  const record = (r: CoverageRow) => spec.columns.map((c) => {
    if (!(c.name in r)) throw new Error(`coverage.csv: no value for column ${c.name}`);
    return (r as unknown as Record<string, CsvValue>)[c.name] ?? null;
  });
  for (let at = 0; at < rows.length; at += ROWS_A_CHUNK) yield csvRecords(rows.slice(at, at + ROWS_A_CHUNK).map(record));
}

/** The file in pieces: its head, then its records a thousand rows at a time; joined, coverageCsv's bytes. */
export function* coverageCsvChunks(rows: readonly CoverageRow[]): Generator<string> {
  yield coverageCsvHead();
  yield* coverageCsvRecords(rows);
}

export function coverageCsv(rows: readonly CoverageRow[]): string {
  return [...coverageCsvChunks(rows)].join('');
}
