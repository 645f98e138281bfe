/**
 * The whole build: golden files, byte-identical rebuilds, changes confined to what depends on them, schemas for
 * every JSON file, the manifest, and an output folder that is never half-written.
 */
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before as beforeAll, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import { bodyPaths, seriesKey } from '../../pipeline/datasets/series-key.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import type { BuildRun } from '../../pipeline/run.ts';
import { GOLDEN, ROOT, SAMPLES, buildSamples, diffTrees, readTree } from '../helpers/build-samples.ts';
import { memoryCache } from '../helpers/memory-cache.ts';
import { scratchDir } from '../helpers/scratch.ts';

const tmp = () => scratchDir('xxgk-build-');

/**
 * The samples built once with the fixed clock, into a new folder (without a parse cache: what the golden files are):
 * the tests that read a fresh build share it, and the tests that build over a previous build start from a copy of it.
 */
let built: string;
let builtRun: BuildRun;
beforeAll(async () => {
  built = join(tmp(), 'dist');
  builtRun = await buildSamples(built);
});

/**
 * The documents parsed by the second fresh build ("building twice"): the builds after it that are about what a build
 * does with its reports (over a previous build, one report changed) take the documents from here instead of parsing
 * them a third and a fourth time. (A build through the parse cache writes what a build without it writes:
 * build-cache.test.ts.)
 */
const parsed = memoryCache();

test('golden: the bundled samples build into exactly the committed expected files (npm run golden regenerates them)', () => {
  assert.ok(existsSync(GOLDEN), 'tests/golden/samples exists');
  assert.deepEqual(diffTrees(readTree(GOLDEN), readTree(built)), []);
});

test('building twice from the same inputs gives byte-identical outputs, fresh or over the previous build', async () => {
  // The first build is the shared one; the second, into another new folder, here.
  // Every document parsed afresh (the cache is empty): the whole build twice.
  const b = join(tmp(), 'b');
  const fresh = await buildSamples(b, SAMPLES, undefined, { cache: parsed });
  assert.equal(fresh.parsed, fresh.files, 'every document parsed');
  const first = readTree(built);
  assert.deepEqual(diffTrees(first, readTree(b)), []);
  // A later day: nothing changed, so nothing changes, not even the dates.
  await buildSamples(b, SAMPLES, () => new Date('2026-06-01T00:00:00Z'), { cache: parsed });
  assert.deepEqual(diffTrees(first, readTree(b)), []);
});

test('changing one report changes only the files that depend on it', async () => {
  const inDir = join(tmp(), 'in');
  cpSync(SAMPLES, inDir, { recursive: true });
  // The previous build: a copy of the shared one (the same documents and clock; the release folder is a link to the
  // build folder beside it, so the folder holding both is copied).
  const out = join(tmp(), 'dist');
  cpSync(dirname(built), dirname(out), { recursive: true, verbatimSymlinks: true });
  const run = builtRun;
  const before = readTree(out);
  assert.deepEqual(diffTrees(readTree(built), before), []);
  const target = 'real/2024_huaian-city-gov.json';
  const doc = JSON.parse(readFileSync(join(inDir, target), 'utf8'));
  doc.tables.applications.carried_forward.natural_person = 104;
  writeFileSync(join(inDir, target), JSON.stringify(doc, null, 2));
  if (existsSync(join(inDir, 'real/2024_huaian-city-gov.yaml'))) {
    writeFileSync(join(inDir, 'real/2024_huaian-city-gov.yaml'), readFileSync(join(inDir, 'real/2024_huaian-city-gov.yaml'), 'utf8').replace(/(carried_forward:\s*\n\s*natural_person:\s*)103/, '$1104'));
  }
  const again = await buildSamples(out, inDir, () => new Date('2026-03-01T00:00:00Z'), { cache: parsed });
  assert.ok(parsed.size() > 0 && again.parsed < again.files, 'the unchanged documents were taken from the cache');
  const changed = diffTrees(before, readTree(out));
  const changedId = run.reports.find((r) => r.agency === '淮安市人民政府' && r.year === 2024 && run.published.has(r.id))!.id;
  const changedReport = JSON.parse(before.get(`reports/2024/${changedId}.json`)!.toString('utf8')).report;
  const id = changedReport.id;
  const body = bodyPaths(seriesKey(changedReport));
  const allowed = new Set([
    `reports/2024/${id}.json`, `reports/2024/${id}.html`, 'reports/2024/index.html',
    // Only the 2024 partitions of the big tables: the other years' files stay as they were.
    'data/observations/2024.csv', 'data/observations-zh/2024.csv', 'data/applications/2024.csv', 'data/applications-zh/2024.csv',
    'data/observations/2024.parquet', 'data/reports/2024.csv', 'data/timeseries/2024.csv', 'feed/reports/2024.json',
    'data/regions.csv', body.feed, body.page, 'feed/agencies.json',
    'feed/observations/2024.ndjson', 'feed/reports.json', 'datapackage.json', 'catalog.jsonld', 'catalog.ttl', 'catalog-gbt21063.json',
    'index.html', 'manifest.json',
  ]);
  assert.ok(changed.includes(`reports/2024/${id}.json`), 'the report changed');
  assert.deepEqual(changed.filter((p) => !allowed.has(p)), [], 'nothing else changed');
  const after = readTree(out);
  const entries = (await readFeedEntries(async (p) => after.get(p) ?? null)) as Array<{ id: string; modified: string }>;
  const dates = new Map(entries.map((r) => [r.id, r.modified]));
  assert.equal(dates.size, run.published.size);
  assert.equal(dates.get(id), '2026-03-01', 'the changed report is modified today');
  assert.ok([...dates].filter(([k]) => k !== id).every(([, d]) => d === '2026-02-01'), 'the others keep their dates');
});

