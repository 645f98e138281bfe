/**
 * The observations in Apache Parquet, one file per partition of observations.csv (data/observations/2023.parquet):
 * the same rows and columns, typed (year INT32, value DOUBLE), an empty CSV cell as null, flags as the CSV's text
 * joined with ";". What DuckDB, pandas and R arrow load at national scale. hyparquet-writer writes no clock time, so
 * the same rows give the same bytes. A partition's file is written a row group (ROW_GROUP rows) at a time as its
 * reports stream by (partition-writer.ts), so at most one row group's values are held, as columns, not the partition.
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import type { PartCollector } from './partition-writer.ts';
import { OBSERVATIONS_PARQUET, csvTableSpec, OBSERVATIONS_CSV } from './table-schemas.ts';
import { observationRows } from './to-csv.ts';
import type { CsvValue } from './to-csv-format.ts';
import { PARQUET_MEDIA_TYPE } from './to-datapackage.ts';

/** The Parquet type of each column of observations.csv, by column name. */
const TYPES: Record<string, 'STRING' | 'INT32' | 'DOUBLE'> = { year: 'INT32', value: 'DOUBLE' };

/** Rows per row group (the rows held in memory while a partition is written). */
const ROW_GROUP = 100_000;

type Cell = string | number | null;

/** A Parquet file written row by row: `add` buffers a row group's columns, `finish` gives the file's bytes. */
function parquetFile() {
  const spec = csvTableSpec(OBSERVATIONS_CSV)!.columns.map((c) => ({ name: c.name, type: TYPES[c.name] ?? 'STRING', nullable: !c.required }));
  const strings = spec.map((c) => c.type === 'STRING');
  const writer = new ByteWriter();
  const columnData = (data: Cell[][]): ColumnSource[] => spec.map((c, k) => ({ ...c, data: data[k]! }));
  let columns: Cell[][] = spec.map(() => []);
  const pq = new ParquetWriter({ writer, schema: schemaFromColumnData({ columnData: columnData(columns) }), createdBy: 'xxgk' });
  const flush = () => {
    if (columns[0]!.length === 0) return;
    void pq.write({ columnData: columnData(columns), rowGroupSize: ROW_GROUP });
    columns = spec.map(() => []);
  };
  return {
    add(row: readonly CsvValue[]) {
      for (let k = 0; k < spec.length; k++) {
        const v = row[k];
        columns[k]!.push(v === null || v === undefined || v === '' ? null : strings[k] ? (typeof v === 'string' ? v : String(v)) : typeof v === 'number' ? v : Number(v));
      }
      if (columns[0]!.length >= ROW_GROUP) flush();
    },
    finish(): Uint8Array {
      flush();
      void pq.finish();
      return new Uint8Array(writer.getBuffer());
    },
  };
}

/** The Parquet file of some observation rows (observations.csv's columns, in its order). */
export function observationsParquet(rows: readonly CsvValue[][]): Uint8Array {
  const file = parquetFile();
  for (const row of rows) file.add(row);
  return file.finish();
}

/** Writes the observation rows of a partition into its Parquet file as they come. */
export function observationsParquetCollector(): PartCollector {
  let file = parquetFile();
  return {
    table: OBSERVATIONS_PARQUET,
    mediaType: PARQUET_MEDIA_TYPE,
    add(r) {
      for (const row of observationRows(r)) file.add(row);
    },
    // Every cell with its type (a number as a list of its text, so that no string is taken for it; NaN and -0 included;
    // undefined apart from null): two prints are equal only for rows the file takes in alike.
    print: (r) => JSON.stringify(observationRows(r), (_key, v: unknown) => (typeof v === 'number' ? ['n', Object.is(v, -0) ? '-0' : String(v)] : v === undefined ? ['u'] : v)),
    async finish() {
      const bytes = file.finish();
      file = parquetFile();
      return bytes;
    },
  };
}
