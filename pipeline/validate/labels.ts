/** Short zh/en names of rows and columns for messages. Pure. */
import { TABLES, type TableId } from '../model/template.ts';

/** "（二）部分公开（区分处理的…）" → "部分公开"; "1.属于国家秘密" → "属于国家秘密"; "一、本年新收…" → "本年新收…". */
function stripNumbering(zh: string): string {
  return zh
    .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/u, '')
    .replace(/（[^）]*）$/u, '')
    .trim();
}

export function rowLabel(table: TableId, code: string): { zh: string; en: string } {
  const row = TABLES[table].rows.find((r) => r.code === code);
  const en = code.replace(/_/g, ' ');
  if (!row) return { zh: code, en };
  const own = stripNumbering(row.zh);
  const group = row.group?.startsWith('（') ? stripNumbering(row.group) : '';
  return { zh: group ? `${group}·${own}` : own, en };
}

export function columnLabel(table: TableId, code: string): { zh: string; en: string } {
  const column = TABLES[table].columns.find((c) => c.code === code);
  return { zh: column ? stripNumbering(column.zh) : code, en: code.replace(/_/g, ' ') };
}

export function tableLabel(table: TableId): string {
  return TABLES[table].zh;
}
