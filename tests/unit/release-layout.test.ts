/**
 * The national layout (release-layout.ts) against the site layout, over the same reports: the tree keeps no
 * per-report or per-body file, the report documents come back from the bundles byte for byte, the pages and the
 * renderings of the observations from the assets, the tree is a small fraction of the site's, and a tree over its
 * budget is reported with its biggest contributors and the option to switch.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, posix } from 'node:path';
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
import { reportJsonLink } from '../../pipeline/datasets/site/html.ts';
import { readBuilt } from '../../pipeline/publish/release-folder.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { bodyReports } from '../helpers/body-release.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

// Distinct ids, in the order the build needs (the sample generator repeats bodies); registry bodies among them.
const reports = [...new Map([...sampleReports(60), ...bodyReports()].map((r) => [r.report.id, r])).values()].sort(byYearThenId);
const scratch = scratchDir('xxgk-layout-');
after(() => rm(scratch, { recursive: true, force: true }));
const input = { reports, today: '2026-02-01', schemas: await loadSchemas() };
const siteDir = join(scratch, 'site');
const natDir = join(scratch, 'national');
// As a GitHub target builds it: the assets have download URLs on the release.
const RELEASES = 'https://github.com/o/data/releases/download/';
const meta = { ...DEFAULT_META, releases: RELEASES };
const site = await buildRelease({ ...input, meta }, folderSink(siteDir));
const national = await buildRelease({ ...input, meta: { ...meta, release: { ...DEFAULT_RELEASE, layout: 'national' as const } } }, folderSink(natDir));
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
  const fromTar = execFileSync('tar', ['-xzOf', join(natDir, `assets/reports/${year}.tar.gz`), page]).toString('utf8');
  // The same page but for its link to the report's document: the line of its bundle in the national layout.
  const id = reports[0]!.report.id;
  // Typed and labelled as what it downloads: a gzip bundle of NDJSON, not a JSON file.
  const [natLink, siteLink] = [`reports/${year}.ndjson.gz#${id}`, `reports/${year}/${id}.json`].map((to) => reportJsonLink(page, to, id, true)) as [string, string];
  assert.ok(fromTar.includes(natLink) && natLink.includes(`href="../${year}.ndjson.gz#${id}" type="application/gzip"`), natLink);
  assert.ok(!/href="[^"]*\.ndjson\.gz[^"]*" type="application\/json"/.test(fromTar));
  assert.equal(fromTar.replace(natLink, siteLink).replaceAll(`../${year}.ndjson.gz#${id}`, `${id}.json`).replace(`>${year}.ndjson.gz#${id}<`, `>${id}.json<`), (await read(siteDir, page)).toString('utf8'));
  // A body's page: its reports linked where the tree holds them (the year page's row, the bundle's line).
  const body = site.files.find((f) => /^agencies\/(?!index)/.test(f.path))!.path;
  let bodyPage = execFileSync('tar', ['-xzOf', join(natDir, 'assets/agencies.tar.gz'), body]).toString('utf8');
  const siteBody = (await read(siteDir, body)).toString('utf8');
  const linked = [...siteBody.matchAll(/href="\.\.\/reports\/(\d{4})\/([^"]+)\.(html|json)"/g)];
  assert.ok(!/href="[^"]*\.ndjson\.gz[^"]*" type="application\/json"/.test(bodyPage));
  for (const [, y, id, ext] of linked) {
    if (ext === 'json') bodyPage = bodyPage.replace(reportJsonLink(body, `reports/${y}.ndjson.gz#${id}`, id!), reportJsonLink(body, `reports/${y}.ndjson.gz#${id}`, id!).replace(/ type="application\/gzip" title="[^"]*">NDJSON\.gz</, ' type="application/json">JSON<'));
  }
  assert.ok(linked.length > 0);
  for (const [, y, id, ext] of linked) {
    assert.ok(bodyPage.includes(ext === 'html' ? `href="../reports/${y}/index.html#${id}"` : `href="../reports/${y}.ndjson.gz#${id}" type="application/json"`), `${body}: ${id}.${ext}`);
  }
  assert.equal(bodyPage.replace(/\.\.\/reports\/(\d{4})\/index\.html#([^"]+)/g, '../reports/$1/$2.html').replace(/\.\.\/reports\/(\d{4})\.ndjson\.gz#([^"]+)/g, '../reports/$1/$2.json'), siteBody);
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

/**
 * Every link a national release names resolves in the release: a file of the tree (a row or a bundle line named by
 * the fragment, when there is one), or a release asset's download URL. Checked over the feeds, the tree's pages,
 * data/reports/*.csv's json column, datapackage.json, every CSVW metadata file and the DCAT graph.
 */
