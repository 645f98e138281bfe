import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { Parser, Store, type Quad, type Term } from 'n3';
import { expandedId, toQuads, writeTurtle } from '../../pipeline/datasets/dcat-rdf.ts';
import { NS } from '../../pipeline/datasets/dcat-vocab.ts';
import { OfflineLoaderError, offlineLoader } from '../../pipeline/datasets/jsonld-loader.ts';
import { catalogDocument, catalogJsonLd, catalogJsonLdChunks, catalogTurtle, catalogTurtleChunks, schemaOrgDataset, turtleBlankLines } from '../../pipeline/datasets/to-dcat.ts';
import type { FileStat, ReleaseContext } from '../../pipeline/datasets/types.ts';
import { TABLE_IDS } from '../../pipeline/model/template.ts';
import { RELEASE_DATA_FILES, releaseFiles, sampleContext, sampleReports } from '../helpers/release.ts';

const files = (): FileStat[] => releaseFiles();
/** The files of a partitioned table in RELEASE_DATA_FILES, sorted by path. */
const parts = (dir: string, ext = 'csv') => [`${dir}/2022.${ext}`, `${dir}/2023-2.${ext}`, `${dir}/2023.${ext}`];

const REPORTS = sampleReports();
const context = (list: FileStat[] = files()): ReleaseContext => sampleContext(REPORTS, list);

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SPDX = 'http://spdx.org/rdf/terms#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

