/**
 * The coverage files: data/coverage.csv, written a thousand rows at a time, and the coverage pages (coverage/<year>.html,
 * coverage/index.html), made at once while every row is at hand. Returns their FileStats and the rows the rest of the
 * build still reads — the last year's, for the index page's share published on time — so that the release does not
 * keep a row a report until it ends (about 0.2 KiB a report).
 */
import type { OutputSink } from '../adapters/output.ts';
import type { CoverageRow } from './coverage.ts';
import { coveragePages } from './site/coverage-page.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { coverageCsvChunks } from './to-coverage.ts';
import type { FileStat, ReleaseContext } from './types.ts';

export interface CoverageFiles {
  csv: FileStat;
  pages: FileStat[];
  /** The rows of the last year (every row of the year with the highest year). */
  latest: CoverageRow[];
}

export async function writeCoverage(sink: OutputSink, ctx: ReleaseContext, rows: CoverageRow[]): Promise<CoverageFiles> {
  const file = await sink.open(COVERAGE_CSV, 'text/csv');
  for (const chunk of coverageCsvChunks(rows)) await file.write(chunk);
  const csv = await file.close();
  const pages: FileStat[] = [];
  for (const { path, content } of coveragePages({ ...ctx, coverage: rows })) pages.push(await sink.write(path, content, 'text/html'));
  const last = rows.reduce((m, r) => Math.max(m, r.year), 0);
  return { csv, pages, latest: rows.filter((r) => r.year === last) };
}
