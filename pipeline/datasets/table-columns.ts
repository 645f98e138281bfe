/**
 * The parts every CSV description is made of: the column description, the table description, and the columns
 * several CSVs share. Pure data.
 */
import { EDITIONS } from '../model/template.ts';
import type { Text } from './types.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'year';

export interface ColumnSpec {
  /** Identifier: the English header, the CSVW column name, the key other descriptions use. */
  name: string;
  /** What the CSV prints in its header row: the name, or the Chinese label in the -zh files. */
  header: string;
  label: Text;
  /** Extra explanation (English) for the description. */
  note?: string;
  type: FieldType;
  required: boolean;
  unique?: boolean;
  enum?: readonly string[];
  minimum?: number;
  pattern?: string;
  /** The cell holds a list joined with this character. */
  separator?: string;
  /** Unit of a number column (for the data dictionary): 件, 万元, a share. */
  unit?: Text;
  /**
   * The column holds a code of the template's code list (table, row, column) or of the cell kinds: the Chinese twin
   * of its CSV prints the Chinese label beside it (zh-labels.ts).
   */
  coded?: CodeList;
  /** In a Chinese twin: the column holds the Chinese label of the codes in column `labels`. */
  labels?: string;
}

export type CodeList = 'table' | 'row' | 'column' | 'kind';

export interface CsvTableSpec {
  path: string;
  /** Resource name in datapackage.json. */
  name: string;
  title: Text;
  description: Text;
  columns: ColumnSpec[];
  /** Column names of the primary key. */
  primaryKey: string[];
  /** report_id refers to data/reports.csv. */
  refersToReports: boolean;
  /** A Chinese twin: the path of the CSV whose rows it repeats with Chinese headers and labels (zh-twin.ts). */
  twinOf?: string;
  /** What one row is (the data dictionary's words). */
  row?: Text;
}

type Spec = Omit<ColumnSpec, 'header' | 'required'> & { required?: boolean };
export const col = (spec: Spec): ColumnSpec => ({ ...spec, header: spec.name, required: spec.required ?? false });

export const C = {
  report_id: col({ name: 'report_id', label: { zh: '报告编号', en: 'Report id' }, type: 'string', required: true,
    note: 'stable id <agency slug>-<year>; the report\'s JSON is reports/<year>/<report_id>.json' }),
  agency: col({ name: 'agency', label: { zh: '机关', en: 'Agency' }, type: 'string', required: true, note: 'as printed' }),
  region: col({ name: 'region', label: { zh: '行政区划代码', en: 'Region' }, type: 'string', pattern: '^[0-9]{6}$',
    note: 'GB/T 2260 administrative division code, when known' }),
  year: col({ name: 'year', label: { zh: '年度', en: 'Year' }, type: 'year', required: true, note: 'the year reported on' }),
  edition: col({ name: 'edition', label: { zh: '格式版本', en: 'Template edition' }, type: 'string', required: true,
    enum: EDITIONS, note: 'edition of the national report template' }),
};

export const COUNT_UNIT: Text = { zh: '件', en: 'count' };

export const count = (name: string, label: Text, note?: string, required = false): ColumnSpec =>
  col({ name, label, type: 'integer', minimum: 0, required, unit: COUNT_UNIT, ...(note ? { note } : {}) });

