/**
 * The scheduler, kept thin: a cron scheduler (node-cron by default, noOverlap) calls the job under the file lock, so
 * two processes never run at once; a run missed while nothing was running is done once at start-up; stop() lets the
 * current run finish its step (the job checks the stop flag between steps) and waits for it.
 */
import cron from 'node-cron';
import type { Clock } from '../adapters/clock.ts';
import { acquireLock } from './lock.ts';
import { missedRun } from './missed.ts';
import { readState } from './state.ts';

export type LockedResult<T> = { ran: true; value: T } | { ran: false; reason: 'locked' };

/** Run fn under the lock at lockPath, or not at all when another process holds it. */
export async function runLocked<T>(lockPath: string, clock: Clock, fn: () => Promise<T>, pid: number = process.pid): Promise<LockedResult<T>> {
  const lock = await acquireLock(lockPath, { pid, now: clock });
  if (!lock) return { ran: false, reason: 'locked' };
  try {
    return { ran: true, value: await fn() };
  } finally {
    await lock.release();
  }
}

export interface ScheduledTask {
  stop(): void | Promise<void>;
}

export type CronScheduler = (expression: string, run: () => Promise<void>, options: { timezone: string; noOverlap: true }) => ScheduledTask;

export const nodeCronScheduler: CronScheduler = (expression, run, options) =>
  cron.schedule(expression, run, { timezone: options.timezone, noOverlap: options.noOverlap });

export interface DaemonOptions {
  cron: string;
  timezone: string;
  clock: Clock;
  statePath: string;
  lockPath: string;
  /** One run; receives the stop flag to check between steps. */
  job: (shouldStop: () => boolean) => Promise<void>;
  scheduler?: CronScheduler;
  pid?: number;
  log?: (message: string) => void;
}

export interface Daemon {
  /** The start-up catch-up run, if one was due (resolved when done). */
  readonly caughtUp: Promise<boolean>;
  /** Stop scheduling, let the current run end at its next step, wait for it. */
  stop(): Promise<void>;
}

export function startDaemon(options: DaemonOptions): Daemon {
  const log = options.log ?? (() => {});
  let stopping = false;
  let current: Promise<unknown> = Promise.resolve();

  const tick = (why: string): Promise<void> => {
    if (stopping) return Promise.resolve();
    const run = runLocked(options.lockPath, options.clock, () => options.job(() => stopping), options.pid)
      .then((r) => {
        if (!r.ran) log(`${why}: another xxgk run holds ${options.lockPath}; skipped`);
      })
      .catch((err: unknown) => log(`${why}: the run failed: ${err instanceof Error ? err.message : String(err)}`));
    current = run;
    return run;
  };

  const caughtUp = (async () => {
    const { state } = await readState(options.statePath, options.clock);
    const missed = missedRun({
      cron: options.cron,
      timezone: options.timezone,
      lastAttempt: state.lastAttempt ? new Date(state.lastAttempt) : null,
      now: options.clock(),
    });
    if (!missed.missed) return false;
    log(`catching up the run scheduled for ${missed.scheduledAt.toISOString()} (${missed.reason})`);
    await tick('catch-up');
    return true;
  })();

  const task = (options.scheduler ?? nodeCronScheduler)(options.cron, () => tick('scheduled'), { timezone: options.timezone, noOverlap: true });

  return {
    caughtUp,
    async stop() {
      stopping = true;
      await task.stop();
      await caughtUp.catch(() => false);
      await current;
    },
  };
}
