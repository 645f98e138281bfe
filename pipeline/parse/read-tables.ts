/** Read the three tables' cells from their sections, given the edition. Pure; throws InputError on what it cannot read. */
import { InputError, describeLocation } from '../errors.ts';
import type { TextCell } from '../ingest/types.ts';
import type { Cell, TableCells } from '../model/report.ts';
import {
  APPEALS,
  APPLICATIONS,
  type Edition,
  PROACTIVE,
  type RowDef,
  type TableDef,
  columnDef,
  columnsOf,
  rowsOf,
} from '../model/template.ts';
import { alignRows, labelScore } from './align.ts';
import { readValue } from './read-value.ts';
import { type DataRow, rowsWithoutValues, segmentRows } from './segment.ts';
import { labelRecall } from './normalize.ts';
import { placeByPosition } from './place-by-position.ts';

/** Below this, a printed label does not name the template row it was matched to. */
const MIN_LABEL_SCORE = 0.3;
/** A row of blanks is kept only when its label names a template row this well. */
const MIN_BLANK_ROW_SCORE = 0.5;

function tableName(table: TableDef): string {
  return `table ${table.zh.slice(0, 1)} (${table.zh.slice(2)})`;
}

function readCells(table: TableDef, row: RowDef, edition: Edition, values: readonly TextCell[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  columnsOf(table, row, edition).forEach((code, k) => {
    const cell = values[k];
    out[code] = cell ? readValue(cell.text, { money: columnDef(table, code).money }, cell.at) : { kind: 'blank', value: null, raw: '' };
  });
  return out;
}

function isBlankRow(row: DataRow): boolean {
  return row.values.every((v) => v.text.trim() === '');
}

/** Align a labelled table's data rows to the edition's rows and check what was matched. */
function matchRows(file: string, table: TableDef, edition: Edition, rows: DataRow[], cells: readonly TextCell[]): Map<RowDef, DataRow> {
  const defs = rowsOf(table, edition);
  const kept = rows.filter((r) => !isBlankRow(r) || Math.max(...defs.map((d) => labelScore(r, d))) >= MIN_BLANK_ROW_SCORE);
  const alignment = alignRows(kept, defs);
  if (!alignment) {
    throw new InputError(
      `${tableName(table)} has ${kept.length} rows of figures, more than the ${defs.length} rows of the ${edition} template: a layout xxgk does not know`,
      file,
      kept[defs.length]?.at,
    );
  }
  const matched = new Map<RowDef, DataRow>();
  kept.forEach((row, i) => {
    const def = defs[alignment.assigned[i]!]!;
    if (row.own !== '' && alignment.scores[i]! < MIN_LABEL_SCORE) {
      throw new InputError(
        `${tableName(table)}, ${describeLocation(row.at)}: row label "${row.own}" does not match the template row expected here ("${def.zh}")`,
        file,
        row.at,
      );
    }
    matched.set(def, row);
  });
  for (const def of defs) {
    if (matched.has(def) || mayBeMissing(def, matched, defs)) continue;
    const texts = rowsWithoutValues(cells).find((r) => labelRecall(r[0]!.text, def.zh) >= 0.8);
    if (texts) {
      throw new InputError(
        `${tableName(table)}, row "${def.zh}" (${describeLocation(texts[1]!.at)}): expected numbers, found text ${texts.slice(1).map((c) => `"${c.text}"`).join(', ')}`,
        file,
        texts[1]!.at,
      );
    }
    throw new InputError(
      `${tableName(table)}: row "${def.zh}" not found; expected every row of the ${edition} template (is the report cut off, or in a layout xxgk does not know?)`,
      file,
    );
  }
  return matched;
}

/** 2021 edition: （六）其他处理 may be printed as one row without its sub-rows, or as its sub-rows only. */
function mayBeMissing(def: RowDef, matched: Map<RowDef, DataRow>, defs: readonly RowDef[]): boolean {
  const subRows = defs.filter((d) => d.code.startsWith('other.'));
  if (subRows.length === 0) return false;
  const other = defs.find((d) => d.code === 'other')!;
  if (def === other) return subRows.every((d) => matched.has(d));
  if (subRows.includes(def)) return matched.has(other);
  return false;
}

function expectCount(file: string, table: TableDef, def: RowDef, row: DataRow, want: number): void {
  const extra = row.values.slice(want).filter((v) => v.text.trim() !== '');
  if (row.values.length < want || extra.length > 0) {
    throw new InputError(
      `${tableName(table)}, row "${def.zh}" (${describeLocation(row.at)}): expected ${want} values, found ${row.values.length}`,
      file,
      row.at,
    );
  }
}

export function readLabelledTable(file: string, table: TableDef, edition: Edition, cells: readonly TextCell[]): TableCells {
  const maxValues = Math.max(...rowsOf(table, edition).map((r) => columnsOf(table, r, edition).length));
  const rows = segmentRows(cells, maxValues, table === APPLICATIONS);
  const matched = matchRows(file, table, edition, rows, cells);
  const reference = [...matched.entries()].filter(([d, r]) => r.values.length === columnsOf(table, d, edition).length);
  const out: TableCells = {};
  for (const [def, row] of matched) {
    const want = columnsOf(table, def, edition).length;
    const values = row.values.length < want ? placeByPosition(row, want, reference.map(([, r]) => r)) ?? row.values : row.values;
    expectCount(file, table, def, { ...row, values }, want);
    out[def.code] = readCells(table, def, edition, values);
  }
  return out;
}

export function readProactive(file: string, edition: Edition, cells: readonly TextCell[]): TableCells {
  return readLabelledTable(file, PROACTIVE, edition, cells);
}

export function readApplications(file: string, edition: Edition, cells: readonly TextCell[]): TableCells {
  return readLabelledTable(file, APPLICATIONS, edition, cells);
}

/** Table 四 has one row of 15 figures and no row labels: the figures after its header, in template order. */
export function readAppeals(file: string, edition: Edition, cells: readonly TextCell[]): TableCells {
  const want = APPEALS.rows.length * APPEALS.columns.length;
  const rows = segmentRows(cells, want).filter((r) => !isBlankRow(r) || r.values.length === want);
  const values = rows.flatMap((r) => r.values);
  if (values.length !== want) {
    throw new InputError(
      `${tableName(APPEALS)}: expected ${want} figures (行政复议 and two kinds of 行政诉讼, 5 each), found ${values.length}`,
      file,
      rows[0]?.at,
    );
  }
  const out: TableCells = {};
  APPEALS.rows.forEach((row, r) => {
    out[row.code] = readCells(APPEALS, row, edition, values.slice(r * 5, r * 5 + 5));
  });
  return out;
}
