/**
 * publish() around the planner and the target: the version and its notes in the built files, dates kept from the
 * published release, the folder kept equal to what is published, --dry-run writing nothing, deterministic assets.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { gunzipSync } from 'node:zlib';
import { observationsAssetName } from '../../pipeline/datasets/dcat-files.ts';
import { csvZipName, deterministicZip, releaseAssets } from '../../pipeline/publish/assets.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import { folderRelease } from '../../pipeline/publish/release-folder.ts';
import { readTree } from '../helpers/build-samples.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { REPORTS, build, correct, day, fixture, type Fixture } from '../helpers/publish-fixture.ts';
import { scratchDir } from '../helpers/scratch.ts';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

function setup(f: Fixture = fixture()) {
  const repo = join(f.dir, 'publish.git');
  return { f, repo, target: gitTarget({ repo, workDir: join(f.dir, 'work'), clock: day(1) }) };
}

/**
 * fixture() built on day 1 and published to a new repository (v1.0.0), where most tests start: published once, each
 * test given a copy of its folder (the release folder, the inputs and the repository).
 */
let firstRelease: string | undefined;
async function firstPublished() {
  if (!firstRelease) {
    const { f, target } = setup();
    await build(f, day(1));
    await publish(f.out, target, { clock: day(1) });
    firstRelease = f.dir;
  }
  const dir = scratchDir('xxgk-publish-');
  cpSync(firstRelease, dir, { recursive: true, verbatimSymlinks: true });
  return setup({ dir, in: join(dir, 'in'), out: join(dir, 'dist') });
}

/** The dataset of the catalog for a table: its version and version notes. */
function catalogVersion(out: string): { version: string; notes: string } {
  const text = readFileSync(join(out, 'catalog.jsonld'), 'utf8');
  return {
    version: /"dcat:version": \{\s*"@value": "([^"]+)"\s*\}/.exec(text)![1]!,
    notes: /"adms:versionNotes": \{\s*"@value": "([^"]+)"\s*\}/.exec(text)![1]!,
  };
}

test('the version and a summary of the notes go into datapackage.json, the catalog, the feed and the site', async () => {
  const { f, target } = await firstPublished();
  correct(f, REPORTS.huaianCity2024, 'applications', 'received', 'natural_person', 1);
  await build(f, day(2));
  const outcome = await publish(f.out, target, { clock: day(2) });
  assert.equal(outcome.plan.version, '1.0.1');
  assert.equal(json(join(f.out, 'datapackage.json')).version, '1.0.1');
  assert.equal(json(join(f.out, 'feed/reports.json')).version, '1.0.1');
  assert.equal(json(join(f.out, 'manifest.json')).version, '1.0.1');
  assert.deepEqual(catalogVersion(f.out), {
    version: '1.0.1',
    notes: 'Version 1.0.1 (2026-02-02, patch release after 1.0.0): 1 report corrected (1 cell). The release notes list every change.',
  });
  assert.match(readFileSync(join(f.out, 'index.html'), 'utf8'), /1\.0\.1/);
  const entries = (await readFeedEntries((p) => readFile(join(f.out, p), 'utf8').catch(() => null))) as Array<{ id: string; modified: string }>;
  const dates = Object.fromEntries(entries.map((r) => [r.id, r.modified]));
  assert.equal(dates['jiangsu-huaian-2024'], '2026-02-02', 'the corrected report is modified today');
  assert.equal(dates['jiangsu-huaian-hongze-2023'], '2026-02-01', 'the others keep their date');
});

test('a fresh build folder on a later day publishes nothing, and is brought back to the published release', async () => {
  const { f, repo, target } = await firstPublished();
  const published = readTree(f.out);
  rmSync(f.out, { recursive: true });
  await build(f, day(7));
  assert.notDeepEqual(readTree(f.out), published, 'a fresh build dates everything today and says 1.0.0, "First release."');
  const outcome = await publish(f.out, target, { clock: day(7) });
  assert.equal(outcome.plan.empty, true);
  assert.deepEqual(readTree(f.out), published, 'the folder is the published release again');
  const state = await stateOf(repo);
  for (const [path, bytes] of published) assert.ok(state.files.get(`latest/${path}`)!.equals(bytes), path);
});

