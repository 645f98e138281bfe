/**
 * Cross-year heuristics between a report and the same body's report of the year before. Pure.
 * Both rules only run when the previous report is for year - 1; its cells are named "<its id>:row.column".
 */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { APPLICATIONS, type TableId, columnsOf, rowsOf } from '../model/template.ts';
import { columnLabel, rowLabel } from './labels.ts';
import { mismatchIssue } from './messages.ts';
import { type Term, cellAt, compareSides } from './terms.ts';

function isPreviousYear(report: AnnualReport, previous: AnnualReport | undefined): previous is AnnualReport {
  return previous !== undefined && previous.year === report.year - 1;
}

function term(report: AnnualReport, table: TableId, row: string, column: string, of?: AnnualReport): Term {
  const label = table === 'applications' ? rowLabel(table, row) : columnLabel(table, column);
  const source = of ?? report;
  return {
    ref: of ? `${of.id}:${row}.${column}` : `${row}.${column}`,
    label: of ? { zh: `${of.year}年${label.zh}`, en: `${of.year} ${label.en}` } : label,
    cell: cellAt(source, table, row, column),
    sign: 1,
  };
}

/** carried_over (N) = carried_forward (N-1), per column of table 三. */
export function carry(report: AnnualReport, previous?: AnnualReport): Issue[] {
  if (!isPreviousYear(report, previous)) return [];
  const [first] = rowsOf(APPLICATIONS, report.edition);
  const columns = first ? columnsOf(APPLICATIONS, first, report.edition) : [];
  return columns.flatMap((column) => {
    const left = [term(report, 'applications', 'carried_forward', column, previous)];
    const right = [term(report, 'applications', 'carried_over', column)];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'cross_year.carry', report: report.id, table: 'applications', row: 'carried_over',
      column, scope: { zh: `${columnLabel('applications', column).zh}列`, en: column }, left, right,
      related: [previous.id] }, m)];
  });
}

/** 2021 edition, both years: in_force (N) = in_force (N-1) + issued (N) − repealed (N), for rules and documents. */
export function inForce(report: AnnualReport, previous?: AnnualReport): Issue[] {
  if (!isPreviousYear(report, previous)) return [];
  if (report.edition !== '2021' || previous.edition !== '2021') return [];
  return ['regulations', 'normative_documents'].flatMap((row) => {
    const left: Term[] = [
      term(report, 'proactive', row, 'in_force', previous),
      term(report, 'proactive', row, 'issued'),
      { ...term(report, 'proactive', row, 'repealed'), sign: -1 },
    ];
    const right = [term(report, 'proactive', row, 'in_force')];
    const m = compareSides(left, right);
    if (!m) return [];
    return [mismatchIssue({ rule: 'cross_year.in_force', report: report.id, table: 'proactive', row,
      column: 'in_force', scope: { zh: rowLabel('proactive', row).zh, en: row }, left, right,
      related: [previous.id] }, m)];
  });
}
