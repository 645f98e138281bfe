/**
 * The data dictionary of the release's CSVs: for every file what one row is, its keys, its Chinese twin, and every
 * column with its zh/en title, its header in the twin, type, unit and definition; and the code lists the code
 * columns use. Made from the same descriptions (table-schemas.ts) as the headers, the Table Schemas and the CSVW
 * metadata, so it cannot drift from them. Pure data; to-dictionary-md.ts renders it.
 */
import { TABLES, TABLE_IDS, type Edition, type TableId } from '../model/template.ts';
import { definitionZh } from './dictionary-zh.ts';
import type { FieldType } from './table-columns.ts';
import { CSV_TABLES, csvTableSpec } from './table-schemas.ts';
import type { Text } from './types.ts';
import { KIND_LABELS, OBSERVATION_KINDS, rowLabel } from './zh-labels.ts';
import { zhPath } from './zh-twin.ts';

export interface DictionaryColumn {
  name: string;
  title: Text;
  /** The headers this column gets in the Chinese twin: the label, or for a code column the code and its label. */
  zhHeaders: string[];
  type: FieldType;
  unit?: Text;
  required: boolean;
  /** The allowed values when they are few (edition, scope, level…); code columns point to the code lists. */
  values?: readonly string[];
  codeList?: 'table' | 'row' | 'column' | 'kind';
  /** zh from dictionary-zh.ts (empty when missing: a test forbids it), en the column's note. */
  definition: Text;
}

export interface DictionaryFile {
  path: string;
  /** The Chinese twin (same rows, Chinese headers, labels beside the codes), when the file has one. */
  zhPath?: string;
  title: Text;
  description: Text;
  row: Text;
  primaryKey: string[];
  columns: DictionaryColumn[];
}

export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
  editions?: readonly Edition[];
}

export interface CodeTable {
  table: TableId;
  title: Text;
  rows: CodeEntry[];
  columns: CodeEntry[];
}

/** An enum short enough to print in the dictionary; longer ones are the code lists. */
const FEW_VALUES = 8;

export function dictionaryFiles(): DictionaryFile[] {
  return CSV_TABLES.filter((t) => !t.twinOf).map((spec) => {
    const twin = csvTableSpec(zhPath(spec.path));
    const zhHeaders = (name: string): string[] =>
      twin ? twin.columns.filter((c) => c.name === name || c.labels === name).map((c) => c.header) : [];
    return {
      path: spec.path,
      ...(twin ? { zhPath: twin.path } : {}),
      title: spec.title,
      description: spec.description,
      row: spec.row ?? { zh: '', en: '' },
      primaryKey: spec.primaryKey,
      columns: spec.columns.map((c): DictionaryColumn => ({
        name: c.name,
        title: c.label,
        zhHeaders: zhHeaders(c.name),
        type: c.type,
        ...(c.unit ? { unit: c.unit } : {}),
        required: c.required,
        ...(c.coded ? { codeList: c.coded } : c.enum && c.enum.length <= FEW_VALUES ? { values: c.enum } : {}),
        definition: {
          zh: definitionZh(spec.path, c.name) ?? '',
          en: [c.note, c.pattern ? `pattern ${c.pattern}` : ''].filter(Boolean).join('; '),
        },
      })),
    };
  });
}

/** The table, row and column codes of the national template, with the labels the Chinese twins print. */
export function codeTables(): CodeTable[] {
  return TABLE_IDS.map((id) => {
    const t = TABLES[id];
    return {
      table: id,
      title: { zh: t.zh, en: t.en },
      rows: t.rows.map((r) => ({ code: r.code, zh: rowLabel(id, r.code)!, en: r.en, editions: r.editions })),
      columns: t.columns.map((c) => ({ code: c.code, zh: c.zh, en: c.en, editions: c.editions })),
    };
  });
}

/** The kinds of cell in observations.csv. */
export const cellKinds = (): Array<CodeEntry & { note: string }> =>
  OBSERVATION_KINDS.map((k) => ({ code: k, zh: KIND_LABELS[k].zh, en: KIND_LABELS[k].en, note: KIND_LABELS[k].note }));

export const TYPE_NAMES: Record<FieldType, Text> = {
  string: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'integer' },
  number: { zh: '数值', en: 'number' },
  boolean: { zh: '是否（true/false）', en: 'boolean (true/false)' },
  date: { zh: '日期（YYYY-MM-DD）', en: 'date (YYYY-MM-DD)' },
  year: { zh: '年份', en: 'year' },
};

