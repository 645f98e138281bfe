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
  /** Read once, in order (coverageYears): a generator serves, so that the reports found need not be held at once. */
  found: Iterable<FoundReport>;
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

/** What a row reads of the report found for a body and year (coverageYears keeps this, not the FoundReport). */
interface FoundSlot {
  year: number;
  reportId: string;
  signed: string | null;
  valid: boolean;
  /** The first of the report's documents the harvest knows (input.documents), if any. */
  doc: { url: string; posted: string | null } | undefined;
}

/** A body expected to publish: from its first year due to the last, one row a year. */
interface Who {
  key: string;
  body: AgencyRef | null;
  name: string;
  region: string | null;
  by: ExpectedBy;
  source: string | null;
  first: number;
  /** The reports found of the body, one a year (the valid one when there are several). */
  found: FoundSlot[];
}

/**
 * The rows of data/coverage.csv a year at a time, each year's sorted by body id: the year and its rows, in the order
 * of the file. `input.found` is read once, as it comes (a generator need not hold the reports): what is kept is one
 * small record a report found and one a body, not the reports nor the rows of other years.
 */
export function* coverageYears(input: CoverageInput): Generator<{ year: number; rows: CoverageRow[] }> {
  const who = new Map<string, Who>();
  for (const e of input.expected) {
    // `first` is the first year configured, known once every report found has been seen (below).
    if (!who.has(e.body.id)) who.set(e.body.id, { key: e.body.id, body: e.body, name: e.body.name, region: e.body.division, by: e.by, source: e.source, first: NaN, found: [] });
  }
  let least: number | null = null;
  let most: number | null = null;
  for (const f of input.found) {
    if (least === null || f.year < least) least = f.year;
    if (most === null || f.year > most) most = f.year;
    let w = who.get(f.key);
    if (!w) who.set(f.key, w = { key: f.key, body: f.body, name: f.name, region: f.region, by: 'history', source: null, first: f.year, found: [] });
    else if (w.by === 'history' && f.year < w.first) w.first = f.year;
    // The first report found of a body and year, or a valid one after an invalid one.
    const at = w.found.findIndex((s) => s.year === f.year);
    if (at >= 0 && (w.found[at]!.valid || !f.valid)) continue;
    const doc = f.documents.map((d) => input.documents.get(d)).find((d) => d !== undefined);
    const slot = { year: f.year, reportId: f.reportId, signed: f.signed, valid: f.valid, doc };
    if (at >= 0) w.found[at] = slot;
    else w.found.push(slot);
  }
  if (most === null && input.lastYear === null) return;
  const last = input.lastYear ?? most ?? -Infinity;
  const earliest = input.earliest === undefined ? least : least === null ? input.earliest : Math.min(least, input.earliest);
  const firstConfigured = input.since ?? earliest ?? last;
  const bodies = [...who.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let from = Infinity;
  for (const w of bodies) {
    if (Number.isNaN(w.first)) w.first = firstConfigured;
    if (w.first < from) from = w.first;
  }
  for (let year = from; year <= last; year++) {
    const deadline = deadlineOf(year);
    const rows: CoverageRow[] = [];
    for (const w of bodies) if (w.first <= year) rows.push(coverageRow(w, year, deadline));
    yield { year, rows };
  }
}

function coverageRow(w: Who, year: number, deadline: string): CoverageRow {
  const f = w.found.find((s) => s.year === year);
  const doc = f?.doc;
  const published = doc?.posted ?? f?.signed ?? null;
  const days = published ? daysBetween(deadline, published) : null;
  return {
    year, body_id: w.key, resolved: w.body !== null, body_name: w.name,
    division: w.body?.division ?? w.region, level: w.body?.level ?? null, kind: w.body?.kind ?? null,
    expected_by: w.by, source: w.source, found: f !== undefined, report_id: f?.reportId ?? null,
    signed: f?.signed ?? null, published, published_from: doc?.posted ? 'page' : published ? 'signature' : null,
    deadline, days_after_deadline: days,
    status: !f ? 'missing' : days === null ? 'undated' : days <= 0 ? 'on_time' : 'late',
    url: doc?.url ?? null, valid: f ? f.valid : null,
  };
}

/** Every row of data/coverage.csv, sorted by year then body id (coverageYears, joined). */
export function coverageRows(input: CoverageInput): CoverageRow[] {
  return [...coverageYears(input)].flatMap((y) => y.rows);
}