test('national: every link of the feeds, pages, datapackage.json, CSVW and the catalog is in the tree or an asset', async () => {
  const { baseUrl, version } = national.context.meta;
  const tree = new Set(national.files.map((f) => f.path));
  const assetUrls = new Map(national.context.assets!.map((a) => [`${RELEASES}v${version}/${assetName(a.path, version)}`, a]));
  const text = async (path: string) => (await read(natDir, path)).toString('utf8');
  const bundleIds = new Map<string, Set<string>>();
  const idsOf = async (bundle: string) => {
    if (!bundleIds.has(bundle)) {
      const lines = gunzipSync(await read(natDir, bundle)).toString('utf8').split('\n').filter(Boolean);
      bundleIds.set(bundle, new Set(lines.map((l) => (JSON.parse(l) as { report: { id: string } }).report.id)));
    }
    return bundleIds.get(bundle)!;
  };
  const dead: string[] = [];
  let checked = 0;
  /** A path of the release (relative to its root, maybe with a fragment) named by `from`. */
  const inTree = async (from: string, target: string) => {
    checked++;
    const [given, key] = target.split('#') as [string, string | undefined];
    const path = given === '' || given.endsWith('/') ? `${given}index.html` : given;
    if (!tree.has(path)) return void dead.push(`${from} → ${target}`);
    if (key === undefined) return;
    const k = decodeURIComponent(key);
    const html = path.endsWith('.html') ? await text(path) : '';
    // The fragment is the record's key: a line of the bundle, an entry of the feed, or on a page the one element
    // with that id (where a browser lands: a data- attribute is no anchor).
    const found = path.endsWith('.ndjson.gz') ? (await idsOf(path)).has(k)
      : path.endsWith('.html') ? html.split(` id="${k}"`).length === 2
        : (await text(path)).includes(`"id": "${k}"`);
    if (!found) dead.push(`${from} → ${target} (no record ${k})`);
  };
  const url = async (from: string, u: string) => {
    if (u.startsWith(RELEASES)) {
      checked++;
      if (!assetUrls.has(u)) dead.push(`${from} → ${u}`);
    } else if (u.startsWith(baseUrl) && !u.startsWith(`${baseUrl}catalog`)) await inTree(from, u.slice(baseUrl.length));
  };
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

  for (const path of tree) {
    if (/^feed\/.*\.json$/.test(path) || path === 'catalog.jsonld') {
      for (const s of strings(JSON.parse(await text(path)))) await url(path, s);
    } else if (path.endsWith('.html')) {
      for (const m of (await text(path)).matchAll(/(?:href|src)="([^"]+)"/g)) {
        const h = m[1]!.replace(/&amp;/g, '&');
        if (/^[a-z]+:/.test(h)) await url(path, h);
        else await inTree(path, h.startsWith('#') ? `${path}${h}` : posix.normalize(posix.join(posix.dirname(path), h)));
      }
    } else if (/^data\/reports\/.*\.csv$/.test(path)) {
      const [head, ...rows] = (await text(path)).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const at = head!.split(',').indexOf('json');
      for (const row of rows) await inTree(path, row.split(',').at(at - head!.split(',').length)!);
    } else if (path.endsWith('csv-metadata.json')) {
      const doc = JSON.parse(await text(path)) as { url?: string; tables?: Array<{ url: string }> };
      for (const u of [doc.url, ...(doc.tables ?? []).map((t) => t.url)].filter((x): x is string => !!x)) {
        if (/^https?:/.test(u)) await url(path, u);
        else await inTree(path, posix.join(posix.dirname(path), u));
      }
    } else if (path === 'datapackage.json') {
      const doc = JSON.parse(await text(path)) as { resources: Array<{ path: string | string[]; jsonSchema?: string }> };
      for (const r of doc.resources) {
        for (const p of [r.path, r.jsonSchema ?? []].flat()) await (/^https?:/.test(p) ? url(path, p) : inTree(path, p));
      }
    }
  }
  assert.deepEqual(dead, []);
  assert.ok(checked > 1000, `${checked} links checked`);
});

