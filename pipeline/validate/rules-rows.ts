/** table.row_missing: the template rows a report does not print (their cells are absent). Pure. */
import type { Issue } from '../model/issue.ts';
import { missingRows } from '../model/missing-rows.ts';
import type { AnnualReport } from '../model/report.ts';
import { TABLES, columnsOf, rowDef } from '../model/template.ts';

/** One warning per table, naming its rows that are not printed, with every cell of them in `cells`. */
export function rowMissing(report: AnnualReport): Issue[] {
  const issues: Issue[] = [];
  if (typeof report.tables !== 'object' || report.tables === null) return issues;
  // A loop into an array literal, not map: map's array is of another kind when there is nothing to map, and a
  // compiled caller that met that kind late was thrown away (the literal's kind is the same either way).
  for (const { table, rows } of missingRows(report.edition, report.tables)) {
    const def = TABLES[table];
    let zh = '';
    let en = '';
    for (const [k, code] of rows.entries()) {
      zh += `${k > 0 ? '、' : ''}${rowDef(def, code).zh}（${code}）`;
      en += `${k > 0 ? ', ' : ''}${rowDef(def, code).zh} (${code})`;
    }
    const [heading, name] = [def.zh.slice(0, 1), def.zh.slice(2)];
    issues.push({
      rule: 'table.row_missing',
      severity: 'warning',
      report: report.id,
      table,
      expected: `every row of the ${report.edition} template`,
      found: `${rows.length === 1 ? 'row' : 'rows'} not printed: ${rows.join(', ')}`,
      cells: rows.flatMap((code) => columnsOf(def, rowDef(def, code), report.edition).map((column) => `${code}.${column}`)),
      message: {
        zh: `表${heading}（${name}）未列出${zh}：这些单元格为“原表无此项”（absent），不按 0 计`,
        en: `table ${heading} (${name}) does not print ${rows.length === 1 ? 'the row' : 'the rows'} ${en}: their cells are absent, not 0`,
      },
    } satisfies Issue);
  }
  return issues;
}
