/**
 * A small Frictionless Table Schema checker for tests: parses CSV properly (csv-parse, RFC 4180) and checks every row
 * against its schema: header, types, required, enum, pattern, minimum, unique, primary key and foreign keys.
 * Returns the problems found, each naming the table, the row (1-based, the header is row 1) and the field.
 */
import { parse } from 'csv-parse/sync';
import type { TableSchema, TableSchemaField } from '../../pipeline/datasets/table-schemas.ts';

export interface CheckedTable {
  /** Resource name (what foreign keys refer to). */
  name: string;
  csv: string;
  schema: TableSchema;
}

type Value = string | number | boolean | null;

/** Parse a CSV with a header (a leading BOM is dropped). Throws on malformed quoting or ragged rows. */
export function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

const TRUE = ['true', 'True', 'TRUE', '1'];
const FALSE = ['false', 'False', 'FALSE', '0'];

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The typed value of a cell, or an error message. */
function cast(field: TableSchemaField, raw: string): { value: Value } | { error: string } {
  switch (field.type) {
    case 'string': return { value: raw };
    case 'integer': return /^[+-]?\d+$/.test(raw) ? { value: Number(raw) } : { error: `"${raw}" is not an integer` };
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? { value: Number(raw) } : { error: `"${raw}" is not a number` };
    case 'boolean':
      return TRUE.includes(raw) ? { value: true } : FALSE.includes(raw) ? { value: false } : { error: `"${raw}" is not a boolean` };
    case 'date': return isDate(raw) ? { value: raw } : { error: `"${raw}" is not a date (YYYY-MM-DD)` };
    case 'year': return /^\d{4}$/.test(raw) ? { value: Number(raw) } : { error: `"${raw}" is not a year` };
  }
}

function checkCell(field: TableSchemaField, value: Value): string[] {
  const c = field.constraints ?? {};
  const out: string[] = [];
  if (value === null) return c.required ? ['is required but empty'] : [];
  if (c.enum && !c.enum.includes(String(value))) out.push(`"${value}" is not one of the ${c.enum.length} allowed values`);
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(String(value))) out.push(`"${value}" does not match ${c.pattern}`);
  if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) out.push(`${value} is below the minimum ${c.minimum}`);
  return out;
}

interface Typed { name: string; schema: TableSchema; rows: Value[][] }

function typedTable(t: CheckedTable, problems: string[]): Typed {
  const where = (row: number, field?: string) => `${t.name} row ${row}${field ? ` field ${field}` : ''}`;
  let records: string[][];
  try {
    records = parseCsv(t.csv);
  } catch (e) {
    problems.push(`${t.name}: not a well-formed CSV: ${(e as Error).message}`);
    return { name: t.name, schema: t.schema, rows: [] };
  }
  const [header = [], ...body] = records;
  const names = t.schema.fields.map((f) => f.name);
  if (header.join('\u0000') !== names.join('\u0000')) problems.push(`${t.name}: header [${header}] is not the fields [${names}]`);
  const missing = new Set(t.schema.missingValues);
  const rows = body.map((record, i) => {
    const row = i + 2;
    if (record.length !== names.length) problems.push(`${where(row)}: ${record.length} cells, expected ${names.length}`);
    return t.schema.fields.map((field, k) => {
      const raw = record[k] ?? '';
      const typed: { value: Value } | { error: string } = missing.has(raw) ? { value: null } : cast(field, raw);
      if ('error' in typed) {
        problems.push(`${where(row, field.name)}: ${typed.error}`);
        return null;
      }
      for (const p of checkCell(field, typed.value)) problems.push(`${where(row, field.name)}: ${p}`);
      return typed.value;
    });
  });
  t.schema.fields.forEach((field, k) => {
    if (!field.constraints?.unique) return;
    const seen = new Set<Value>();
    rows.forEach((r, i) => {
      const v = r[k] ?? null;
      if (v !== null && seen.has(v)) problems.push(`${where(i + 2, field.name)}: "${v}" is not unique`);
      seen.add(v);
    });
  });
  return { name: t.name, schema: t.schema, rows };
}

const tuple = (row: Value[], idx: number[]) => JSON.stringify(idx.map((k) => row[k] ?? null));

/** Check tables together (foreign keys resolve by resource name among them). Empty when all rows fit. */
export function checkTables(tables: CheckedTable[]): string[] {
  const problems: string[] = [];
  const typed = new Map(tables.map((t) => [t.name, typedTable(t, problems)]));
  const index = (t: Typed, fields: string[]) => fields.map((f) => {
    const k = t.schema.fields.findIndex((x) => x.name === f);
    if (k < 0) problems.push(`${t.name}: key field ${f} is not a field`);
    return k;
  });
  for (const t of typed.values()) {
    const pk = index(t, t.schema.primaryKey);
    const seen = new Set<string>();
    t.rows.forEach((r, i) => {
      if (pk.some((k) => r[k] === null)) problems.push(`${t.name} row ${i + 2}: primary key has an empty cell`);
      const key = tuple(r, pk);
      if (seen.has(key)) problems.push(`${t.name} row ${i + 2}: primary key ${key} is not unique`);
      seen.add(key);
    });
    for (const fk of t.schema.foreignKeys ?? []) {
      const target = typed.get(fk.reference.resource);
      if (!target) {
        problems.push(`${t.name}: foreign key refers to missing resource ${fk.reference.resource}`);
        continue;
      }
      const local = index(t, fk.fields);
      const referenced = index(target, fk.reference.fields);
      const known = new Set(target.rows.map((r) => tuple(r, referenced)));
      t.rows.forEach((r, i) => {
        if (local.some((k) => r[k] === null)) return;
        const key = tuple(r, local);
        if (!known.has(key)) problems.push(`${t.name} row ${i + 2}: ${key} is not in ${target.name}`);
      });
    }
  }
  return problems;
}
