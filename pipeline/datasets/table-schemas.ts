/**
 * Every CSV of the release, described once: its columns (header, labels, type, constraints), keys and titles.
 * The CSV writers take their headers from here, and the Frictionless Table Schemas (datapackage.json) and CSVW
 * metadata are generated from it, so the three cannot drift apart. Pure.
 */
import { TABLES, TABLE_IDS, type ColumnDef, type TableDef, type TableId } from '../model/template.ts';
import { C, col, count, type ColumnSpec, type CsvTableSpec, type FieldType } from './table-columns.ts';
import { COVERAGE } from './table-schemas-coverage.ts';
import { REGIONS, TIMESERIES, TIMESERIES_CSV } from './table-schemas-series.ts';
import { partitionOf } from './partitions.ts';
import { OBSERVATION_KINDS } from './zh-labels.ts';
import { zhTwin } from './zh-twin.ts';

export type { ColumnSpec, CsvTableSpec, FieldType } from './table-columns.ts';

export const REPORTS_CSV = 'data/reports.csv';
export const OBSERVATIONS_CSV = 'data/observations.csv';
export const WIDE_TABLES: readonly TableId[] = ['applications', 'proactive', 'appeals'];
export const OBSERVATIONS_ZH_CSV = 'data/observations-zh.csv';
export const widePath = (table: TableId, zh: boolean): string => `data/${table}${zh ? '-zh' : ''}.csv`;
export const OBSERVATIONS_NDJSON = 'feed/observations.ndjson';
export const OBSERVATIONS_PARQUET = 'data/observations.parquet';
/** The reports index: a small file naming its parts (feed/reports/<year>.json), which list the reports. */
export const REPORTS_FEED = 'feed/reports.json';

/**
 * The tables written in partitions (partitions.ts): a folder of files per table, never the table's own path — except
 * feed/reports.json, which stays as the index of its parts. Every table that grows with the number of reports is
 * here, and all break at the same reports.
 */
export const PARTITIONED: ReadonlySet<string> = new Set([
  OBSERVATIONS_CSV, OBSERVATIONS_ZH_CSV, ...WIDE_TABLES.flatMap((t) => [widePath(t, false), widePath(t, true)]),
  OBSERVATIONS_NDJSON, OBSERVATIONS_PARQUET, REPORTS_CSV, TIMESERIES_CSV, REPORTS_FEED,
]);

/** The table a file of the release belongs to: the partitioned table of a partition's file, else the file itself. */
export function tableOf(path: string): string {
  const p = partitionOf(path);
  return p && PARTITIONED.has(p.table) ? p.table : path;
}

const unique = (codes: string[]): string[] => [...new Set(codes)];
const ROW_CODES = unique(TABLE_IDS.flatMap((t) => TABLES[t].rows.map((r) => r.code)));
const COLUMN_CODES = unique(TABLE_IDS.flatMap((t) => TABLES[t].columns.map((c) => c.code)));

function valueColumn(c: ColumnDef): ColumnSpec {
  const note = c.signed ? 'signed change' : c.money ? 'amount in 万元 (10,000 yuan)' : 'count';
  return col({ name: c.code, label: { zh: c.zh, en: c.en }, type: c.money ? 'number' : 'integer',
    unit: c.money ? { zh: '万元', en: '10,000 yuan' } : { zh: '件（项、个）', en: 'count' },
    ...(c.signed ? {} : { minimum: 0 }), note: `${note}; empty when the cell is blank, "-" or the row has no such column` });
}

