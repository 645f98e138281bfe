/**
 * All rules a report is checked against besides its schema: the template's consistency rules (one check per id of
 * CONSISTENCY_RULES), the narrative figures, values that are not numbers, notes printed beside figures, amounts whose
 * unit is doubtful, the edition against the year, and rows the source does not print. Pure.
 */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { CONSISTENCY_RULES, EDITIONS } from '../model/template.ts';
import { appealsRowTotal } from './rules-appeals.ts';
import { balance, otherSubtotal, outcomeTotal, rowTotal } from './rules-applications.ts';
import { carry, inForce } from './rules-cross-year.ts';
import { NARRATIVE_CHECKS, narrativeIssues } from './rules-narrative.ts';
import { rowMissing } from './rules-rows.ts';
import { unitDoubtful } from './rules-units.ts';
import { notANumber, notePrinted, yearMismatch } from './rules-values.ts';

export type ConsistencyRuleId = (typeof CONSISTENCY_RULES)[number]['id'];
export type Check = (report: AnnualReport, previous?: AnnualReport) => Issue[];

/** The implementation of every consistency rule of the template, by id. */
export const CONSISTENCY_CHECKS: Record<ConsistencyRuleId, Check> = {
  'applications.balance': balance,
  'applications.row_total': rowTotal,
  'applications.outcome_total': outcomeTotal,
  'applications.other_subtotal': otherSubtotal,
  'appeals.row_total': appealsRowTotal,
  'cross_year.carry': carry,
  'cross_year.in_force': inForce,
};

/** Every rule id validate() can report besides 'schema'. */
export const RULE_IDS: readonly string[] = [
  ...CONSISTENCY_RULES.map((r) => r.id),
  ...Object.keys(NARRATIVE_CHECKS).map((key) => `narrative.${key}`),
  'value.not_a_number',
  'value.note',
  'value.unit_doubtful',
  'edition.year_mismatch',
  'table.row_missing',
];

/** The issues of all rules. Rules that need the table layout only run when the edition is known. */
export function ruleIssues(report: AnnualReport, previous?: AnnualReport): Issue[] {
  if (typeof report !== 'object' || report === null) return [];
  const issues = [...notANumber(report), ...notePrinted(report)];
  if (!(EDITIONS as readonly string[]).includes(report.edition)) return issues;
  issues.push(...yearMismatch(report), ...rowMissing(report));
  issues.push(...unitDoubtful(report, previous));
  for (const check of Object.values(CONSISTENCY_CHECKS)) issues.push(...check(report, previous));
  issues.push(...narrativeIssues(report));
  return issues;
}
