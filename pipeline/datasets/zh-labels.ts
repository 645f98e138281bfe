/**
 * The Chinese labels of the codes the CSVs print: tables, rows and columns of the template (pipeline/model/template.ts)
 * and the kinds of cell. The Chinese twins (*-zh.csv) print them beside the codes, so that a reader in Excel or WPS
 * sees "（三）不予公开 1.属于国家秘密" where the code is denied.state_secret. Pure.
 */
import { TABLES, TABLE_IDS, type TableId } from '../model/template.ts';
import type { CodeList } from './table-columns.ts';
import type { Text } from './types.ts';

/**
 * What a cell of observations.csv is: the parser's cell kinds (pipeline/model/report.ts) without "absent" (an absent
 * cell has no row), and "inferred" (a value the parser inferred from the report's other figures).
 */
export const OBSERVATION_KINDS = ['number', 'blank', 'not_applicable', 'text', 'derived', 'inferred'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export const KIND_LABELS: Record<ObservationKind, Text & { note: string }> = {
  number: { zh: '数字', en: 'Number', note: 'a number was printed (0 included); value holds it' },
  blank: { zh: '空白', en: 'Blank', note: 'the cell is printed empty; value is empty' },
  not_applicable: { zh: '不适用（“-”）', en: 'Not applicable', note: 'the cell prints "-", "—", "/" or "无"; value is empty, raw holds the mark' },
  text: { zh: '文字', en: 'Text', note: 'the cell prints something that is not a number (a validation error); value is empty, raw holds the text' },
  derived: { zh: '推导', en: 'Derived', note: 'not printed: computed from printed cells (a total the report leaves out); raw is empty' },
  inferred: { zh: '推断', en: 'Inferred', note: 'not printed as a number: inferred by the parser from the report\'s other figures; raw holds what was printed' },
};

const isTable = (t: unknown): t is TableId => typeof t === 'string' && (TABLE_IDS as readonly string[]).includes(t);

/** The template's label of a row: its group heading first, when it has one ("（三）不予公开 1.属于国家秘密"). */
export function rowLabel(table: TableId, code: string): string | null {
  const row = TABLES[table].rows.find((r) => r.code === code);
  if (!row) return null;
  return row.group ? `${row.group} ${row.zh}` : row.zh;
}

export function columnLabel(table: TableId, code: string): string | null {
  return TABLES[table].columns.find((c) => c.code === code)?.zh ?? null;
}

/** The Chinese label of a code; `table` is the table the row or column code belongs to. Null for an unknown code. */
export function zhLabel(list: CodeList, code: string, table?: unknown): string | null {
  switch (list) {
    case 'table': return isTable(code) ? TABLES[code].zh : null;
    case 'kind': return (KIND_LABELS as Record<string, Text>)[code]?.zh ?? null;
    case 'row': return isTable(table) ? rowLabel(table, code) : null;
    case 'column': return isTable(table) ? columnLabel(table, code) : null;
  }
}