function termKey(t: Term): string {
  return t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `<${t.value}>`;
}
const tripleKeys = (quads: readonly Quad[]) =>
  quads.map((q) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`).sort();

function objects(store: Store, subject: string, predicate: string): Term[] {
  return store.getObjects(subject, predicate, null);
}
function one(store: Store, subject: string, predicate: string): Term {
  const found = objects(store, subject, predicate);
  assert.equal(found.length, 1, `${subject} ${predicate}: expected one value, got ${found.length}`);
  return found[0]!;
}

/** Values and types written in the compact document: each must become exactly one triple. */
function countStatements(doc: { '@graph': Array<Record<string, unknown>> }): number {
  let n = 0;
  for (const node of doc['@graph']) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '@id') continue;
      n += Array.isArray(v) ? v.length : 1;
    }
  }
  return n;
}

/** The downloadURLs of a dataset's distributions, relative to the base URL, each checked against ctx.files. */
function distributionPaths(store: Store, ctx: ReleaseContext, dataset: string): string[] {
  const base = ctx.meta.baseUrl;
  return objects(store, dataset, `${DCAT}distribution`).map((t) => {
    const d = t.value;
    const path = one(store, d, `${DCAT}downloadURL`).value.slice(base.length);
    const stat = ctx.files.find((f) => f.path === path)!;
    const size = one(store, d, `${DCAT}byteSize`);
    assert.equal(size.value, String(stat.bytes), `${path} byteSize`);
    assert.equal(size.termType === 'Literal' && size.datatype.value, 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger');
    const checksum = one(store, d, `${SPDX}checksum`).value;
    assert.equal(one(store, checksum, `${SPDX}checksumValue`).value, stat.sha256, `${path} checksum`);
    assert.equal(one(store, checksum, `${SPDX}algorithm`).value, `${SPDX}checksumAlgorithm_sha256`);
    assert.equal(one(store, d, `${DCAT}accessURL`).value, `${base}${path}`);
    return path;
  }).sort();
}

/** The standards a distribution conforms to, each a titled dct:Standard. */
function standards(store: Store, distribution: string): string[] {
  return objects(store, distribution, `${DCT}conformsTo`).map((t) => {
    assert.ok(store.getQuads(t.value, RDF_TYPE, `${DCT}Standard`, null).length === 1, `${t.value} is a dct:Standard`);
    assert.deepEqual(objects(store, t.value, `${DCT}title`).map((l) => (l.termType === 'Literal' ? l.language : '')).sort(), ['en', 'zh']);
    return t.value;
  }).sort();
}

test('one dataset per table: its CSV, the Chinese twin, the CSVW metadata of both and the reports index, measured by ctx.files', async () => {
  const ctx = context();
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx)));
  const base = ctx.meta.baseUrl;
  const catalog = `${base}catalog`;
  assert.equal(store.getSubjects(RDF_TYPE, `${DCAT}Catalog`, null).length, 1);
  assert.equal(one(store, catalog, `${DCT}publisher`).value, `${catalog}#publisher`);
  assert.equal(one(store, catalog, `${DCT}modified`).value, ctx.modified);
  assert.equal(one(store, catalog, `${DCT}issued`).value, ctx.meta.issued);
  const datasets = objects(store, catalog, `${DCAT}dataset`).map((t) => t.value);
  for (const table of TABLE_IDS) {
    const dataset = `${catalog}#dataset-${table}`;
    assert.ok(datasets.includes(dataset), `catalog lists ${dataset}`);
    assert.equal(one(store, dataset, `${DCAT}inSeries`).value, `${catalog}#series`);
    assert.equal(one(store, dataset, `${DCAT}version`).value, ctx.meta.version);
    const titles = objects(store, dataset, `${DCT}title`).map((t) => (t.termType === 'Literal' ? t.language : ''));
    assert.deepEqual(titles.sort(), ['en', 'zh']);
    const period = one(store, dataset, `${DCT}temporal`).value;
    assert.equal(one(store, period, `${DCAT}startDate`).value, `${ctx.years![0]}-01-01`);
    assert.equal(one(store, period, `${DCAT}endDate`).value, `${ctx.years![1]}-12-31`);
    // A partitioned table: one distribution per file (year and part), and the CSVW metadata of the folder.
    assert.deepEqual(distributionPaths(store, ctx, dataset), [
      ...parts(`data/${table}-zh`), `data/${table}-zh/csv-metadata.json`, ...parts(`data/${table}`), `data/${table}/csv-metadata.json`,
      'feed/reports.json',
    ]);
    // The CSV follows its CSVW metadata; the metadata follows W3C CSVW; the feed its JSON Schema.
    const d = (key: string) => `${catalog}#distribution-${table}-${key}`;
    assert.deepEqual(standards(store, d('csv-2022')), [`${base}data/${table}/csv-metadata.json`]);
    assert.deepEqual(standards(store, d('csv-2023-2')), [`${base}data/${table}/csv-metadata.json`]);
    assert.deepEqual(standards(store, d('csv-zh-2023')), [`${base}data/${table}-zh/csv-metadata.json`]);
    assert.match(objects(store, d('csv-2023-2'), `${DCT}title`).map((t) => t.value).join('|'), /2023 part 2/);
    assert.deepEqual(standards(store, d('csvw')), ['http://www.w3.org/ns/csvw']);
    assert.deepEqual(standards(store, d('json')), [`${base}schemas/feed-reports.schema.json`]);
    assert.equal(one(store, d('csvw'), `${DCAT}mediaType`).value, 'http://www.iana.org/assignments/media-types/application/csvm+json');
  }
  assert.equal(
    one(store, `${catalog}#distribution-appeals-csv-2022`, `${DCT}format`).value,
    'http://publications.europa.eu/resource/authority/file-type/CSV',
  );
});

