/** Figures the report's text states (report.narrative) against its tables: one rule per figure key. Pure. */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport, NarrativeFigure } from '../model/report.ts';
import type { TableId } from '../model/template.ts';
import { rowLabel } from './labels.ts';
import { type Term, anyNumber, cellAt, compareSides } from './terms.ts';
import { absentNote, blanksNote, describeSide, severityOf } from './messages.ts';

interface NarrativeCheck {
  table: TableId;
  /** Rows whose total column, summed, is what the text should say. */
  rows: string[];
}

export const NARRATIVE_CHECKS: Record<string, NarrativeCheck> = {
  received: { table: 'applications', rows: ['received'] },
  handled: { table: 'applications', rows: ['total'] },
  granted: { table: 'applications', rows: ['granted'] },
  partially_granted: { table: 'applications', rows: ['partially_granted'] },
  reconsideration: { table: 'appeals', rows: ['reconsideration'] },
  litigation: { table: 'appeals', rows: ['litigation_direct', 'litigation_after_reconsideration'] },
};

function tableTerms(report: AnnualReport, check: NarrativeCheck): Term[] {
  return check.rows.map((row) => {
    const label = rowLabel(check.table, row);
    return {
      ref: `${row}.total`,
      label: { zh: `${label.zh}总计`, en: `${check.table} ${row}.total` },
      cell: cellAt(report, check.table, row, 'total'),
      sign: 1,
    };
  });
}

function checkFigure(report: AnnualReport, figure: NarrativeFigure): Issue[] {
  if (typeof figure !== 'object' || figure === null) return [];
  const check = Object.hasOwn(NARRATIVE_CHECKS, figure.key) ? NARRATIVE_CHECKS[figure.key] : undefined;
  if (!check || typeof figure.value !== 'number' || !Number.isFinite(figure.value)) return [];
  const left = tableTerms(report, check);
  if (!anyNumber(left)) return [];
  const stated: Term = {
    ref: 'narrative',
    label: { zh: '正文', en: 'the text' },
    cell: { kind: 'number', value: figure.value },
    sign: 1,
  };
  const m = compareSides(left, [stated]);
  if (!m) return [];
  const rule = `narrative.${figure.key}`;
  const [onlyRow] = check.rows;
  const issue: Issue = {
    rule,
    severity: severityOf(m),
    report: report.id,
    table: check.table,
    ...(check.rows.length === 1 && onlyRow ? { row: onlyRow } : {}),
    column: 'total',
    expected: m.expected,
    found: m.found,
    message: {
      zh: `${rule}：正文称 ${m.found}（“${figure.text}”），但表中 ${describeSide(left, 'zh')} = ${m.expected}${blanksNote(m.blanks, 'zh')}${absentNote(m.absent, 'zh')}`,
      en: `${rule}: the text says ${m.found} ("${figure.text}"), but the table has ${describeSide(left, 'en')} = ${m.expected}${blanksNote(m.blanks, 'en')}${absentNote(m.absent, 'en')}`,
    },
    cells: left.map((t) => t.ref),
    ...(figure.source ? { source: figure.source } : {}),
  };
  if (m.blanks.length) issue.blanksAsZero = m.blanks;
  if (m.absent.length) issue.absent = m.absent;
  return [issue];
}

export function narrativeIssues(report: AnnualReport): Issue[] {
  const figures = Array.isArray(report.narrative) ? report.narrative : [];
  return figures.flatMap((figure) => checkFigure(report, figure));
}
