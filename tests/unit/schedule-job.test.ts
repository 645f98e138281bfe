import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import { silentProgress } from '../../pipeline/schedule/progress.ts';
import { readState } from '../../pipeline/schedule/state.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z');
const samples = fileURLToPath(new URL('../../samples/real/', import.meta.url));

async function setup(moreSources = '', moreConfig = '') {
  const dir = scratchDir('xxgk-job-');
  await mkdir(join(dir, 'inbox'));
  await copyFile(join(samples, '2023_huaian-hongze-district-gov.yaml'), join(dir, 'inbox', 'hongze-2023.yaml'));
  await copyFile(join(samples, '2024_huaian-city-gov.yaml'), join(dir, 'inbox', 'city-2024.yaml'));
  const config = join(dir, 'xxgk.config.yaml');
  await writeFile(config, `sources:\n  - id: inbox\n    name: 淮安\n    region: "320800"\n    inbox: inbox\n${moreSources}publish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n${moreConfig}`);
  const lines: string[] = [];
  const run = async (deps: Parameters<typeof runCommand>[2] = {}) => {
    const code = await runCommand({ config }, clock, { progress: silentProgress, out: (l) => lines.push(l), env: {}, ...deps });
    return { code, line: lines.at(-1) ?? '' };
  };
  return { dir, run, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

test('run twice, then a corrected report, then a quarantined report that is fixed', async () => {
  const { dir, run, cleanup } = await setup();
  try {
    let r = await run();
    assert.equal(r.code, 0);
    assert.match(r.line, /2 fetched, 0 unchanged, 2 parsed, .* 0 quarantined; published v1\.0\.0$/);
    r = await run();
    assert.match(r.line, /0 fetched, 2 unchanged, 0 parsed, .*; nothing to publish$/);

    const city = await readFile(join(samples, '2024_huaian-city-gov.yaml'), 'utf8');
    await writeFile(join(dir, 'inbox', 'city-2024.yaml'), city.replace('decisions: 88283', 'decisions: 88284'));
    r = await run();
    // Raw documents are kept by sha256: only the changed document is parsed again.
    assert.match(r.line, /1 fetched, 1 unchanged, 1 parsed, .*; published v1\.0\.1$/);

    const hongze = await readFile(join(samples, '2024_huaian-hongze-district-gov.yaml'), 'utf8');
    const broken = hongze.replace(/issued: ([1-9]\d*)\n/, 'issued: -$1\n');
    assert.notEqual(broken, hongze);
    await writeFile(join(dir, 'inbox', 'hongze-2024.yaml'), broken);
    r = await run();
    assert.equal(r.code, 0);
    // Kept out of the release, but found: data/coverage.csv records it (found, not valid), a patch release.
    assert.match(r.line, /1 fetched, 2 unchanged, 1 parsed, .* 1 quarantined; published v1\.0\.2$/);
    const coverage = await readFile(join(dir, 'output', 'dist', 'data', 'coverage.csv'), 'utf8');
    assert.match(coverage, /\n2024,jiangsu-huaian-hongze,.*,true,jiangsu-huaian-hongze-2024,.*,false\r$/m);
    const quarantine = JSON.parse(await readFile(join(dir, 'output', 'quarantine.json'), 'utf8')) as { reports: Array<{ report: string; issues: unknown[] }> };
    assert.equal(quarantine.reports.length, 1);
    assert.match(quarantine.reports[0]!.report, /2024/);
    assert.ok(quarantine.reports[0]!.issues.length > 0);
    r = await run();
    assert.match(r.line, /0 fetched, 3 unchanged, 0 parsed, .* 1 quarantined; nothing to publish$/, 'still quarantined');

    // A broken correction of a published report is quarantined, and the release keeps the last good version.
    await writeFile(join(dir, 'inbox', 'city-2024.yaml'), city.replace('decisions: 88283', 'decisions: -1'));
    r = await run();
    assert.match(r.line, /2 quarantined; nothing to publish$/);
    const kept = JSON.parse(await readFile(join(dir, 'output', 'quarantine.json'), 'utf8')) as { reports: Array<{ report: string; keptPublished?: boolean }> };
    assert.equal(kept.reports.find((q) => q.report === 'jiangsu-huaian-2024')?.keptPublished, true);
    // feed/reports.json is the index of the feed's parts: read through them.
    const feed = { reports: (await readFeedEntries((path) => readFile(join(dir, 'output', 'dist', path), 'utf8').catch(() => null))) as Array<{ id: string }> };
    assert.ok(feed.reports.some((x) => x.id === 'jiangsu-huaian-2024'), 'the last good version is still in the release');
    await writeFile(join(dir, 'inbox', 'city-2024.yaml'), city.replace('decisions: 88283', 'decisions: 88284'));

    await writeFile(join(dir, 'inbox', 'hongze-2024.yaml'), hongze);
    r = await run();
    assert.match(r.line, /1 parsed, .* 0 quarantined; published v1\.1\.0$/);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'output', 'quarantine.json'), 'utf8')).reports, []);
    const { state } = await readState(join(dir, 'output', 'state', 'state.json'), clock);
    assert.equal(state.lastPublishedVersion, '1.1.0');
  } finally {
    await cleanup();
  }
});

