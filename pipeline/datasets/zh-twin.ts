/**
 * The Chinese twin of a CSV (data/<name>-zh.csv): the same rows, headers in Chinese, and beside every coded column
 * (table, row, column, kind) a column with the code's Chinese label. The twin's rows are made from the English
 * CSV's rows, so the two cannot differ in anything but the labels. Pure.
 */
import type { ColumnSpec, CsvTableSpec } from './table-columns.ts';
import type { CsvValue } from './to-csv-format.ts';
import { zhLabel } from './zh-labels.ts';

export const zhPath = (path: string): string => path.replace(/\.csv$/, '-zh.csv');

function twinColumns(c: ColumnSpec): ColumnSpec[] {
  if (!c.coded) return [{ ...c, header: c.label.zh }];
  const code: ColumnSpec = { ...c, header: `${c.label.zh}代码`, label: { zh: `${c.label.zh}代码`, en: `${c.label.en} code` } };
  const label: ColumnSpec = {
    name: `${c.name}_zh`, header: c.label.zh, label: { zh: c.label.zh, en: `${c.label.en} (Chinese label)` },
    type: 'string', required: c.required, labels: c.name,
    note: `the Chinese label of the code in ${c.name}, as the national template prints it`,
  };
  return [code, label];
}

/** The description of the Chinese twin of a CSV. */
export function zhTwin(spec: CsvTableSpec): CsvTableSpec {
  return {
    ...spec,
    path: zhPath(spec.path),
    name: `${spec.name}-zh`,
    title: { zh: `${spec.title.zh}（中文表头）`, en: `${spec.title.en} (Chinese header and labels)` },
    description: {
      zh: `${spec.description.zh}（中文表头；代码列旁附中文名称列。）`,
      en: `${spec.description.en} Chinese header; every code column is followed by a column with the code's Chinese label.`,
    },
    columns: spec.columns.flatMap(twinColumns),
    twinOf: spec.path,
  };
}

/**
 * How to make a twin's row from a row of the English CSV: one getter per twin column. A label column looks up its
 * code column; row and column codes are labelled within the row's table (the `table` column, or `table` given).
 */
export function twinRow(en: CsvTableSpec, zh: CsvTableSpec, table?: string): (row: readonly CsvValue[]) => CsvValue[] {
  const at = (name: string) => {
    const k = en.columns.findIndex((c) => c.name === name);
    if (k < 0) throw new Error(`${zh.path}: no column ${name} in ${en.path}`);
    return k;
  };
  const tableAt = en.columns.findIndex((c) => c.name === 'table');
  const getters = zh.columns.map((c): ((row: readonly CsvValue[]) => CsvValue) => {
    if (!c.labels) {
      const k = at(c.name);
      return (row) => row[k] ?? null;
    }
    const k = at(c.labels);
    const list = en.columns[k]!.coded!;
    // The labels found so far, by table then code: the same few hundred codes label every report's rows.
    const found = new Map<unknown, Map<string, string>>();
    return (row) => {
      const code = row[k];
      if (code === null || code === undefined) return null;
      const text = String(code);
      const of = table ?? (tableAt >= 0 ? row[tableAt] : undefined);
      let labels = found.get(of);
      const known = labels?.get(text);
      if (known !== undefined) return known;
      const label = zhLabel(list, text, of);
      if (label === null) throw new Error(`${zh.path}: no Chinese label for ${c.labels} ${text}`);
      if (!labels) found.set(of, (labels = new Map()));
      labels.set(text, label);
      return label;
    };
  });
  return (row) => {
    const out: CsvValue[] = new Array(getters.length);
    for (let k = 0; k < getters.length; k++) out[k] = getters[k]!(row);
    return out;
  };
}
