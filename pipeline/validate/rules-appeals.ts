/** Table 四's consistency rule: total = upheld + corrected + other + pending, per row. Pure. */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { APPEALS, rowsOf } from '../model/template.ts';
import { columnLabel, rowLabel } from './labels.ts';
import { mismatchIssue } from './messages.ts';
import { type Term, cellAt, cellsAgree, compareSides } from './terms.ts';

const T = 'appeals' as const;
const PARTS = ['upheld', 'corrected', 'other', 'pending'];

function term(report: AnnualReport, row: string, column: string): Term {
  return { ref: `${row}.${column}`, label: columnLabel(T, column), cell: cellAt(report, T, row, column), sign: 1 };
}

export function appealsRowTotal(report: AnnualReport): Issue[] {
  return rowsOf(APPEALS, report.edition).flatMap((row) => {
    const cell = (column: string) => cellAt(report, T, row.code, column);
    if (cellsAgree(PARTS.map(cell), [cell('total')])) return [];
    const left = PARTS.map((column) => term(report, row.code, column));
    const right = [term(report, row.code, 'total')];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'appeals.row_total', report: report.id, table: T, row: row.code, column: 'total',
      scope: { zh: rowLabel(T, row.code).zh, en: row.code }, left, right }, m)];
  });
}
