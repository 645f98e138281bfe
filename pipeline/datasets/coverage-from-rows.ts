/**
 * The coverage input again, from the rows of a built data/coverage.csv and the reports a release holds. Publishing
 * rebuilds a release from a folder (and settles it against the last release: reports carried over, reports
 * withdrawn), while who is expected, the dates the sites show and the reports kept out for their errors came from
 * the job and are only in the rows. So the rows give the expected bodies, the years, the page dates and URLs and the
 * reports found with errors; the release's reports give the reports found. Pure.
 */
import type { AgencyRef } from '../model/agency.ts';
import { type CoverageInput, type CoverageRow, type ExpectedBody, type FoundReport, foundReport, yearBound } from './coverage.ts';
import type { ValidatedReport } from './types.ts';

const bodyOf = (r: CoverageRow): AgencyRef | null =>
  r.resolved && r.division && r.level && r.kind
    ? { id: r.body_id, name: r.body_name, division: r.division, level: r.level as AgencyRef['level'], kind: r.kind as AgencyRef['kind'] }
    : null;

export function coverageFromRows(rows: readonly CoverageRow[], reports: readonly ValidatedReport[]): CoverageInput {
  return coverageFromFound(rows, reports.map((v) => foundReport(v.report, true)));
}

/** coverageFromRows, the release's reports given as found (foundReport of each, valid), in release order. */
export function coverageFromFound(rows: readonly CoverageRow[], found: FoundReport[]): CoverageInput {
  const expected: ExpectedBody[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const body = bodyOf(r);
    if (r.expected_by === 'history' || !body || seen.has(r.body_id)) continue;
    seen.add(r.body_id);
    expected.push({ body, source: r.source, by: r.expected_by });
  }
  const configured = rows.filter((r) => r.expected_by !== 'history').map((r) => r.year);
  const byReport = new Map(rows.filter((r) => r.report_id !== null).map((r) => [r.report_id!, r]));
  const documents = new Map<string, { url: string; posted: string | null }>();
  for (const f of found) {
    const row = byReport.get(f.reportId);
    if (row?.url) for (const d of f.documents) documents.set(d, { url: row.url, posted: row.published_from === 'page' ? row.published : null });
  }
  const held = new Set(found.map((f) => f.reportId));
  for (const r of rows) {
    // A report found with errors, kept out of the release: only the row knows it.
    if (!r.found || r.valid !== false || r.report_id === null || held.has(r.report_id)) continue;
    const name = `#${r.report_id}`;
    found.push({ key: r.body_id, body: bodyOf(r), name: r.body_name, region: r.division, year: r.year, reportId: r.report_id, signed: r.signed, valid: false, documents: [name] });
    if (r.url) documents.set(name, { url: r.url, posted: r.published_from === 'page' ? r.published : null });
  }
  return {
    expected, found, documents,
    lastYear: rows.length ? yearBound(rows.map((r) => r.year), 'max', 0) : null,
    ...(configured.length ? { since: yearBound(configured, 'min', 0) } : {}),
  };
}
