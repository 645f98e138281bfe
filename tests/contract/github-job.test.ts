/**
 * `xxgk run` and the scheduled job (`xxgk schedule`'s daemon) with a GitHub target from the config (OWNER/NAME,
 * GITHUB_TOKEN, GITHUB_API_URL), publishing through the production client — Node's global fetch with the dispatcher
 * the job's modules install (the fetch adapter, cheerio's undici), real sockets — to the fake GitHub served on
 * 127.0.0.1. Only the client's pauses are turned off (no sleeping between writes).
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { readConfig, runCommand, startSchedule } from '../../pipeline/schedule/cli-schedule.ts';
import type { CronScheduler } from '../../pipeline/schedule/daemon.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { NO_WAIT } from './fake-github/handle.ts';
import { serveFakeGitHub } from './fake-github/wire.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-03T00:00:00.000Z');

/** A job folder: an inbox with one report, and a config publishing to the wire fake's repository. */
async function jobFolder(t: { after: (fn: () => Promise<void>) => void }, repo: string, extra = '') {
  const dir = scratchDir('xxgk-job-github-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'inbox'));
  await copyFile(join(ROOT, 'samples/real/2024_huaian-city-gov.yaml'), join(dir, 'inbox', 'city.yaml'));
  const config = join(dir, 'xxgk.config.yaml');
  await writeFile(config, `sources:\n  - id: inbox\n    name: 淮安市人民政府\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: ${repo}\n${extra}`);
  return config;
}

async function served(t: { after: (fn: () => Promise<void>) => void }) {
  const wire = await serveFakeGitHub({ token: 'ghp_job_token' });
  t.after(() => wire.close());
  wire.fake.state.push(wire.fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  return wire;
}

test('xxgk run publishes over the wire to the GitHub repository the config names, with the token from the environment', async (t) => {
  const wire = await served(t);
  const { fake } = wire;
  const config = await jobFolder(t, `${fake.state.owner}/${fake.state.repo}`);
  const env = { GITHUB_TOKEN: 'ghp_job_token', GITHUB_API_URL: wire.apiUrl };
  const lines: string[] = [];
  // No fetch handed in: the target reaches the loopback server through the global fetch.
  const run = () => runCommand({ config }, clock, { progress: silentProgress, out: (l) => lines.push(l), env, github: { client: NO_WAIT } });
  assert.equal(await run(), 0, lines.join('\n'));
  assert.match(lines.at(-1)!, /published v1\.0\.0$/);
  const release = fake.state.releases.find((r) => r.tagName === 'v1.0.0');
  assert.ok(release && !release.draft, 'a published release v1.0.0');
  assert.ok(fake.state.text('main', 'latest/manifest.json'), 'latest/ is on the branch');
  assert.ok(wire.seen.some((s) => s.path.startsWith('/api/uploads/')), 'assets went to the uploads host, over the socket');
  fake.resetCounts();
  assert.equal(await run(), 0);
  assert.match(lines.at(-1)!, /nothing to publish$/);
  assert.equal(fake.counts().writes, 0, 'a re-run with nothing new writes nothing');
  assert.ok(!lines.join('\n').includes('ghp_job_token'), 'the token is never printed');
  fake.assertClean();
});

test('the scheduled job publishes over the wire: the start-up catch-up run makes v1.0.0, the next scheduled run publishes nothing', async (t) => {
  const wire = await served(t);
  const { fake } = wire;
  const file = await jobFolder(t, `${fake.state.owner}/${fake.state.repo}`, 'schedule:\n  cron: "0 6 * * 1"\n');
  const config = await readConfig(file, { GITHUB_TOKEN: 'ghp_job_token', GITHUB_API_URL: wire.apiUrl });
  assert.ok(config.schedule);
  let fire: (() => Promise<void>) | undefined;
  const scheduler: CronScheduler = (_cron, run) => {
    fire = run;
    return { stop: () => {} };
  };
  const lines: string[] = [];
  const daemon = startSchedule({ ...config, schedule: config.schedule }, clock, { progress: silentProgress, scheduler, out: (l) => lines.push(l), github: { client: NO_WAIT } });
  t.after(() => daemon.stop());
  assert.equal(await daemon.caughtUp, true, 'never run: caught up at start-up');
  assert.match(lines.at(-1) ?? '', /published v1\.0\.0$/, lines.join('\n'));
  assert.ok(fake.state.releases.some((r) => r.tagName === 'v1.0.0' && !r.draft), 'the release is published');
  fake.resetCounts();
  await fire!();
  assert.match(lines.at(-1)!, /nothing to publish$/);
  assert.equal(fake.counts().writes, 0);
  await daemon.stop();
  fake.assertClean();
});
