/**
 * Validate reports: the schema, then every rule. Returns { valid, issues }; never throws, no I/O, no clock.
 * valid = no issue of severity 'error'. Issues are sorted by table, rule, row and column (template order).
 */
import type { Issue, ValidationResult } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { TABLES, TABLE_IDS, type TableId } from '../model/template.ts';
import { ruleIssues } from './rules.ts';
import { schemaIssues } from './schema.ts';

export interface ValidationContext {
  /** The same body's report of the year before, for the cross-year rules. */
  previous?: AnnualReport;
}

function indexIn(list: readonly string[], value: string | undefined): number {
  if (value === undefined) return -1;
  const i = list.indexOf(value);
  return i === -1 ? list.length : i;
}

function orderKey(issue: Issue): [number, string, number, number] {
  const table = issue.table as TableId | undefined;
  const def = table && TABLES[table];
  return [
    indexIn(TABLE_IDS, table),
    issue.rule,
    def ? indexIn(def.rows.map((r) => r.code), issue.row) : -1,
    def ? indexIn(def.columns.map((c) => c.code), issue.column) : -1,
  ];
}

function compareIssues(a: Issue, b: Issue): number {
  const ka = orderKey(a);
  const kb = orderKey(b);
  if (ka[0] !== kb[0]) return ka[0] - kb[0];
  if (ka[1] !== kb[1]) return ka[1] < kb[1] ? -1 : 1;
  if (ka[2] !== kb[2]) return ka[2] - kb[2];
  if (ka[3] !== kb[3]) return ka[3] - kb[3];
  const ra = `${a.row ?? ''}\u0000${a.column ?? ''}\u0000${a.message.en}`;
  const rb = `${b.row ?? ''}\u0000${b.column ?? ''}\u0000${b.message.en}`;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(compareIssues);
}

export function validate(report: AnnualReport, context: ValidationContext = {}): ValidationResult {
  const issues = sortIssues([...schemaIssues(report), ...ruleIssues(report, context.previous)]);
  return { valid: !issues.some((i) => i.severity === 'error'), issues };
}

function bodyKey(report: AnnualReport): string {
  return typeof report.agency === 'string' ? report.agency.trim() : '';
}

/** The report of the same body (agency name, trimmed) for year - 1 in the run; the first one when several. */
export function findPrevious(report: AnnualReport, reports: readonly AnnualReport[]): AnnualReport | undefined {
  const key = bodyKey(report);
  return reports.find((r) => r !== report && r.year === report.year - 1 && bodyKey(r) === key);
}

/** Validate every report of a run, each with its previous year's report as context. Keyed by report id. */
export function validateAll(reports: AnnualReport[]): Map<string, ValidationResult> {
  const results = new Map<string, ValidationResult>();
  for (const report of reports) {
    const previous = findPrevious(report, reports);
    results.set(report.id, validate(report, previous ? { previous } : {}));
  }
  return results;
}

export { schemaIssues } from './schema.ts';
export type { Issue, ValidationResult } from '../model/issue.ts';
