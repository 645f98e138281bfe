/**
 * data/timeseries.csv: one row per body and year, built from the summaries and written in the partitions of the
 * reports (data/timeseries/<year>.csv, report-parts.ts): a part's rows are its reports', sorted by body. Per-report
 * facts only, so a part needs no other part. Pure.
 */
import { ratesOf } from './figures.ts';
import { TIMESERIES_CSV } from './table-schemas-series.ts';
import { csvTableSpec, csvHeader } from './table-schemas.ts';
import { csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';
import type { ReportSummary } from './types.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function row(s: ReportSummary): CsvValue[] {
  const spec = csvTableSpec(TIMESERIES_CSV)!;
  const record: Record<string, CsvValue> = {
    body_id: s.series,
    // One series is all resolved or all not (series.ts checks it): the report's own body says which.
    resolved: s.body !== null,
    body_name: s.body ? s.body.name : s.agency,
    agency: s.agency,
    division: s.body ? s.body.division : s.region,
    level: s.body?.level ?? null,
    kind: s.body?.kind ?? null,
    parent: s.body?.parent ?? null,
    year: s.year,
    edition: s.edition,
    report_id: s.id,
    ...s.figures,
    ...ratesOf(s.figures),
    flags: s.flags.join(';'),
  };
  return spec.columns.map((c) => {
    if (!(c.name in record)) throw new Error(`timeseries.csv: no value for column ${c.name}`);
    return record[c.name] ?? null;
  });
}

/** A file of the time series: the rows of these reports, sorted by body, then year. */
export function timeseriesCsv(reports: readonly ReportSummary[]): string {
  const sorted = [...reports].sort((a, b) => cmp(a.series, b.series) || a.year - b.year || cmp(a.id, b.id));
  return csvHead(csvHeader(TIMESERIES_CSV)) + csvRecords(sorted.map(row));
}
