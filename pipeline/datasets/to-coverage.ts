/** data/coverage.csv from the coverage rows (coverage.ts). Pure. */
import type { CoverageRow } from './coverage.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { csvHeader, csvTableSpec } from './table-schemas.ts';
import { csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';

export function coverageCsv(rows: readonly CoverageRow[]): string {
  const spec = csvTableSpec(COVERAGE_CSV)!;
  const records = rows.map((r) => spec.columns.map((c) => {
    if (!(c.name in r)) throw new Error(`coverage.csv: no value for column ${c.name}`);
    return (r as unknown as Record<string, CsvValue>)[c.name] ?? null;
  }));
  return csvHead(csvHeader(COVERAGE_CSV)) + csvRecords(records);
}
