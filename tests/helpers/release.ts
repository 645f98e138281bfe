/**
 * A small release for build tests: synthetic reports (both editions, one with a planted warning), validated and
 * summarised, with file stats computed from the given files.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { summarize } from '../../pipeline/datasets/summary.ts';
import { partPath, partsOf } from '../../pipeline/datasets/partitions.ts';
import { csvFiles } from '../../pipeline/datasets/to-csv.ts';
import { observationsNdjson } from '../../pipeline/datasets/to-json.ts';
import { type FileStat, type ReleaseContext, type ReportSummary, type StreamedFile, type ValidatedReport, byYearThenId } from '../../pipeline/datasets/types.ts';
import { reportFromValues } from '../../pipeline/parse/from-values.ts';
import { generateValues } from '../../pipeline/synth/index.ts';
import { validateAll } from '../../pipeline/validate/index.ts';

export function sampleReports(count = 6): ValidatedReport[] {
  const reports = Array.from({ length: count }, (_, i) => {
    const values = generateValues(1000 + i, { year: 2019 + (i % 6) });
    if (i === 1) {
      // A planted arithmetic error: the total column of 一 is off by one.
      const received = values.tables.applications!.received!;
      received.total = (typeof received.total === 'number' ? received.total : 0) + 1;
    }
    return reportFromValues(values);
  });
  // A name that must be escaped in HTML and neutralised in CSV.
  reports[2] = { ...reports[2]!, agency: '=cmd|<script>alert(1)</script>局' };
  const results = validateAll(reports);
  return reports
    .map((report) => ({ report, validation: results.get(report.id)! }))
    .sort(byYearThenId);
}

export function fileStat(path: string, content: string | Uint8Array, mediaType: string): FileStat {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType };
}

/** A release context over the sample reports; `files` are whatever the test built. */
export function sampleContext(reports: ValidatedReport[], files: FileStat[] = []): ReleaseContext {
  const summaries = reports.map((r) => {
    const json = `${JSON.stringify(r.report)}\n`;
    const stat = fileStat('x', json, 'application/json');
    return summarize(r, { sha256: stat.sha256, bytes: stat.bytes }, r.report.published ?? `${r.report.year + 1}-01-31`);
  });
  const years = summaries.map((s) => s.year);
  return {
    meta: DEFAULT_META,
    reports: summaries,
    files: [...files].sort((a, b) => a.path.localeCompare(b.path)),
    modified: summaries.map((s) => s.modified).sort().at(-1) ?? DEFAULT_META.issued,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
  };
}

/**
 * The data files of a release, as the build names them (the catalog gives each a distribution): every CSV with its
 * Chinese twin where it has one, the CSVW metadata of each, datapackage.json and the feeds. Written out here rather
 * than read from the pipeline, so a file the catalog forgets shows up as a test failure.
 */
export const RELEASE_DATA_FILES: readonly string[] = [
  // The partitioned tables: two years, the second in two parts, and each table's CSVW in its folder.
  ...['observations', 'proactive', 'applications', 'appeals'].flatMap((n) => [`data/${n}`, `data/${n}-zh`])
    .flatMap((d) => [`${d}/2022.csv`, `${d}/2023.csv`, `${d}/2023-2.csv`, `${d}/csv-metadata.json`]),
  ...['data/reports', 'data/timeseries'].flatMap((d) => [`${d}/2022.csv`, `${d}/2023.csv`, `${d}/2023-2.csv`, `${d}/csv-metadata.json`]),
  ...['data/regions.csv', 'data/coverage.csv'].flatMap((csv) => [csv, `${csv}-metadata.json`]),
  'data/observations/2022.parquet', 'data/observations/2023.parquet', 'data/observations/2023-2.parquet',
  'datapackage.json', 'feed/reports.json', 'feed/reports/2022.json', 'feed/reports/2023.json', 'feed/reports/2023-2.json', 'feed/agencies.json',
  'feed/observations/2022.ndjson', 'feed/observations/2023.ndjson', 'feed/observations/2023-2.ndjson',
];

const MEDIA_TYPES: Array<[RegExp, string]> = [
  [/\.csv$/, 'text/csv'], [/\.parquet$/, 'application/vnd.apache.parquet'], [/(^|\/|-)metadata\.json$/, 'application/csvm+json'], [/\.ndjson$/, 'application/x-ndjson'], [/\.json$/, 'application/json'],
];

/** Stats for the release's data files, each of a different size. */
export function releaseFiles(paths: readonly string[] = RELEASE_DATA_FILES): FileStat[] {
  return paths.map((path, i) => fileStat(path, `${path}\n${'x'.repeat(100 * i)}\n`, MEDIA_TYPES.find(([re]) => re.test(path))![1]));
}

/**
 * The streamed tables (csvFiles, observations.ndjson) over the reports as the build writes them: one file per table
 * and report year (data/observations/2023.csv; partitions.ts), without size parts.
 */
export function partitionedFiles(reports: readonly ValidatedReport[], tables: readonly StreamedFile[] = [...csvFiles(), observationsNdjson()]): Map<string, string> {
  const files = new Map<string, string>();
  const years = [...new Set(reports.map((r) => r.report.year))].sort();
  for (const t of tables) {
    for (const year of years) {
      const rows = reports.filter((r) => r.report.year === year).map((r) => t.chunk(r)).join('');
      files.set(partPath(t.path, year, 1), t.head() + rows + t.tail());
    }
  }
  return files;
}

/** A partitioned CSV table read back whole: its parts in year and part order, the header (and BOM) once. */
export function joinedCsv(files: ReadonlyMap<string, string>, table: string): string {
  const parts = partsOf(table, [...files.keys()].map((path) => ({ path })));
  if (parts.length === 0) throw new Error(`no partition of ${table} among ${[...files.keys()].join(', ')}`);
  return parts.map((p, k) => {
    const text = files.get(p.path)!;
    return k === 0 ? text : text.slice(text.indexOf('\r\n') + 2);
  }).join('');
}

/** A table built from the summaries (reports.csv, timeseries.csv), one file a year, as report-parts.ts writes a release of one part a year. */
export function summaryParts(summaries: readonly ReportSummary[], table: string, build: (list: ReportSummary[]) => string): Map<string, string> {
  const years = [...new Set(summaries.map((s) => s.year))].sort();
  return new Map(years.map((year) => [partPath(table, year, 1), build(summaries.filter((s) => s.year === year))]));
}