test('observations has its own dataset: the tidy CSV, its twin, their CSVW, the NDJSON feed, Parquet and the Data Package', async () => {
  const ctx = context();
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx)));
  const base = ctx.meta.baseUrl;
  const catalog = `${base}catalog`;
  const dataset = `${catalog}#dataset-observations`;
  assert.ok(objects(store, catalog, `${DCAT}dataset`).some((t) => t.value === dataset), `catalog lists ${dataset}`);
  assert.deepEqual(distributionPaths(store, ctx, dataset), [
    ...parts('data/observations-zh'), 'data/observations-zh/csv-metadata.json',
    ...parts('data/observations', 'parquet'), ...parts('data/observations'), 'data/observations/csv-metadata.json',
    'datapackage.json', ...parts('feed/observations', 'ndjson'),
  ].sort());
  const d = (key: string) => `${catalog}#distribution-observations-${key}`;
  assert.equal(one(store, d('ndjson-2023'), `${DCAT}mediaType`).value, 'http://www.iana.org/assignments/media-types/application/x-ndjson');
  assert.deepEqual(standards(store, d('ndjson-2023')), [`${base}schemas/observation.schema.json`]);
  assert.deepEqual(standards(store, d('datapackage')), ['https://datapackage.org/profiles/2.0/datapackage.json']);
  // Parquet: the IANA type registered for it and the EU file type; its schema is the Data Package's.
  assert.equal(one(store, d('parquet-2023-2'), `${DCAT}mediaType`).value, 'http://www.iana.org/assignments/media-types/application/vnd.apache.parquet');
  assert.equal(one(store, d('parquet-2022'), `${DCT}format`).value, 'http://publications.europa.eu/resource/authority/file-type/PARQUET');
  // The feed holds all three tables: it is no longer a distribution of each table's dataset.
  assert.deepEqual(store.getSubjects(`${DCAT}downloadURL`, `${base}feed/observations/2023.ndjson`, null).map((t) => t.value), [d('ndjson-2023')]);
});

test('with releases (a GitHub target), the whole observations table is a distribution downloaded from the release', async () => {
  const plain = context();
  const releases = 'https://github.com/owner/name/releases/download/';
  const ctx = { ...plain, meta: { ...plain.meta, releases } };
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx)));
  const d = `${ctx.meta.baseUrl}catalog#distribution-observations-csv-gz`;
  const url = `${releases}v${ctx.meta.version}/xxgk-observations-${ctx.meta.version}.csv.gz`;
  assert.equal(one(store, d, `${DCAT}downloadURL`).value, url);
  assert.equal(one(store, d, `${DCAT}mediaType`).value, 'http://www.iana.org/assignments/media-types/text/csv');
  assert.equal(one(store, d, `${DCAT}compressFormat`).value, 'http://www.iana.org/assignments/media-types/application/gzip');
  assert.deepEqual(objects(store, d, `${DCAT}byteSize`), [], 'no size: the asset is measured by the release, not the tree');
  assert.deepEqual(standards(store, d), [`${ctx.meta.baseUrl}data/observations/csv-metadata.json`]);
  // Without releases (a git target, a build) the catalog names no asset.
  const none = new Store(new Parser().parse(await catalogTurtle(catalogDocument(plain), plain)));
  assert.equal(none.getSubjects(null, null, null).filter((t) => t.value === d).length, 0);
});

test('every data file of the release is a distribution, and every distribution says what it conforms to', async () => {
  const ctx = context();
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx)));
  const base = ctx.meta.baseUrl;
  const listed = new Set(store.getObjects(null, `${DCAT}downloadURL`, null).map((t) => t.value.slice(base.length)));
  assert.deepEqual([...listed].sort(), [...RELEASE_DATA_FILES].sort());
  for (const d of store.getSubjects(RDF_TYPE, `${DCAT}Distribution`, null)) {
    assert.ok(standards(store, d.value).length >= 1, `${d.value} has dct:conformsTo`);
  }
});

test('every node of the catalog has an IRI: the catalog\'s own under the base URL, no blank nodes', async () => {
  const ctx = context();
  const quads = new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx));
  for (const q of quads) {
    assert.notEqual(q.subject.termType, 'BlankNode');
    assert.notEqual(q.object.termType, 'BlankNode');
  }
  const doc = catalogDocument(ctx);
  const own = doc['@graph'].map((n) => String(n['@id'])).filter((id) => id.includes('/catalog'));
  assert.ok(own.length >= 20);
  for (const id of own) assert.ok(id.startsWith(`${ctx.meta.baseUrl}catalog`), id);
});

