/**
 * Build a canonical AnnualReport from compact values: per table, row code → column code → a number, null (blank),
 * a printed string ("-", "4156.93万元", "22（其中修订 16 件）") or a Cell. Used by the structured (JSON/YAML) input,
 * the synthetic report generator and tests. Throws InputError for codes the edition does not have. Pure.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import { readValue } from '../ingest/read-value.ts';
import { completeTables } from '../model/complete.ts';
import type { AnnualReport, Cell, NarrativeFigure, Source, TableCells, Tables } from '../model/report.ts';
import { reportId } from '../model/report-id.ts';
import { EDITIONS, TABLES, TABLE_IDS, type Edition, type TableId, columnDef, columnsOf, rowsOf } from '../model/template.ts';

export type CompactValue = number | null | string | Cell;
export type CompactTable = Record<string, Record<string, CompactValue>>;

export interface CompactReport {
  id?: string;
  agency: string;
  region?: string;
  year: number;
  published?: string | null;
  edition: Edition;
  tables: Partial<Record<TableId, CompactTable>>;
  narrative?: NarrativeFigure[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON with object keys sorted at every level (RFC 8785 style): the same input always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The synthetic source of a report built from values: the sha256 and size of its canonical JSON. */
export function valuesSource(compact: CompactReport): Source {
  const text = canonicalJson(compact);
  return {
    name: 'values',
    mediaType: 'application/json',
    rendering: 'json',
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

function toCell(value: unknown, money: boolean, pointer: string, file: string | undefined): Cell {
  const source = { pointer };
  if (value === null) return { kind: 'blank', value: null, source };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputError(`${pointer}: expected a finite number, got ${value}`, file, source);
    return { kind: 'number', value, source };
  }
  if (typeof value === 'string') return readValue(value, { money }, source);
  if (isObject(value)) return { ...(value as unknown as Cell) };
  throw new InputError(`${pointer}: expected a number, null, a printed string or a cell object`, file, source);
}

function convertTable(id: TableId, edition: Edition, given: unknown, file: string | undefined): TableCells {
  const table = TABLES[id];
  const base = `/tables/${id}`;
  if (!isObject(given)) throw new InputError(`${base}: expected an object keyed by row codes`, file, { pointer: base });
  const rows = rowsOf(table, edition);
  const out: TableCells = {};
  for (const [rowCode, columns] of Object.entries(given)) {
    const pointer = `${base}/${escapePointer(rowCode)}`;
    const row = rows.find((r) => r.code === rowCode);
    if (!row) {
      const expected = rows.map((r) => r.code).join(', ');
      throw new InputError(`${pointer}: unknown row "${rowCode}" for the ${edition} edition; expected one of: ${expected}`,
        file, { pointer });
    }
    if (!isObject(columns)) throw new InputError(`${pointer}: expected an object keyed by column codes`, file, { pointer });
    const allowed = columnsOf(table, row, edition);
    const cells: Record<string, Cell> = {};
    for (const [columnCode, value] of Object.entries(columns)) {
      const at = `${pointer}/${escapePointer(columnCode)}`;
      if (!allowed.includes(columnCode)) {
        throw new InputError(`${at}: unknown column "${columnCode}" for ${id}.${rowCode} in the ${edition} edition; `
          + `expected one of: ${allowed.join(', ')}`, file, { pointer: at });
      }
      cells[columnCode] = toCell(value, columnDef(table, columnCode).money === true, at, file);
    }
    out[rowCode] = cells;
  }
  return out;
}

export function reportFromValues(compact: CompactReport, source?: Source): AnnualReport {
  const file = source?.name;
  if (!(EDITIONS as readonly string[]).includes(compact.edition)) {
    throw new InputError(`/edition: unknown edition "${String(compact.edition)}"; expected one of: ${EDITIONS.join(', ')}`,
      file, { pointer: '/edition' });
  }
  const given: unknown = compact.tables ?? {};
  if (!isObject(given)) throw new InputError('/tables: expected an object', file, { pointer: '/tables' });
  const found: Partial<Tables> = {};
  for (const [id, table] of Object.entries(given)) {
    if (!(TABLE_IDS as readonly string[]).includes(id)) {
      throw new InputError(`/tables/${escapePointer(id)}: unknown table "${id}"; expected one of: ${TABLE_IDS.join(', ')}`,
        file, { pointer: `/tables/${escapePointer(id)}` });
    }
    if (table === undefined) continue;
    found[id as TableId] = convertTable(id as TableId, compact.edition, table, file);
  }
  return {
    id: compact.id ?? reportId(compact.agency, compact.year),
    agency: compact.agency,
    ...(compact.region !== undefined ? { region: compact.region } : {}),
    year: compact.year,
    published: compact.published ?? null,
    edition: compact.edition,
    sources: [source ?? valuesSource(compact)],
    tables: completeTables(compact.edition, found),
    narrative: (compact.narrative ?? []).map((f) => ({ ...f })),
  };
}
