/**
 * Coverage and timeliness: for every body expected to publish and every year due, whether its report was found,
 * when it was signed and published, and how many days after the legal deadline (31 January of the next year, 条例
 * 第五十条). A body is expected because a configured source names it, because it is in a configured division, or
 * because it published a report before (the same judgement as cross_year.missing). Pure.
 */
import type { AgencyRef } from '../model/agency.ts';
import type { AnnualReport } from '../model/report.ts';
import { seriesKey } from './series-key.ts';

export const COVERAGE_STATUSES = ['on_time', 'late', 'undated', 'missing'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export const EXPECTED_BY = ['source', 'division', 'history'] as const;
export type ExpectedBy = (typeof EXPECTED_BY)[number];

export interface ExpectedBody {
  body: AgencyRef;
  /** The configured source that names the body, if any. */
  source: string | null;
  by: Exclude<ExpectedBy, 'history'>;
}

/** A report read in this run (valid or not). */
export interface FoundReport {
  key: string;
  body: AgencyRef | null;
  name: string;
  region: string | null;
  year: number;
  reportId: string;
  /** The date the report is signed with (or, without one, the date it prints as posted). */
  signed: string | null;
  valid: boolean;
  documents: string[];
}

export interface CoverageInput {
  expected: ExpectedBody[];
  found: FoundReport[];
  /** Per document name: the report's URL and the publication date its site shows. */
  documents: ReadonlyMap<string, { url: string; posted: string | null }>;
  /** First year expected of configured bodies; default the earliest year found (or `earliest`, when before). */
  since?: number;
  /** A year a report of the release is from though not found now (carried over from the last release). */
  earliest?: number;
  /** Last year whose deadline has passed; null: the last year found. */
  lastYear: number | null;
}

export interface CoverageRow {
  year: number;
  body_id: string;
  resolved: boolean;
  body_name: string;
  division: string | null;
  level: string | null;
  kind: string | null;
  expected_by: ExpectedBy;
  source: string | null;
  found: boolean;
  report_id: string | null;
  signed: string | null;
  published: string | null;
  published_from: 'page' | 'signature' | null;
  deadline: string;
  days_after_deadline: number | null;
  status: CoverageStatus;
  url: string | null;
  valid: boolean | null;
}

export const deadlineOf = (year: number): string => `${year + 1}-01-31`;

/** The last report year whose deadline has passed on a date (YYYY-MM-DD): on 2025-02-01, 2024. */
export function lastYearDue(today: string): number {
  const y = Number(today.slice(0, 4));
  return today > `${y}-01-31` ? y - 1 : y - 2;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function foundReport(report: AnnualReport, valid: boolean): FoundReport {
  return {
    key: seriesKey(report), body: report.body ?? null, name: report.body?.name ?? report.agency, region: report.region ?? null,
    year: report.year, reportId: report.id, signed: report.published, valid, documents: report.sources.map((s) => s.name),
  };
}

/**
 * The least or greatest of some years, by a loop: Math.min(...years) passes each year as an argument, and V8 runs out
 * of stack between 100,000 and 200,000 of them ("Maximum call stack size exceeded"). `fallback` when there are none.
 */
export function yearBound(years: Iterable<number>, pick: 'min' | 'max', fallback: number): number {
  let out: number | null = null;
  for (const y of years) if (out === null || (pick === 'min' ? y < out : y > out)) out = y;
  return out ?? fallback;
}

export function coverageRows(input: CoverageInput): CoverageRow[] {
  const years = input.found.map((f) => f.year);
  if (years.length === 0 && input.lastYear === null) return [];
  const last = input.lastYear ?? yearBound(years, 'max', -Infinity);
  const known = input.earliest === undefined ? years : [...years, input.earliest];
  const firstConfigured = input.since ?? yearBound(known, 'min', last);
  const found = new Map<string, FoundReport>();
  for (const f of input.found) {
    const k = `${f.key}|${f.year}`;
    const held = found.get(k);
    if (!held || (!held.valid && f.valid)) found.set(k, f);
  }
  type Who = { key: string; body: AgencyRef | null; name: string; region: string | null; by: ExpectedBy; source: string | null; first: number };
  const who = new Map<string, Who>();
  for (const e of input.expected) {
    if (!who.has(e.body.id)) who.set(e.body.id, { key: e.body.id, body: e.body, name: e.body.name, region: e.body.division, by: e.by, source: e.source, first: firstConfigured });
  }
  for (const f of input.found) {
    const w = who.get(f.key);
    if (!w) who.set(f.key, { key: f.key, body: f.body, name: f.name, region: f.region, by: 'history', source: null, first: f.year });
    else if (w.by === 'history' && f.year < w.first) w.first = f.year;
  }
  const rows: CoverageRow[] = [];
  // One deadline string a year, not one a row (the rows stay in memory until the release is written).
  const deadlines = new Map<number, string>();
  for (const w of who.values()) {
    for (let year = w.first; year <= last; year++) {
      const f = found.get(`${w.key}|${year}`);
      const doc = f?.documents.map((d) => input.documents.get(d)).find((d) => d !== undefined);
      const published = doc?.posted ?? f?.signed ?? null;
      let deadline = deadlines.get(year);
      if (deadline === undefined) deadlines.set(year, deadline = deadlineOf(year));
      const days = published ? daysBetween(deadline, published) : null;
      rows.push({
        year, body_id: w.key, resolved: w.body !== null, body_name: w.name,
        division: w.body?.division ?? w.region, level: w.body?.level ?? null, kind: w.body?.kind ?? null,
        expected_by: w.by, source: w.source, found: f !== undefined, report_id: f?.reportId ?? null,
        signed: f?.signed ?? null, published, published_from: doc?.posted ? 'page' : published ? 'signature' : null,
        deadline, days_after_deadline: days,
        status: !f ? 'missing' : days === null ? 'undated' : days <= 0 ? 'on_time' : 'late',
        url: doc?.url ?? null, valid: f ? f.valid : null,
      });
    }
  }
  return rows.sort((a, b) => a.year - b.year || (a.body_id < b.body_id ? -1 : a.body_id > b.body_id ? 1 : 0));
}
