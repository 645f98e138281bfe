/**
 * What bodySeries (datasets/series.ts) keeps a body for the whole of the aggregate files (issue 13 §4: at 100,000
 * reports, some 14,000 bodies of seven reports, the build's peak is there). Measured in a child with --expose-gc
 * (HEAP_FLAGS): the live heap and typed arrays after a full collection before and after bodySeries over `count`
 * summaries (made beforehand, and held by the child), for two numbers of bodies, and the growth a body between them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HEAP_FLAGS } from '../helpers/heap-flags.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function keptFor(count: number): { bytes: number; bodies: number; first: Record<string, unknown> } {
  const script = `
    const { bodySeries } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'pipeline/datasets/series.ts')).href)});
    const count = ${count};
    const live = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    // Seven-year series of invented bodies not in the registry, as bench/cli-corpus.ts makes them.
    const summaries = Array.from({ length: count }, (_, i) => {
      const b = Math.floor(i / 7);
      const key = 'unresolved-' + String(b).padStart(8, '0') + '-3f2a1c';
      return { id: key + '-' + (2019 + (i % 7)), agency: '机关' + b, region: '440100', year: 2019 + (i % 7), body: null, series: key, modified: '2026-12-0' + (1 + (i % 7)) };
    });
    const before = live();
    const all = bodySeries(summaries);
    const bytes = live() - before;
    const b = all[1];
    const first = { key: b.key, resolved: b.resolved, body: b.body, name: b.name, division: b.division, names: b.names, years: b.reports.map((s) => s.year),
      same: b.reports.every((s, k) => s === summaries[7 + k]), modified: b.modified, feed: b.feed, page: b.page };
    process.stdout.write(JSON.stringify({ bytes, bodies: all.length, first }));`;
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { bytes: number; bodies: number; first: Record<string, unknown> };
}

// Before (a plain object a body with its feed's and page's paths as strings, its list of reports grown by push):
// 495 bytes a body. After (the paths made when asked for, the list as long as it is): 203.
test('bodySeries keeps under 230 bytes a body', (t) => {
  const few = keptFor(7_000);
  const many = keptFor(42_000);
  assert.equal(few.bodies, 1_000);
  assert.equal(many.bodies, 6_000);
  // What is measured is the series made (the very summaries, in year order; the paths), not an empty list.
  assert.deepEqual(many.first, {
    key: 'unresolved-00000001-3f2a1c', resolved: false, body: null, name: '机关1', division: '440100', names: ['机关1'],
    years: [2019, 2020, 2021, 2022, 2023, 2024, 2025], same: true, modified: '2026-12-07',
    feed: 'feed/agencies/unresolved-00000001-3f2a1c.json', page: 'agencies/unresolved-00000001-3f2a1c.html',
  });
  const perBody = (many.bytes - few.bytes) / (6_000 - 1_000);
  t.diagnostic(`${perBody.toFixed(0)} bytes a body`);
  assert.ok(perBody < 230, `${perBody.toFixed(0)} bytes a body`);
});
