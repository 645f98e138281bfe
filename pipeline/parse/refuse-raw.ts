/**
 * Raw pdftotext output is read only when every cell reads exactly (or by the template's order and arithmetic): a
 * cell that cannot be read refuses the whole report, with the advice to run pdftotext -layout, which keeps the
 * table's columns. Pure.
 */
import { InputError, describeLocation } from '../errors.ts';
import type { AnnualReport } from '../model/report.ts';
import { TABLE_IDS, TABLES } from '../model/template.ts';

export const RAW_ADVICE = 'this looks like pdftotext without -layout; run pdftotext -layout';

export function refuseRaw(file: string, parse: () => AnnualReport): AnnualReport {
  let report: AnnualReport;
  try {
    report = parse();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(`${RAW_ADVICE} (${err.message})`, err.file ?? file, err.at);
  }
  for (const id of TABLE_IDS) {
    for (const [row, cells] of Object.entries(report.tables[id])) {
      for (const [column, cell] of Object.entries(cells)) {
        if (cell.kind !== 'text') continue;
        const at = cell.source ? ` (${describeLocation(cell.source)})` : '';
        throw new InputError(`${RAW_ADVICE} (table ${TABLES[id].zh.slice(0, 1)}, row ${row}, column ${column}${at}: ${cell.note ?? `"${cell.raw}" is not a figure`})`, file, cell.source);
      }
    }
  }
  return report;
}
