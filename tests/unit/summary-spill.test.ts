/**
 * The summaries spilled while a release is built (datasets/summary-store.ts over adapters/record-spill.ts): the record
 * spill gives back every value as it went, in order, out of order and while values are still being put; a spilled
 * summary holds no field of its own (its small fields are numbers in columns, the rest on disk) and reads every
 * field back equal, key order and all; and a release built with
 * its summaries spilled is the one built with them in memory, byte for byte, in both layouts.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { heldPaths } from '../../pipeline/adapters/build-process.ts';
import { openRecordSpill } from '../../pipeline/adapters/record-spill.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import { type SpilledPart, spilledSummaries } from '../../pipeline/datasets/summary-store.ts';
import { byYearThenId } from '../../pipeline/datasets/types.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { StringColumn } from '../../pipeline/value-table.ts';
import { bodyReports } from '../helpers/body-release.ts';
import { diffTrees, readTree } from '../helpers/build-samples.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const value = (k: number) => ({ k, text: 'x'.repeat((k * 7919) % 3000), nested: { b: k % 3 === 0 ? null : -0, a: [k, 0.1 + k] } });

test('record spill: every value back as it went, read in order, out of order and between puts; the file removed on close', () => {
  const dir = scratchDir('xxgk-records-test-');
  // A small window, so that reads cross it, values outgrow it, and puts are still pending when read.
  const spill = openRecordSpill<ReturnType<typeof value>>(dir, 4096);
  const n = 400;
  for (let k = 0; k < n; k++) {
    assert.equal(spill.put(value(k)), k);
    if (k % 37 === 0) assert.deepEqual(spill.get(k), value(k), `right after its put: ${k}`);
  }
  for (let k = 0; k < n; k++) assert.deepEqual(spill.get(k), value(k), `in order: ${k}`);
  for (let k = n - 1; k >= 0; k -= 3) assert.deepEqual(spill.get(k), value(k), `backwards: ${k}`);
  for (let k = 0; k < n; k += 1 + (k % 5)) assert.deepEqual(spill.get(k), value(k), `skipping: ${k}`);
  assert.ok(Object.is(spill.get(1).nested.b, -0), 'structured clone: -0 stays -0');
  assert.deepEqual(Object.keys(spill.get(2).nested), ['b', 'a'], 'key order kept');
  assert.throws(() => spill.get(n), /no value 400 \(400 put\)/);
  assert.equal(readdirSync(dir).length, 1);
  const folder = join(dir, readdirSync(dir)[0]!);
  assert.ok(heldPaths().includes(folder), 'a signal that stops the build removes the spill (build-process.ts)');
  spill.close();
  assert.ok(!heldPaths().includes(folder));
  assert.deepEqual(readdirSync(dir), [], 'the spill folder removed');
  assert.throws(() => spill.get(0), /used after close/);
});

// Distinct ids, in the order the build needs; registry bodies among them (their feeds and pages).
const reports = [...new Map([...sampleReports(40), ...bodyReports()].map((r) => [r.report.id, r])).values()].sort(byYearThenId);
const schemas = await loadSchemas();

for (const layout of ['site', 'national'] as const) {
  test(`a release built with its summaries spilled is the release built with them in memory, byte for byte (${layout})`, async () => {
    const dir = scratchDir('xxgk-summary-spill-');
    const meta = { ...DEFAULT_META, releases: 'https://github.com/o/data/releases/download/', release: { ...DEFAULT_RELEASE, layout } };
    const input = { reports, meta, today: '2026-02-01', schemas };
    const memory = await buildRelease(input, folderSink(join(dir, 'memory')));
    const spill = openRecordSpill<SpilledPart>(dir);
    const spilled = await buildRelease({ ...input, summaries: spilledSummaries(spill) }, folderSink(join(dir, 'spilled')));
    try {
      assert.deepEqual(diffTrees(readTree(join(dir, 'memory')), readTree(join(dir, 'spilled'))), []);
      assert.deepEqual(spilled.files, memory.files);
      // What is kept a report holds no figures, sources or links of its own: they are read back, equal.
      const kept = spilled.context.reports;
      assert.equal(kept.length, reports.length);
      for (const [k, s] of kept.entries()) {
        // Nothing of its own: the small fields are numbers in the store's columns, the rest on disk.
        assert.deepEqual(Object.keys(s), [], `${s.id}: no field held by the summary itself`);
        const m = memory.context.reports[k]!;
        const fields = Object.keys(m) as Array<keyof typeof m>;
        assert.deepEqual(Object.fromEntries(fields.map((f) => [f, s[f]])), { ...m });
        assert.deepEqual(Object.keys(s.figures), Object.keys(m.figures), 'figures in the same key order');
      }
    } finally {
      spill.close();
    }
    assert.ok(!existsSync(join(dir, readdirSync(dir).find((d) => d.startsWith('xxgk-records-')) ?? 'none')));
  });
}

test('given the caller\'s id column and count, the store keeps no id of its own and builds the same release; an id not the column\'s is refused', async () => {
  const dir = scratchDir('xxgk-summary-ids-');
  const meta = { ...DEFAULT_META, releases: 'https://github.com/o/data/releases/download/', release: { ...DEFAULT_RELEASE, layout: 'national' as const } };
  const input = { reports, meta, today: '2026-02-01', schemas };
  const ids = new StringColumn(reports.map((r) => r.report.id));
  const plain = openRecordSpill<SpilledPart>(dir);
  const columned = openRecordSpill<SpilledPart>(dir);
  try {
    const before = await buildRelease({ ...input, summaries: spilledSummaries(plain) }, folderSink(join(dir, 'plain')));
    const after = await buildRelease({ ...input, summaries: spilledSummaries(columned, { idOf: (k) => ids.at(k), count: reports.length }) }, folderSink(join(dir, 'columned')));
    assert.deepEqual(diffTrees(readTree(join(dir, 'plain')), readTree(join(dir, 'columned'))), []);
    assert.deepEqual(after.files, before.files);
    assert.deepEqual(after.context.reports.map((s) => s.id), reports.map((r) => r.report.id));
  } finally {
    plain.close();
    columned.close();
  }
  const spill = openRecordSpill<SpilledPart>(dir);
  try {
    // The second summary kept is not the column's second id: refused, never read back under another id.
    const store = spilledSummaries(spill, { idOf: (k) => ids.at(k === 1 ? 2 : k), count: 3 });
    const summaries = (await buildRelease(input, folderSink(join(dir, 'memory')))).context.reports;
    assert.equal(store.keep(summaries[0]!).id, summaries[0]!.id);
    assert.throws(() => store.keep(summaries[1]!), new RegExp(`summary 1 is ${summaries[1]!.id}, where the ids given say ${summaries[2]!.id}`));
  } finally {
    spill.close();
  }
});
