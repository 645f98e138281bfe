/**
 * data/timeseries.csv: one row per body and year, built from the summaries (series.ts), sorted by body, then year.
 * Written a body at a time (timeseriesChunks), so that a large release never holds the whole file. Pure.
 */
import { ratesOf } from './figures.ts';
import { bodySeries, type BodySeries } from './series.ts';
import { TIMESERIES_CSV } from './table-schemas-series.ts';
import { csvTableSpec, csvHeader } from './table-schemas.ts';
import { csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';
import type { ReleaseContext } from './types.ts';

function rows(series: BodySeries): CsvValue[][] {
  const spec = csvTableSpec(TIMESERIES_CSV)!;
  return series.reports.map((s) => {
    const record: Record<string, CsvValue> = {
      body_id: series.key,
      resolved: series.resolved,
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
  });
}

/** The file in pieces: the head, then the rows of one body at a time. */
export function* timeseriesChunks(ctx: ReleaseContext): Generator<string> {
  yield csvHead(csvHeader(TIMESERIES_CSV));
  for (const series of bodySeries(ctx.reports)) yield csvRecords(rows(series));
}

export function timeseriesCsv(ctx: ReleaseContext): string {
  return [...timeseriesChunks(ctx)].join('');
}
