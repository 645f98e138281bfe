/**
 * `xxgk build --cache` re-runs (issue 13 §5, adapters/build-state.ts): a re-run with nothing changed writes nothing
 * and says so, and is what a full re-build would write; any change (an input with its size and modification time
 * kept, an output file edited, another option) makes a full build, byte for byte a clean build's.
 */
import assert from 'node:assert/strict';
import { cp, readFile, readlink, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { buildCommand } from '../../pipeline/cli-build.ts';
import { fileBytes } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const day1 = () => new Date('2025-03-01T00:00:00.000Z');
const day2 = () => new Date('2025-04-01T00:00:00.000Z');
const SKIPPED = /^xxgk: nothing changed since the last build .*: nothing rebuilt$/m;

// Eight builds of the samples (several seconds): under XXGK_TEST_FULL; build-cache.test.ts checks the skip in npm test.
test('build --cache: an unchanged re-run rebuilds nothing; a change of input, output or option rebuilds, as a clean build would', { skip: process.env.XXGK_TEST_FULL === '1' ? false : 'XXGK_TEST_FULL=1 (npm run test:full): eight builds of the samples' }, async (t) => {
  const dir = scratchDir('xxgk-build-rerun-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const input = join(dir, 'in');
  await cp(join(ROOT, 'samples/real'), input, { recursive: true });
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  let printed = '';
  const log = t.mock.method(process.stdout, 'write', (s: string) => {
    printed += s;
    return true;
  });
  const build = async (clock: () => Date, opts: { out?: string; cache?: string | null; baseUrl?: string } = {}) => {
    printed = '';
    const code = await buildCommand({ in: input, out: opts.out ?? out, ...(opts.cache === null ? {} : { cache: opts.cache ?? cache }), ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) }, clock);
    return { code, printed };
  };
  try {
    const first = await build(day1);
    assert.doesNotMatch(first.printed, SKIPPED);
    const link = await readlink(out);
    const before = await fileBytes(out);

    // Unchanged, a month later: the same lines and exit code, one more line, nothing written.
    const again = await build(day2);
    assert.match(again.printed, SKIPPED);
    assert.equal(again.printed.replace(SKIPPED, '').trimEnd(), first.printed.trimEnd());
    assert.equal(again.code, first.code);
    assert.equal(await readlink(out), link);
    // What it skipped is what a full re-build (no cache) writes on that day, byte for byte.
    await build(day2, { cache: null });
    assert.deepEqual(await fileBytes(out), before);
    // That build was not remembered (no cache): the next is a full one, then the state knows the output again.
    assert.doesNotMatch((await build(day2)).printed, SKIPPED);
    assert.match((await build(day2)).printed, SKIPPED);

    // A report changed (both its renderings) with the files' sizes and modification times kept: still seen (inputs
    // are hashed).
    for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) {
      const file = join(input, name);
      const { mtime, atime } = await stat(file);
      const text = await readFile(file, 'utf8');
      assert.equal(text.split('96171.6').length, 2, name);
      await writeFile(file, text.replace('96171.6', '96171.7'));
      await utimes(file, atime, mtime);
    }
    const changed = await build(day1);
    assert.doesNotMatch(changed.printed, SKIPPED);
    assert.match(changed.printed, /included jiangsu-huaian-2024 /);
    // Byte for byte what a clean build of the same inputs writes.
    const clean = join(dir, 'clean');
    await build(day1, { out: clean, cache: null });
    assert.deepEqual(await fileBytes(out), await fileBytes(clean));

    // An output file edited in place: the next build is a full one and puts it right.
    assert.match((await build(day1)).printed, SKIPPED);
    const index = join(out, 'index.html');
    const good = await readFile(index);
    await writeFile(index, Buffer.concat([good, Buffer.from('<!-- edited -->')]));
    assert.doesNotMatch((await build(day1)).printed, SKIPPED);
    assert.deepEqual(await readFile(join(out, 'index.html')), good);

    // Another option (the base URL): a full build.
    assert.match((await build(day1)).printed, SKIPPED);
    assert.doesNotMatch((await build(day1, { baseUrl: 'https://example.org/xxgk/' })).printed, SKIPPED);
  } finally {
    log.mock.restore();
  }
});
