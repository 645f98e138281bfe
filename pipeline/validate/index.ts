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

/** The codes of each table's rows and columns, in template order (orderKey looks them up for every comparison). */
const CODES = new Map(TABLE_IDS.map((t) => [t, { rows: TABLES[t].rows.map((r) => r.code), columns: TABLES[t].columns.map((c) => c.code) }]));

function orderKey(issue: Issue): [number, string, number, number] {
  const table = issue.table as TableId | undefined;
  const codes = table !== undefined && Object.hasOwn(TABLES, table) ? CODES.get(table) : undefined;
  return [
    indexIn(TABLE_IDS, table),
    issue.rule,
    codes ? indexIn(codes.rows, issue.row) : -1,
    codes ? indexIn(codes.columns, issue.column) : -1,
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
 * One report of a run: its own validation with last year's report as context, plus the issues found before
 * validation (unresolved names) and its renderings' disagreements.
 */
export function validateInRun(report: AnnualReport, previous: AnnualReport | undefined, found: readonly Issue[] = [], renderings: readonly AnnualReport[] = []): ValidationResult {
  const own = validate(report, previous ? { previous } : {});
  const extra: Issue[] = [...found, ...disagreements(report.id, renderings).map(disagreementIssue)];
  const issues = extra.length === 0 ? own.issues : sortIssues([...own.issues, ...extra]);
  return { valid: !issues.some((i) => i.severity === 'error'), issues };
}

/** What the missing rule needs of a report: its id, year, body (bodyKey) and, for the run's, whether it is valid. */
export interface Standing {
  id: string;
  year: number;
  body: string;
}

/**
 * Missing: against the reports that stand published (the valid ones of the run, and the history's others, a report
 * kept out for its errors keeping its last published version). "This year" is the latest year any of them is for; a
 * body with last year's report and none for this year is missing (not every gap in older years: bodies start and
 * stop publishing). The run's reports that get the issue, with the year and the count of bodies it names.
 */
export function missingInRun(run: ReadonlyArray<Standing & { valid: boolean }>, history: readonly Standing[]): { ids: Set<string>; latest: number; seen: number } {
  const valid = run.filter((r) => r.valid);
  const validIds = new Set(valid.map((r) => r.id));
  const present = [...valid, ...history.filter((h) => !validIds.has(h.id))];
  if (present.length === 0) return { ids: new Set(), latest: 0, seen: 0 };
  const latest = present.reduce((m, r) => Math.max(m, r.year), -Infinity);
  const thisYear = new Set(present.filter((r) => r.year === latest).map((r) => r.body));
  const ids = new Set(run.filter((r) => r.year === latest - 1 && !thisYear.has(r.body)).map((r) => r.id));
  return { ids, latest, seen: thisYear.size };
}

/** A run's report with the missing issue added (missingInRun). */
export function withMissing(report: AnnualReport, result: ValidationResult, latest: number, seen: number): ValidationResult {
  return { ...result, issues: sortIssues([...result.issues, missingIssue(report, latest, seen)]) };
}

/** The index of reports by body and year that the cross-year rules look last year's report up in (first one wins). */
export function byBodyYear<T>(list: readonly T[], key: (item: T) => { body: string; year: number }): Map<string, T> {
  const index = new Map<string, T>();
  for (const r of list) {
    const k = key(r);
    const at = bodyYear(k.body, k.year);
    if (!index.has(at)) index.set(at, r);
  }
  return index;
}

export const bodyYear = (body: string, year: number): string => `${body}\u0000${year}`;

/**
 * Validate every report of a run, each with its previous year's report (from the run, else from the published
 * history) as context; add the issues found before validation, the renderings' disagreements, and flag a body's
 * report of last year when it has none for this year (the latest year of any report). Keyed by report id.
 */
export function validateAll(reports: readonly AnnualReport[], context: RunContext = {}): Map<string, ValidationResult> {
  const runIds = new Set(reports.map((r) => r.id));
  const history = (context.history ?? []).filter((h) => !runIds.has(h.id));
  const standing = (r: AnnualReport) => ({ body: bodyKey(r), year: r.year });
  const [inRun, inHistory] = [byBodyYear(reports, standing), byBodyYear(history, standing)];
  const results = new Map<string, ValidationResult>();
  for (const report of reports) {
    const key = bodyYear(bodyKey(report), report.year - 1);
    const previous = inRun.get(key) ?? inHistory.get(key);
    results.set(report.id, validateInRun(report, previous, context.found?.get(report.id) ?? [], context.renderings?.get(report.id) ?? []));
  }
  const missing = missingInRun(
    reports.map((r) => ({ id: r.id, year: r.year, body: bodyKey(r), valid: results.get(r.id)!.valid })),
    (context.history ?? []).map((h) => ({ id: h.id, year: h.year, body: bodyKey(h) })),
  );
  for (const report of reports) {
    if (missing.ids.has(report.id)) results.set(report.id, withMissing(report, results.get(report.id)!, missing.latest, missing.seen));
  }
  return results;
}

export { schemaIssues } from './schema.ts';
export type { Issue, ValidationResult } from '../model/issue.ts';
