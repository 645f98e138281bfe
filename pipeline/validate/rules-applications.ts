/** Table 三's consistency rules: balance, row_total, outcome_total, other_subtotal (2021). Pure. */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { APPLICATIONS, type Edition, columnsOf, rowsOf } from '../model/template.ts';
import { columnLabel, rowLabel } from './labels.ts';
import { mismatchIssue } from './messages.ts';
import { type Term, cellAt, cellsAgree, compareSides } from './terms.ts';
import { perEdition } from './per-edition.ts';

const T = 'applications' as const;
const NOT_OUTCOMES = new Set(['received', 'carried_over', 'total', 'carried_forward']);
const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];
const PRINTED_OTHER = new Set(['number', 'blank', 'not_applicable']);

/** A cell of table 三 as an operand, named by its row. */
function byRow(report: AnnualReport, row: string, column: string): Term {
  return { ref: `${row}.${column}`, label: rowLabel(T, row), cell: cellAt(report, T, row, column), sign: 1 };
}

/** A cell of table 三 as an operand, named by its column. */
function byColumn(report: AnnualReport, row: string, column: string): Term {
  return { ref: `${row}.${column}`, label: columnLabel(T, column), cell: cellAt(report, T, row, column), sign: 1 };
}

/** Per edition, computed once: every report of an edition asks the same. */

const allColumns = perEdition((edition): readonly string[] => {
  const [first] = rowsOf(APPLICATIONS, edition);
  return first ? columnsOf(APPLICATIONS, first, edition) : [];
});

function columnScope(column: string): { zh: string; en: string } {
  return { zh: `${columnLabel(T, column).zh}列`, en: column };
}

/** 第一项加第二项之和，等于第三项加第四项之和: received + carried_over = total + carried_forward, per column. */
export function balance(report: AnnualReport): Issue[] {
  return allColumns(report.edition).flatMap((column) => {
    const cell = (row: string) => cellAt(report, T, row, column);
    if (cellsAgree([cell('received'), cell('carried_over')], [cell('total'), cell('carried_forward')])) return [];
    const left = [byRow(report, 'received', column), byRow(report, 'carried_over', column)];
    const right = [byRow(report, 'total', column), byRow(report, 'carried_forward', column)];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'applications.balance', report: report.id, table: T, column,
      scope: columnScope(column), left, right }, m)];
  });
}

/** The total column equals the six applicant columns, per row (rows with nothing printed are skipped). */
export function rowTotal(report: AnnualReport): Issue[] {
  const columns = allColumns(report.edition).filter((c) => c !== 'total');
  return applicationRowsOf(report.edition).flatMap((row) => {
    const cells = columns.map((column) => cellAt(report, T, row.code, column));
    const total = cellAt(report, T, row.code, 'total');
    if (cellsAgree(cells, [total])) return [];
    const left = columns.map((column) => byColumn(report, row.code, column));
    const right = [byColumn(report, row.code, 'total')];
    if (![...left, ...right].some((t) => t.cell?.kind === 'number' || t.cell?.kind === 'inferred')) return [];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'applications.row_total', report: report.id, table: T, row: row.code,
      column: 'total', scope: { zh: `${rowLabel(T, row.code).zh}行`, en: row.code }, left, right }, m)];
  });
}

/** The rows whose sum is （七）总计: （一）…（六）, with （六） as one row (printed, or derived from its sub-rows). */
export function outcomeRows(edition: Edition): string[] {
  return rowsOf(APPLICATIONS, edition)
    .map((r) => r.code)
    .filter((code) => !NOT_OUTCOMES.has(code) && !OTHER_PARTS.includes(code));
}

const outcomeRowsOf = perEdition((edition): readonly string[] => outcomeRows(edition));
const applicationRowsOf = perEdition((edition) => rowsOf(APPLICATIONS, edition));

/** （七）总计 = the sum of the outcomes, per column. */
export function outcomeTotal(report: AnnualReport): Issue[] {
  const rows = outcomeRowsOf(report.edition);
  return allColumns(report.edition).flatMap((column) => {
    if (cellsAgree(rows.map((row) => cellAt(report, T, row, column)), [cellAt(report, T, 'total', column)])) return [];
    const left = rows.map((row) => byRow(report, row, column));
    const right = [byRow(report, 'total', column)];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'applications.outcome_total', report: report.id, table: T, row: 'total', column,
      scope: columnScope(column), left, right }, m)];
  });
}

/** 2021 edition: a printed （六）其他处理 equals its printed sub-rows, per column. */
export function otherSubtotal(report: AnnualReport): Issue[] {
  if (report.edition !== '2021') return [];
  return allColumns(report.edition).flatMap((column) => {
    const other = byRow(report, 'other', column);
    const parts = OTHER_PARTS.map((row) => byRow(report, row, column));
    if (!other.cell || !PRINTED_OTHER.has(other.cell.kind)) return [];
    if (!parts.some((t) => t.cell && t.cell.kind !== 'absent' && t.cell.kind !== 'derived')) return [];
    const m = compareSides(parts, [other]);
    if (!m) return [];
    return [mismatchIssue({ rule: 'applications.other_subtotal', report: report.id, table: T, row: 'other', column,
      scope: columnScope(column), left: parts, right: [other] }, m)];
  });
}
