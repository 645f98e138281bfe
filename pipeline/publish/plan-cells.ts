/** Cell by cell comparison of two versions of a report document: the corrections the release notes list. Pure. */
import type { ValidatedReport } from '../datasets/types.ts';
import type { Cell, TableCells } from '../model/report.ts';
import { TABLE_IDS } from '../model/template.ts';
import type { CellCorrection } from './types.ts';

/** The keys of a then b, in their order, each once. */
const union = (a: object | undefined, b: object | undefined): string[] => [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];

const valueOf = (cell: Cell | undefined): number | null => cell?.value ?? null;

/** Every cell whose value differs, in template order (the new report's rows and columns first). */
export function correctedCells(before: ValidatedReport, after: ValidatedReport): CellCorrection[] {
  const out: CellCorrection[] = [];
  for (const table of TABLE_IDS) {
    const oldTable: TableCells | undefined = before.report.tables[table];
    const newTable: TableCells | undefined = after.report.tables[table];
    for (const row of union(newTable, oldTable)) {
      for (const column of union(newTable?.[row], oldTable?.[row])) {
        const old = valueOf(oldTable?.[row]?.[column]);
        const value = valueOf(newTable?.[row]?.[column]);
        if (old !== value) out.push({ report: after.report.id, table, row, column, old, new: value });
      }
    }
  }
  return out;
}

/** What else differs between two versions of a report: metadata keys, cells (when no value did), validation. */
export function otherChanges(before: ValidatedReport, after: ValidatedReport, valuesChanged: boolean): string[] {
  const out: string[] = [];
  const { tables: oldTables, ...oldMeta } = before.report;
  const { tables: newTables, ...newMeta } = after.report;
  for (const key of union(newMeta, oldMeta)) {
    const a = JSON.stringify((oldMeta as Record<string, unknown>)[key] ?? null);
    const b = JSON.stringify((newMeta as Record<string, unknown>)[key] ?? null);
    if (a !== b) out.push(key);
  }
  if (!valuesChanged && JSON.stringify(oldTables) !== JSON.stringify(newTables)) out.push('cells (kind, printed text or source)');
  if (JSON.stringify(before.validation) !== JSON.stringify(after.validation)) out.push('validation');
  return out;
}
