/**
 * A release made with the operator's own identity (a config with every key of `dataset:`), built and published to a
 * git target, checked the way its consumers see it:
 * - every absolute URL of every text file on the published branch (latest/, README.md, index.html, CHANGELOG.md)
 *   and of the tag's release notes starts with the configured base URL, or is one of the operator's configured URLs,
 *   or is on a short allow-list of external vocabularies, profiles and licences; no placeholder (xxgk.example) left;
 * - schema identity, as a developer does it: every schema of the release added to ajv, then every JSON document
 *   validated by its own `$schema` with `ajv.getSchema`, and every NDJSON line by the schema DCAT says its file
 *   conforms to; and the same again with `compileAsync` and a loader that maps the base URL to the release folder
 *   (the schemas' relative `$ref`s followed through it);
 * - the catalog still conforms to the DCAT-AP 3.0.1 shapes (with ../shared).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Parser } from 'n3';
import { loadConfig, releaseMeta } from '../../pipeline/config.ts';
import type { DatasetMeta } from '../../pipeline/datasets/types.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { buildFolder } from '../../pipeline/run.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { day, fixture, type Fixture } from '../helpers/publish-fixture.ts';
import { loadShapes, shaclResults } from '../helpers/shacl.ts';
import { skipWithoutShared } from '../helpers/shared.ts';

const BASE = 'https://data.example.gov.cn/xxgk/latest/';
const CONFIG = `sources:
  - id: huaian
    name: 淮安市人民政府
    region: "320800"
    inbox: in
publish:
  repo: publish.git
dataset:
  title: { zh: 淮安市政府信息公开工作年度报告数据, en: "Huai'an annual disclosure report data" }
  description: { zh: 淮安市各机关的年度报告数据。, en: The annual reports of Huai'an's government bodies. }
  publisher: { name: { zh: 淮安市数据局, en: "Huai'an Data Bureau" }, url: "https://www.example.gov.cn/", email: opendata@example.gov.cn }
  contactPoint: { name: { zh: 开放数据科, en: Open data office }, email: opendata@example.gov.cn, url: "https://www.example.gov.cn/contact/" }
  licence: CC-BY-4.0
  baseUrl: ${BASE}
  keywords: { zh: [淮安], en: ["Huai'an"] }
  theme: [GOVE]
  spatial: "320800"
  language: [zh, en]
`;

/**
 * URLs outside the base URL a release may hold: the vocabularies and profiles its metadata is written in, and the
 * origin of the reports (datapackage.json's source). Everything else must be the operator's (base or configured).
 */
const EXTERNAL = [
  'http://publications.europa.eu/resource/authority/', // EU controlled vocabularies (themes, file types, languages…)
  'http://purl.org/adms/', 'http://purl.org/dc/terms/', 'http://spdx.org/rdf/terms#', 'http://xmlns.com/foaf/0.1/',
  'http://www.iana.org/assignments/media-types/', 'http://www.w3.org/', 'https://schema.org',
  'https://json-schema.org/draft/2020-12/schema', 'https://datapackage.org/profiles/',
  'https://www.gov.cn/', // where the original reports are published (datapackage.json sources)
];

