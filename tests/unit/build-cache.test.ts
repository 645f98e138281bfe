/**
 * `xxgk build --cache DIR`: the documents parsed go to the parse cache, and a build that takes them from it writes
 * the same release, byte for byte.
 */
import assert from 'node:assert/strict';
import { readFile, readdir, readlink, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { buildCommand } from '../../pipeline/cli-build.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-01T00:00:00.000Z');

test('build --cache: a second build takes every document from the cache and writes the same files', async (t) => {
  const dir = scratchDir('xxgk-build-cache-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  const out = [join(dir, 'a'), join(dir, 'b')];
  const log = t.mock.method(process.stdout, 'write', () => true);
  await buildCommand({ in: join(ROOT, 'samples/real'), out: out[0]!, cache }, clock);
  // The parse cache's folder (the other: build-state/, the re-runs' state: build-rerun.test.ts).
  const [fingerprint] = (await readdir(cache)).filter((n) => n !== 'build-state');
  const entries = await readdir(join(cache, fingerprint!));
  assert.ok(entries.length > 0, 'the parsed reports are in the cache');
  // An entry written again (writeAtomic: a new file renamed over the old) would have a new inode.
  const inodes = async () => Promise.all(entries.map(async (e) => (await stat(join(cache, fingerprint!, e))).ino));
  const before = await inodes();
  await buildCommand({ in: join(ROOT, 'samples/real'), out: out[1]!, cache }, clock);
  // The same build again: nothing changed, nothing rebuilt (adapters/build-state.ts; the cases in build-rerun.test.ts).
  const link = await readlink(out[1]!);
  log.mock.resetCalls();
  await buildCommand({ in: join(ROOT, 'samples/real'), out: out[1]!, cache }, clock);
  const printed = log.mock.calls.map((c) => String(c.arguments[0])).join('');
  log.mock.restore();
  assert.match(printed, /^xxgk: nothing changed since the last build .*: nothing rebuilt$/m);
  assert.equal(await readlink(out[1]!), link);
  assert.deepEqual(await readdir(join(cache, fingerprint!)), entries, 'no new entry');
  assert.deepEqual(await inodes(), before, 'nothing parsed afresh');
  const [a, b] = await Promise.all(out.map((o) => readFile(join(o, 'manifest.json'), 'utf8')));
  assert.equal(b, a);
});
