/**
 * The template rows a report does not print: rows whose every cell is `absent`. The 2021 edition's （六）其他处理
 * may be printed as one row or as its three sub-rows (both are seen), so its sub-rows are not missing while the row
 * itself is printed, and the row is not missing while it is derived from printed sub-rows. Pure.
 */
import type { Tables } from './report.ts';
import { type Edition, TABLE_IDS, TABLES, type TableId, columnsOf, rowsOf } from './template.ts';

export interface MissingRows {
  table: TableId;
  /** Row codes, in template order. */
  rows: string[];
}

/** True when no cell of the row is printed: all absent (or, with `derivedToo`, absent or derived). */
function notPrinted(tables: Tables, table: TableId, row: string, derivedToo = false): boolean {
  const cells: unknown = (tables[table] as Record<string, unknown> | undefined)?.[row];
  if (cells === undefined) return true;
  if (typeof cells !== 'object' || cells === null) return false;
  return Object.values(cells as Record<string, { kind?: unknown } | null>).every((c) => c?.kind === 'absent' || (derivedToo && c?.kind === 'derived'));
}

export function missingRows(edition: Edition, tables: Tables): MissingRows[] {
  const out: MissingRows[] = [];
  for (const id of TABLE_IDS) {
    const def = TABLES[id];
    const otherPrinted = id === 'applications' && !notPrinted(tables, id, 'other', true);
    // One loop, not filter … map: those arrays change kind with what they hold (none or some), and each kind first met
    // after a caller was compiled threw its compiled code away.
    let rows: string[] | undefined;
    for (const row of rowsOf(def, edition)) {
      if (columnsOf(def, row, edition).length === 0 || (otherPrinted && row.code.startsWith('other.'))) continue;
      if (notPrinted(tables, id, row.code)) (rows ??= []).push(row.code);
    }
    if (rows !== undefined) out.push({ table: id, rows });
  }
  return out;
}