test('every JSON file validates against its schema, and the manifest measures every file', async () => {
  const tree = readTree(built);
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  for (const [path, bytes] of tree) if (path.startsWith('schemas/')) ajv.addSchema(JSON.parse(bytes.toString()));
  const check = (schema: string, data: unknown, where: string) => {
    // Found the way a consumer finds it: by the document's own $schema, which is the schema's $id.
    const url = `${DEFAULT_META.baseUrl}schemas/${schema}`;
    const own = (data as { $schema?: string }).$schema;
    if (own !== undefined) assert.equal(own, url, `${where}: $schema`);
    const validate = ajv.getSchema(url);
    assert.ok(validate, `schema ${schema} loaded`);
    assert.ok(validate(data), `${where}: ${ajv.errorsText(validate.errors)}`);
  };
  let reports = 0;
  for (const [path, bytes] of tree) {
    if (/^reports\/\d{4}\/[^/]+\.json$/.test(path)) {
      const doc = JSON.parse(bytes.toString());
      assert.match(doc.$schema, /schemas\/report-document\.schema\.json$/);
      check('report-document.schema.json', doc, path);
      reports++;
    }
  }
  assert.ok(reports >= 5, 'report documents built');
  const index = JSON.parse(tree.get('feed/reports.json')!.toString());
  check('feed-reports.schema.json', index, 'feed/reports.json');
  // The index names every part of the reports index, with its size and sha256; the parts list every report once.
  const parts = [...tree.keys()].filter((p) => /^feed\/reports\/\d{4}(-\d+)?\.json$/.test(p));
  assert.deepEqual(index.parts.map((p: { url: string }) => p.url), parts.map((p) => `${DEFAULT_META.baseUrl}${p}`));
  let listed = 0;
  for (const [k, path] of parts.entries()) {
    const doc = JSON.parse(tree.get(path)!.toString());
    check('feed-reports-part.schema.json', doc, path);
    const entry = index.parts[k];
    assert.equal(entry.bytes, tree.get(path)!.length, path);
    assert.equal(entry.sha256, createHash('sha256').update(tree.get(path)!).digest('hex'), path);
    assert.deepEqual([entry.count, entry.first, entry.last], [doc.reports.length, doc.reports[0].id, doc.reports.at(-1).id], path);
    listed += doc.reports.length;
  }
  assert.equal(listed, reports);
  assert.equal(index.count, reports);
  const agencies = JSON.parse(tree.get('feed/agencies.json')!.toString());
  check('feed-agencies.schema.json', agencies, 'feed/agencies.json');
  check('catalog-gbt21063.schema.json', JSON.parse(tree.get('catalog-gbt21063.json')!.toString()), 'catalog-gbt21063.json');
  let bodies = 0;
  for (const [path, bytes] of tree) {
    if (!/^feed\/agencies\/[^/]+\.json$/.test(path)) continue;
    const doc = JSON.parse(bytes.toString());
    assert.match(doc.$schema, /schemas\/feed-agency\.schema\.json$/);
    check('feed-agency.schema.json', doc, path);
    bodies++;
  }
  assert.equal(bodies, agencies.agencies.length, 'one feed per body of the index');
  // Every JSON file is checked: here against its JSON Schema, or by the tests of its own standard.
  const elsewhere = (p: string) => p.startsWith('schemas/') || p === 'datapackage.json' || p.endsWith('.csv-metadata.json') || p.endsWith('/csv-metadata.json');
  const here = (p: string) => /^reports\/\d{4}\/[^/]+\.json$/.test(p) || /^feed\/agencies\/[^/]+\.json$/.test(p)
    || /^feed\/reports\/\d{4}(-\d+)?\.json$/.test(p) || ['feed/reports.json', 'feed/agencies.json', 'catalog-gbt21063.json', 'manifest.json'].includes(p);
  assert.deepEqual([...tree.keys()].filter((p) => p.endsWith('.json') && !here(p) && !elsewhere(p)), []);
  const lines = [...tree].filter(([p]) => /^feed\/observations\/\d{4}(-\d+)?\.ndjson$/.test(p)).flatMap(([, b]) => b.toString().trimEnd().split('\n'));
  assert.ok(lines.length > reports * 100);
  for (const [n, line] of lines.entries()) check('observation.schema.json', JSON.parse(line), `observations.ndjson line ${n + 1}`);
  const manifest = JSON.parse(tree.get('manifest.json')!.toString());
  check('manifest.schema.json', manifest, 'manifest.json');
  assert.deepEqual(manifest.files.map((f: { path: string }) => f.path), [...tree.keys()].filter((p) => p !== 'manifest.json').sort());
  for (const f of manifest.files) {
    const bytes = tree.get(f.path)!;
    assert.equal(f.bytes, bytes.length, f.path);
    assert.equal(f.sha256, createHash('sha256').update(bytes).digest('hex'), f.path);
  }
});

test('a build that fails leaves the previous output folder untouched', async () => {
  // The shared build (no test reads it after this one).
  const out = built;
  const before = readTree(out);
  await assert.rejects(
    writeFolderAtomically(out, async (sink) => {
      await sink.write('index.html', 'half', 'text/html');
      throw new Error('disk full');
    }),
    /disk full/,
  );
  assert.deepEqual(diffTrees(before, readTree(out)), []);
});

test('the repository\'s schemas are the ones published', () => {
  const published = readTree(join(ROOT, 'schemas'));
  assert.ok(published.has('report-document.schema.json') && published.has('annual-report.schema.json'));
});
