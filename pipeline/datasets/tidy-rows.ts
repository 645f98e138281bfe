/** The tidy form of a report: one row per cell the source prints (or that is derived from printed cells). Pure. */
import type { AnnualReport } from '../model/report.ts';
import { TABLE_IDS, type TableId } from '../model/template.ts';

export interface TidyRow {
  report_id: string;
  year: number;
  edition: string;
  table: TableId;
  row: string;
  column: string;
  /** The value; null for a blank, a "-" mark or text. */
  value: number | null;
  kind: string;
  /** The cell as printed. */
  raw?: string;
}

export function tidyRows(report: AnnualReport): TidyRow[] {
  const out: TidyRow[] = [];
  for (const table of TABLE_IDS) {
    for (const [row, cells] of Object.entries(report.tables[table])) {
      for (const [column, cell] of Object.entries(cells)) {
        if (cell.kind === 'absent') continue;
        out.push({
          report_id: report.id, year: report.year, edition: report.edition, table, row, column, value: cell.value, kind: cell.kind,
          ...(cell.raw !== undefined ? { raw: cell.raw } : {}),
        });
      }
    }
  }
  return out;
}
