import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { rawStore, sha256 } from '../../pipeline/adapters/raw-store.ts';
import { scratchDir } from '../helpers/scratch.ts';

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

it('stores bytes by sha256, once, and gives them back', async () => {
  const dir = scratchDir('xxgk-raw-');
  dirs.push(dir);
  const store = rawStore(dir);
  const bytes = new TextEncoder().encode('%PDF-1.7 年度报告');
  const sha = await store.put(bytes);
  assert.equal(sha, sha256(bytes));
  assert.match(sha, /^[0-9a-f]{64}$/);
  assert.equal(await store.has(sha), true);
  assert.deepEqual(await store.get(sha), bytes);
  assert.equal(await store.put(bytes), sha);
  assert.deepEqual(await readdir(join(dir, sha.slice(0, 2))), [sha]);
  const other = 'f'.repeat(64);
  assert.equal(await store.has(other), false);
  assert.equal(await store.get(other), undefined);
  await assert.rejects(store.get('../../etc/passwd'), /not a sha256/);
});