const OBSERVATIONS: CsvTableSpec = {
  path: OBSERVATIONS_CSV,
  name: 'observations',
  title: { zh: '逐格数据（表二、表三、表四）', en: 'Observations: every cell of tables 二, 三 and 四' },
  description: {
    zh: '每份报告表二、表三、表四中印出或由印出格推导的每一格一行（长表）；kind 说明该格是数字、空白、“-”、文字还是推导值，raw 为印出的原文；flags 列出涉及该格的校验规则。',
    en: 'Tidy data: one row per cell of every report that the source prints or that is derived from printed cells, in template order; kind tells a number from a blank, a "-", text or a derived value, raw is the cell as printed; flags lists the consistency rules that touch the cell.',
  },
  row: { zh: '一份报告的一个单元格', en: 'one cell of one report' },
  columns: [
    C.report_id, C.agency, C.region, C.year, C.edition,
    col({ name: 'table', label: { zh: '表', en: 'Table' }, type: 'string', required: true, enum: TABLE_IDS,
      coded: 'table', note: 'proactive = 二, applications = 三, appeals = 四' }),
    col({ name: 'row', label: { zh: '项目', en: 'Row' }, type: 'string', required: true, enum: ROW_CODES, coded: 'row',
      note: 'row code' }),
    col({ name: 'column', label: { zh: '栏目', en: 'Column' }, type: 'string', required: true, enum: COLUMN_CODES,
      coded: 'column', note: 'column code' }),
    col({ name: 'value', label: { zh: '数值', en: 'Value' }, type: 'number',
      unit: { zh: '件（项、个）；金额栏为万元', en: 'count; 万元 (10,000 yuan) in the amount columns' },
      note: 'counts, signed changes (items_change may be negative) or 万元 amounts; empty when blank, "-" or text' }),
    col({ name: 'kind', label: { zh: '类型', en: 'Kind' }, type: 'string', required: true, enum: OBSERVATION_KINDS,
      coded: 'kind',
      note: 'number: printed number; blank: printed empty; not_applicable: printed "-" (or —, /, 无); text: printed text that is not a number; derived: not printed, computed from printed cells; inferred: inferred from the report\'s other figures' }),
    col({ name: 'raw', label: { zh: '原文', en: 'Raw' }, type: 'string',
      note: 'the cell as printed, trimmed ("1,234", "-", "无"); empty for blank and derived cells and for structured input (JSON, YAML), which prints nothing' }),
    col({ name: 'flags', label: { zh: '校验标记', en: 'Flags' }, type: 'string', separator: ';',
      note: 'ids of the rules whose warnings or errors touch this cell, joined with ";"' }),
  ],
  primaryKey: ['report_id', 'table', 'row', 'column'],
  refersToReports: true,
};

function wide(table: TableDef): CsvTableSpec {
  const columns = [
    C.report_id, C.agency, C.year, C.edition,
    col({ name: 'row', label: { zh: '项目', en: 'Row' }, type: 'string', required: true,
      enum: table.rows.map((r) => r.code), coded: 'row', note: 'row code' }),
    ...table.columns.map(valueColumn),
  ];
  return {
    path: widePath(table.id, false),
    name: table.id,
    title: { zh: table.zh, en: table.en },
    description: {
      zh: `${table.zh}：每份报告每个项目一行，列同官方表格，表头为代码；未印出的格为空。`,
      en: `Table ${table.zh.slice(0, 1)} as the template prints it: one row per report and row, one column per column code; header of codes; empty where the source prints nothing or the row has no such column.`,
    },
    row: { zh: '一份报告的表' + table.zh.slice(0, 1) + '的一个项目（行）', en: `one row of table ${table.zh.slice(0, 1)} of one report` },
    columns,
    primaryKey: ['report_id', 'row'],
    refersToReports: true,
  };
}

