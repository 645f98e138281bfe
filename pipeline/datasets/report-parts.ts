/**
 * The tables of one row per report that are built from the summaries after the stream — data/reports.csv,
 * data/timeseries.csv and the reports index feed/reports.json — written in the partitions the big tables broke at
 * (partition-writer.ts breaks()): data/reports/2023-2.csv holds the reports of data/observations/2023-2.csv. Then
 * feed/reports.json, at its stable URL, names the parts of the index (to-json.ts reportsFeedIndex).
 */
import type { OutputSink } from '../adapters/output.ts';
import type { PartitionBreak } from './partition-writer.ts';
import { partPath } from './partitions.ts';
import { TIMESERIES_CSV } from './table-schemas-series.ts';
import { REPORTS_CSV, REPORTS_FEED } from './table-schemas.ts';
import { CSV_MEDIA_TYPE } from './to-csv-format.ts';
import { reportsCsv } from './to-csv.ts';
import { type FeedPart, reportsFeedIndex, reportsFeedPart } from './to-json.ts';
import { timeseriesCsv } from './to-timeseries.ts';
import type { DatasetMeta, FileStat, ReportSummary } from './types.ts';

/** The summaries of each partition, in order; throws when the break points do not cover the summaries exactly. */
export function splitAt(summaries: readonly ReportSummary[], breaks: readonly PartitionBreak[]): Array<PartitionBreak & { list: ReportSummary[] }> {
  let at = 0;
  const out = breaks.map((b) => {
    const list = summaries.slice(at, at + b.reports);
    at += b.reports;
    if (list.length !== b.reports || list.some((s) => s.year !== b.year)) {
      throw new Error(`build: partition ${b.year}-${b.part} does not match the reports summarised (report-parts.ts)`);
    }
    return { ...b, list };
  });
  if (at !== summaries.length) throw new Error(`build: ${summaries.length - at} reports are in no partition (report-parts.ts)`);
  return out;
}

export async function writeReportParts(
  sink: OutputSink, meta: DatasetMeta, modified: string, summaries: readonly ReportSummary[], breaks: readonly PartitionBreak[],
): Promise<FileStat[]> {
  const files: FileStat[] = [];
  const feed: FeedPart[] = [];
  for (const { year, part, list } of splitAt(summaries, breaks)) {
    files.push(await sink.write(partPath(REPORTS_CSV, year, part), reportsCsv(list), CSV_MEDIA_TYPE));
    files.push(await sink.write(partPath(TIMESERIES_CSV, year, part), timeseriesCsv(list), CSV_MEDIA_TYPE));
    const file = await sink.write(partPath(REPORTS_FEED, year, part), reportsFeedPart(meta, list), 'application/json');
    files.push(file);
    feed.push({ file, year, part, reports: list });
  }
  files.push(await sink.write(REPORTS_FEED, reportsFeedIndex({ meta, modified }, feed), 'application/json'));
  return files;
}
