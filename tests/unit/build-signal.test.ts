/**
 * `xxgk build` as a real process, stopped by a real signal while it reads: it removes its spill folder (and nothing of
 * it stays in the temporary folder), leaves no output or staging folder, and exits 130 for SIGINT (143 for SIGTERM,
 * under XXGK_TEST_FULL=1). The child is held in the middle of reading without any time window: the parse cache's
 * entry for the one input document is a named pipe, so the child's read of it blocks, and the test's open of the pipe
 * for writing returns exactly when the child has opened it for reading — after it opened its spill.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { readerFingerprint } from '../../pipeline/adapters/parse-cache.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'samples/real/2024_huaian-city-gov.yaml');
const FULL = process.env.XXGK_TEST_FULL === '1';

/**
 * The mechanism, cheaply: a child that sets up a building process (adapters/build-process.ts), opens a spill and
 * writes half a file atomically (held by a pipe nobody writes to), says so, and waits; SIGTERM removes both, exit 143.
 */
test('a building process stopped by SIGTERM removes its spill and its half-written file, exit 143', async () => {
  const dir = scratchDir('xxgk-build-signal-');
  let child: ChildProcess | undefined;
  try {
    const script = [
      `import { buildingProcess } from ${JSON.stringify(join(ROOT, 'pipeline/adapters/build-process.ts'))};`,
      `import { openSpill } from ${JSON.stringify(join(ROOT, 'pipeline/adapters/spill.ts'))};`,
      `import { writeAtomic } from ${JSON.stringify(join(ROOT, 'pipeline/adapters/fs.ts'))};`,
      'import { existsSync, readdirSync } from "node:fs";',
      'import { Readable } from "node:stream";',
      'buildingProcess();',
      `openSpill(${JSON.stringify(dir)}).put({ a: 1 });`,
      // A write that never ends: writeFile drains a stream that never closes.
      `void writeAtomic(${JSON.stringify(join(dir, 'half.json'))}, new Readable({ read() {} }));`,
      // "ready" once the half-written file exists (writeAtomic creates it asynchronously): no time window.
      `const half = () => readdirSync(${JSON.stringify(dir)}).some((n) => n.endsWith(".tmp"));`,
      'const wait = () => (half() ? process.stdout.write("ready\\n") : setImmediate(wait));',
      'wait();',
      'setInterval(() => {}, 1000);',
    ].join('\n');
    child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
    let out = '';
    const ready = new Promise<void>((done) => child!.stdout!.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('ready')) done(); }));
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));
    await Promise.race([ready, exited]);
    const held = (await readdir(dir)).sort();
    assert.equal(held.length, 2, `${out}\n${held.join(', ')}`);
    assert.match(held[0]!, /^half\.json\.\d+\.tmp$/);
    assert.match(held[1]!, /^xxgk-spill-/);
    child.kill('SIGTERM');
    assert.equal(await exited, 143, out);
    assert.match(out, /xxgk: SIGTERM: stopped; 2 temporary paths removed/);
    assert.deepEqual(await readdir(dir), []);
  } finally {
    // A failed assertion must not leave the child running (it would hold the test file open).
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

async function stopWhileReading(command: 'build' | 'run', signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const dir = scratchDir('xxgk-build-signal-');
  try {
    const input = join(dir, 'in');
    const temp = join(dir, 'tmp');
    // xxgk run keeps its parse cache in the job's state folder, beside its config.
    const cache = command === 'build' ? join(dir, 'cache') : join(dir, 'output', 'state', 'parsed');
    const config = join(dir, 'xxgk.config.yaml');
    await writeFile(config, 'sources:\n  - id: inbox\n    name: 样例\n    region: "320800"\n    inbox: in\npublish:\n  repo: publish.git\n');
    await Promise.all([mkdir(input), mkdir(temp)]);
    // tsx keeps its transpiled files in the temporary folder: the child's is linked to ours (a fresh one costs seconds).
    const tsx = `tsx-${process.getuid?.() ?? 0}`;
    await mkdir(join(tmpdir(), tsx), { recursive: true });
    await symlink(join(tmpdir(), tsx), join(temp, tsx));
    await copyFile(SAMPLE, join(input, 'report.yaml'));
    const sha = createHash('sha256').update(await readFile(SAMPLE)).digest('hex');
    const entries = join(cache, await readerFingerprint());
    await mkdir(entries, { recursive: true });
    const fifo = join(entries, `${sha}.json`);
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');

    // From the sources (the cache fingerprint is of the code the child runs), with its own temporary folder.
    const args = command === 'build' ? ['build', '--in', input, '--out', join(dir, 'out'), '--cache', cache, '--jobs', '1'] : ['run', '--config', config];
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli.ts'), ...args], {
      cwd: ROOT, env: { ...process.env, TMPDIR: temp },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Opening a pipe for writing waits for its reader: the child reading the cache entry. Should the child end first,
    // a reader of our own lets the open return.
    const writer = open(fifo, 'w');
    const first = await Promise.race([writer.then(() => 'reading' as const), exited.then(() => 'exited' as const)]);
    if (first === 'exited') await (await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK)).close();
    const handle = await writer;
    try {
      assert.equal(first, 'reading', `the build ended before it read the document:\n${out}`);
      const spills = async () => (await readdir(temp)).filter((n) => n !== tsx);
      assert.deepEqual((await spills()).map((n) => n.replace(/^(xxgk-spill-).*/, '$1')), ['xxgk-spill-', 'xxgk-spill-'], 'the spill is open while the build reads');
      const said = new RegExp(`xxgk: ${signal}: stopped`);
      const stopped = new Promise<void>((done) => child.stderr.on('data', () => { if (said.test(out)) done(); }));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      // Node joins its thread pool on exit, and one of its threads is blocked reading the pipe: once the child has
      // said it stopped (its cleanup is done), end the pipe.
      await Promise.race([stopped, exited]);
      await handle.close();
      const code = await exited;
      clearTimeout(timer);
      assert.equal(code, signal === 'SIGINT' ? 130 : 143, out);
      assert.match(out, new RegExp(`xxgk: ${signal}: stopped; 2 temporary paths removed`));
      assert.deepEqual(await spills(), [], 'nothing left in the temporary folder');
      assert.ok(!existsSync(join(dir, 'out')) && !existsSync(join(dir, 'output', 'dist')), 'no output');
      // No staging folder beside the output (build: --out in dir; run: output/dist).
      assert.deepEqual((await readdir(dir)).sort(), command === 'build' ? ['cache', 'in', 'tmp', 'xxgk.config.yaml'] : ['in', 'output', 'tmp', 'xxgk.config.yaml']);
      if (command === 'run') assert.deepEqual(await readdir(join(dir, 'output')), ['state']);
    } finally {
      await handle.close().catch(() => {});
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Each spawns the CLI through tsx (about 4 s of CPU): under XXGK_TEST_FULL=1; the first test covers the mechanism.
test('SIGINT stops xxgk build while it reads: the spill is removed, exit 130', { skip: !FULL && 'XXGK_TEST_FULL=1' }, () => stopWhileReading('build', 'SIGINT'));

test('SIGTERM stops xxgk run while it reads: the spill is removed, exit 143', { skip: !FULL && 'XXGK_TEST_FULL=1' }, () => stopWhileReading('run', 'SIGTERM'));
