/** A report's summary for the aggregate files: metadata, headline figures, validation status. Pure. */
import { agencyRef } from '../model/agency.ts';
import type { AnnualReport } from '../model/report.ts';
import { figuresOf } from './figures.ts';
import { seriesKey } from './series-key.ts';
import type { Headline, ReportSummary, ValidatedReport } from './types.ts';

function value(report: AnnualReport, table: 'applications' | 'appeals', row: string, column = 'total'): number | null {
  return report.tables[table][row]?.[column]?.value ?? null;
}

function sum(...values: Array<number | null>): number | null {
  const numbers = values.filter((v): v is number => v !== null);
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

export function headline(report: AnnualReport): Headline {
  return {
    received: value(report, 'applications', 'received'),
    granted: value(report, 'applications', 'granted'),
    handled: value(report, 'applications', 'total'),
    reconsiderations: value(report, 'appeals', 'reconsideration'),
    lawsuits: sum(value(report, 'appeals', 'litigation_direct'), value(report, 'appeals', 'litigation_after_reconsideration')),
  };
}

/** Where a report's files live in the release. */
export function reportPaths(report: AnnualReport): { json: string; page: string } {
  return { json: `reports/${report.year}/${report.id}.json`, page: `reports/${report.year}/${report.id}.html` };
}

export function summarize(
  { report, validation }: ValidatedReport,
  json: { sha256: string; bytes: number },
  modified: string,
): ReportSummary {
  const paths = reportPaths(report);
  const count = (s: string) => validation.issues.filter((i) => i.severity === s).length;
  return {
    id: report.id,
    agency: report.agency,
    region: report.region ?? null,
    year: report.year,
    edition: report.edition,
    published: report.published,
    valid: validation.valid,
    errors: count('error'),
    warnings: count('warning'),
    flags: [...new Set(validation.issues.filter((i) => i.severity === 'warning').map((i) => i.rule))].sort(),
    headline: headline(report),
    // The registry facts in a fixed key order, copied: the summary keeps no object of the report alive.
    body: report.body ? agencyRef({ ...report.body, aliases: [] }) : null,
    series: seriesKey(report),
    figures: figuresOf(report),
    sources: report.sources.map((s) => s.name),
    json: { path: paths.json, ...json },
    page: paths.page,
    modified,
  };
}
