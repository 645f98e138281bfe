/**
 * Raw pdftotext output is read as far as the template's order and arithmetic allow: a cell that cannot be read is
 * flagged (kind "text", its note saying why) and carries the advice to run pdftotext -layout, which keeps the table's
 * columns; the other cells are read. A table that cannot be read at all refuses the report, with the same advice.
 * Pure.
 */
import { InputError } from '../errors.ts';
import type { AnnualReport } from '../model/report.ts';
import { TABLE_IDS } from '../model/template.ts';

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
    for (const cells of Object.values(report.tables[id])) {
      for (const [column, cell] of Object.entries(cells)) {
        if (cell.kind !== 'text') continue;
        cells[column] = { ...cell, note: `${cell.note ?? `"${cell.raw}" is not a figure`} (${RAW_ADVICE} to read it)` };
      }
    }
  }
  return report;
}