test('--dry-run writes nothing: not the folder, not the repository; its file lists are the real ones', async () => {
  const { f, repo, target } = setup();
  await build(f, day(1));
  const first = await publish(f.out, target, { clock: day(1), dryRun: true });
  assert.equal(first.plan.version, '1.0.0');
  assert.equal(first.result, null);
  assert.deepEqual(await stateOf(repo), { files: new Map(), commits: [], tags: [], releases: [] }, 'no repository was made');
  await publish(f.out, target, { clock: day(1) });
  correct(f, REPORTS.hongze2023, 'applications', 'received', 'natural_person', 7);
  await build(f, day(2));
  const folder = readTree(f.out);
  const state = await stateOf(repo);
  const dry = await publish(f.out, target, { clock: day(2), dryRun: true });
  assert.equal(dry.plan.version, '1.0.1');
  assert.match(dry.plan.notes, /`applications\/received\/natural_person`: \d+ → 7/);
  assert.deepEqual(readTree(f.out), folder);
  assert.deepEqual(await stateOf(repo), state);
  const real = await publish(f.out, target, { clock: day(2) });
  assert.deepEqual(real.plan.files, dry.plan.files, 'the dry run listed exactly the files the release changes');
  assert.ok(real.plan.files.changed.includes('datapackage.json') && real.plan.files.changed.includes('manifest.json'));
});

test('assets: a deterministic zip of every CSV, the whole observations table gzipped, catalog.jsonld and datapackage.json', async () => {
  const { f, target } = await firstPublished();
  const files = await folderRelease(f.out);
  const [a, b] = [await releaseAssets(files), await releaseAssets(files)];
  assert.deepEqual(a.map((x) => [x.name, x.contentType]), [
    [csvZipName('1.0.0'), 'application/zip'], [observationsAssetName('1.0.0'), 'application/gzip'],
    ['catalog.jsonld', 'application/ld+json'], ['datapackage.json', 'application/json'],
  ]);
  const bytes = async (x: (typeof a)[number]) => Buffer.from(await (await x.blob()).arrayBuffer());
  assert.ok((await bytes(a[0]!)).equals(await bytes(b[0]!)), 'the same bytes every time');
  assert.ok((await bytes(a[1]!)).equals(await bytes(b[1]!)), 'the same gzip bytes every time');
  for (const x of a) assert.equal(createHash('sha256').update(await bytes(x)).digest('hex'), x.sha256, `${x.name}: its sha256`);
  // The gzip is the partitions of observations.csv joined in year order, the header once.
  const parts = files.manifest.files.map((x) => x.path).filter((p) => /^data\/observations\/\d{4}(-\d+)?\.csv$/.test(p)).sort();
  assert.ok(parts.length >= 2);
  const joined = parts.map((p, k) => { const t = readFileSync(join(f.out, p), 'utf8'); return k === 0 ? t : t.slice(t.indexOf('\n') + 1); }).join('');
  assert.equal(gunzipSync(await bytes(a[1]!)).toString('utf8'), joined);
  assert.equal(joined.split('\n').filter((l) => l.includes('report_id,agency')).length, 1);
  const zip = await JSZip.loadAsync(await bytes(a[0]!));
  const csvs = files.manifest.files.filter((x) => x.path.endsWith('.csv')).map((x) => x.path);
  assert.deepEqual(Object.keys(zip.files), [...csvs].sort());
  for (const path of csvs) assert.ok(Buffer.from(await zip.file(path)!.async('uint8array')).equals(readFileSync(join(f.out, path))), path);
  assert.equal(zip.file(csvs[0]!)!.date.toISOString(), '2000-01-01T00:00:00.000Z');
  const shuffled = await deterministicZip([{ path: 'b', data: new Uint8Array([1]) }, { path: 'a', data: new Uint8Array([2]) }]);
  const sorted = await deterministicZip([{ path: 'a', data: new Uint8Array([2]) }, { path: 'b', data: new Uint8Array([1]) }]);
  assert.ok(Buffer.from(shuffled).equals(Buffer.from(sorted)), 'entry order does not depend on the input order');
});