test('catalog.jsonld and catalog.ttl hold the same graph, also for awkward metadata text', async () => {
  const plainCtx = context();
  const awkward = 'Line one ends with a dot.\nabc "quoted" \\ back\\slash\t</script> 表.\n.';
  const awkwardCtx: ReleaseContext = {
    ...plainCtx,
    meta: { ...plainCtx.meta, description: { zh: awkward, en: awkward }, versionNotes: '.\n\n.' },
  };
  for (const ctx of [plainCtx, awkwardCtx]) {
    const fromJsonLd = await toQuads(JSON.parse(catalogJsonLd(catalogDocument(ctx))), offlineLoader());
    const fromTurtle = new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx));
    assert.ok(fromTurtle.length > 200);
    assert.deepEqual(tripleKeys(fromTurtle), tripleKeys(fromJsonLd));
  }
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(awkwardCtx), awkwardCtx)));
  const descriptions = objects(store, `${awkwardCtx.meta.baseUrl}catalog`, `${DCT}description`).map((t) => t.value);
  assert.deepEqual(descriptions, [awkward, awkward]);
});

test('no term of catalog.jsonld is dropped: every written value and type becomes one triple', async () => {
  const ctx = context();
  const doc = JSON.parse(catalogJsonLd(catalogDocument(ctx)));
  const quads = await toQuads(doc, offlineLoader());
  assert.equal(quads.length, countStatements(doc));
  // Every property is a prefixed name the inline context defines.
  const prefixes = new Set(Object.keys(doc['@context']));
  for (const node of doc['@graph']) {
    for (const k of Object.keys(node)) if (!k.startsWith('@')) assert.ok(prefixes.has(k.split(':')[0]!), k);
  }
});

test('the check can fail: an undefined term is refused in safe mode and shows up as a missing triple', async () => {
  const doc = structuredClone(catalogDocument(context()));
  (doc['@graph'][0] as Record<string, unknown>).undefinedTerm = 'silently dropped by plain jsonld';
  await assert.rejects(toQuads(doc, offlineLoader()), /would lose data/);
  await assert.rejects(catalogTurtle(doc, context()), /would lose data/);
  const jsonld = (await import('jsonld')).default as unknown as { toRDF(d: object, o: object): Promise<string> };
  const lax = new Parser({ format: 'N-Quads' }).parse(await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader: offlineLoader() }));
  assert.equal(lax.length, countStatements(doc) - 1);
});

test('building twice is byte-identical, whatever the clock says', async () => {
  mock.timers.enable({ apis: ['Date'], now: 0 });
  try {
    const a = [catalogJsonLd(catalogDocument(context())), await catalogTurtle(catalogDocument(context()), context()), JSON.stringify(schemaOrgDataset(context()))];
    mock.timers.setTime(Date.UTC(2031, 5, 15));
    const b = [catalogJsonLd(catalogDocument(context())), await catalogTurtle(catalogDocument(context()), context()), JSON.stringify(schemaOrgDataset(context()))];
    assert.deepEqual(b, a);
    const shuffled = [catalogJsonLd(catalogDocument(context(files().reverse()))), await catalogTurtle(catalogDocument(context(files().reverse())), context(files().reverse()))];
    assert.deepEqual(shuffled, a.slice(0, 2));
  } finally {
    mock.timers.reset();
  }
});

