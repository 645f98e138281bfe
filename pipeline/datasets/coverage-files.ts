/**
 * The coverage files: data/coverage.csv and the coverage pages (coverage/<year>.html, coverage/index.html), written a
 * year at a time as coverageYears (coverage.ts) makes the rows: the file's records of the year, then the year's page;
 * the index from each year's counts. What is held at once is one year's rows (a row a body), not a row a report of
 * every year. Returns their FileStats (the pages newest first, then the index) and the rows the rest of the build
 * still reads — the last year's, for the index page's share published on time.
 */
import type { OutputSink } from '../adapters/output.ts';
import type { CoverageRow } from './coverage.ts';
import { type CoverageYearCount, coverageIndexPage, coverageYearCount, coverageYearPage } from './site/coverage-page.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { coverageCsvHead, coverageCsvRecords } from './to-coverage.ts';
import type { FileStat, ReleaseContext } from './types.ts';

export interface CoverageFiles {
  csv: FileStat;
  pages: FileStat[];
  /** The rows of the last year (every row of the year with the highest year). */
  latest: CoverageRow[];
}

/** `years`: each year's rows, years ascending, each year's rows in the file's order (coverageYears). */
export async function writeCoverage(
  sink: OutputSink,
  ctx: ReleaseContext,
  years: Iterable<{ year: number; rows: CoverageRow[] }>,
): Promise<CoverageFiles> {
  const file = await sink.open(COVERAGE_CSV, 'text/csv');
  await file.write(coverageCsvHead());
  const pages: FileStat[] = [];
  const counts: CoverageYearCount[] = [];
  let latest: CoverageRow[] = [];
  for (const { year, rows } of years) {
    for (const chunk of coverageCsvRecords(rows)) await file.write(chunk);
    const { path, content } = coverageYearPage(ctx, year, rows);
    pages.unshift(await sink.write(path, content, 'text/html'));
    counts.push(coverageYearCount(year, rows));
    latest = rows;
  }
  const csv = await file.close();
  const index = coverageIndexPage(ctx, counts);
  pages.push(await sink.write(index.path, index.content, 'text/html'));
  return { csv, pages, latest };
}
