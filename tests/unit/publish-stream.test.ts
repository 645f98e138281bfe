/**
 * Publishing streams its reports: the folder's reports and the last release's carried ones are a source read again
 * for each use, one report at a time (settle.ts), never an array of every report. Counted here: what settle reads of
 * the source, what a reader of the settled release makes the source read, which bundles of the last release are
 * read; and the settled release is the carry-over's, report for report.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import { type ValidatedReport, byYearThenId } from '../../pipeline/datasets/types.ts';
import { PublishError } from '../../pipeline/errors.ts';
import { bundlesInOrder, documentView } from '../../pipeline/publish/bundles.ts';
import { carryOver } from '../../pipeline/publish/carry-over.ts';
import { builtFolder, folderRelease, readBuilt } from '../../pipeline/publish/release-folder.ts';
import { settle } from '../../pipeline/publish/settle.ts';
import type { Published } from '../../pipeline/publish/types.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const reports = [...new Map(sampleReports(40).map((r) => [r.report.id, r])).values()].sort(byYearThenId);
const scratch = scratchDir('xxgk-pubstream-');
after(() => rm(scratch, { recursive: true, force: true }));
const natDir = join(scratch, 'national');
const siteDir = join(scratch, 'site');
const input = { reports, today: '2026-02-01', schemas: await loadSchemas() };
await buildRelease({ ...input, meta: { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' as const } } }, folderSink(natDir));
await buildRelease({ ...input, meta: DEFAULT_META }, folderSink(siteDir));
const ids = (rs: Iterable<ValidatedReport>) => [...rs].map((r) => r.report.id);
const years = [...new Set(reports.map((r) => r.report.year))];

/** A source over `list` that counts the reports it gives. */
function counted(list: readonly ValidatedReport[]) {
  const count = { given: 0 };
  const source = () => (async function* () {
    for (const r of list) {
      count.given++;
      yield r;
    }
  })();
  return { source, count };
}

/** The last release: the national folder, its reads counted by path. */
async function lastRelease() {
  const files = await folderRelease(natDir);
  const reads = new Map<string, number>();
  const published: Published = {
    manifest: files.manifest,
    read: (path) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return files.read(path).catch(() => null);
    },
  };
  return { published, reads };
}

async function all(source: () => AsyncIterable<ValidatedReport>): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const r of source()) out.push(r);
  return out;
}

test('settle reads the build\'s reports once for their ids; the settled release reads them again, one for one given', async () => {
  assert.ok(years.length >= 2 && reports.length >= 10, `${reports.length} reports over ${years.length} years`);
  const { source, count } = counted(reports);
  const settled = await settle(source, null, [], '2026-03-01');
  assert.equal(count.given, reports.length, 'one pass for the ids');
  assert.equal(settled.count, reports.length);
  count.given = 0;
  const it = settled.reports()[Symbol.asyncIterator]();
  const first = await it.next();
  assert.equal(first.value?.report.id, reports[0]!.report.id);
  assert.equal(count.given, 1, 'the first report given, one read: no list made first');
  await it.next();
  assert.equal(count.given, 2);
  await it.return?.();
  // Each use reads the source again, whole.
  count.given = 0;
  assert.deepEqual(ids(await all(settled.reports)), ids(reports));
  assert.equal(count.given, reports.length);
});

