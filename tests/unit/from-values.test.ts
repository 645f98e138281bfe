import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { type CompactReport, canonicalJson, reportFromValues } from '../../pipeline/parse/from-values.ts';
import type { Source } from '../../pipeline/model/report.ts';
import { TABLES, cellsOf } from '../../pipeline/model/template.ts';
import { liaocheng2020 } from '../helpers/liaocheng-2020.ts';

function small(): CompactReport {
  return {
    agency: '测试市测试局',
    year: 2022,
    edition: '2021',
    tables: {
      applications: {
        received: { natural_person: 3, total: '3件', other_org: null, legal_service_org: '-' },
        'other.other': { natural_person: 1 },
      },
      proactive: { administrative_fees: { fee_amount_10k_yuan: '251000元' } },
      appeals: { reconsideration: { upheld: { kind: 'number', value: 1, raw: '1', source: { line: 7 } } } },
    },
  };
}

test('numbers, nulls, printed strings and cells become cells with their JSON pointer', () => {
  const report = reportFromValues(small());
  const received = report.tables.applications.received!;
  assert.deepEqual(received.natural_person,
    { kind: 'number', value: 3, source: { pointer: '/tables/applications/received/natural_person' } });
  assert.deepEqual(received.total,
    { kind: 'number', value: 3, raw: '3件', source: { pointer: '/tables/applications/received/total' } });
  assert.equal(received.other_org?.kind, 'blank');
  assert.equal(received.other_org?.value, null);
  assert.equal(received.legal_service_org?.kind, 'not_applicable');
  assert.equal(received.commercial_enterprise?.kind, 'absent');
  // money: 元 converted to 万元
  assert.equal(report.tables.proactive.administrative_fees?.fee_amount_10k_yuan?.value, 25.1);
  assert.equal(report.tables.proactive.administrative_fees?.fee_amount_10k_yuan?.unit, '元');
  // cells are kept as given
  assert.deepEqual(report.tables.appeals.reconsideration?.upheld, { kind: 'number', value: 1, raw: '1', source: { line: 7 } });
});

test('the tables are completed to the edition\'s full shape, with other derived in 2021', () => {
  const report = reportFromValues(small());
  for (const id of ['proactive', 'applications', 'appeals'] as const) {
    const expected = cellsOf(TABLES[id], '2021').map(({ row, column }) => `${row.code}.${column}`);
    const actual = Object.entries(report.tables[id]).flatMap(([row, cells]) => Object.keys(cells).map((c) => `${row}.${c}`));
    assert.deepEqual(actual, expected, id);
  }
  // Only one of （六）'s three parts printed: a sum of the printed parts could be wrong, so （六） stays absent.
  assert.equal(report.tables.applications.other!.natural_person!.kind, 'absent');
  const compact = small();
  Object.assign(compact.tables.applications!, { 'other.no_correction': { natural_person: 2 }, 'other.fee_unpaid': { natural_person: 0 } });
  const other = reportFromValues(compact).tables.applications.other!.natural_person!;
  assert.equal(other.kind, 'derived');
  assert.equal(other.value, 3);
});

test('defaults: id from the agency and year, published null, no narrative, a synthetic values source', () => {
  const compact = small();
  const report = reportFromValues(compact);
  assert.equal(report.id, 'ceshishiceshiju-8454a4-2022');
  assert.equal(report.published, null);
  assert.deepEqual(report.narrative, []);
  const text = canonicalJson(compact);
  assert.deepEqual(report.sources, [{
    name: 'values', mediaType: 'application/json', rendering: 'json',
    sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text),
  }]);
  assert.match(report.sources[0]!.sha256, /^[0-9a-f]{64}$/);
});

test('the synthetic source does not depend on key order', () => {
  const a = small();
  const b: CompactReport = { tables: a.tables, edition: a.edition, year: a.year, agency: a.agency };
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.equal(reportFromValues(a).sources[0]!.sha256, reportFromValues(b).sources[0]!.sha256);
  assert.equal(canonicalJson({ b: [1, { d: null, c: 'x' }], a: 2 }), '{"a":2,"b":[1,{"c":"x","d":null}]}');
  const c = small();
  c.year = 2023;
  assert.notEqual(reportFromValues(c).sources[0]!.sha256, reportFromValues(a).sources[0]!.sha256);
});

test('a given id, published date, narrative and source are used', () => {
  const source: Source = { name: 'r.json', mediaType: 'application/json', rendering: 'json', sha256: 'a'.repeat(64), bytes: 9 };
  const compact: CompactReport = { ...small(), id: 'my-id', published: '2023-01-31',
    narrative: [{ key: 'received', value: 3, text: '收到申请3件', source: { line: 2 } }] };
  const report = reportFromValues(compact, source);
  assert.equal(report.id, 'my-id');
  assert.equal(report.published, '2023-01-31');
  assert.deepEqual(report.sources, [source]);
  assert.deepEqual(report.narrative, compact.narrative);
});

function throwsInput(compact: CompactReport, pointer: string, pattern: RegExp): void {
  assert.throws(() => reportFromValues(compact), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.at?.pointer, pointer);
    assert.match(err.message, pattern);
    return true;
  });
}

test('an unknown row throws InputError naming the pointer and the expected rows', () => {
  const compact = small();
  compact.tables.applications!.xyz = { total: 1 };
  throwsInput(compact, '/tables/applications/xyz', /unknown row "xyz".*expected one of: received, carried_over, granted/);
});

test('a row of the other edition is an unknown row', () => {
  const compact = liaocheng2020();
  compact.tables.applications!['other.fee_unpaid'] = { total: 0 };
  throwsInput(compact, '/tables/applications/other.fee_unpaid', /2019 edition/);
});

test('an unknown column throws InputError naming the pointer and the row\'s columns', () => {
  const compact = small();
  compact.tables.proactive = { regulations: { made: 1 } };
  throwsInput(compact, '/tables/proactive/regulations/made', /unknown column "made".*expected one of: issued, repealed, in_force/);
});

test('an unknown table, edition or value type throws InputError', () => {
  const table = small();
  (table.tables as Record<string, unknown>).fees = {};
  throwsInput(table, '/tables/fees', /unknown table "fees"/);
  const edition = { ...small(), edition: '2015' } as unknown as CompactReport;
  throwsInput(edition, '/edition', /expected one of: 2019, 2021/);
  const value = small();
  (value.tables.appeals!.reconsideration as Record<string, unknown>).total = true;
  throwsInput(value, '/tables/appeals/reconsideration/total', /expected a number, null/);
  const nan = small();
  nan.tables.appeals!.reconsideration!.total = Number.NaN;
  throwsInput(nan, '/tables/appeals/reconsideration/total', /finite number/);
});
