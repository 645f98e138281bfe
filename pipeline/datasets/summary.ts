/** A report's summary for the aggregate files: metadata, headline figures, validation status. Pure. */
import { interner } from '../memoised.ts';
import { agencyRef } from '../model/agency.ts';
import type { AnnualReport } from '../model/report.ts';
import { figuresOf } from './figures.ts';
import { seriesKey } from './series-key.ts';
import type { Headline, ReportSummary, ValidatedReport } from './types.ts';

type HeadlineCell = readonly ['applications' | 'appeals', string, string];

/** The cells each headline figure is read from (table, row, column): summed when there are several. */
export const HEADLINE_CELLS: Readonly<Record<keyof Headline, readonly HeadlineCell[]>> = {
  received: [['applications', 'received', 'total']],
  granted: [['applications', 'granted', 'total']],
  handled: [['applications', 'total', 'total']],
  reconsiderations: [['appeals', 'reconsideration', 'total']],
  lawsuits: [['appeals', 'litigation_direct', 'total'], ['appeals', 'litigation_after_reconsideration', 'total']],
};

/** The figure of some cells: their sum, counting only cells that hold a number; null when none does. */
function sum(report: AnnualReport, cells: readonly HeadlineCell[]): number | null {
  const numbers = cells.map(([t, r, c]) => report.tables[t][r]?.[c]?.value ?? null).filter((v): v is number => v !== null);
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

export function headline(report: AnnualReport): Headline {
  return {
    received: sum(report, HEADLINE_CELLS.received),
    granted: sum(report, HEADLINE_CELLS.granted),
    handled: sum(report, HEADLINE_CELLS.handled),
    reconsiderations: sum(report, HEADLINE_CELLS.reconsiderations),
    lawsuits: sum(report, HEADLINE_CELLS.lawsuits),
  };
}

/**
 * Where a report's files live in the release. Built by join, which gives one flat string: a template literal gives a
 * rope (a tree of four concatenations and the year's own string, about 150 bytes more), and these paths stay in
 * memory, in the summary and the file list, until the release is written.
 */
export function reportPaths(report: AnnualReport): { json: string; page: string } {
  const stem = ['reports/', report.year, '/', report.id, '.'];
  return { json: [...stem, 'json'].join(''), page: [...stem, 'html'].join('') };
}

/**
 * `paths`: the report's paths as the caller already holds them (the strings its file list keeps), so that the summary
 * holds no copy of its own.
 */
export function summarize(
  { report, validation }: ValidatedReport,
  json: { sha256: string; bytes: number },
  modified: string,
  paths: { json: string; page: string } = reportPaths(report),
): ReportSummary {
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

/**
 * Summaries that share what they repeat (the aggregate files keep one a report, for the whole release): one string
 * for each distinct agency name, edition, region, date and series key, one array for each distinct list of flags, one
 * object for each distinct body. The same values: only where they are held changes. Summaries are never modified.
 */
export function summaryPool(): (s: ReportSummary) => ReportSummary {
  const intern = interner();
  const flags = new Map<string, string[]>();
  const bodies = new Map<string, ReportSummary['body']>();
  return (s) => {
    s.agency = intern(s.agency);
    s.edition = intern(s.edition);
    if (s.region !== null) s.region = intern(s.region);
    if (s.published !== null) s.published = intern(s.published);
    s.modified = intern(s.modified);
    s.series = intern(s.series);
    const key = s.flags.join('\n');
    const held = flags.get(key);
    if (held) s.flags = held;
    else flags.set(key, s.flags = s.flags.map(intern));
    if (s.body !== null) {
      const b = JSON.stringify(s.body);
      const same = bodies.get(b);
      if (same) s.body = same;
      else bodies.set(b, s.body);
    }
    return s;
  };
}