test('the settled release is the carry-over\'s: the build\'s reports, the last release\'s carried from the bundles that hold them, the withdrawn left out', async () => {
  const [y1, y2] = years as [number, number];
  // The build holds the first year's reports but one; the last release (national) holds them all.
  const ofYear = reports.filter((r) => r.report.year === y1);
  const built = ofYear.slice(1);
  const away = reports.find((r) => r.report.year === y2)!;
  const { published, reads } = await lastRelease();
  const { source } = counted(built);
  const withdraw = [{ id: away.report.id, reason: 'a duplicate' }];
  const settled = await settle(source, published, withdraw, '2026-03-01');
  // The same decision as the carry-over over whole reports (what publish held before).
  const missing = reports.filter((r) => !built.some((b) => b.report.id === r.report.id));
  const published_ = new Map(reports.map((r) => [r.report.id, { id: r.report.id, agency: r.report.agency, year: r.report.year }]));
  const whole = carryOver({ built, missing, withdrawals: [], withdraw, published: published_, today: '2026-03-01' });
  assert.deepEqual(settled.kept, whole.kept);
  assert.deepEqual(settled.withdrawnNow, whole.withdrawnNow);
  assert.deepEqual(settled.withdrawals, whole.withdrawals);
  assert.ok(!whole.reports.some((r) => r.report.id === away.report.id));
  reads.clear();
  const got = await all(settled.reports);
  assert.deepEqual(got, whole.reports, 'report for report, in year-then-id order');
  // Every bundle read once a use (a carried report of each), no file of its own.
  const bundles = bundlesInOrder(published.manifest.files).map((f) => f.path);
  assert.deepEqual([...reads.keys()].sort(), [...bundles].sort());
  assert.ok([...reads.values()].every((n) => n === 1), JSON.stringify([...reads]));

  // A build that holds every report of the first year carries nothing from it: its bundle is not read.
  const { source: full } = counted(reports.filter((r) => r.report.year !== y2 || r.report.id !== away.report.id));
  const nothing = await settle(full, published, [], '2026-03-01');
  reads.clear();
  assert.equal((await all(nothing.reports)).length, reports.length, 'the one the build lacks is carried');
  assert.deepEqual([...reads.keys()].filter((p) => p.endsWith('.ndjson.gz')), bundles.filter((b) => b.startsWith(`reports/${y2}`)));
});

test('a source that gives other reports when read again stops the publish, never a release of what it gives', async () => {
  let call = 0;
  const source = () => (async function* () {
    call++;
    for (const r of call === 1 ? reports : reports.slice(1)) yield r;
  })();
  const settled = await settle(source, null, [], '2026-03-01');
  await assert.rejects(all(settled.reports), PublishError);
});

test('a built folder\'s reports, read one at a time, are the same in both layouts and in year-then-id order', async () => {
  const [site, national] = await Promise.all([builtFolder(siteDir), builtFolder(natDir)]);
  const [a, b] = await Promise.all([all(site.reports), all(national.reports)]);
  assert.deepEqual(ids(a), ids(reports));
  assert.deepEqual(b, a);
  assert.deepEqual((await readBuilt(natDir)).reports, a);
  // The parts of a year in their order, not in path order.
  assert.deepEqual(bundlesInOrder(['reports/2024-10.ndjson.gz', 'reports/2023.ndjson.gz', 'reports/2024-2.ndjson.gz', 'reports/2024.ndjson.gz'].map((path) => ({ path }))).map((f) => f.path),
    ['reports/2023.ndjson.gz', 'reports/2024.ndjson.gz', 'reports/2024-2.ndjson.gz', 'reports/2024-10.ndjson.gz']);
});

test('the planner\'s view of a national release reads each bundle once for the documents compared at once, and keeps only theirs', async () => {
  const { published, reads } = await lastRelease();
  const year = years[0]!;
  const ofYear = reports.filter((r) => r.report.year === year).slice(0, 3).map((r) => `reports/${year}/${r.report.id}.json`);
  assert.equal(ofYear.length, 3);
  let compared: ReadonlySet<string> = new Set();
  const view = await documentView(published.manifest, published.read, 'the release', (path) => compared.has(path));
  compared = new Set(ofYear.slice(0, 2));
  reads.clear();
  const got = await Promise.all(ofYear.map((p) => view.read(p)));
  assert.deepEqual([...reads.entries()].filter(([p]) => p.endsWith('.ndjson.gz')).map(([, n]) => n), [1], 'one read of the bundle');
  assert.ok(got[0] && got[1], 'the documents compared');
  assert.equal(got[2], null, 'a document not compared is not kept');
  const own = JSON.parse(new TextDecoder().decode(got[0]!)) as { report: { id: string } };
  assert.equal(own.report.id, ofYear[0]!.split('/')[2]!.replace(/\.json$/, ''));
});
