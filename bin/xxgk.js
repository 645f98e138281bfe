#!/usr/bin/env node
// Entry point for the `xxgk` bin. Runs the compiled JavaScript in dist-js/ (npm ci, npm install and npm pack compile
// it: the `prepare` script), so that start-up does not transpile every module. When dist-js/ is missing, or older than
// a source file (a working copy being edited), it runs the TypeScript sources through tsx instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist-js/.built', root);

/** The newest modification time of the run-time sources (pipeline/ without synth/, schemas/). */
function newestSource() {
  let newest = 0;
  for (const dir of ['pipeline', 'schemas']) {
    for (const entry of readdirSync(new URL(`${dir}/`, root), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || (entry.parentPath ?? entry.path).includes('/pipeline/synth')) continue;
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

function compiled() {
  if (!existsSync(stamp)) return false;
  // In an installed package there are no sources to compare with.
  if (!existsSync(new URL('pipeline/', root))) return true;
  return statSync(stamp).mtimeMs >= newestSource();
}

const args = process.argv.slice(2);

/**
 * V8 options of `xxgk build`, which V8 reads only when the process starts (set at run time they change nothing): a
 * young generation of 2 × 32 MiB instead of 2 × 16 MiB. A build allocates about half a megabyte of short-lived
 * strings a report; with the larger semi-spaces fewer of them live through a scavenge to be copied, for about a
 * tenth less CPU time at 10,000 reports (2–5% at 2,000) and some 35–50 MiB more peak RSS (README, Performance). The heap's growth is set at run time
 * (pipeline/adapters/build-process.ts).
 */
const BUILD_V8_OPTIONS = ['--max-semi-space-size=32'];

/** The signals passed on to the build's process. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Whether to start `xxgk build` again in a node process given BUILD_V8_OPTIONS: not when node was given a semi-space
 * size already (on its command line or in NODE_OPTIONS: that one wins), nor under a debugger, nor for any other
 * command (`run`, `start` and `schedule` hold a lock or a daemon's signals by their own process id).
 */
function relaunches() {
  if (args[0] !== 'build' || process.env.XXGK_RELAUNCHED === '1') return false;
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  // Under a debugger (--inspect…) the build stays in the process the debugger is attached to: a child given the same
  // options would ask for the port this one holds.
  return !given.some((a) => /^--max[-_]semi[-_]space[-_]size\b|^--inspect/.test(a));
}

/**
 * Run this same command in a child node with BUILD_V8_OPTIONS, the same stdio and environment, and exit as it exits.
 * SIGINT, SIGTERM and SIGHUP sent to this process are passed on to it (on SIGINT and SIGTERM it removes its temporary
 * files and exits 130 or 143: pipeline/adapters/build-process.ts); a signal that ends it ends this process too. A
 * node that cannot be started (EAGAIN, ENOMEM) leaves the build to this process, said on stderr.
 */
function relaunch() {
  const child = spawn(process.execPath, [...process.execArgv, ...BUILD_V8_OPTIONS, fileURLToPath(import.meta.url), ...args], {
    // The IPC channel is not used for messages: it closes when this process ends, however it ends (watchLauncher).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, XXGK_RELAUNCHED: '1' },
  });
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    // Emitted too when passing a signal on fails (kill(2) refused): the build runs, and its exit is awaited.
    if (child.pid !== undefined) return;
    // Not started (EAGAIN, ENOMEM: the machine's, not a bug of xxgk): the build runs here, without the larger
    // young generation.
    for (const s of FORWARDED) process.removeAllListeners(s);
    process.stderr.write(`xxgk: could not start a second node for the build (${err.message}): building in this process\n`);
    void runHere();
  });
  child.on('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 0);
    // Ended by a signal (SIGKILL from the OOM killer, a SIGHUP it does not handle): end this process by the same one,
    // so that the shell or the caller sees it (a shell prints "Killed"), as if the build ran here. Should this process
    // outlive it (a signal node ignores), it exits when its event loop empties, with the shell's code.
    for (const s of FORWARDED) process.removeAllListeners(s);
    process.exitCode = 128 + (constants.signals[signal] ?? 0);
    process.kill(process.pid, signal);
  });
}

/** Run the command in this process: the compiled JavaScript, or the sources through tsx. */
async function runHere() {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // --version answers from package.json alone.
    process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
  } else if (process.env.XXGK_FROM_SOURCE !== '1' && compiled()) {
    await import('../dist-js/cli.js');
  } else {
    if (process.stderr.isTTY && process.env.XXGK_FROM_SOURCE !== '1') {
      process.stderr.write('xxgk: running the TypeScript sources through tsx (slower start-up); `npm run build` compiles them into dist-js/\n');
    }
    const { register } = await import('tsx/esm/api');
    register();
    await import('../pipeline/cli.ts');
  }
}

/**
 * In the build's process: should the first process end without passing a signal on (SIGKILL, `timeout -s KILL`, a
 * signal it does not forward), its IPC channel closes; the build then stops as on SIGTERM (its temporary files
 * removed, exit 143) instead of writing on alone into --out with nobody waiting for it.
 */
function watchLauncher() {
  if (process.env.XXGK_RELAUNCHED !== '1' || !process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

if (relaunches()) relaunch();
else {
  watchLauncher();
  await runHere();
}
