/**
 * Reading a national release's report bundles back for publishing (publish/bundles.ts): each bundle streamed a line
 * at a time under the readers' bound (bundle-lines.ts), and what cannot be read is an error naming the bundle and
 * the line, never a crash — a bundle from the publish target is not ours to trust (a gzip bomb inflates to gigabytes).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type BundleError, bundledReports, documentView } from '../../pipeline/publish/bundles.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';

const doc = (id: string) => JSON.stringify({ report: { id, year: 2024, tables: {} }, validation: { valid: true, issues: [] } });
const files = [{ path: 'reports/2024.ndjson.gz' }];
const fail = (e: BundleError) => Object.assign(new Error(`${e.bundle} line ${e.line}`), e);
const reading = (bytes: Uint8Array) => (path: string) => Promise.resolve(path === 'reports/2024.ndjson.gz' ? bytes : null);

test('bundledReports: every document of a bundle, in line order', async () => {
  const got = await bundledReports(files, reading(gzipSync(`${doc('a')}\n${doc('b')}\n`)), fail);
  assert.deepEqual(got.map((r) => r.report.id), ['a', 'b']);
});

test('bundledReports: a bundle that is not gzip is line 0, a line that is no document its line, a cut stream where it stopped', async () => {
  await assert.rejects(bundledReports(files, reading(new TextEncoder().encode('plain')), fail), { bundle: 'reports/2024.ndjson.gz', line: 0 });
  await assert.rejects(bundledReports(files, reading(gzipSync(`${doc('a')}\n{"x":1}\n`)), fail), { line: 2 });
  const whole = gzipSync(`${doc('a')}\n${doc('b')}\n${'x'.repeat(100_000)}\n`);
  await assert.rejects(bundledReports(files, reading(whole.subarray(0, whole.length - 30)), fail), { line: 3 });
});

test('bundledReports and documentView: a line inflating past the readers\' bound stops the read (no whole bundle in memory), an error naming the bundle', async () => {
  // 64 KiB of gzip that inflates to more than maxBytes in one line: read whole before, it would be held whole.
  const bomb = gzipSync(`${doc('a')}\n${'x'.repeat(READ_LIMITS.maxBytes + 1024)}\n`);
  assert.ok(bomb.length < 64 * 1024);
  await assert.rejects(bundledReports(files, reading(bomb), fail), { line: 2 });
  const manifest = { files: [{ path: 'reports/2024.ndjson.gz', bytes: bomb.length, sha256: '0'.repeat(64) }] } as Parameters<typeof documentView>[0];
  const view = await documentView(manifest, reading(bomb), 'the last release (v1.2.0)');
  await assert.rejects(view.read('reports/2024/a.json'), {
    name: 'PublishError',
    message: /^the last release \(v1\.2\.0\): reports\/2024\.ndjson\.gz cannot be read \(a line longer than 20,971,520 characters\), so its reports cannot be compared; nothing was published$/,
  });
});
