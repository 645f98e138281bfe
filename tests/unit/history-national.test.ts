/**
 * The history of a release in the national layout (publish/history.ts): the report documents are lines of the gzip
 * NDJSON bundles its reports index links (reports/2024.ndjson.gz#<id>), and they come back as the same reports as
 * the site layout's reports/<year>/<id>.json; an unreadable bundle leaves its reports out and crashes nothing; and the
 * cross-year rules look back into a national last release in --out as into a site one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE, isReportBundle } from '../../pipeline/datasets/release-layout.ts';
import { type DatasetMeta, type ValidatedReport, byYearThenId } from '../../pipeline/datasets/types.ts';
import { BundleReadError, bundleLines } from '../../pipeline/publish/bundle-lines.ts';
import { type ReadBytes, releaseReportStream } from '../../pipeline/publish/history.ts';
import { buildFolder } from '../../pipeline/run.ts';
import { generatePair } from '../../pipeline/synth/generate.ts';
import { renderBytes } from '../../pipeline/synth/index.ts';
import { sampleRegistryYaml } from '../../pipeline/synth/sample-registry.ts';
import type { CompactReport } from '../../pipeline/synth/types.ts';
import { bodyReports } from '../helpers/body-release.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const scratch = scratchDir('xxgk-history-national-');
after(() => rm(scratch, { recursive: true, force: true }));
const NATIONAL: DatasetMeta = { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } };
const reports = [...new Map([...sampleReports(30), ...bodyReports()].map((r) => [r.report.id, r])).values()].sort(byYearThenId);
const input = { reports, today: '2026-02-01', schemas: await loadSchemas() };
const siteDir = join(scratch, 'site');
const natDir = join(scratch, 'national');
await buildRelease({ ...input, meta: DEFAULT_META }, folderSink(siteDir));
const national = await buildRelease({ ...input, meta: NATIONAL }, folderSink(natDir));
const bundles = national.files.map((f) => f.path).filter(isReportBundle);

const reader = (dir: string): ReadBytes => (path) => readFile(join(dir, path)).catch(() => null);
async function all(read: ReadBytes, only?: ReadonlySet<string>, told: string[] = []): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const r of releaseReportStream(read, { only, onUnreadable: (path, reason) => told.push(`${path}: ${reason}`) })) out.push(r);
  return out;
}

test('national: the history is the same reports, documents and order as the site layout\'s', async () => {
  assert.ok(bundles.length >= 3, `bundles: ${bundles.join(', ')}`);
  const site = await all(reader(siteDir));
  assert.equal(site.length, reports.length);
  assert.deepEqual(await all(reader(natDir)), site);
  // Each bundle read once, however many of its reports are asked for.
  const reads: string[] = [];
  const counted: ReadBytes = (path) => {
    reads.push(path);
    return reader(natDir)(path);
  };
  const only = new Set(reports.filter((_, k) => k % 3 === 0).map((r) => r.report.id));
  assert.deepEqual(await all(counted, only), await all(reader(siteDir), only));
  const read = reads.filter(isReportBundle);
  assert.deepEqual(read, [...new Set(read)]);
});

test('national: a bundle that is not gzip, or cut short, leaves out its reports (or the rest of them), and the other bundles are read', async () => {
  const site = await all(reader(siteDir));
  const broken = bundles[1]!;
  const year = Number(/\d{4}/.exec(broken)![0]);
  const garbage: ReadBytes = (path) => (path === broken ? Promise.resolve(new TextEncoder().encode('not gzip')) : reader(natDir)(path));
  const told: string[] = [];
  assert.deepEqual(await all(garbage, undefined, told), site.filter((r) => r.report.year !== year));
  // Each report left out is told, with the bundle and why: the history does not shrink unseen.
  const lost = site.filter((r) => r.report.year === year).map((r) => r.report.id);
  assert.equal(told.length, lost.length);
  for (const [k, id] of lost.entries()) assert.match(told[k]!, new RegExp(`^${broken.replace(/[.]/g, '\\.')}#${id}: not a complete gzip stream`));
  const whole = readFileSync(join(natDir, broken));
  const cut: ReadBytes = (path) => (path === broken ? Promise.resolve(whole.subarray(0, whole.length - 20)) : reader(natDir)(path));
  const cutTold: string[] = [];
  const got = await all(cut, undefined, cutTold);
  const ofYear = site.filter((r) => r.report.year === year);
  assert.deepEqual(got.filter((r) => r.report.year !== year), site.filter((r) => r.report.year !== year));
  assert.deepEqual(got.filter((r) => r.report.year === year), ofYear.slice(0, got.filter((r) => r.report.year === year).length));
  assert.ok(got.length < site.length);
  assert.equal(cutTold.length, site.length - got.length);
});

test('site layout: a document the index lists that is missing or not a report is told and left out', async () => {
  const site = await all(reader(siteDir));
  const [gone, bad] = [site[2]!.report, site[5]!.report];
  const read: ReadBytes = (path) => {
    if (path === `reports/${gone.year}/${gone.id}.json`) return Promise.resolve(null);
    if (path === `reports/${bad.year}/${bad.id}.json`) return Promise.resolve(new TextEncoder().encode('{"report": 1}'));
    return reader(siteDir)(path);
  };
  const told: string[] = [];
  const got = await all(read, undefined, told);
  assert.deepEqual(got.map((r) => r.report.id), site.map((r) => r.report.id).filter((id) => id !== gone.id && id !== bad.id));
  assert.deepEqual(told, [
    `reports/${gone.year}/${gone.id}.json: missing`,
    `reports/${bad.year}/${bad.id}.json: not a report document (JSON with report and validation)`,
  ]);
});

test('bundleLines: the lines of a gzip NDJSON stream, a line over the limit or a stream that is not gzip a BundleReadError', async () => {
  const lines = async (bytes: Uint8Array, max?: number) => {
    const out: string[] = [];
    for await (const l of bundleLines(bytes, max)) out.push(l);
    return out;
  };
  assert.deepEqual(await lines(gzipSync('{"a":1}\n{"b":"二"}\n')), ['{"a":1}', '{"b":"二"}']);
  assert.deepEqual(await lines(gzipSync('x\ny')), ['x', 'y']);
  await assert.rejects(lines(gzipSync(`${'x'.repeat(100_000)}\n`), 1000), BundleReadError);
  await assert.rejects(lines(new TextEncoder().encode('plain')), BundleReadError);
});

const day = (n: number): Clock => () => new Date(Date.UTC(2026, 1, n, 2));

test('a cross-year rule fires against last year\'s release in --out in the national layout as in the site layout', async () => {
  const [first, second] = generatePair(41, { year: 2023, agency: '青禾市生态环境局', scale: 'medium', blankStyle: 'zeros' });
  const broken: CompactReport = structuredClone(second.values);
  broken.tables.applications.carried_over!.natural_person = (broken.tables.applications.carried_over!.natural_person as number) + 3;
  const folder = async (name: string, values: CompactReport, narrative: typeof first.narrative) => {
    const dir = join(scratch, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'agencies.yaml'), sampleRegistryYaml(['青禾市生态环境局']));
    writeFileSync(join(dir, 'report.json'), await renderBytes('json', values, { narrative }));
    return dir;
  };
  const yearN = await folder('year-n', first.values, first.narrative);
  const yearN1 = await folder('year-n1', broken, second.narrative);
  const carry = async (meta: DatasetMeta, out: string) => {
    await buildFolder(yearN, out, day(1), { meta });
    // Only this year's report in --in, over last year's release in --out: the history is that release.
    const run = await buildFolder(yearN1, out, day(2), { meta });
    const doc = run.excluded[0] ?? (await all(reader(out))).find((r) => r.report.year === 2024)!;
    return doc.validation.issues.filter((i) => i.rule === 'cross_year.carry').map((i) => [i.report, i.related, i.column]);
  };
  const site = await carry(DEFAULT_META, join(scratch, 'out-site'));
  assert.deepEqual(site, [['synthetic-qingheshishengtaihuanjingju-2024', ['synthetic-qingheshishengtaihuanjingju-2023'], 'natural_person']]);
  assert.deepEqual(await carry(NATIONAL, join(scratch, 'out-national')), site);

  // Through the command line: last year's document in --out damaged, the build says so (the rule cannot fire).
  const out = join(scratch, 'out-cli');
  const xxgk = (...args: string[]) => spawnSync(process.execPath, [resolve(import.meta.dirname, '../../bin/xxgk.js'), ...args], { encoding: 'utf8' });
  // Last year's release built in this process (what `xxgk build --in year-n` without --config writes): the command
  // under test is the build over it.
  const lastRun = await buildFolder(yearN, out, day(1));
  assert.equal(lastRun.excluded.length + lastRun.unreadable.length, 0);
  const lastYear = join(realpathSync(out), 'reports/2023/synthetic-qingheshishengtaihuanjingju-2023.json');
  writeFileSync(lastYear, '{"report": 1}');
  const run = xxgk('build', '--in', yearN1, '--out', out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`  warning: the last release in ${out.replace(/[.]/g, '\\.')}/: reports/2023/synthetic-qingheshishengtaihuanjingju-2023\\.json: not a report document \\(JSON with report and validation\\); its report is left out of the history the cross-year rules look back into\n`));
});