test('national: the bundles and the assets are described in datapackage.json, CSVW and the catalog with their sizes and sha256', async () => {
  const { version } = national.context.meta;
  const pkg = JSON.parse((await read(natDir, 'datapackage.json')).toString('utf8')) as { resources: Array<Record<string, any>> };
  const res = new Map(pkg.resources.map((r) => [r.name as string, r]));
  const assets = national.context.assets!;
  const bytesOf = (pred: (p: string) => boolean) => assets.filter((a) => pred(a.path)).reduce((n, a) => n + a.bytes, 0);
  const obs = res.get('observations-gz')!;
  assert.deepEqual([obs.format, obs.mediatype, obs.compression, obs.type], ['csv', 'text/csv', 'gz', 'table']);
  assert.equal(obs.path.length, assets.filter((a) => /^assets\/data\/observations\/.*\.csv\.gz$/.test(a.path)).length);
  assert.equal(obs.bytes, bytesOf((p) => /^assets\/data\/observations\//.test(p)));
  assert.deepEqual(obs.schema, res.get('observations-parquet')!.schema, 'the CSV assets have the Table Schema of the observations');
  assert.deepEqual([res.get('observations-ndjson-gz')!.mediatype, res.get('observations-ndjson-gz')!.compression], ['application/x-ndjson', 'gz']);
  const docs = res.get('report-documents')!;
  assert.deepEqual([docs.format, docs.compression, docs.path[0]], ['ndjson', 'gz', 'reports/2019.ndjson.gz']);
  assert.deepEqual([res.get('report-pages')!.format, res.get('report-pages')!.mediatype, res.get('report-pages')!.compression], ['tar', 'application/x-tar', 'gz']);
  const agencies = assets.find((a) => a.path === 'assets/agencies.tar.gz')!;
  assert.equal(res.get('agency-files')!.hash, `sha256:${agencies.sha256}`);

  // CSVW: the folder of each table whose parts are assets, naming them by URL, gzip.
  const csvw = JSON.parse((await read(natDir, 'data/observations-zh/csv-metadata.json')).toString('utf8'));
  assert.equal(csvw['dcat:compressFormat']['@id'], 'http://www.iana.org/assignments/media-types/application/gzip');
  assert.deepEqual(csvw.tables.map((t: { url: string }) => t.url).slice(0, 1), [`${RELEASES}v${version}/xxgk-observations-zh-2019-${version}.csv.gz`]);

  // DCAT: each asset a distribution with its download URL, media types, size and checksum as built.
  const graph = JSON.parse((await read(natDir, 'catalog.jsonld')).toString('utf8'))['@graph'] as Array<Record<string, any>>;
  const node = (id: string) => graph.find((n) => n['@id'] === id)!;
  const first = (v: any) => (Array.isArray(v) ? v[0] : v);
  const byUrl = new Map(graph.filter((n) => n['dcat:downloadURL']).map((n) => [first(n['dcat:downloadURL'])['@id'] as string, n]));
  for (const a of assets) {
    const d = byUrl.get(`${RELEASES}v${version}/${assetName(a.path, version)}`);
    assert.ok(d, `${a.path} is a distribution`);
    assert.equal(first(d['dcat:byteSize'])['@value'], String(a.bytes), a.path);
    assert.equal(first(node(first(d['spdx:checksum'])['@id'])['spdx:checksumValue'])['@value'], a.sha256, a.path);
    assert.equal(first(d['dcat:compressFormat'])['@id'], 'http://www.iana.org/assignments/media-types/application/gzip');
    if (a.path.endsWith('.tar.gz')) assert.equal(first(d['dcat:packageFormat'])['@id'], 'http://www.iana.org/assignments/media-types/application/x-tar');
  }
  const bundle = byUrl.get(`${national.context.meta.baseUrl}reports/2019.ndjson.gz`)!;
  assert.equal(first(bundle['dcat:mediaType'])['@id'], 'http://www.iana.org/assignments/media-types/application/x-ndjson');
  assert.equal(first(bundle['dcat:byteSize'])['@value'], String(national.files.find((f) => f.path === 'reports/2019.ndjson.gz')!.bytes));
});
