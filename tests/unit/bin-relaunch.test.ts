/**
 * bin/xxgk.js starts `xxgk build` again in a node given a larger young generation (`--max-semi-space-size=32`: V8
 * reads it only at start-up): the build runs in that child, with the same stdout and exit code; a semi-space size
 * given to node already wins (no second process), and other commands run in the first process. A SIGTERM sent to the
 * first process reaches the build, which removes its spill and exits 143, and so does the first process.
 * Each process is seen by a probe module loaded through NODE_OPTIONS (inherited by the child): at exit it appends its
 * arguments, node options and exit code to a file.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { readerFingerprint } from '../../pipeline/adapters/parse-cache.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/xxgk.js');
const SAMPLE = join(ROOT, 'samples/real/2024_huaian-city-gov.yaml');

interface Seen { argv: string[]; execArgv: string[]; relaunched: string | null; code: number }

/** A scratch folder with the probe module and one report to build. */
function setUp(): { dir: string; input: string; log: string; nodeOptions: string } {
  const dir = scratchDir('xxgk-bin-relaunch-');
  const input = join(dir, 'in');
  mkdirSync(input);
  copyFileSync(SAMPLE, join(input, 'report.yaml'));
  const log = join(dir, 'processes.ndjson');
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, [
    'import { appendFileSync } from "node:fs";',
    `process.on("exit", (code) => appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv: process.argv.slice(2), execArgv: process.execArgv, relaunched: process.env.XXGK_RELAUNCHED ?? null, code }) + "\\n"));`,
  ].join('\n'));
  return { dir, input, log, nodeOptions: `--import=${pathToFileURL(probe).href}` };
}

const seen = (log: string): Seen[] => readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Seen);

/**
 * A build held in the middle of reading: the parse cache's entry for the one document is a named pipe, which the build
 * opens for reading (after it opened its spills) and waits on. `temp` is the build's TMPDIR: tsx keeps its transpiled
 * files there, so ours is linked into it (a fresh one costs seconds).
 */
async function heldOnPipe(dir: string): Promise<{ temp: string; cache: string; fifo: string }> {
  const temp = join(dir, 'tmp');
  const cache = join(dir, 'cache');
  await mkdir(temp);
  const tsx = `tsx-${process.getuid?.() ?? 0}`;
  await mkdir(join(tmpdir(), tsx), { recursive: true });
  await symlink(join(tmpdir(), tsx), join(temp, tsx));
  const sha = createHash('sha256').update(await readFile(SAMPLE)).digest('hex');
  const entries = join(cache, await readerFingerprint());
  await mkdir(entries, { recursive: true });
  const fifo = join(entries, `${sha}.json`);
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  return { temp, cache, fifo };
}

