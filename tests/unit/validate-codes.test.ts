/** The project's code list (template.ts) has exactly the codes of the shared spec, when the spec is present. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED, skipWithoutShared } from '../helpers/shared.ts';
import { CONSISTENCY_RULES, EDITIONS, TABLES, TABLE_IDS, cellsOf } from '../../pipeline/model/template.ts';

const SPEC = join(SHARED, 'spec/codes.json');

interface SpecRow { code: string; formats?: string[] }
interface SpecColumn { code: string; formats?: string[]; rows?: string[] }
interface Spec {
  formats: Record<string, unknown>;
  tables: Record<string, { rows: SpecRow[]; columns: SpecColumn[] }>;
  consistency_rules: Array<{ id: string }>;
}

function loadSpec(): Spec | undefined {
  if (skipWithoutShared('the code list equals ../shared/spec/codes.json')) return undefined;
  return JSON.parse(readFileSync(SPEC, 'utf8')) as Spec;
}

const ALL = [...EDITIONS] as string[];

test('editions, tables, rows and columns match the spec', () => {
  const spec = loadSpec();
  if (!spec) return;
  assert.deepEqual(Object.keys(spec.formats), ALL);
  assert.deepEqual(Object.keys(spec.tables), [...TABLE_IDS]);
  for (const id of TABLE_IDS) {
    const table = TABLES[id];
    const want: Spec['tables'][string] = spec.tables[id]!;
    assert.deepEqual(table.rows.map((r) => [r.code, [...r.editions]]), want.rows.map((r) => [r.code, r.formats ?? ALL]),
      `${id} rows`);
    assert.deepEqual(table.columns.map((c) => [c.code, [...c.editions]]),
      want.columns.map((c) => [c.code, c.formats ?? ALL]), `${id} columns`);
  }
});

test('every (row, column) cell of every edition matches the spec', () => {
  const spec = loadSpec();
  if (!spec) return;
  for (const id of TABLE_IDS) {
    const want: Spec['tables'][string] = spec.tables[id]!;
    for (const edition of EDITIONS) {
      const expected: string[] = want.rows
        .filter((r) => (r.formats ?? ALL).includes(edition))
        .flatMap((r) => want.columns
          .filter((c) => (c.formats ?? ALL).includes(edition) && (c.rows ?? [r.code]).includes(r.code))
          .map((c) => `${r.code}.${c.code}`));
      const actual = cellsOf(TABLES[id], edition).map(({ row, column }) => `${row.code}.${column}`);
      assert.deepEqual(actual.sort(), expected.sort(), `${id} ${edition}`);
    }
  }
});

test('the consistency rule ids match the spec', () => {
  const spec = loadSpec();
  if (!spec) return;
  assert.deepEqual(CONSISTENCY_RULES.map((r) => r.id), spec.consistency_rules.map((r) => r.id));
});
