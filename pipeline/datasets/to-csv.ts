/**
 * The CSV datasets: observations.csv (tidy, one row per cell), the wide tables shaped like the official ones (with a
 * header of codes, and again with a header of Chinese labels), streamed one report at a time; and reports.csv, one
 * row per report, built from the summaries a part at a time (report-parts.ts). Pure.
 */
import type { Cell } from '../model/report.ts';
import { TABLES, TABLE_IDS, cellsOf, columnsOf, rowsOf, type Edition, type RowDef, type TableId } from '../model/template.ts';
import { cellFlags, flagIndex } from './flags.ts';
import { CSV_MEDIA_TYPE, csvHead, csvRecords, type CsvValue } from './to-csv-format.ts';
import { OBSERVATIONS_CSV, REPORTS_CSV, WIDE_TABLES, csvHeader, csvTableSpec, widePath } from './table-schemas.ts';
import { twinRow, zhPath } from './zh-twin.ts';
import type { ReportSummary, StreamedFile, ValidatedReport } from './types.ts';

/** A cell's number: printed, derived or inferred; null for blank, "-", text and absent cells. */
function numberOf(cell: Cell | undefined): number | null {
  return cell && cell.kind !== 'absent' ? cell.value ?? null : null;
}

function streamed(path: string, chunk: (r: ValidatedReport) => CsvValue[][]): StreamedFile {
  return {
    path,
    mediaType: CSV_MEDIA_TYPE,
    head: () => csvHead(csvHeader(path)),
    chunk: (r) => csvRecords(chunk(r)),
    tail: () => '',
  };
}

/** The template's cells and rows by table and edition, computed once (they are asked for every report). */
const cellsByEdition = new Map<string, ReturnType<typeof cellsOf>>();
function templateCells(table: TableId, edition: Edition): ReturnType<typeof cellsOf> {
  const key = `${table}/${edition}`;
  let cells = cellsByEdition.get(key);
  if (!cells) cellsByEdition.set(key, (cells = cellsOf(TABLES[table], edition)));
  return cells;
}

/** A wide table's rows in an edition, each with its columns as a set. */
const wideByEdition = new Map<string, Array<{ row: RowDef; has: ReadonlySet<string> }>>();
function wideTemplate(table: TableId, edition: Edition): Array<{ row: RowDef; has: ReadonlySet<string> }> {
  const key = `${table}/${edition}`;
  let rows = wideByEdition.get(key);
  if (!rows) {
    const def = TABLES[table];
    wideByEdition.set(key, (rows = rowsOf(def, edition).map((row) => ({ row, has: new Set(columnsOf(def, row, edition)) }))));
  }
  return rows;
}

/** The last report's observation rows: observations.csv, its twin and the Parquet file take the same rows. */
let lastObservations: { r: ValidatedReport; rows: CsvValue[][] } | undefined;

/** observations.csv rows of one report: every cell but the absent ones, in template order. */
export function observationRows(r: ValidatedReport): CsvValue[][] {
  if (lastObservations?.r === r) return lastObservations.rows;
  const { report, validation } = r;
  const flags = flagIndex(validation.issues);
  const rows: CsvValue[][] = [];
  for (const table of TABLE_IDS) {
    const cellsOfTable = report.tables[table];
    for (const { row, column } of templateCells(table, report.edition)) {
      const cell = cellsOfTable[row.code]?.[column];
      if (!cell || cell.kind === 'absent') continue;
      rows.push([report.id, report.agency, report.region ?? null, report.year, report.edition, table, row.code, column,
        numberOf(cell), cell.kind, cell.raw ?? null, cellFlags(flags, table, row.code, column)]);
    }
  }
  lastObservations = { r, rows };
  return rows;
}

/** Wide rows of one report's table: one per row of its edition that the source prints, a cell per column code. */
function wideRows({ report }: ValidatedReport, table: TableId): CsvValue[][] {
  const def = TABLES[table];
  const rows: CsvValue[][] = [];
  for (const { row, has } of wideTemplate(table, report.edition)) {
    const cells = report.tables[table][row.code] ?? {};
    let printed = false;
    for (const c of has) {
      if (cells[c] && cells[c].kind !== 'absent') {
        printed = true;
        break;
      }
    }
    if (!printed) continue;
    const record: CsvValue[] = [report.id, report.agency, report.year, report.edition, row.code];
    for (const c of def.columns) record.push(has.has(c.code) ? numberOf(cells[c.code]) : null);
    rows.push(record);
  }
  return rows;
}

/** A CSV and its Chinese twin, whose rows are the CSV's rows with labels beside the codes (made once per report). */
function withTwin(path: string, rowsOf: (r: ValidatedReport) => CsvValue[][], table?: TableId): StreamedFile[] {
  const twin = twinRow(csvTableSpec(path)!, csvTableSpec(zhPath(path))!, table);
  let last: { r: ValidatedReport; rows: CsvValue[][] } | undefined;
  const rows = (r: ValidatedReport) => (last?.r === r ? last.rows : (last = { r, rows: rowsOf(r) }).rows);
  return [streamed(path, rows), streamed(zhPath(path), (r) => rows(r).map(twin))];
}

/** The CSVs streamed over the reports, sorted by path. */
export function csvFiles(): StreamedFile[] {
  return [
    ...withTwin(OBSERVATIONS_CSV, observationRows),
    ...WIDE_TABLES.flatMap((t) => withTwin(widePath(t, false), (r) => wideRows(r, t), t)),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A file of data/reports.csv's parts (data/reports/<year>.csv): one row per report, in the given order (year, then id). */
export function reportsCsv(reports: readonly ReportSummary[]): string {
  const spec = csvTableSpec(REPORTS_CSV)!;
  const rows = reports.map((s) => {
    const record: Record<string, CsvValue> = {
      report_id: s.id, agency: s.agency, region: s.region, year: s.year, edition: s.edition, published: s.published,
      ...s.headline,
      valid: s.valid, errors: s.errors, warnings: s.warnings, flags: s.flags.join(';'), sources: s.sources.join(';'),
      json: s.json.path,
    };
    return spec.columns.map((c) => {
      if (!(c.name in record)) throw new Error(`reports.csv: no value for column ${c.name}`);
      return record[c.name] ?? null;
    });
  });
  return csvHead(csvHeader(REPORTS_CSV)) + csvRecords(rows);
}