test('a crash after building, before publishing: the next run publishes once', async () => {
  const { dir, run, cleanup } = await setup();
  try {
    await assert.rejects(
      run({ publish: async () => { throw new Error('power cut'); } }),
      /power cut/,
    );
    const { state } = await readState(join(dir, 'output', 'state', 'state.json'), clock);
    assert.ok(state.lastAttempt);
    assert.equal(state.lastSuccess, null);
    let calls = 0;
    const counted: typeof publish = (...args) => { calls++; return publish(...args); };
    let r = await run({ publish: counted });
    assert.match(r.line, /; published v1\.0\.0$/);
    r = await run({ publish: counted });
    assert.match(r.line, /nothing to publish$/);
    assert.equal(calls, 1);
  } finally {
    await cleanup();
  }
});

test('a source that cannot be fetched beside good ones: the rest is published, then exit 2; an unreadable document likewise, on every run', async () => {
  // A port nothing listens on: the connection is refused (a real socket, no retry).
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const { dir, run, cleanup } = await setup(`  - id: gone\n    name: 淮安\n    region: "320800"\n    url: http://127.0.0.1:${port}/report.html\n`, 'limits:\n  retries: 0\n');
  const lines: string[] = [];
  try {
    let r = await run({ out: (l) => lines.push(l) });
    assert.equal(r.code, 2, lines.join('\n'));
    assert.match(lines.join('\n'), /2 fetched, 0 unchanged, 2 parsed, .*, 1 source failed, 1 quarantined; published v1\.0\.0$/m);
    assert.match(lines.join('\n'), new RegExp(`^xxgk run: source failed: source gone: http://127\\.0\\.0\\.1:${port}/report\\.html: \\S+.* \\(what it held is kept; quarantined as source\\.unreadable\\)$`, 'm'));
    // A document that cannot be read (parsed): quarantined, the rest published, exit 2 — and again on a run with nothing new.
    await writeFile(join(dir, 'xxgk.config.yaml'), (await readFile(join(dir, 'xxgk.config.yaml'), 'utf8')).replace(/ {2}- id: gone\n(?: {4}.*\n)+/, ''));
    await writeFile(join(dir, 'inbox', 'junk.pdf'), '%PDF-1.4 not really\n%%EOF\n');
    for (const expected of [/1 fetched, 2 unchanged, 0 parsed, .* 1 quarantined; nothing to publish$/m, /0 fetched, 3 unchanged, 0 parsed, .* 1 quarantined; nothing to publish$/m]) {
      lines.length = 0;
      r = await run({ out: (l) => lines.push(l) });
      assert.equal(r.code, 2, lines.join('\n'));
      assert.match(lines.join('\n'), expected);
      assert.match(lines.join('\n'), /^xxgk run: unreadable: inbox\/junk\.pdf \(quarantined; see quarantine\.json\)$/m);
    }
  } finally {
    await cleanup();
  }
});

test('a missing config file exits through ConfigError', async () => {
  await assert.rejects(runCommand({ config: '/nonexistent/xxgk.config.yaml' }, clock, { progress: silentProgress, out: () => {} }), { name: 'ConfigError' });
});
