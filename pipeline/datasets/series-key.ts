/** Which body a report belongs to in the per-body files (time series, regions, feeds, pages). Pure. */
import type { AnnualReport } from '../model/report.ts';

/**
 * The registry body's id; for a report whose printed name did not resolve, its id without the "-<year>" suffix:
 * for the ids xxgk assigns (reportId) that is nameKey of the printed name, and it stays unique within a year even
 * where a report carries an id of its own.
 */
export function seriesKey(report: Pick<AnnualReport, 'id' | 'year' | 'body'>): string {
  if (report.body) return report.body.id;
  const suffix = `-${report.year}`;
  return report.id.length > suffix.length && report.id.endsWith(suffix) ? report.id.slice(0, -suffix.length) : report.id;
}

/** Where a body's files live in the release. */
export function bodyPaths(key: string): { feed: string; page: string } {
  return { feed: `feed/agencies/${key}.json`, page: `agencies/${key}.html` };
}
