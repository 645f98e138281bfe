/**
 * validate/schema.ts: a report is first given the report schema compiled by ajv to stop at its first error
 * (validators.ts annual-report-check); the allErrors validator runs only on a report that fails it. The two must agree
 * on every report, conforming or broken in every way: checked on six reports and some 20,000 broken copies.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderBytes } from '../../pipeline/synth/index.ts';
import { conforms, schemaIssues } from '../../pipeline/validate/schema.ts';
import { validatorFor } from '../../pipeline/validators.ts';
import { hongze2023 } from '../helpers/hongze-2023.ts';
import { liaocheng2020 } from '../helpers/liaocheng-2020.ts';
import { build, consistent } from '../helpers/synthetic.ts';

const ajv = validatorFor('annual-report');

/** Values put in place of a node: every type, edge numbers, strings the schema's enums, patterns and formats hold. */
const ODD: unknown[] = [
  null, 0, -0, -1, 1, 1.5, -2.5, 1990, 2100, 2101, 1e21, NaN, Infinity, -Infinity, '', 'x', '2019', '2021', 'number',
  'blank', 'derived', '万元', '元', '2023-02-30', '2024-02-29', '2023-02-28', 'abc-1', 'A', '370100', true, false, [],
  [null], ['a'], [''], {}, { kind: 'number', value: 1 }, { kind: 'blank', value: null }, { kind: 'number', value: null },
  { line: 1 }, { line: 0 },
];

/** The path of every container (object or array) in a value. */
function containers(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === 'object') {
    out.push(path);
    for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out);
  }
  return out;
}

function at(value: unknown, path: string[]): Record<string, unknown> {
  return path.reduce((v, k) => (v as Record<string, unknown>)[k], value) as Record<string, unknown>;
}

/** Each report once per mutation of every n-th container: a key's value replaced by each odd value, deleted, or a key added. */
function* mutations(report: unknown, every: number): Generator<unknown> {
  const paths = containers(report);
  for (let i = 0; i < paths.length; i += every) {
    for (const key of Object.keys(at(report, paths[i]!))) {
      for (const odd of [undefined, ...ODD]) {
        const copy = structuredClone(report);
        const node = at(copy, paths[i]!);
        if (odd === undefined) delete node[key];
        else node[key] = structuredClone(odd);
        yield copy;
      }
    }
    const copy = structuredClone(report);
    at(copy, paths[i]!)['extra'] = 1;
    yield copy;
  }
}

/** A report as the parser makes it (sources, locations, narrative figures, the body). */
async function parsed(seed: number): Promise<unknown> {
  const { values, narrative } = generate(seed);
  return parseDocument(await ingest(await renderBytes('word-text', values, { narrative }), `s-${seed}.txt`));
}

test('the first-error check says what the allErrors validator says, for reports and for every kind of breakage', async () => {
  const check = conforms;
  const reports = [build(consistent('2019')), build(consistent('2021')), build(liaocheng2020()), build(hongze2023()),
    await parsed(1), await parsed(2)];
  let passed = 0;
  let failed = 0;
  for (const [k, report] of reports.entries()) {
    assert.equal(check(report), true);
    for (const broken of mutations(report, k === 0 ? 3 : k < 4 ? 17 : 41)) {
      const expected = ajv(broken);
      assert.equal(check(broken), expected, JSON.stringify(broken).slice(0, 300));
      if (expected) passed++;
      else failed++;
    }
  }
  // Both outcomes are exercised, many times.
  assert.ok(passed > 500 && failed > 500, `${passed} passed, ${failed} failed`);
});

test('schemaIssues gives every error for a report the first-error check does not pass', () => {
  const report = build(consistent('2021'));
  report.tables.applications.received!.natural_person = { kind: 'number', value: -1 };
  report.tables.applications.received!.total = { kind: 'number', value: -2 };
  assert.equal(conforms(report), false);
  // Both cells named: the errors come from the allErrors validator, not from the check that stopped at the first.
  assert.deepEqual(schemaIssues(report).map((i) => i.column).sort(), ['natural_person', 'total']);
});
