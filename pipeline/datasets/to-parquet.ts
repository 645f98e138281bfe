/**
 * The observations in Apache Parquet, one file per partition of observations.csv (data/observations/2023.parquet):
 * the same rows and columns, typed (year INT32, value DOUBLE), an empty CSV cell as null, flags as the CSV's text
 * joined with ";". What DuckDB, pandas and R arrow load at national scale. hyparquet-writer writes no clock time, so
 * the same rows give the same bytes. The rows of the current partition are held in memory (a partition stays under
 * the size bound), then written when it closes (partition-writer.ts).
 */
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import type { PartCollector } from './partition-writer.ts';
import { OBSERVATIONS_PARQUET, csvTableSpec, OBSERVATIONS_CSV } from './table-schemas.ts';
import { observationRows } from './to-csv.ts';
import type { CsvValue } from './to-csv-format.ts';
import { PARQUET_MEDIA_TYPE } from './to-datapackage.ts';

/** The Parquet type of each column of observations.csv, by column name. */
const TYPES: Record<string, 'STRING' | 'INT32' | 'DOUBLE'> = { year: 'INT32', value: 'DOUBLE' };

/** The Parquet file of some observation rows (observations.csv's columns, in its order). */
export function observationsParquet(rows: readonly CsvValue[][]): Uint8Array {
  const columns = csvTableSpec(OBSERVATIONS_CSV)!.columns;
  const columnData: ColumnSource[] = columns.map((c, k) => {
    const type = TYPES[c.name] ?? 'STRING';
    const data = rows.map((r) => {
      const v = r[k];
      if (v === null || v === undefined || v === '') return null;
      if (type === 'STRING') return String(v);
      return typeof v === 'number' ? v : Number(v);
    });
    return { name: c.name, data, type, nullable: !c.required };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'xxgk', rowGroupSize: 100_000 }));
}

/** Collects the observation rows of a partition and writes its Parquet file. */
export function observationsParquetCollector(): PartCollector {
  let rows: CsvValue[][] = [];
  return {
    table: OBSERVATIONS_PARQUET,
    mediaType: PARQUET_MEDIA_TYPE,
    add(r) {
      for (const row of observationRows(r)) rows.push(row);
    },
    async finish() {
      const bytes = observationsParquet(rows);
      rows = [];
      return bytes;
    },
  };
}
