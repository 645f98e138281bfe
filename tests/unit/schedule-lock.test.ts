import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireLock } from '../../pipeline/schedule/lock.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-01-15T08:00:00.000Z');
const lockModule = fileURLToPath(new URL('../../pipeline/schedule/lock.ts', import.meta.url));

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = scratchDir('xxgk-lock-');
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the lock file holds pid, host and start time; a second acquirer is refused while it is held', () =>
  withDir(async (dir) => {
    const path = join(dir, 'run.lock');
    const lock = await acquireLock(path, { pid: process.pid, now: clock, host: 'h' });
    assert.ok(lock);
    assert.deepEqual(JSON.parse(await readFile(path, 'utf8')), { pid: process.pid, host: 'h', startedAt: '2025-01-15T08:00:00.000Z' });
    assert.equal(await acquireLock(path, { pid: 4242, now: clock, host: 'h', isAlive: () => true }), null);
    await lock.release();
    await lock.release();
    assert.deepEqual(await readdir(dir), []);
    const again = await acquireLock(path, { pid: 4242, now: clock, host: 'h' });
    assert.ok(again);
    await again.release();
  }));

test('a stale lock of a dead process is taken over', () =>
  withDir(async (dir) => {
    const path = join(dir, 'run.lock');
    await writeFile(path, JSON.stringify({ pid: 999999, host: 'h', startedAt: '2025-01-15T07:59:00.000Z' }));
    const asked: number[] = [];
    const isAlive = (pid: number) => (asked.push(pid), false);
    const lock = await acquireLock(path, { pid: 1234, now: clock, host: 'h', isAlive });
    assert.ok(lock);
    assert.deepEqual(asked, [999999, 999999]); // checked, then checked again under the takeover guard
    assert.equal(JSON.parse(await readFile(path, 'utf8')).pid, 1234);
    assert.deepEqual(await readdir(dir), ['run.lock']); // no temporary or guard file left
    await lock.release();
  }));

test('the default liveness check sees a real dead pid as dead', () =>
  withDir(async (dir) => {
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    const path = join(dir, 'run.lock');
    await writeFile(path, JSON.stringify({ pid, host: 'h', startedAt: clock().toISOString() }));
    const lock = await acquireLock(path, { pid: process.pid, now: clock, host: 'h' });
    assert.ok(lock);
    await lock.release();
  }));

test('a live lock is kept; one of another host is taken over only when older than staleAfterMs', () =>
  withDir(async (dir) => {
    const path = join(dir, 'run.lock');
    await writeFile(path, JSON.stringify({ pid: 1, host: 'other', startedAt: '2025-01-15T07:00:00.000Z' }));
    const dead = () => false;
    assert.equal(await acquireLock(path, { pid: 2, now: clock, host: 'h', isAlive: dead }), null);
    const lock = await acquireLock(path, { pid: 2, now: clock, host: 'h', isAlive: dead, staleAfterMs: 30 * 60 * 1000 });
    assert.ok(lock);
    await lock.release();
    await writeFile(path, JSON.stringify({ pid: process.pid, host: 'h', startedAt: clock().toISOString() }));
    assert.equal(await acquireLock(path, { pid: 2, now: clock, host: 'h' }), null); // this very process: alive
  }));

test('a lock file being written (not yet JSON) is not taken over', () =>
  withDir(async (dir) => {
    const path = join(dir, 'run.lock');
    await writeFile(path, '');
    assert.equal(await acquireLock(path, { pid: 2, now: clock, host: 'h', isAlive: () => false }), null);
  }));

/**
 * Start node processes, wait until every one has loaded the lock module and said "ready", then tell them all "go" at
 * once; each tries to take the lock and prints whether it got it, and holds it until every process has answered (then
 * "done" lets them release and exit). Events, not time windows: on a loaded machine the test only takes longer.
 */
async function race(path: string, count: number, staleFirst: boolean): Promise<boolean[]> {
  if (staleFirst) await writeFile(path, JSON.stringify({ pid: 999999, host: 'h', startedAt: clock().toISOString() }));
  const script = `
    const { acquireLock } = await import(${JSON.stringify(lockModule)});
    const lines = (await import('node:readline')).createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    process.stdout.write('ready\\n');
    await lines.next();
    const lock = await acquireLock(${JSON.stringify(path)}, { pid: process.pid, now: () => new Date(), host: 'h', isAlive: (p) => p !== 999999 });
    process.stdout.write(JSON.stringify(lock !== null) + '\\n');
    await lines.next();
    await lock?.release();
    process.exit(0);`;
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const waiting: Array<{ n: number; done: () => void }> = [];
    let buffer = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
        lines.push(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
      }
      for (const w of waiting.splice(0)) (lines.length >= w.n ? w.done() : waiting.push(w));
    });
    const exited = new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}`)))));
    exited.catch(() => undefined); // awaited below; this only keeps an early failure from being reported twice
    const line = (n: number) => Promise.race([
      new Promise<string>((resolve) => (lines.length >= n ? resolve(lines[n - 1]!) : waiting.push({ n, done: () => resolve(lines[n - 1]!) }))),
      exited.then(() => { throw new Error(`child exited before line ${n}: ${lines.join(' | ')}`); }),
    ]);
    return { child, line, exited };
  });
  for (const c of children) assert.equal(await c.line(1), 'ready');
  for (const c of children) c.child.stdin.write('go\n');
  const results = await Promise.all(children.map(async (c) => JSON.parse(await c.line(2)) as boolean));
  for (const c of children) c.child.stdin.end('done\n');
  await Promise.all(children.map((c) => c.exited));
  return results;
}

test('two processes started at once: exactly one gets the lock', () =>
  withDir(async (dir) => {
    const results = await Promise.all([0, 1, 2].map((i) => race(join(dir, `run-${i}.lock`), 2, false)));
    for (const got of results) assert.equal(got.filter(Boolean).length, 1, `results ${JSON.stringify(got)}`);
  }));

test('processes racing to take over the same stale lock: exactly one gets it', () =>
  withDir(async (dir) => {
    const results = await Promise.all([0, 1].map((i) => race(join(dir, `stale-${i}.lock`), 3, true)));
    for (const got of results) assert.equal(got.filter(Boolean).length, 1, `results ${JSON.stringify(got)}`);
  }));