test('xxgk build runs in a child node with --max-semi-space-size=32: the same output and exit code', () => {
  const { dir, input, log, nodeOptions } = setUp();
  const r = spawnSync(process.execPath, [BIN, 'build', '--in', input, '--out', join(dir, 'out')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^xxgk: read 1 files from .*\n[^]*xxgk: built \d+ files into /);
  const [child, parent, ...more] = seen(log);
  assert.equal(more.length, 0, 'two processes');
  assert.deepEqual(child!.argv, ['build', '--in', input, '--out', join(dir, 'out')]);
  assert.equal(child!.relaunched, '1');
  assert.ok(child!.execArgv.includes('--max-semi-space-size=32'), child!.execArgv.join(' '));
  assert.equal(parent!.relaunched, null);
  assert.ok(!parent!.execArgv.some((a) => a.startsWith('--max-semi-space-size')));
  assert.equal(child!.code, 0);
  assert.equal(parent!.code, 0);
});

test('under a debugger (--inspect) the build runs in the process the debugger is attached to', () => {
  const { dir, input, log, nodeOptions } = setUp();
  const build = spawnSync(process.execPath, ['--inspect=127.0.0.1:0', BIN, 'build', '--in', input, '--out', join(dir, 'out')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  assert.equal(build.status, 0, build.stderr);
  assert.deepEqual(seen(log).map((p) => [p.argv[0], p.relaunched]), [['build', null]]);
});

test('a semi-space size given to node wins: one process; other commands are not started again', () => {
  const { dir, input, log, nodeOptions } = setUp();
  const build = spawnSync(process.execPath, ['--max-semi-space-size=8', BIN, 'build', '--in', input, '--out', join(dir, 'out')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  assert.equal(build.status, 0, build.stderr);
  const validate = spawnSync(process.execPath, [BIN, 'validate', join(input, 'report.yaml')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  assert.equal(validate.status, 0, validate.stderr);
  const processes = seen(log);
  assert.deepEqual(processes.map((p) => [p.argv[0], p.relaunched, p.execArgv.filter((a) => a.startsWith('--max-semi'))]), [
    ['build', null, ['--max-semi-space-size=8']],
    ['validate', null, []],
  ]);
});

test('SIGTERM to xxgk build reaches the build in the child: its spill is removed, both exit 143', async () => {
  // The child is held in the middle of reading as in build-signal.test.ts: the parse cache's entry for the one
  // document is a named pipe (the sources run, XXGK_FROM_SOURCE=1, so that the cache's fingerprint is this code's).
  const { dir, input, log, nodeOptions } = setUp();
  const { temp, cache, fifo } = await heldOnPipe(dir);
  let child: ChildProcess | undefined;
  const handle = { close: async () => {} };
  try {
    child = spawn(process.execPath, [BIN, 'build', '--in', input, '--out', join(dir, 'out'), '--cache', cache, '--jobs', '1'], {
      cwd: ROOT, env: { ...process.env, NODE_OPTIONS: nodeOptions, XXGK_FROM_SOURCE: '1', TMPDIR: temp },
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));
    // Opening the pipe for writing returns when the build opens it for reading (after it opened its spill).
    const writer = open(fifo, 'w');
    const first = await Promise.race([writer.then(() => 'reading' as const), exited.then(() => 'exited' as const)]);
    if (first === 'exited') await (await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK)).close();
    const w = await writer;
    handle.close = () => w.close();
    assert.equal(first, 'reading', `the build ended before it read the document:\n${out}`);
    assert.equal((await readdir(temp)).filter((n) => n.startsWith('xxgk-spill-')).length, 2, 'the spills are open');
    const stopped = new Promise<void>((done) => child!.stderr!.on('data', () => { if (/xxgk: SIGTERM: stopped/.test(out)) done(); }));
    child.kill('SIGTERM');
    // The build's thread pool is blocked reading the pipe: end it once the build said it stopped.
    await Promise.race([stopped, exited]);
    await handle.close();
    assert.equal(await exited, 143, out);
    assert.match(out, /xxgk: SIGTERM: stopped; 2 temporary paths removed/);
    assert.deepEqual((await readdir(temp)).filter((n) => n.startsWith('xxgk-spill-')), []);
    assert.deepEqual(seen(log).map((p) => [p.relaunched, p.code]), [['1', 143], [null, 143]]);
  } finally {
    await handle.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('a build killed by a signal (SIGKILL: the OOM killer) ends the first process by the same signal, as without the second process', () => {
  // The probe kills the relaunched build as soon as it starts; the first process must not turn that into exit 137
  // (a shell says "Killed" only for a process a signal ended: a plain 137 tells the user nothing).
  const { dir, input } = setUp();
  const killer = join(dir, 'killer.mjs');
  writeFileSync(killer, 'if (process.env.XXGK_RELAUNCHED === "1") process.kill(process.pid, "SIGKILL");\n');
  const r = spawnSync(process.execPath, [BIN, 'build', '--in', input, '--out', join(dir, 'out')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(killer).href}` },
  });
  assert.deepEqual([r.status, r.signal], [null, 'SIGKILL'], r.stderr);
});

test('a second node that cannot be started: the build runs in the first process (not exit 70, no bug of xxgk)', () => {
  // The probe makes the first process's spawn start a node that is not there (as EAGAIN or ENOMEM would fail it).
  const { dir, input, log, nodeOptions } = setUp();
  const nospawn = join(dir, 'nospawn.mjs');
  writeFileSync(nospawn, [
    'import cp from "node:child_process";',
    'import { syncBuiltinESMExports } from "node:module";',
    'const spawn = cp.spawn;',
    'cp.spawn = (command, args, options) => spawn("/nonexistent/node", args, options);',
    'syncBuiltinESMExports();',
  ].join('\n'));
  const r = spawnSync(process.execPath, [BIN, 'build', '--in', input, '--out', join(dir, 'out')], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `${nodeOptions} --import=${pathToFileURL(nospawn).href}` },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^xxgk: could not start a second node for the build \(.*ENOENT.*\): building in this process\n/);
  assert.match(r.stdout, /xxgk: built \d+ files into /);
  assert.deepEqual(seen(log).map((p) => [p.relaunched, p.code]), [[null, 0]]);
});

test('the first process killed (SIGKILL: nothing passed on): the build stops as on SIGTERM, its spill removed, not left building alone', { timeout: 120_000 }, async () => {
  // Held in the middle of reading on a named pipe, as in the SIGTERM test above.
  const { dir, input } = setUp();
  const { temp, cache, fifo } = await heldOnPipe(dir);
  let child: ChildProcess | undefined;
  const handle = { close: async () => {} };
  try {
    child = spawn(process.execPath, [BIN, 'build', '--in', input, '--out', join(dir, 'out'), '--cache', cache, '--jobs', '1'], {
      cwd: ROOT, env: { ...process.env, XXGK_FROM_SOURCE: '1', TMPDIR: temp },
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    // The pipes close when every process holding them has ended: the first process and the build it started.
    const closed = new Promise<void>((done) => child!.stdout!.on('close', () => done()));
    const exited = new Promise<NodeJS.Signals | null>((done) => child!.on('exit', (_code, signal) => done(signal)));
    const w = await open(fifo, 'w');
    handle.close = () => w.close();
    assert.equal((await readdir(temp)).filter((n) => n.startsWith('xxgk-spill-')).length, 2, 'the spills are open');
    const stopped = new Promise<void>((done) => child!.stderr!.on('data', () => { if (/xxgk: SIGTERM: stopped/.test(out)) done(); }));
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    // The build's thread pool is blocked reading the pipe: end it once the build said it stopped.
    await stopped;
    await handle.close();
    await closed;
    assert.match(out, /xxgk: SIGTERM: stopped; 2 temporary paths removed/);
    assert.deepEqual((await readdir(temp)).filter((n) => n.startsWith('xxgk-spill-')), []);
  } finally {
    await handle.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