/** An absolute URL in text: up to whitespace, quotes, brackets, or CJK punctuation. */
const URL_IN_TEXT = /https?:\/\/[^\s"'<>()[\]{}`,;\\（）【】，。、；：]+/g;

let f: Fixture;
let meta: DatasetMeta;
const files = new Map<string, Buffer>();
let tagNotes = '';

before(async () => {
  f = fixture();
  const config = loadConfig(CONFIG, join(f.dir, 'xxgk.config.yaml'), {});
  meta = releaseMeta(config);
  assert.equal(meta.baseUrl, BASE);
  await buildFolder(f.in, f.out, day(1), { meta });
  const repo = join(f.dir, 'publish.git');
  const outcome = await publish(f.out, gitTarget({ repo, branch: 'main', workDir: join(f.dir, 'work'), clock: day(1), meta }), { clock: day(1), meta });
  assert.equal(outcome.result?.version, '1.0.0');
  const state = await stateOf(repo);
  for (const [path, bytes] of state.files) files.set(path, bytes);
  tagNotes = state.tags.map((t) => t.message).join('\n');
});

after(() => rmSync(f.dir, { recursive: true, force: true }));

const text = (path: string) => files.get(path)!.toString('utf8');
const isText = (bytes: Buffer) => !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

test('every absolute URL of the published branch and the release notes is under the base URL, the operator’s own, or an external vocabulary', () => {
  const own = [BASE, meta.publisher.url, meta.contact.url ?? BASE, meta.license.url];
  const stray = new Map<string, string>();
  let urls = 0;
  const scan = (where: string, body: string) => {
    for (const [url] of body.matchAll(URL_IN_TEXT)) {
      const bare = url.replace(/[.:!?]+$/, '');
      urls++;
      if (own.some((p) => bare.startsWith(p)) || EXTERNAL.some((p) => bare.startsWith(p))) continue;
      if (!stray.has(bare)) stray.set(bare, where);
    }
  };
  const texts = [...files].filter(([, bytes]) => isText(bytes));
  assert.ok(texts.length > 50, `${texts.length} text files`);
  for (const [path, bytes] of texts) scan(path, bytes.toString('utf8'));
  scan('the tag message (release notes)', tagNotes);
  assert.ok(urls > 1000, `${urls} URLs seen`);
  assert.deepEqual([...stray].map(([u, where]) => `${where}: ${u}`), [], 'URLs outside the base and the allow-list');
  for (const path of ['README.md', 'CHANGELOG.md', 'latest/index.html', 'latest/catalog.ttl', 'latest/datapackage.json']) {
    assert.ok(text(path).includes(BASE), `${path} links to the base URL`);
  }
  assert.doesNotMatch(text('index.html'), URL_IN_TEXT, 'the root page redirects to latest/ by a relative link');
  assert.ok(tagNotes.includes(`${BASE}catalog.jsonld`), 'the release notes link to the catalog under the base URL');
  const placeholders = [...files].filter(([, b]) => b.toString('utf8').includes('xxgk.example')).map(([p]) => p);
  assert.deepEqual(placeholders, [], 'no placeholder of the defaults is left');
});

/** The release folder's JSON documents (path → parsed), and what DCAT says each distribution conforms to. */
function documents() {
  const json = new Map<string, Record<string, unknown>>();
  for (const [path, bytes] of files) {
    if (path.startsWith('latest/') && path.endsWith('.json')) json.set(path.slice('latest/'.length), JSON.parse(bytes.toString('utf8')));
  }
  const graph = (JSON.parse(text('latest/catalog.jsonld')) as { '@graph': Array<Record<string, { '@id'?: string } | undefined>> })['@graph'];
  const conformsTo = new Map<string, string>();
  for (const node of graph) {
    const file = node['dcat:downloadURL']?.['@id'];
    const schema = node['dct:conformsTo']?.['@id'];
    if (file?.startsWith(BASE) && schema?.startsWith(`${BASE}schemas/`)) conformsTo.set(file.slice(BASE.length), schema);
  }
  return { json, conformsTo };
}

/** Validate every document by its own `$schema`, and every NDJSON line by its file's conformsTo, with `find`. */
async function validateAll(find: (url: string) => Promise<(data: unknown) => boolean> | ((data: unknown) => boolean)): Promise<number> {
  const { json, conformsTo } = documents();
  let checked = 0;
  for (const [path, doc] of json) {
    const own = doc.$schema;
    if (path.startsWith('schemas/') || path === 'datapackage.json') continue; // meta-schema, Data Package profile
    if (own === undefined) {
      assert.match(path, /(\.csv-|\/csv-)metadata\.json$/, `${path} has no $schema (only CSVW metadata may go without)`);
      continue;
    }
    assert.equal(typeof own, 'string');
    assert.ok((own as string).startsWith(`${BASE}schemas/`), `${path}: $schema ${String(own)} is under the base URL`);
    const validate = await find(own as string);
    assert.ok(validate(doc), `${path} against its $schema ${String(own)}`);
    if (conformsTo.has(path)) assert.equal(conformsTo.get(path), own, `${path}: DCAT's conformsTo is its $schema`);
    checked++;
  }
  const ndjson = [...files.keys()].filter((p) => p.endsWith('.ndjson')).map((p) => p.slice('latest/'.length));
  assert.ok(ndjson.length > 0);
  for (const path of ndjson) {
    const schema = conformsTo.get(path);
    assert.ok(schema, `${path}: DCAT names the schema its lines follow`);
    const validate = await find(schema);
    const lines = text(`latest/${path}`).trimEnd().split('\n');
    for (const [n, line] of lines.entries()) assert.ok(validate(JSON.parse(line)), `${path} line ${n + 1}`);
    checked += lines.length;
  }
  return checked;
}

test('schema identity: every schema added to ajv by its $id; every document validates by its own $schema (ajv.getSchema)', async () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schemas = [...files].filter(([p]) => /^latest\/schemas\/[^/]+\.json$/.test(p));
  assert.ok(schemas.length >= 8);
  for (const [path, bytes] of schemas) {
    const schema = JSON.parse(bytes.toString('utf8')) as { $id: string };
    assert.equal(schema.$id, `${BASE}${path.slice('latest/'.length)}`, `${path}: $id is its URL under the base`);
    ajv.addSchema(schema);
  }
  const checked = await validateAll((url) => {
    const validate = ajv.getSchema(url);
    assert.ok(validate, `ajv.getSchema(${url}) finds the schema`);
    return validate;
  });
  assert.ok(checked > 100, `${checked} documents and lines checked`);
});

test('schema identity: compileAsync with a loader mapping the base URL to the release folder follows each $schema and the relative $refs', async () => {
  const loaded: string[] = [];
  const ajv = new Ajv2020.default({
    allErrors: true, strict: false,
    async loadSchema(uri: string) {
      assert.ok(uri.startsWith(BASE), `the loader is asked only for URLs under the base URL, not ${uri}`);
      loaded.push(uri.slice(BASE.length));
      return JSON.parse(await readFile(join(f.out, uri.slice(BASE.length)), 'utf8')) as object;
    },
  });
  addFormats.default(ajv);
  const compiled = new Map<string, (data: unknown) => boolean>();
  const checked = await validateAll(async (url) => {
    let validate = compiled.get(url);
    if (!validate) {
      validate = await ajv.compileAsync({ $ref: url });
      compiled.set(url, validate);
    }
    return validate;
  });
  assert.ok(checked > 100);
  // report-document refers to annual-report and validation-result by relative $ref: found through the loader.
  for (const s of ['report-document', 'annual-report', 'validation-result', 'observation']) {
    assert.ok(loaded.includes(`schemas/${s}.schema.json`), `${s} loaded through the base URL`);
  }
});

test('the catalog of the configured release conforms to the DCAT-AP 3.0.1 shapes: zero results', async () => {
  if (skipWithoutShared('SHACL on a configured release')) return;
  const quads = new Parser().parse(text('latest/catalog.ttl'));
  for (const [name, shapes] of await loadShapes()) assert.deepEqual(await shaclResults(quads, shapes), [], name);
});
