/** Short zh/en names of rows and columns for messages. Pure. */
import { TABLES, type TableId } from '../model/template.ts';

/** "（二）部分公开（区分处理的…）" → "部分公开"; "1.属于国家秘密" → "属于国家秘密"; "一、本年新收…" → "本年新收…". */
function stripNumbering(zh: string): string {
  return zh
    .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])/u, '')
    .replace(/（[^）]*）$/u, '')
    .trim();
}

/**
 * A label by table and code, made once: the rules name every cell they sum (table 三's rules name some 300 a report).
 * Codes outside the template are not kept (bounded memory). The label is shared: read it, never change it.
 */
function labelled(make: (table: TableId, code: string) => { zh: string; en: string }) {
  const made = new Map<TableId, Map<string, { zh: string; en: string }>>();
  return (table: TableId, code: string): { zh: string; en: string } => {
    let codes = made.get(table);
    if (!codes) made.set(table, (codes = new Map()));
    let label = codes.get(code);
    if (!label) {
      label = make(table, code);
      if (codes.size < 1024) codes.set(code, label);
    }
    return label;
  };
}

export const rowLabel = labelled((table, code) => {
  const row = TABLES[table].rows.find((r) => r.code === code);
  const en = code.replace(/_/g, ' ');
  if (!row) return { zh: code, en };
  const own = stripNumbering(row.zh);
  const group = row.group?.startsWith('（') ? stripNumbering(row.group) : '';
  return { zh: group ? `${group}·${own}` : own, en };
});

export const columnLabel = labelled((table, code) => {
  const column = TABLES[table].columns.find((c) => c.code === code);
  return { zh: column ? stripNumbering(column.zh) : code, en: code.replace(/_/g, ' ') };
});

export function tableLabel(table: TableId): string {
  return TABLES[table].zh;
}