/** How every CSV writes its cells: what a journalist needs before opening one. */
export const CONVENTIONS: readonly Text[] = [
  {
    zh: '随报告数量增长的表（observations、三张宽表及其中文表头版、reports、timeseries）按报告年度分文件：data/<表>.csv 实际位于文件夹 data/<表>/ 中，每年一个文件（data/observations/2024.csv），一年的文件超过 50 MiB 时在报告边界处续为 2024-2.csv、2024-3.csv ……；各表在同一份报告处分开，每个文件都有表头。文件清单见 datapackage.json（资源的 path 数组）和 data/<表>/csv-metadata.json。读取全部：pandas 用 pd.concat(pd.read_csv(f, dtype=str) for f in sorted(glob.glob("data/observations/*.csv")))；DuckDB 用 SELECT * FROM read_csv(\'data/observations/*.csv\') 或 read_parquet(\'data/observations/*.parquet\')。regions.csv 和 coverage.csv 为单个文件。',
    en: 'The tables that grow with the number of reports (observations, the three wide tables and their Chinese twins, reports, timeseries) come in one file per report year: data/<table>.csv is a folder data/<table>/ with a file a year (data/observations/2024.csv), and a year over 50 MiB continues at a report boundary in 2024-2.csv, 2024-3.csv, …; every table breaks at the same report, and every file has the header row. The lists: datapackage.json (the resource\'s path array) and data/<table>/csv-metadata.json. To load them all: pandas pd.concat(pd.read_csv(f, dtype=str) for f in sorted(glob.glob("data/observations/*.csv"))); DuckDB SELECT * FROM read_csv(\'data/observations/*.csv\') or read_parquet(\'data/observations/*.parquet\'). regions.csv and coverage.csv are single files.',
  },
  {
    zh: '编码为 UTF-8（带 BOM），逗号分隔，CRLF 换行，只有一行表头。Excel 和 WPS 双击即可正确打开；LibreOffice 导入时请把字符集选为 UTF-8。',
    en: 'UTF-8 with a BOM, comma-separated, CRLF line ends, one header row. Excel and WPS open it directly; in LibreOffice choose UTF-8 as the character set when importing.',
  },
  {
    zh: '空单元格表示没有数值：报告该格空白、印“-”（或“—”“/”“无”）、印了文字，或没有这一栏。observations.csv 的 kind 列说明是哪一种，raw 列是印出的原文。“-”从不作为数值写入。',
    en: 'An empty cell means there is no number: the report leaves the cell blank, prints "-" (or "—", "/", "无") or text, or has no such column. In observations.csv the kind column says which, and raw holds what was printed. "-" is never written as a value.',
  },
  {
    zh: '推导值（kind = derived）不是报告印出的，而是由印出的格计算得出（例如报告漏印的合计）；推断值（kind = inferred）由解析器根据报告的其他数字推断。汇总列（如 refused）为若干格之和时，空白或“-”格按 0 计，全部未印出数字时为空；其中有报告未列出的行（见校验结果 table.row_missing）时也为空。',
    en: 'A derived value (kind = derived) is not printed but computed from printed cells (a total the report leaves out); an inferred value (kind = inferred) is inferred by the parser from the report\'s other figures. A column that sums several cells (refused, …) counts blank or "-" cells among printed numbers as 0, and is empty when none holds a number, or when one of them is in a row the report does not print (see table.row_missing in the validation result).',
  },
  {
    zh: '数字不带千分位；金额单位为万元；占比为小数（0.0425 即 4.25%），四舍五入到 4 位。',
    en: 'Numbers have no thousands separators; amounts are in 万元 (10,000 yuan); shares are decimals (0.0425 = 4.25 %) rounded half up to 4 places.',
  },
  {
    zh: 'table、row、column、kind 列为代码（见下文代码表）；中文表头版（*-zh.csv）在每个代码列旁另有一列中文名称。',
    en: 'The table, row, column and kind columns hold codes (see the code lists below); the Chinese twins (*-zh.csv) print the Chinese label beside every code column.',
  },
  {
    zh: '多个值用“;”连接（flags、sources）。以 =、+、-、@ 开头的文字前加一个“\'”，防止表格软件把它当作公式。',
    en: 'Lists are joined with ";" (flags, sources). Text starting with =, +, - or @ gets a leading "\'" so spreadsheets do not run it as a formula.',
  },
];
