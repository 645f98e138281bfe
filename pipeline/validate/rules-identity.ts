/**
 * Issues about a report's identity rather than its figures: renderings of one report that disagree on a value, and
 * a body that published last year's report but not this year's (a printed name the registry cannot resolve:
 * agencies/agency-issue.ts, given when the name is resolved). Pure.
 */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport, Cell } from '../model/report.ts';
import { TABLE_IDS, type TableId } from '../model/template.ts';
import { columnLabel, rowLabel } from './labels.ts';

/** One report read from several renderings: the value of a cell in each. */
export interface Disagreement {
  report: string;
  table: TableId;
  row: string;
  column: string;
  values: Array<{ source: string; cell: Cell | undefined }>;
}

function shown(cell: Cell | undefined, lang: 'zh' | 'en'): string {
  if (!cell || cell.kind === 'absent') return lang === 'zh' ? '未列出' : 'not printed';
  if (cell.value !== null) return String(cell.value);
  if (cell.kind === 'not_applicable') return `"${cell.raw ?? '-'}"`;
  if (cell.kind === 'text') return `"${cell.raw ?? ''}"`;
  return lang === 'zh' ? '空白' : 'blank';
}

export function disagreementIssue(d: Disagreement): Issue {
  const where = { zh: `${rowLabel(d.table, d.row).zh} · ${columnLabel(d.table, d.column).zh}`, en: `${d.row}.${d.column}` };
  const list = (lang: 'zh' | 'en') => d.values.map((v) => `${v.source}: ${shown(v.cell, lang)}`).join(lang === 'zh' ? '；' : '; ');
  const [first, second] = d.values;
  const sourceOf = d.values.find((v) => v.cell?.source)?.cell?.source;
  return {
    rule: 'renderings.disagree', severity: 'error', report: d.report, table: d.table, row: d.row, column: d.column,
    expected: first?.cell?.value ?? null, found: second?.cell?.value ?? null,
    cells: [`${d.row}.${d.column}`],
    message: {
      zh: `同一报告的不同文件在"${where.zh}"上数值不一致：${list('zh')}`,
      en: `the renderings of this report disagree on ${where.en}: ${list('en')}`,
    },
    ...(sourceOf ? { source: sourceOf } : {}),
  };
}

/** The cells on which two renderings of one report differ (value, or printed vs not printed). */
export function disagreements(id: string, reports: readonly AnnualReport[]): Disagreement[] {
  const [first, ...rest] = reports;
  if (!first) return [];
  const out: Disagreement[] = [];
  for (const other of rest) {
    for (const table of TABLE_IDS) {
      const rows = new Set([...Object.keys(first.tables[table]), ...Object.keys(other.tables[table])]);
      for (const row of rows) {
        const columns = new Set([...Object.keys(first.tables[table][row] ?? {}), ...Object.keys(other.tables[table][row] ?? {})]);
        for (const column of columns) {
          const a = first.tables[table][row]?.[column];
          const b = other.tables[table][row]?.[column];
          if ((a?.value ?? null) === (b?.value ?? null)) continue;
          out.push({ report: id, table, row, column, values: [
            { source: first.sources[0]!.name, cell: a },
            { source: other.sources[0]!.name, cell: b },
          ] });
        }
      }
    }
  }
  return out;
}

/** The same body's report for the next year is missing, though other bodies have reports for that year. */
export function missingIssue(report: AnnualReport, nextYear: number, seen: number): Issue {
  const name = report.body?.name ?? report.agency;
  return {
    rule: 'cross_year.missing', severity: 'warning', report: report.id, expected: nextYear, found: null,
    message: {
      zh: `${name}已发布 ${report.year} 年报告，但未找到其 ${nextYear} 年报告（已有 ${seen} 份其他机关的 ${nextYear} 年报告）`,
      en: `${name} published a ${report.year} report but no ${nextYear} report was found (${seen} other bodies have ${nextYear} reports)`,
    },
  };
}
