/**
 * data/coverage.csv read back into its rows (the inverse of to-coverage.ts): publishing rebuilds a built folder
 * from what it holds, and the coverage rows come from inputs the folder does not keep (the job's expected bodies,
 * the harvest's pages and dates, the reports kept out for their errors). Returns null when the file is not a
 * coverage.csv of this version (another header). Pure.
 */
import { parse } from 'csv-parse/sync';
import { COVERAGE_STATUSES, type CoverageRow, EXPECTED_BY } from './coverage.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { csvHeader } from './table-schemas.ts';
import { BOM } from './to-csv-format.ts';

/** Text the writer prefixed with ' so that a spreadsheet would not run it (to-csv-format.ts neutralise). */
const unneutralise = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const text = (v: string): string | null => (v === '' ? null : unneutralise(v));
const int = (v: string): number | null => (v === '' ? null : Number(v));
const bool = (v: string): boolean | null => (v === '' ? null : v === 'true');

export function parseCoverageCsv(csv: string): CoverageRow[] | null {
  const records = parse(csv.startsWith(BOM) ? csv.slice(1) : csv, { relax_column_count: false }) as string[][];
  const [head, ...rows] = records;
  if (!head || head.join(',') !== csvHeader(COVERAGE_CSV).join(',')) return null;
  const out: CoverageRow[] = [];
  for (const r of rows) {
    const v = Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])) as Record<string, string>;
    const status = v.status as CoverageRow['status'];
    const by = v.expected_by as CoverageRow['expected_by'];
    const from = text(v.published_from!);
    if (!COVERAGE_STATUSES.includes(status) || !EXPECTED_BY.includes(by) || (from !== null && from !== 'page' && from !== 'signature')) return null;
    out.push({
      year: Number(v.year), body_id: v.body_id!, resolved: v.resolved === 'true', body_name: unneutralise(v.body_name!),
      division: text(v.division!), level: text(v.level!), kind: text(v.kind!), expected_by: by, source: text(v.source!),
      found: v.found === 'true', report_id: text(v.report_id!), signed: text(v.signed!), published: text(v.published!),
      published_from: from as CoverageRow['published_from'], deadline: v.deadline!, days_after_deadline: int(v.days_after_deadline!), status,
      url: text(v.url!), valid: bool(v.valid!),
    });
  }
  return out;
}