const REPORTS: CsvTableSpec = {
  path: REPORTS_CSV,
  name: 'reports',
  title: { zh: '报告清单', en: 'Reports' },
  description: {
    zh: '每份报告一行：元数据、主要数字、校验结果和来源。',
    en: 'One row per report: metadata, headline figures, validation status and sources.',
  },
  row: { zh: '一份年度报告', en: 'one annual report' },
  columns: [
    { ...C.report_id, unique: true }, C.agency, C.region, C.year, C.edition,
    col({ name: 'published', label: { zh: '发布日期', en: 'Published' }, type: 'date', note: 'as printed' }),
    count('received', { zh: '本年新收申请数量', en: 'Requests received' }, '三（一）, total column'),
    count('granted', { zh: '予以公开数量', en: 'Requests granted' }, '三（三）（一）, total column'),
    count('handled', { zh: '办理总数', en: 'Requests handled' }, '三（三）（七）总计, total column'),
    count('reconsiderations', { zh: '行政复议数量', en: 'Reconsiderations' }, '四, total of administrative reconsideration'),
    count('lawsuits', { zh: '行政诉讼数量', en: 'Lawsuits' }, '四, both litigation totals'),
    col({ name: 'valid', label: { zh: '校验通过', en: 'Valid' }, type: 'boolean', required: true,
      note: 'true when validation found no error' }),
    count('errors', { zh: '错误数', en: 'Errors' }, 'issues of severity error', true),
    count('warnings', { zh: '警告数', en: 'Warnings' }, 'issues of severity warning', true),
    col({ name: 'flags', label: { zh: '警告规则', en: 'Flags' }, type: 'string', separator: ';',
      note: 'rule ids of the warnings, sorted, joined with ";"' }),
    col({ name: 'sources', label: { zh: '来源', en: 'Sources' }, type: 'string', separator: ';',
      note: 'names of the source files, joined with ";"' }),
    col({ name: 'json', label: { zh: '报告 JSON', en: 'Report JSON' }, type: 'string', required: true,
      note: 'path of the report\'s canonical JSON, relative to the release root' }),
  ],
  primaryKey: ['report_id'],
  refersToReports: false,
};

/** Every CSV of the release, sorted by path. */
export const CSV_TABLES: readonly CsvTableSpec[] = [
  OBSERVATIONS,
  zhTwin(OBSERVATIONS),
  REPORTS,
  TIMESERIES,
  REGIONS,
  COVERAGE,
  ...WIDE_TABLES.flatMap((t) => [wide(TABLES[t]), zhTwin(wide(TABLES[t]))]),
].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** The description of a CSV, by its path or the path of one of its partitions. */
export function csvTableSpec(path: string): CsvTableSpec | undefined {
  const table = tableOf(path);
  return CSV_TABLES.find((t) => t.path === table);
}

/** The header line's cells of a CSV. */
export function csvHeader(path: string): string[] {
  const spec = csvTableSpec(path);
  if (!spec) throw new Error(`no table description for ${path}`);
  return spec.columns.map((c) => c.header);
}

export const columnDescription = (c: ColumnSpec): string => `${c.label.zh} / ${c.label.en}${c.note ? `: ${c.note}` : ''}`;

export interface TableSchemaField {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number; pattern?: string };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
}

function field(c: ColumnSpec): TableSchemaField {
  const constraints: NonNullable<TableSchemaField['constraints']> = {};
  if (c.required) constraints.required = true;
  if (c.unique) constraints.unique = true;
  if (c.enum) constraints.enum = [...c.enum];
  if (c.minimum !== undefined) constraints.minimum = c.minimum;
  if (c.pattern) constraints.pattern = c.pattern;
  return { name: c.header, type: c.type, title: c.label.en, description: columnDescription(c),
    ...(Object.keys(constraints).length ? { constraints } : {}) };
}

/** The Frictionless v2 Table Schema of a CSV; the foreign key to reports.csv only when the package has it. */
export function tableSchema(spec: CsvTableSpec, withReports: boolean): TableSchema {
  const header = (name: string) => spec.columns.find((c) => c.name === name)!.header;
  return {
    fields: spec.columns.map(field),
    missingValues: [''],
    primaryKey: spec.primaryKey.map(header),
    ...(spec.refersToReports && withReports
      ? { foreignKeys: [{ fields: [header('report_id')], reference: { resource: REPORTS.name, fields: ['report_id'] } }] }
      : {}),
  };
}
