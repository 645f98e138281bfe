/** A finding about a report: what validate() returns, and what travels with the published data. */
import type { Location } from './report.ts';
import type { TableId } from './template.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Rule id: a consistency rule from the template (applications.balance, …), schema, narrative.*, value.*, edition.*. */
  rule: string;
  severity: Severity;
  /** The report the issue is about. */
  report: string;
  table?: TableId;
  /** Row code (applications: received, denied.state_secret, …). */
  row?: string;
  /** Column code (natural_person, …). */
  column?: string;
  /** What the rule expected (e.g. the sum), and what the report prints. */
  expected?: number | string | null;
  found?: number | string | null;
  message: { zh: string; en: string };
  /** Every cell ("row.column", in `table`) the rule compared: the cells the issue touches, for flags in the data. */
  cells?: string[];
  /** Cells ("row.column") that were blank or "-" and were counted as 0 by the rule. */
  blanksAsZero?: string[];
  /**
   * Cells ("row.column") of rows the source does not print (kind absent) that the rule needs: their figures are
   * unknown, so the rule could not be checked and the issue is only information (severity info).
   */
  absent?: string[];
  /** Other reports the issue involves (cross-year rules). */
  related?: string[];
  /** Where in the source, when the issue is about one cell. */
  source?: Location;
}

export interface ValidationResult {
  valid: boolean;
  issues: Issue[];
}
