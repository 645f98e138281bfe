import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type CronScheduler, runLocked, startDaemon } from '../../pipeline/schedule/daemon.ts';
import { emptyState, writeState } from '../../pipeline/schedule/state.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-10T01:00:00.000Z'); // Monday 09:00 in Shanghai

/** A scheduler that never fires by itself: the test calls fire(). */
function fakeScheduler() {
  let run: (() => Promise<void>) | undefined;
  let stopped = false;
  const scheduler: CronScheduler = (_expr, fn, options) => {
    assert.equal(options.noOverlap, true);
    run = fn;
    return { stop: () => { stopped = true; } };
  };
  return { scheduler, fire: () => run!(), stopped: () => stopped };
}

async function temp() {
  const dir = scratchDir('xxgk-daemon-');
  return { dir, statePath: join(dir, 'state.json'), lockPath: join(dir, 'run.lock'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

test('a run missed while down is caught up once at start-up', async () => {
  const t = await temp();
  try {
    await writeState(t.statePath, { ...emptyState(), lastAttempt: '2025-03-02T22:00:00.000Z' }); // last Monday's run
    let runs = 0;
    const fake = fakeScheduler();
    const daemon = startDaemon({ cron: '0 6 * * 1', timezone: 'Asia/Shanghai', clock, statePath: t.statePath, lockPath: t.lockPath, scheduler: fake.scheduler, job: async () => { runs++; } });
    assert.equal(await daemon.caughtUp, true);
    assert.equal(runs, 1);
    await fake.fire();
    assert.equal(runs, 2);
    await daemon.stop();
    assert.equal(fake.stopped(), true);
  } finally {
    await t.cleanup();
  }
});

test('no catch-up when the last scheduled run was attempted', async () => {
  const t = await temp();
  try {
    await writeState(t.statePath, { ...emptyState(), lastAttempt: '2025-03-09T22:00:05.000Z' });
    let runs = 0;
    const daemon = startDaemon({ cron: '0 6 * * 1', timezone: 'Asia/Shanghai', clock, statePath: t.statePath, lockPath: t.lockPath, scheduler: fakeScheduler().scheduler, job: async () => { runs++; } });
    assert.equal(await daemon.caughtUp, false);
    await daemon.stop();
    assert.equal(runs, 0);
  } finally {
    await t.cleanup();
  }
});

test('two runs started at once: exactly one runs the job', async () => {
  const t = await temp();
  try {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const job = async () => { runs++; await gate; return 'done'; };
    const first = runLocked(t.lockPath, clock, job, process.pid);
    const second = runLocked(t.lockPath, clock, job, process.pid);
    // The one refused settles first; the other holds the lock until the gate opens.
    const refused = await Promise.race([first, second]);
    assert.equal(refused.ran, false);
    release();
    const [firstResult, secondResult] = await Promise.all([first, second]);
    assert.equal(runs, 1);
    assert.deepEqual([firstResult.ran, secondResult.ran].sort(), [false, true]);
    // The lock is released afterwards: a later run goes ahead.
    assert.equal((await runLocked(t.lockPath, clock, job)).ran, true);
  } finally {
    await t.cleanup();
  }
});

test('stop() waits for the current run and raises its stop flag; a failing run does not kill the daemon', async () => {
  const t = await temp();
  try {
    await writeState(t.statePath, { ...emptyState(), lastAttempt: clock().toISOString() });
    const fake = fakeScheduler();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const seen: boolean[] = [];
    let calls = 0;
    const logs: string[] = [];
    const daemon = startDaemon({
      cron: '0 6 * * 1', timezone: 'Asia/Shanghai', clock, statePath: t.statePath, lockPath: t.lockPath, scheduler: fake.scheduler, log: (l) => logs.push(l),
      job: async (shouldStop) => {
        calls++;
        if (calls === 1) throw new Error('boom');
        await gate;
        seen.push(shouldStop());
      },
    });
    await daemon.caughtUp;
    await fake.fire();
    assert.ok(logs.some((l) => /boom/.test(l)));
    const running = fake.fire();
    const stopping = daemon.stop();
    release();
    await Promise.all([running, stopping]);
    assert.deepEqual(seen, [true]);
    await fake.fire(); // after stop: ignored
    assert.equal(calls, 2);
  } finally {
    await t.cleanup();
  }
});
