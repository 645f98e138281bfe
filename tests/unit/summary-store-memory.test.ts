/**
 * What the spilled summary store (datasets/summary-store.ts) keeps a report in memory until the aggregate files are
 * written. Measured in a child with --expose-gc (HEAP_FLAGS): the live heap after a full collection before and after
 * keeping `count` summaries (their ids made, and held by the child, beforehand: an id is the read's string, shared,
 * not the store's), for two numbers of reports, and the growth a report between them. The spill given to the store
 * keeps nothing in memory (a record spill keeps 8 bytes a value: adapters/record-spill.ts), so that only the store's
 * own columns, tables and kept objects are counted, with the caller's array that holds what `keep` returns.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HEAP_FLAGS } from '../helpers/heap-flags.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const url = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);

/** Live heap and ArrayBuffer memory (bytes: the typed arrays' contents lie outside the heap) kept by `count` summaries, and the first one read back as a plain object. */
function keptFor(count: number, column = false, added = false): { kept: [heap: number, arrayBuffers: number]; first: Record<string, unknown> } {
  const script = `
    const { spilledSummaries } = await import(${url('pipeline/datasets/summary-store.ts')});
    const { StringColumn } = await import(${url('pipeline/value-table.ts')});
    const count = ${count};
    const live = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return [m.heapUsed, m.arrayBuffers]; };
    // Seven-year series of invented bodies, as bench/cli-corpus.ts makes them: the names, bodies and dates repeat.
    const bodies = Array.from({ length: Math.ceil(count / 7) }, (_, b) => ({ id: 'body-' + b, name: '机关' + b }));
    const ids = Array.from({ length: count }, (_, i) => 'gd-guangzhou-body-' + Math.floor(i / 7) + '-' + (2019 + (i % 7)));
    // With the read's id column (as the build gives it, run.ts): a summary's id is a string made from the column, which
    // the store need not keep; the strings above are then dropped.
    const column = ${column} ? new StringColumn(ids) : null;
    if (column) ids.length = 0;
    const idAt = (i) => (column ? column.at(i) : ids[i]);
    let puts = 0;
    const spill = { put: () => puts++, get: () => { throw new Error('not read here'); } };
    const flags = [[], ['rule.a'], ['rule.a', 'rule.b']];
    const summary = (i) => {
      const b = bodies[Math.floor(i / 7)];
      const year = 2019 + (i % 7);
      return {
        id: idAt(i), agency: b.name, region: i % 11 === 0 ? null : '440100', year, edition: 'standard', published: year + 1 + '-01-31',
        valid: i % 13 !== 0, errors: 0, warnings: i % 3, flags: flags[i % 3], headline: {}, body: b, series: b.id,
        figures: {}, sources: [], json: { path: 'x', sha256: 'y', bytes: 1 }, page: 'p', modified: '2026-12-07',
      };
    };
    // Measured from before the store is made: given the count, its columns are made whole at once.
    const before = live();
    const store = column ? spilledSummaries(spill, { idOf: (k) => column.at(k), count }) : spilledSummaries(spill);
    // Kept as the build keeps them while it writes the reports (add: no object a summary, made when asked for: at), or
    // each as an object the caller holds (keep).
    const kept = [];
    for (let i = 0; i < count; i++) {
      if (${added}) { if (store.add(summary(i)) !== i) throw new Error('numbered out of order'); } else kept.push(store.keep(summary(i)));
    }
    const after = live();
    const s = ${added} ? store.at(1) : kept[1];
    const first = { id: s.id, agency: s.agency, region: s.region, year: s.year, edition: s.edition, published: s.published,
      valid: s.valid, errors: s.errors, warnings: s.warnings, flags: s.flags, body: s.body, series: s.series, modified: s.modified };
    process.stdout.write(JSON.stringify({ kept: [after[0] - before[0], after[1] - before[1]], first }));`;
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { kept: [heap: number, arrayBuffers: number]; first: Record<string, unknown> };
}

/** The first summary as read back from the store: the fields kept (what is measured is the store working, not an empty one). */
const FIRST = {
  id: 'gd-guangzhou-body-0-2020', agency: '机关0', region: '440100', year: 2020, edition: 'standard', published: '2021-01-31',
  valid: true, errors: 0, warnings: 1, flags: ['rule.a'], body: { id: 'body-0', name: '机关0' }, series: 'body-0', modified: '2026-12-07',
};

/** Bytes kept a report between the two counts (7,000 and 42,000), and the line that says so. */
function perReportOf(few: { kept: [number, number] }, many: { kept: [number, number] }): { perReport: number; say: string } {
  const part = (k: 0 | 1) => (many.kept[k] - few.kept[k]) / (42_000 - 7_000);
  const perReport = part(0) + part(1);
  return { perReport, say: `${perReport.toFixed(0)} bytes a report (heap ${part(0).toFixed(0)}, typed arrays ${part(1).toFixed(0)})` };
}

// Alone, 88–95 bytes a report (heap 65–71, typed arrays 23). Given the read's id column and the count, as the build
// gives them (run.ts), it keeps no id (the slot, and the string the column makes) and no room to grow: 76 (60 + 16).
// The tree before took no column: it kept each id string made for it, some 130 bytes a report (that test fails there).
for (const column of [false, true]) test(`the spilled summary store keeps under ${column ? '90 bytes a report, and no id, given the read\'s id column and the count' : '100 bytes a report'}`, (t) => {
  const few = keptFor(7_000, column);
  const many = keptFor(42_000, column);
  assert.deepEqual(few.first, FIRST);
  const { perReport, say } = perReportOf(few, many);
  t.diagnostic(say);
  assert.ok(perReport < (column ? 90 : 100), say);
});

// As the build keeps them while it writes the reports (datasets/index.ts, without reuse): `add`, no object a summary
// (`at` makes one when asked for), given the read's id column and the count. The object and the caller's slot, some
// 40 bytes of `keep`'s 76–80, are not kept. The tree before had no `add` (that test fails there).
test('added with no object a summary, the spilled store keeps under 45 bytes a report', (t) => {
  const few = keptFor(7_000, true, true);
  const many = keptFor(42_000, true, true);
  assert.deepEqual(many.first, FIRST);
  const { perReport, say } = perReportOf(few, many);
  t.diagnostic(say);
  assert.ok(perReport < 45, say);
});
