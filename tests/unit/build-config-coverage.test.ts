/**
 * `xxgk build --config`: the config's coverage: section decides who data/coverage.csv expects, as in the scheduled
 * job — every registry body of a configured division gets a row per year, found or missing.
 */
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { loadRegistry } from '../../pipeline/adapters/registry.ts';
import { buildCommand } from '../../pipeline/cli-build.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-01T00:00:00.000Z');

test('build --config with coverage.divisions: every registry body of the division has a 2024 row; the reports read are found', async (t) => {
  const dir = scratchDir('xxgk-build-coverage-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const config = join(dir, 'xxgk.config.yaml');
  await writeFile(config, `sources:\n  - id: huaian\n    name: 淮安市人民政府\n    region: "320800"\n    path: ${join(ROOT, 'samples/real')}/*\ncoverage:\n  divisions: ["320800"]\n  since: 2024\npublish:\n  repo: publish.git\n`);
  const out = join(dir, 'out');
  const write = process.stdout.write;
  process.stdout.write = () => true;
  let code: number;
  try {
    code = await buildCommand({ in: join(ROOT, 'samples/real'), out, config }, clock);
  } finally {
    process.stdout.write = write;
  }
  assert.equal(code, 0);
  const rows = (await readFile(join(out, 'data', 'coverage.csv'), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
  const header = rows.shift()!;
  const col = (row: string[], name: string) => row[header.indexOf(name)]!;
  // An independent count: the registry's bodies whose division code starts with 3208.
  const inDivision = (await loadRegistry()).filter((a) => a.division.startsWith('3208')).map((a) => a.id).sort();
  assert.ok(inDivision.length >= 5, `the registry has the bodies of 淮安市 (${inDivision.length})`);
  const rows2024 = rows.filter((r) => col(r, 'year') === '2024');
  const expected = rows2024.filter((r) => col(r, 'expected_by') !== 'history').map((r) => col(r, 'body_id')).sort();
  assert.deepEqual(expected, inDivision, 'one row per body: the source body, and every other body of the division');
  assert.equal(col(rows2024.find((r) => col(r, 'source') === 'huaian')!, 'expected_by'), 'source');
  const found = rows2024.filter((r) => col(r, 'found') === 'true').map((r) => col(r, 'body_id')).sort();
  assert.equal(found.length, 2, `淮安市人民政府 and 洪泽区人民政府 published 2024 reports: ${found.join(' ')}`);
  const missing = rows2024.filter((r) => col(r, 'expected_by') !== 'history' && col(r, 'status') === 'missing');
  assert.equal(missing.length, inDivision.length - 2);
  assert.ok(!rows.some((r) => col(r, 'year') === '2023' && col(r, 'expected_by') === 'division'), 'since: 2024');
});
