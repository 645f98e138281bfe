/**
 * The read pool (adapters/read-pool.ts): a folder read by worker threads gives what the main thread alone gives, in
 * the same order; a document that kills its worker is that document's error, and the pool reads on; `xxgk build
 * --jobs 1` and `--jobs 2` write the same bytes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { writeCorpus } from '../../bench/cli-corpus.ts';
import { documentReader, workersFor } from '../../pipeline/adapters/read-pool.ts';
import { readFolder } from '../../pipeline/run.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const dir = scratchDir(prefix);
  made.push(dir);
  return dir;
}

/** Six reports in three renderings, and a file that is no report: written once, read (never changed) by the tests. */
let written: Promise<string> | undefined;
function folder(): Promise<string> {
  written ??= (async () => {
    const dir = scratch('xxgk-pool-');
    await writeCorpus(dir, 6, ['word-text', 'html', 'pdftotext-layout']);
    writeFileSync(join(dir, '2019', 'notes.txt'), '这不是年度报告。\n');
    return dir;
  })();
  return written;
}

test('workersFor: --jobs as given (at most one per file); by default one per core but the main thread\'s, none for a few files', () => {
  assert.equal(workersFor(10, 4), 4);
  assert.equal(workersFor(3, 4), 3);
  assert.equal(workersFor(0, 4), 1);
  assert.equal(workersFor(60), 1);
  assert.ok(workersFor(10_000) >= 1);
});

test('readFolder with two workers reads what the main thread reads, in the same order', async () => {
  const dir = await folder();
  const one = await readFolder(dir, { jobs: 1 });
  const two = await readFolder(dir, { jobs: 2 });
  assert.equal(one.reports.length, 6);
  assert.deepEqual(one.unreadable.map((u) => u.file), ['2019/notes.txt']);
  assert.deepEqual(two, one);
});

test('a document that kills its worker is its own error; the pool reads the next ones', async () => {
  const dir = await folder();
  const bytes = new Uint8Array(readFileSync(join(dir, '2019', '000000-word-text.txt')));
  const reader = documentReader(2, { worker: new URL('../fixtures/crashing-worker.ts', import.meta.url) });
  try {
    const [crashed, ...read] = await Promise.all([reader.read(bytes, 'crash'), reader.read(bytes, 'a.txt'), reader.read(bytes, 'b.txt')]);
    assert.ok('error' in crashed! && crashed.error.internal, 'the crash is that document\'s internal error');
    assert.match((crashed as { error: { message: string } }).error.message, /a bug in xxgk.*worker died/);
    for (const r of read) assert.ok('report' in r, 'the other documents are read');
    assert.ok('report' in (await reader.read(bytes, 'c.txt')), 'and after it');
  } finally {
    await reader.close();
  }
});

test('xxgk build --jobs 1 and --jobs 2 write the same files, byte for byte; --jobs 0 is bad usage', async () => {
  const dir = await folder();
  const out = scratch('xxgk-pool-out-');
  const build = (jobs: string, to: string) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'build', '--in', dir, '--out', join(out, to), '--jobs', jobs], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1780000000' },
    });
  const a = build('1', 'a');
  const b = build('2', 'b');
  assert.equal(a.status, 2, 'the file that is no report is unreadable (exit 2)');
  assert.equal(b.status, 2);
  assert.equal(b.stdout.replaceAll(join(out, 'b'), ''), a.stdout.replaceAll(join(out, 'a'), ''));
  const files = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length)).sort();
  assert.deepEqual(files(join(out, 'b')), files(join(out, 'a')));
  for (const f of files(join(out, 'a'))) assert.ok(readFileSync(join(out, 'a', f)).equals(readFileSync(join(out, 'b', f))), f);
  const bad = build('0', 'c');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--jobs/);
});
