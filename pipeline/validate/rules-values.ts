/** Rules about single values and the report as a whole: value.not_a_number, value.note, edition.year_mismatch. Pure. */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { type Edition, TABLE_IDS } from '../model/template.ts';
import { isCell } from './terms.ts';

/** A cell as the rules below see it: what is not a cell is the schema's to report. */
type LooseCell = { kind?: unknown; note?: unknown; value?: unknown; raw?: string; source?: Issue['source'] };

/**
 * Every cell of the report's tables, with its place, read without trusting the report's shape (these rules run on
 * reports the schema may refuse): what cellAt gives, without looking each row up again.
 */
function eachCell(report: AnnualReport, visit: (table: (typeof TABLE_IDS)[number], row: string, column: string, cell: LooseCell) => void): void {
  const tables = (report as { tables?: unknown }).tables;
  if (typeof tables !== 'object' || tables === null) return;
  for (const table of TABLE_IDS) {
    const rows = (tables as Record<string, unknown>)[table];
    if (typeof rows !== 'object' || rows === null) continue;
    for (const row of Object.keys(rows)) {
      const cells = (rows as Record<string, unknown>)[row];
      if (typeof cells !== 'object' || cells === null) continue;
      for (const column of Object.keys(cells)) {
        const cell = (cells as Record<string, unknown>)[column];
        if (typeof cell === 'object' && cell !== null) visit(table, row, column, cell as LooseCell);
      }
    }
  }
}

/** Every cell that printed something that is not a number. */
export function notANumber(report: AnnualReport): Issue[] {
  const issues: Issue[] = [];
  eachCell(report, (table, row, column, cell) => {
    if (cell.kind !== 'text' || !isCell(cell)) return;
    const raw = cell.raw ?? '';
    issues.push({
      rule: 'value.not_a_number',
      severity: 'error',
      report: report.id,
      table,
      row,
      column,
      expected: 'a number',
      found: raw,
      cells: [`${row}.${column}`],
      message: {
        zh: `${table}.${row}.${column}：“${raw}”不是数字`,
        en: `${table}.${row}.${column}: "${raw}" is not a number`,
      },
      ...(cell.source ? { source: cell.source } : {}),
    });
  });
  return issues;
}

/**
 * Every cell that prints a note beside its figure ("5（含转办2件）", "0注", "3*" with a footnote): the figure is read
 * (5, 0, 3) and the note kept in `note`; a warning, so that a reader sees the note before using the figure.
 */
export function notePrinted(report: AnnualReport): Issue[] {
  const issues: Issue[] = [];
  eachCell(report, (table, row, column, cell) => {
    if (cell.kind !== 'number' || typeof cell.note !== 'string' || !isCell(cell)) return;
    const raw = cell.raw ?? '';
    issues.push({
      rule: 'value.note',
      severity: 'warning',
      report: report.id,
      table,
      row,
      column,
      expected: cell.value,
      found: raw,
      cells: [`${row}.${column}`],
      message: {
        zh: `${table}.${row}.${column}：单元格“${raw}”在数字旁印有注释“${cell.note}”，读作 ${cell.value}；使用前请核对原表的注释或脚注`,
        en: `${table}.${row}.${column}: the cell "${raw}" prints a note ("${cell.note}") beside its figure, read as ${cell.value}: check the note or footnote in the source before using it`,
      },
      ...(cell.source ? { source: cell.source } : {}),
    });
  });
  return issues;
}

/** The edition a report of this year should use: 2019 for 2019–2020 reports, 2021 from 2021 on. */
export function editionForYear(year: number): Edition {
  return year >= 2021 ? '2021' : '2019';
}

export function yearMismatch(report: AnnualReport): Issue[] {
  if (typeof report.year !== 'number') return [];
  const expected = editionForYear(report.year);
  if (report.edition === expected) return [];
  return [{
    rule: 'edition.year_mismatch',
    severity: 'warning',
    report: report.id,
    expected,
    found: report.edition,
    message: {
      zh: `${report.year}年度报告应使用${expected}年版格式，但识别出的是${report.edition}年版（2019年版用于2019—2020年度报告，2021年版用于2021年度起）`,
      en: `a ${report.year} report should use the ${expected} edition, but the ${report.edition} edition was detected (the 2019 edition is for 2019–2020 reports, the 2021 edition for 2021 on)`,
    },
  }];
}
