/**
 * The process of a command that builds a release (`xxgk build`, `run`, `start`: cli.ts sets it up before their
 * action, in one place). Two things:
 *
 * - **A flat heap.** V8 runs with --heap-growing-percent=HEAP_GROWING_PERCENT (below).
 * - **A signal leaves nothing behind.** While it builds, the process holds temporary paths: spill folders in the
 *   system's temporary folder (spill.ts, record-spill.ts), the staging folder beside the output (output.ts), a file
 *   half written (fs.ts writeAtomic), the publish scratch folders. Each adapter says what it holds (removeOnSignal)
 *   and lets go when it removes it itself. On SIGINT or SIGTERM the handler removes what is held, synchronously, says so on
 *   stderr and exits 128 + the signal's number — 130 for SIGINT, 143 for SIGTERM — the code a shell gives a process
 *   that a signal ended. The output folder is untouched (it is switched in by one rename, output-switch.ts), and a
 *   run's lock names a process that is gone: the next run takes it over (schedule/lock.ts).
 *
 * `xxgk schedule` does not get these handlers: it installs its own, which stop the daemon after the current step.
 */
import { rmSync } from 'node:fs';
import { constants } from 'node:os';
import { setFlagsFromString } from 'node:v8';

const held = new Map<symbol, string>();

/** Remove `path` (a file or a folder) if a signal stops the process before the returned function is called. */
export function removeOnSignal(path: string): () => void {
  const key = Symbol(path);
  held.set(key, path);
  return () => { held.delete(key); };
}

/** The paths a signal would remove now (for tests). */
export function heldPaths(): string[] {
  return [...new Set(held.values())];
}

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent (its own default picks a factor
 * of up to 4 by the collector's speed): a build allocates about half a megabyte of short-lived strings a report, so
 * the heap ran at 1.5–4 times its live size (5,000 Word-text reports: peak RSS 408 MiB, 61–71 MiB live), and the
 * peak grew with every report the build keeps a summary of. At 25% the same build peaks at about 220 MiB, for a few
 * percent more CPU time (issue 13 §4, README). Not when the command line sets it (node --heap-growing-percent=N).
 */
export const HEAP_GROWING_PERCENT = 25;

function flatHeap(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return;
  // Read by V8 at every full collection (when it sets the next limit): setting it at run time takes effect.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

let installed = false;

/** Set up the process of a command that builds: the flat heap, and the signal handlers (once). */
export function buildingProcess(): void {
  flatHeap();
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const paths = heldPaths();
      const failed: string[] = [];
      for (const path of paths) {
        try {
          rmSync(path, { recursive: true, force: true });
        } catch (err) {
          failed.push(`${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        }
      }
      const removed = paths.length - failed.length;
      process.stderr.write(`xxgk: ${signal}: stopped; ${removed} temporary ${removed === 1 ? 'path' : 'paths'} removed${failed.length ? `; could not remove ${failed.join(', ')}` : ''}\n`);
      process.exit(128 + constants.signals[signal]);
    });
  }
}
