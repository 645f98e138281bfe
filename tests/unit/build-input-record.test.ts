/**
 * The input files' sha256 recorded by the last build (adapters/build-state.ts inputRecord, issue 13 §5): a file whose
 * stat (size, modification and status-change times, inode, device) is the recorded one is not read again; any
 * write changes its ctime and it is read; a file changed within RACY_MS of its read is never recorded.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildKey, inputRecord } from '../../pipeline/adapters/build-state.ts';
import { scratchDir } from '../helpers/scratch.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const FAKE = 'f'.repeat(64);

async function keyOf(inDir: string, files: string[], record: Awaited<ReturnType<typeof inputRecord>>) {
  const inputs = new Map<string, string>();
  const key = await buildKey({ inDir, files, argv: ['t'], options: {} }, inputs, record);
  return { key, inputs };
}

test('an input whose stat is the recorded one is not read again; a write, even with its size and modification time kept, is seen', async (t) => {
  const dir = scratchDir('xxgk-input-record-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const inDir = join(dir, 'in');
  const cache = join(dir, 'cache');
  const out = join(dir, 'out');
  await mkdir(join(inDir, 'sub'), { recursive: true });
  const files = ['a.txt', 'b.txt', 'sub/c.txt'];
  for (const f of files) await writeFile(join(inDir, f), `content of ${f}\n`);
  // Whole seconds (utimes puts back no finer time): a.txt's modification time can be set back exactly below.
  for (const f of files) await utimes(join(inDir, f), 1_700_000_000, 1_700_000_000);
  // A clock a minute ahead: the files' last change is older than RACY_MS when they are read.
  const later = () => Date.now() + 60_000;
  const record = () => inputRecord(cache, out, inDir, { now: later });

  const first = await keyOf(inDir, files, await record());
  for (const f of files) assert.equal(first.inputs.get(f), sha(`content of ${f}\n`));
  // The record names the folder and every file; its sha256 are taken as they are (a wrong one shows it was not read).
  const [name] = (await readdir(join(cache, 'build-state'))).filter((n) => n.endsWith('.inputs.json'));
  const path = join(cache, 'build-state', name!);
  const saved = JSON.parse(await readFile(path, 'utf8')) as { inDir: string; files: Record<string, string[]> };
  assert.equal(saved.inDir, inDir);
  assert.deepEqual(Object.keys(saved.files).sort(), files);
  saved.files['a.txt']![5] = FAKE;
  await writeFile(path, JSON.stringify(saved));
  const trusted = await record();
  const second = await keyOf(inDir, files, trusted);
  assert.equal(trusted.reused, 3);
  assert.equal(second.inputs.get('a.txt'), FAKE);
  assert.notEqual(second.key, first.key);

  // a.txt rewritten with the same size and its modification time put back: its ctime moved, so it is read.
  const before = await stat(join(inDir, 'a.txt'), { bigint: true });
  let now = before;
  for (let k = 0; now.ctimeNs === before.ctimeNs; k++) {
    // A clock coarser than the two writes: written again until the ctime moves.
    if (k > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await writeFile(join(inDir, 'a.txt'), 'CONTENT of a.txt\n');
    await utimes(join(inDir, 'a.txt'), 1_700_000_000, 1_700_000_000);
    now = await stat(join(inDir, 'a.txt'), { bigint: true });
  }
  assert.equal(now.size, before.size);
  assert.equal(now.mtimeNs, before.mtimeNs);
  const again = await record();
  const third = await keyOf(inDir, files, again);
  assert.equal(again.reused, 2);
  assert.equal(third.inputs.get('a.txt'), sha('CONTENT of a.txt\n'));
  assert.equal(third.inputs.get('b.txt'), sha('content of b.txt\n'));

  // Another input folder into the same output: nothing recorded for it is taken.
  const other = await inputRecord(cache, out, join(dir, 'elsewhere'), { now: later });
  assert.equal(other.known('b.txt', await stat(join(inDir, 'b.txt'), { bigint: true })), undefined);
});

test('a file changed within RACY_MS of its read is not recorded: the next build reads it again', async (t) => {
  const dir = scratchDir('xxgk-input-racy-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const inDir = join(dir, 'in');
  const cache = join(dir, 'cache');
  await mkdir(inDir, { recursive: true });
  await writeFile(join(inDir, 'a.txt'), 'a\n');
  // The real clock: a.txt was written just now.
  const first = await inputRecord(cache, join(dir, 'out'), inDir);
  await keyOf(inDir, ['a.txt'], first);
  const second = await inputRecord(cache, join(dir, 'out'), inDir);
  const { inputs } = await keyOf(inDir, ['a.txt'], second);
  assert.equal(second.reused, 0);
  assert.equal(inputs.get('a.txt'), sha('a\n'));
  // A file that is not there or not a file is hashed as before (its error's text), never recorded.
  const third = await inputRecord(cache, join(dir, 'out'), inDir, { now: () => Date.now() + 60_000 });
  const gone = await keyOf(inDir, ['a.txt', 'gone.txt'], third);
  assert.match(gone.inputs.get('gone.txt')!, /^[0-9a-f]{64}$/);
  const fourth = await inputRecord(cache, join(dir, 'out'), inDir, { now: () => Date.now() + 60_000 });
  assert.equal(fourth.known('gone.txt', await stat(join(inDir, 'a.txt'), { bigint: true })), undefined);
});
