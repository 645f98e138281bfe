/**
 * A reference evaluation of the template's consistency rules on a compact report (blanks and '-' count as 0).
 * Findings are located as pipeline/validate locates its issues: the cell the rule checks (row and/or column).
 * The generator uses it to tell which findings a planted error causes; it is not the project's validator
 * (pipeline/validate), which the tests hold against it.
 */
import { APPLICATIONS, APPEALS, rowsOf } from '../model/template.ts';
import type { CompactReport, CompactTable, Finding } from './types.ts';

export const APPLICANT_COLUMNS = [
  'natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org',
] as const;
export const APPLICATION_COLUMNS = [...APPLICANT_COLUMNS, 'total'] as const;
export const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'] as const;

/** The outcome rows that add up to （七）总计, without （六）其他处理 itself. */
export const OUTCOME_ROWS = APPLICATIONS.rows
  .map((r) => r.code)
  .filter((c) => /^(granted|partially_granted|denied\.|unavailable\.|not_processed\.)/.test(c));

export function num(table: CompactTable, row: string, column: string): number {
  const v = table[row]?.[column];
  return typeof v === 'number' ? v : 0;
}

/** （六）其他处理 as the rules see it: the printed row, else the sum of its printed sub-rows. */
function otherOf(apps: CompactTable, column: string): number {
  if (apps.other) return num(apps, 'other', column);
  return OTHER_PARTS.reduce((s, r) => s + num(apps, r, column), 0);
}

export function checkConsistency(report: CompactReport): Finding[] {
  const apps = report.tables.applications;
  const out: Finding[] = [];
  for (const column of APPLICATION_COLUMNS) {
    const left = num(apps, 'received', column) + num(apps, 'carried_over', column);
    const right = num(apps, 'total', column) + num(apps, 'carried_forward', column);
    if (left !== right) out.push({ rule: 'applications.balance', table: 'applications', column, expected: left, found: right });
  }
  for (const row of rowsOf(APPLICATIONS, report.edition)) {
    if (!apps[row.code]) continue;
    const sum = APPLICANT_COLUMNS.reduce((s, c) => s + num(apps, row.code, c), 0);
    const total = num(apps, row.code, 'total');
    if (sum !== total) out.push({ rule: 'applications.row_total', table: 'applications', row: row.code, column: 'total', expected: sum, found: total });
  }
  for (const column of APPLICATION_COLUMNS) {
    const sum = OUTCOME_ROWS.reduce((s, r) => s + num(apps, r, column), 0) + otherOf(apps, column);
    const total = num(apps, 'total', column);
    if (sum !== total) out.push({ rule: 'applications.outcome_total', table: 'applications', row: 'total', column, expected: sum, found: total });
  }
  if (report.edition === '2021' && apps.other && OTHER_PARTS.some((r) => apps[r])) {
    for (const column of APPLICATION_COLUMNS) {
      const sum = OTHER_PARTS.reduce((s, r) => s + num(apps, r, column), 0);
      const other = num(apps, 'other', column);
      if (sum !== other) out.push({ rule: 'applications.other_subtotal', table: 'applications', row: 'other', column, expected: sum, found: other });
    }
  }
  const appeals = report.tables.appeals;
  for (const row of rowsOf(APPEALS, report.edition)) {
    const sum = APPEAL_PARTS.reduce((s, c) => s + num(appeals, row.code, c), 0);
    const total = num(appeals, row.code, 'total');
    if (sum !== total) out.push({ rule: 'appeals.row_total', table: 'appeals', row: row.code, column: 'total', expected: sum, found: total });
  }
  return out;
}
