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
}

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

export const count = (name: string, label: Text, note?: string, required = false): ColumnSpec =>
  col({ name, label, type: 'integer', minimum: 0, required, ...(note ? { note } : {}) });

