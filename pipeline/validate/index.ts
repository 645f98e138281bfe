/**
 * Validate reports: the schema, then every rule. Returns { valid, issues }; never throws, no I/O, no clock.
 * valid = no issue of severity 'error'. Issues are sorted by table, rule, row and column (template order).
 */
import type { Issue, ValidationResult } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { TABLES, TABLE_IDS, type TableId } from '../model/template.ts';
import { disagreementIssue, disagreements, missingIssue } from './rules-identity.ts';
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

/** The body a report is about: its registry id when the name resolved, else its printed name. */
export function bodyKey(report: AnnualReport): string {
  if (report.body) return `id:${report.body.id}`;
  return `name:${typeof report.agency === 'string' ? report.agency.trim() : ''}`;
}

/** The report of the same body for year - 1 among `reports`; the first one when several. */
export function findPrevious(report: AnnualReport, reports: readonly AnnualReport[]): AnnualReport | undefined {
  const key = bodyKey(report);
  return reports.find((r) => r !== report && r.year === report.year - 1 && bodyKey(r) === key);
}

export interface RunContext {
  /**
   * The reports already published (the last release): the cross-year rules look back into them, so a report is
   * checked against last year's even when last year's is not read again in this run.
   */
  history?: readonly AnnualReport[];
  /** Issues found before validation, by report id: unresolved agency names, renderings that disagree. */
  found?: ReadonlyMap<string, readonly Issue[]>;
  /** The renderings behind each report read more than once, by report id: their disagreements are errors. */
  renderings?: ReadonlyMap<string, readonly AnnualReport[]>;
}

/**
 * Validate every report of a run, each with its previous year's report (from the run, else from the published
 * history) as context; add the issues found before validation, the renderings' disagreements, and flag a body's
 * report of last year when it has none for this year (the latest year of any report). Keyed by report id.
 */
export function validateAll(reports: readonly AnnualReport[], context: RunContext = {}): Map<string, ValidationResult> {
  const runIds = new Set(reports.map((r) => r.id));
  const history = (context.history ?? []).filter((h) => !runIds.has(h.id));
  const byBodyYear = (list: readonly AnnualReport[]) => {
    const index = new Map<string, AnnualReport>();
    for (const r of list) if (!index.has(`${bodyKey(r)}\u0000${r.year}`)) index.set(`${bodyKey(r)}\u0000${r.year}`, r);
    return index;
  };
  const [inRun, inHistory] = [byBodyYear(reports), byBodyYear(history)];
  const results = new Map<string, ValidationResult>();
  for (const report of reports) {
    const key = `${bodyKey(report)}\u0000${report.year - 1}`;
    const previous = inRun.get(key) ?? inHistory.get(key);
    const own = validate(report, previous ? { previous } : {});
    const extra: Issue[] = [
      ...(context.found?.get(report.id) ?? []),
      ...disagreements(report.id, context.renderings?.get(report.id) ?? []).map(disagreementIssue),
    ];
    const issues = extra.length === 0 ? own.issues : sortIssues([...own.issues, ...extra]);
    results.set(report.id, { valid: !issues.some((i) => i.severity === 'error'), issues });
  }
  // Missing: against the reports that stand published (the valid ones of the run, and the history's others, a
  // report kept out for its errors keeping its last published version). "This year" is the latest year any of them is
  // for; a body with last year's report and none for this year is missing (not every gap in older years: bodies
  // start and stop publishing).
  const valid = reports.filter((r) => results.get(r.id)!.valid);
  const validIds = new Set(valid.map((r) => r.id));
  const present = [...valid, ...(context.history ?? []).filter((h) => !validIds.has(h.id))];
  if (present.length === 0) return results;
  const latest = Math.max(...present.map((r) => r.year));
  const thisYear = new Set(present.filter((r) => r.year === latest).map(bodyKey));
  for (const report of reports) {
    if (report.year !== latest - 1 || thisYear.has(bodyKey(report))) continue;
    const result = results.get(report.id)!;
    results.set(report.id, { ...result, issues: sortIssues([...result.issues, missingIssue(report, latest, thisYear.size)]) });
  }
  return results;
}

export { schemaIssues } from './schema.ts';
export type { Issue, ValidationResult } from '../model/issue.ts';
export { agencyIssue, type Unresolved } from './rules-identity.ts';
