/**
 * `xxgk run` reads its history (the publish target's last release, schedule/job.ts) one report at a time, in passes,
 * and never holds it whole (publish/history.ts publishedHistorySource): each pass reads the release's index and every
 * report document again from the target (publishing's own reading aside). A run that held the history would read it once. The outputs of such runs
 * are those of the runs before (build-incremental-run.test.ts, schedule-job*.test.ts compare them byte for byte).
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { readConfig, runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { configTarget } from '../../pipeline/schedule/job-target.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { publish } from '../../pipeline/publish/index.ts';
import type { PublishTarget, Published } from '../../pipeline/publish/types.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z');
const samples = fileURLToPath(new URL('../../samples/real/', import.meta.url));

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  assert.equal(text.split(from).length, 2, `${file} holds ${from} once`);
  await writeFile(file, text.replace(from, to));
}

test('xxgk run reads the target\'s last release in passes, each whole, one report document at a time', async (t) => {
  const dir = scratchDir('xxgk-run-history-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const inbox = join(dir, 'inbox');
  await mkdir(inbox, { recursive: true });
  for (const f of await readdir(samples)) await cp(join(samples, f), join(inbox, f));
  const file = join(dir, 'xxgk.config.yaml');
  await writeFile(file, 'sources:\n  - id: inbox\n    name: 淮安\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n');
  const lines: string[] = [];
  const deps = { progress: silentProgress, out: (line: string) => lines.push(line), env: {} };
  assert.equal(await runCommand({ config: file }, clock, deps), 0);
  assert.match(lines.at(-1)!, /published v1\.0\.0/);

  // The target as the run gets it, its last release read through a counter: the index (feed/reports.json) once a
  // pass, and each report document (reports/<year>/<id>.json in the site layout).
  const config = await readConfig(file, {});
  const real = configTarget(config, join(dir, 'output', 'dist'), clock);
  let passes = 0;
  let documents = 0;
  let read: Set<string> | null = null;
  // Publishing reads the last release too (publish/index.ts): not counted.
  let publishing = false;
  const publishing_: typeof publish = (...args) => {
    publishing = true;
    return publish(...args);
  };
  const latest = async (): Promise<Published | null> => {
    const p = await real.latest();
    if (!p) return null;
    read = new Set(p.manifest.files.map((f) => f.path).filter((f) => /^reports\/\d{4}\/[^/]+\.json$/.test(f)));
    return {
      ...p,
      read(path) {
        if (!publishing && path === 'feed/reports.json') passes++;
        if (!publishing && read!.has(path)) documents++;
        return p.read(path);
      },
    };
  };
  const target = new Proxy(real, { get: (o, k) => (k === 'latest' ? latest : Reflect.get(o, k)) }) as PublishTarget;

  // One document changed: the run keeps the other reports (build-changed.ts), and reads the history for the
  // coverage, the build (its digest, then the touched reports' reading) and the ledger's digest.
  for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(inbox, name), '96171.6', '96171.7');
  assert.equal(await runCommand({ config: file }, clock, { ...deps, target, publish: publishing_ }), 0);
  assert.match(lines.at(-1)!, /published v1\.0\.1/);
  assert.ok(publishing, 'the run published');
  const reports = read!.size;
  assert.ok(reports >= 4, `the last release holds the samples' reports (${reports})`);
  assert.ok(passes >= 2, `the history is read in passes, not held (${passes} reading of the index)`);
  assert.equal(documents, passes * reports, 'each pass reads every report document of the last release, once');
});
