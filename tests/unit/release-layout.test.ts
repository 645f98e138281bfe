/**
 * The national layout (release-layout.ts) against the site layout, over the same reports: the tree keeps no
 * per-report or per-body file, the report documents come back from the bundles byte for byte, the pages and the
 * renderings of the observations from the assets, the tree is a small fraction of the site's, and a tree over its
 * budget is reported with its biggest contributors and the option to switch.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { folderSink } from '../../pipeline/adapters/output.ts';
import { loadConfig, releaseMeta } from '../../pipeline/config.ts';
import { ConfigError } from '../../pipeline/errors.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE, assetName } from '../../pipeline/datasets/release-layout.ts';
import { byYearThenId } from '../../pipeline/datasets/types.ts';
import { treeOverBudget } from '../../pipeline/datasets/tree-budget.ts';
import { readBuilt } from '../../pipeline/publish/release-folder.ts';
import { sampleReports } from '../helpers/release.ts';

// Distinct ids, in the order the build needs (the sample generator repeats bodies).
const reports = [...new Map(sampleReports(60).map((r) => [r.report.id, r])).values()].sort(byYearThenId);
const scratch = await mkdtemp(join(tmpdir(), 'xxgk-layout-'));
after(() => rm(scratch, { recursive: true, force: true }));
const input = { reports, today: '2026-02-01', schemas: new Map<string, string>() };
const siteDir = join(scratch, 'site');
const natDir = join(scratch, 'national');
const site = await buildRelease({ ...input, meta: DEFAULT_META }, folderSink(siteDir));
const national = await buildRelease({ ...input, meta: { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } } }, folderSink(natDir));
const read = (dir: string, path: string) => readFile(join(dir, path));

test('national: no per-report or per-body file and no CSV of the observations in the tree; a fraction of the site tree', () => {
  const paths = national.files.map((f) => f.path);
  assert.deepEqual(paths.filter((p) => /^reports\/\d{4}\/(?!index)|^agencies\/(?!index)|^feed\/agencies\/|^data\/observations(-zh)?\/.*\.csv$|^feed\/observations\/|^assets\//.test(p)), []);
  assert.ok(paths.some((p) => /^data\/observations\/\d{4}\.parquet$/.test(p)) && paths.includes('data/reports/2019.csv') && paths.includes('reports/2019/index.html'));
  assert.ok(national.tree.bytes * 4 < site.tree.bytes, `${national.tree.bytes} vs ${site.tree.bytes}`);
  assert.ok(national.tree.files * 4 < site.tree.files, `${national.tree.files} vs ${site.tree.files}`);
  assert.equal(national.tree.over, null);
});

test('national: the bundles hold every report document byte for byte, and publishing reads them back', async () => {
  const lines: string[] = [];
  for (const f of national.files.filter((x) => /^reports\/\d{4}(-\d+)?\.ndjson\.gz$/.test(x.path))) {
    lines.push(...gunzipSync(await read(natDir, f.path)).toString('utf8').split('\n').filter(Boolean));
  }
  assert.equal(lines.length, reports.length);
  for (const r of reports) {
    const own = (await read(siteDir, `reports/${r.report.year}/${r.report.id}.json`)).toString('utf8');
    assert.ok(lines.includes(own.trimEnd()), r.report.id);
  }
  const [a, b] = await Promise.all([readBuilt(siteDir), readBuilt(natDir)]);
  assert.deepEqual(b.reports, a.reports);
  assert.deepEqual([...b.feed], [...a.feed]);
});

test('national: the assets give the pages and the observations of the site layout', async () => {
  const assets = national.context.assets!.map((f) => f.path);
  const year = reports[0]!.report.year;
  const page = `reports/${year}/${reports[0]!.report.id}.html`;
  const fromTar = execFileSync('tar', ['-xzOf', join(natDir, `assets/reports/${year}.tar.gz`), page]);
  assert.deepEqual(fromTar, await read(siteDir, page));
  const body = site.files.find((f) => /^agencies\/(?!index)/.test(f.path))!.path;
  assert.deepEqual(execFileSync('tar', ['-xzOf', join(natDir, 'assets/agencies.tar.gz'), body]), await read(siteDir, body));
  for (const p of site.files.filter((f) => /^(data\/observations(-zh)?\/.*\.csv|feed\/observations\/.*)$/.test(f.path)).map((f) => f.path)) {
    assert.ok(assets.includes(`assets/${p}.gz`), p);
    assert.deepEqual(gunzipSync(await read(natDir, `assets/${p}.gz`)), await read(siteDir, p), p);
  }
  assert.equal(assetName('assets/data/observations-zh/2024-2.csv.gz', '1.2.0'), 'xxgk-observations-zh-2024-2-1.2.0.csv.gz');
  assert.equal(assetName('assets/feed/observations/2024.ndjson.gz', '1.2.0'), 'xxgk-observations-ndjson-2024-1.2.0.ndjson.gz');
  assert.equal(assetName('assets/reports/2024.tar.gz', '1.2.0'), 'xxgk-report-pages-2024-1.2.0.tar.gz');
});

test('a tree over its budget: the message names the biggest contributors and the option to switch', () => {
  const budget = { ...DEFAULT_RELEASE, maxTreeBytes: Math.floor(site.tree.bytes / 2) };
  const over = treeOverBudget(site.tree, budget)!;
  assert.match(over, /above the budget of .* \(release\.maxTreeBytes\)/);
  assert.match(over, /reports\/\*\/\*\.html .* in \d+ files/);
  assert.match(over, /release\.layout: national/);
  assert.equal(treeOverBudget(national.tree, budget), null);
  assert.match(treeOverBudget(site.tree, { ...DEFAULT_RELEASE, maxTreeFiles: 10 })!, /files, above the budget of 10 \(release\.maxTreeFiles\)/);
});

test('config release: the layout and budget reach the release metadata; a wrong layout is named', () => {
  const text = (release: string) => `
sources:
  - { id: a, name: 甲, region: "320800", url: https://www.huaian.gov.cn/a.html }
publish:
  repo: output/publish.git
${release}`;
  const c = loadConfig(text('release:\n  layout: national\n  maxTreeBytes: 5000\n'), 'x.yaml', {});
  assert.deepEqual(releaseMeta(c).release, { layout: 'national', maxTreeBytes: 5000, maxTreeFiles: DEFAULT_RELEASE.maxTreeFiles });
  assert.equal(releaseMeta(loadConfig(text(''), 'x.yaml', {})).release, undefined);
  assert.throws(() => loadConfig(text('release:\n  layout: province\n'), 'x.yaml', {}), (err: unknown) =>
    err instanceof ConfigError && err.problems.some((p) => p.startsWith('release.layout')));
});