test('the build requests no document and makes no network call', async () => {
  const requested: string[] = [];
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = (async (input: string | URL | Request) => {
    fetched.push(String(input));
    throw new Error('network is off in tests');
  }) as typeof fetch;
  try {
    const documentLoader = offlineLoader({}, { onRequest: (url) => requested.push(url) });
    await catalogTurtle(catalogDocument(context()), context(), { documentLoader });
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(requested, []);
  assert.deepEqual(fetched, []);
});

test('the offline loader serves what it holds and refuses any other URL', async () => {
  const ctxUrl = 'https://example.org/context.jsonld';
  const requested: string[] = [];
  const loader = offlineLoader({ [ctxUrl]: { '@context': { ex: 'https://example.org/ns#' } } }, { onRequest: (u) => requested.push(u) });
  const served = await loader(ctxUrl);
  assert.deepEqual(served.document, { '@context': { ex: 'https://example.org/ns#' } });
  assert.equal((await loader(`${ctxUrl}#v1`)).documentUrl, `${ctxUrl}#v1`);
  await assert.rejects(loader('https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld'), (e: unknown) => {
    assert.ok(e instanceof OfflineLoaderError);
    assert.match(e.message, /refusing to load https:\/\/semiceu\.github\.io.*not kept in the repository.*held: https:\/\/example\.org\/context\.jsonld/);
    return true;
  });
  // Through jsonld.js: a document with a remote context reaches the loader and fails, it is not fetched.
  const remote = { '@context': 'https://www.w3.org/ns/dcat.jsonld', '@id': 'https://example.org/x', title: 'x' };
  await assert.rejects(toQuads(remote, loader), /refusing to load https:\/\/www\.w3\.org\/ns\/dcat\.jsonld/);
  assert.deepEqual(requested, [ctxUrl, `${ctxUrl}#v1`, 'https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld', 'https://www.w3.org/ns/dcat.jsonld']);
});

test('a distribution whose file has no stat is an error, never an invented figure', async () => {
  const without = files().filter((f) => f.path !== 'data/appeals/csv-metadata.json');
  assert.throws(() => catalogDocument(context(without)), /dataset "appeals" lists data\/appeals\/csv-metadata\.json \(csvw\) but ctx\.files has no stat/);
  const noPackage = files().filter((f) => f.path !== 'datapackage.json');
  assert.throws(() => catalogDocument(context(noPackage)), /datapackage\.json/);
  const badHash = files().map((f) => (f.path === 'feed/reports.json' ? { ...f, sha256: 'not-a-hash' } : f));
  assert.throws(() => catalogDocument(context(badHash)), /feed\/reports\.json: sha256 must be 64 lowercase hex digits/);
});

test('a base URL that is not absolute or lacks its trailing slash is refused', () => {
  for (const baseUrl of ['https://example.org/data', 'data/', '']) {
    const ctx = context();
    assert.throws(() => catalogDocument({ ...ctx, meta: { ...ctx.meta, baseUrl } }), /meta\.baseUrl must be an absolute http\(s\) URL/);
  }
});

test('without reports the catalog has no temporal coverage but still lists every dataset', async () => {
  const ctx = sampleContext([], files());
  assert.equal(ctx.years, null);
  const store = new Store(new Parser().parse(await catalogTurtle(catalogDocument(ctx), ctx)));
  assert.equal(store.getQuads(null, `${DCT}temporal`, null, null).length, 0);
  // observations, 3 tables, reports index, time series, regional sums, coverage, the series (no body: the sample reports resolve to none)
  assert.equal(store.getSubjects(RDF_TYPE, `${DCAT}Dataset`, null).length, 9);
});

test('schema.org Dataset: names, coverage, licence and one DataDownload per file', () => {
  const ctx = context();
  const d = schemaOrgDataset(ctx);
  assert.equal(d['@context'], 'https://schema.org');
  assert.equal(d['@type'], 'Dataset');
  assert.equal(d.name, ctx.meta.title.zh);
  assert.equal(d.url, ctx.meta.baseUrl);
  assert.equal(d.license, ctx.meta.license.url);
  assert.equal(d.version, ctx.meta.version);
  assert.equal(d.dateModified, ctx.modified);
  assert.equal(d.temporalCoverage, `${ctx.years![0]}-01-01/${ctx.years![1]}-12-31`);
  assert.deepEqual((d.creator as { name: string }).name, ctx.meta.publisher.name.zh);
  assert.deepEqual(d.distribution.map((x) => x.contentUrl).sort(), RELEASE_DATA_FILES.map((p) => `${ctx.meta.baseUrl}${p}`).sort());
  for (const x of d.distribution) {
    assert.equal(x['@type'], 'DataDownload');
    const stat = ctx.files.find((f) => `${ctx.meta.baseUrl}${f.path}` === x.contentUrl)!;
    assert.equal(x.encodingFormat, stat.mediaType);
    assert.equal(x.contentSize, `${stat.bytes} B`);
  }
  assert.deepEqual(schemaOrgDataset(sampleContext(REPORTS)).distribution, []);
});

test('catalog.ttl made a run of nodes at a time is the Turtle of the whole graph\'s triples sorted at once (thousands of nodes)', async () => {
  // Forty years of each partitioned table in two parts: some 2,000 distributions, as at national scale.
  const years = Array.from({ length: 40 }, (_, k) => 1980 + k);
  const many = RELEASE_DATA_FILES.flatMap((p) => {
    const m = /^(.+)\/2022\.(\w+)$/.exec(p);
    return m ? years.flatMap((y) => [`${m[1]}/${y}.${m[2]}`, `${m[1]}/${y}-2.${m[2]}`]) : [];
  });
  const ctx = context(releaseFiles([...RELEASE_DATA_FILES, ...many]));
  const doc = catalogDocument(ctx);
  assert.ok(doc['@graph'].length > 2_000, `${doc['@graph'].length} nodes`);
  const whole = await writeTurtle(await toQuads(doc, offlineLoader()), { ...NS, catalog: `${ctx.meta.baseUrl}catalog#` });
  const at = whole.indexOf('\n\n');
  const expected = `${whole.slice(0, at)}\n\n${whole.slice(at + 2).replace(/\.\n(?=\S)/g, '.\n\n')}`;
  assert.equal(await catalogTurtle(catalogDocument(ctx), ctx), expected);
  // Written as it comes: catalog.ttl and catalog.jsonld in pieces, none of them more than a small part of the text.
  const turtle: string[] = [];
  for await (const chunk of catalogTurtleChunks(doc, ctx)) turtle.push(chunk);
  assert.equal(turtle.join(''), expected);
  assert.ok(turtle.length >= doc['@graph'].length / 256, `${turtle.length} pieces of catalog.ttl`);
  assert.ok(Math.max(...turtle.map((c) => c.length)) < expected.length / 3, 'no piece of catalog.ttl is most of it (a run of 256 nodes at most)');
  const jsonLd = [...catalogJsonLdChunks(doc)];
  assert.equal(jsonLd.join(''), catalogJsonLd(doc));
  assert.ok(Math.max(...jsonLd.map((c) => c.length)) < catalogJsonLd(doc).length / 20, 'catalog.jsonld a node at a time');
});

test('the blank lines between subjects, put in as the Turtle comes, are those put in over the whole text at once', () => {
  const whole = (t: string) => {
    const at = t.indexOf('\n\n');
    return at < 0 ? `${t}\n\n` : `${t.slice(0, at)}\n\n${t.slice(at + 2).replace(/\.\n(?=\S)/g, '.\n\n')}`;
  };
  // Texts of the characters that matter (".", newlines, spaces, others), cut at random places, the cuts often
  // between a "." and its newline or a newline and what follows.
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 2_000; round++) {
    const text = Array.from({ length: random(40) }, () => '.\n a'[random(4)]).join('');
    const cuts = [...new Set(Array.from({ length: random(8) }, () => random(text.length + 1)))].sort((a, b) => a - b);
    const pieces = [0, ...cuts].map((at, k) => text.slice(at, cuts[k] ?? text.length));
    const spaced = turtleBlankLines();
    const got = pieces.slice(0, -1).map((p) => spaced.add(p)).join('') + spaced.end(pieces[pieces.length - 1] ?? '');
    assert.equal(got, whole(text), JSON.stringify(pieces));
  }
});

test('a node\'s @id expands as JSON-LD expands it: a compact IRI of a prefix the context defines, else as it is', () => {
  const ctx = { dcat: 'http://www.w3.org/ns/dcat#', ex: 'https://example.org/' };
  assert.equal(expandedId('dcat:Dataset', ctx), 'http://www.w3.org/ns/dcat#Dataset');
  assert.equal(expandedId('ex:a/b', ctx), 'https://example.org/a/b');
  assert.equal(expandedId('ex://host/a', ctx), 'ex://host/a', 'a suffix beginning with // is an absolute IRI');
  assert.equal(expandedId('https://example.org/x', ctx), 'https://example.org/x');
  assert.equal(expandedId('mailto:a@example.org', ctx), 'mailto:a@example.org');
  assert.equal(expandedId('toString:x', ctx), 'toString:x', 'only the context\'s own prefixes');
});
