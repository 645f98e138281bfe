/**
 * The catalog against the official DCAT-AP 3.0.1 SHACL shapes (../shared/validators): both the main shapes and the
 * class/range shapes, for the Turtle and for the JSON-LD, must report zero results; and a broken catalog must not.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { toQuads } from '../../pipeline/datasets/dcat-rdf.ts';
import { offlineLoader } from '../../pipeline/datasets/jsonld-loader.ts';
import { catalogDocument, catalogJsonLd, catalogTurtle, type CatalogDocument } from '../../pipeline/datasets/to-dcat.ts';
import type { FileStat, ReleaseContext } from '../../pipeline/datasets/types.ts';
import { releaseFiles, sampleContext, sampleReports } from '../helpers/release.ts';
import { SHARED, skipWithoutShared } from '../helpers/shared.ts';

const SHAPES = ['dcat-ap-SHACL.ttl', 'ranges.ttl'] as const;
type ShapesName = (typeof SHAPES)[number];

const files = (): FileStat[] => releaseFiles();
/** With a GitHub target's releases, so the bulk asset's distribution is checked too. */
const context = (): ReleaseContext => {
  const ctx = sampleContext(sampleReports(), files());
  return { ...ctx, meta: { ...ctx.meta, releases: 'https://github.com/owner/name/releases/download/' } };
};

const shapes = new Map<ShapesName, Store>();
before(async () => {
  if (skipWithoutShared('DCAT-AP 3.0.1 SHACL validation of the catalog')) return;
  for (const name of SHAPES) {
    const text = await readFile(join(SHARED, 'validators', 'dcat-ap-3.0.1', name), 'utf8');
    shapes.set(name, new Store(new Parser().parse(text)));
  }
});

/** The SHACL results for data against one shapes file, one readable line each. */
async function violations(data: readonly Quad[], name: ShapesName): Promise<string[]> {
  const report = await new SHACLValidator(shapes.get(name)!).validate(new Store([...data]));
  return report.results.map((r) =>
    [
      r.severity?.value.replace(/.*#/, ''),
      `focus ${r.focusNode?.value}`,
      `path ${r.path?.value}`,
      r.value ? `value ${r.value.value}` : '',
      r.sourceConstraintComponent?.value.replace(/.*#/, ''),
      r.message.map((m) => m.value).join('; '),
    ].filter(Boolean).join(' | '),
  );
}

async function assertConforms(data: readonly Quad[], what: string): Promise<void> {
  assert.ok(data.length > 50, `${what}: the graph has ${data.length} triples`);
  for (const name of SHAPES) {
    const found = await violations(data, name);
    assert.equal(found.length, 0, `${what} against ${name}: ${found.length} results\n  ${found.join('\n  ')}`);
  }
}

const jsonLdQuads = async (doc: object) => toQuads(doc, offlineLoader());

test('catalog.ttl conforms to the DCAT-AP 3.0.1 shapes and ranges: zero results', async () => {
  if (skipWithoutShared('DCAT-AP shapes on catalog.ttl')) return;
  await assertConforms(new Parser().parse(await catalogTurtle(catalogDocument(context()), context())), 'catalog.ttl');
});

test('catalog.jsonld (through jsonld.toRDF) conforms to the DCAT-AP 3.0.1 shapes and ranges: zero results', async () => {
  if (skipWithoutShared('DCAT-AP shapes on catalog.jsonld')) return;
  await assertConforms(await jsonLdQuads(JSON.parse(catalogJsonLd(catalogDocument(context())))), 'catalog.jsonld');
});

test('a catalog without reports (no temporal coverage) conforms too', async () => {
  if (skipWithoutShared('DCAT-AP shapes on an empty release')) return;
  await assertConforms(new Parser().parse(await catalogTurtle(catalogDocument(sampleContext([], files())), sampleContext([], files()))), 'empty release');
});

type Node = CatalogDocument['@graph'][number];
function mutate(change: (node: (id: string) => Node, doc: CatalogDocument) => void): CatalogDocument {
  const doc = structuredClone(catalogDocument(context()));
  const node = (id: string) => {
    const found = doc['@graph'].find((n) => n['@id'] === id);
    assert.ok(found, `no node ${id}`);
    return found;
  };
  change(node, doc);
  return doc;
}

test('the shapes catch a broken catalog: each mutation gives the expected violation', async () => {
  if (skipWithoutShared('DCAT-AP shapes on broken catalogs')) return;
  const base = context().meta.baseUrl;
  const cases: Array<{ what: string; doc: CatalogDocument; shapes: ShapesName; expect: RegExp }> = [
    {
      what: 'catalog without publisher',
      doc: mutate((node) => delete node(`${base}catalog`)['dct:publisher']),
      shapes: 'dcat-ap-SHACL.ttl',
      expect: /focus .*\/catalog \| path http:\/\/purl\.org\/dc\/terms\/publisher \| MinCountConstraintComponent/,
    },
    {
      what: 'byte size as a plain string',
      doc: mutate((node) => { node(`${base}catalog#distribution-appeals-csv-2022`)['dcat:byteSize'] = { '@value': '12' }; }),
      shapes: 'ranges.ttl',
      expect: /path http:\/\/www\.w3\.org\/ns\/dcat#byteSize .*DatatypeConstraintComponent/,
    },
    {
      what: 'licence not typed dct:LicenseDocument',
      doc: mutate((_, doc) => { doc['@graph'] = doc['@graph'].filter((n) => n['@type'] !== 'dct:LicenseDocument'); }),
      shapes: 'dcat-ap-SHACL.ttl',
      expect: /path http:\/\/purl\.org\/dc\/terms\/license .*ClassConstraintComponent/,
    },
    {
      what: 'checksum algorithm not typed spdx:ChecksumAlgorithm',
      doc: mutate((_, doc) => { doc['@graph'] = doc['@graph'].filter((n) => n['@type'] !== 'spdx:ChecksumAlgorithm'); }),
      shapes: 'ranges.ttl',
      expect: /path http:\/\/spdx\.org\/rdf\/terms#algorithm .*ClassConstraintComponent/,
    },
    {
      what: 'two publishers on a dataset',
      doc: mutate((node) => {
        node(`${base}catalog#dataset-applications`)['dct:publisher'] = [{ '@id': `${base}catalog#publisher` }, { '@id': `${base}catalog#contact` }];
      }),
      shapes: 'dcat-ap-SHACL.ttl',
      expect: /focus .*#dataset-applications \| path http:\/\/purl\.org\/dc\/terms\/publisher \| MaxCountConstraintComponent/,
    },
  ];
  for (const c of cases) {
    const found = await violations(await jsonLdQuads(c.doc), c.shapes);
    assert.ok(found.length > 0, `${c.what}: the shapes found nothing`);
    assert.ok(found.some((line) => c.expect.test(line)), `${c.what}: expected ${c.expect}, got\n  ${found.join('\n  ')}`);
  }
});
