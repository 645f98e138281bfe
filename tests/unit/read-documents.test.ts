/**
 * read-documents.ts keeps what the read needs of each document as columns and groups them with numbers; it must give
 * what the object-per-document functions it replaces give: mergedGroups (merged ids, their documents and order, the
 * ids given to reports of one id by several bodies), the preferred document's year and body, byBodyYear (last year's
 * report, the first in the run's order). (The missing rule is validate/index.ts missingInRun itself.) Random
 * folders from a fixed seed, with ids shared by several bodies, renderings of one report and gaps in the years.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergedGroups, preferredSource } from '../../pipeline/parse/merge.ts';
import { addDocument, documents, documentsOf, indexOfSorted, mergeDocuments, previousInRun } from '../../pipeline/read-documents.ts';
import { bodyYear, byBodyYear } from '../../pipeline/validate/index.ts';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RENDERINGS = ['word-text', 'html', 'pdf', 'docx', 'json', 'pdftotext-layout'] as const;

function folder(seed: number, count: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const bodies = Array.from({ length: Math.max(2, Math.floor(count / 5)) }, (_, i) => `body-${i}`);
  return Array.from({ length: count }, (_, d) => {
    const body = pick(bodies);
    const year = 2018 + Math.floor(rnd() * 7);
    // Mostly the body's own id; some ids shared by two bodies (a collision), some reports in several renderings.
    const idBody = rnd() < 0.1 ? pick(bodies) : body;
    return {
      id: `${idBody}-${year}`, key: `name:${body}`, year, body: `name:${body}`,
      first: { rendering: pick(RENDERINGS), name: `f${String(Math.floor(rnd() * 1000)).padStart(4, '0')}-${d}` },
      at: { at: d * 10, bytes: 10 }, issued: rnd() < 0.5,
    };
  });
}

for (const seed of [1, 2, 3, 4, 5]) {
  test(`columns of documents merge, look back and find the missing as the object functions do (seed ${seed})`, () => {
    const entries = folder(seed, 400);
    const docs = documents();
    entries.forEach((e) => addDocument(docs, e));
    const merged = mergeDocuments(docs);
    const groups = mergedGroups(entries.map((e, d) => ({ ...e, d })));
    assert.ok([...groups.values()].some((g) => g.renamed), 'some ids are shared by two bodies');
    assert.ok([...groups.values()].some((g) => g.items.length > 1), 'some reports have several renderings');
    const ids = [...groups.keys()].sort();
    assert.deepEqual(merged.ids, ids);
    const expected = ids.map((id) => {
      const { items, renamed } = groups.get(id)!;
      const first = [...items].sort((a, b) => preferredSource(a.first, b.first))[0]!;
      return { docs: items.map((i) => i.d), renamed, year: first.year, body: first.body };
    });
    assert.deepEqual(ids.map((_, k) => ({
      docs: [...documentsOf(merged, k)], renamed: merged.renamed[k] === 1, year: merged.year[k], body: merged.body[k],
    })), expected);
    // The documents whose own id is the merged id (their names' warnings), in order.
    ids.forEach((id, k) => {
      const own: number[] = [];
      for (let d = merged.originalFirst[k]!; d >= 0; d = merged.sameId[d]!) own.push(d);
      assert.deepEqual(own, entries.flatMap((e, d) => (e.id === id ? [d] : [])));
    });
    // Last year's report of the body: the first in the run's order.
    const inRun = byBodyYear(ids.map((_, k) => k), (k) => expected[k]!);
    const previous = previousInRun(merged);
    ids.forEach((_, k) => assert.equal(previous(k), inRun.get(bodyYear(expected[k]!.body, expected[k]!.year - 1)), `report ${k}`));
    assert.ok(ids.some((_, k) => previous(k) !== undefined) && ids.some((_, k) => previous(k) === undefined));
  });
}

test('a body with many reports in the run has its years indexed: the first of a year in the run\'s order', () => {
  const docs = documents();
  for (let d = 0; d < 200; d++) {
    addDocument(docs, { id: `a-${d}`, key: 'name:a', year: 2000 + (d % 50), body: 'name:a', first: { rendering: 'html', name: `f${d}` }, at: { at: d, bytes: 1 }, issued: false });
  }
  const merged = mergeDocuments(docs);
  const inRun = byBodyYear(merged.ids.map((_, k) => k), (k) => ({ body: merged.body[k]!, year: merged.year[k]! }));
  const previous = previousInRun(merged);
  merged.ids.forEach((_, k) => assert.equal(previous(k), inRun.get(bodyYear(merged.body[k]!, merged.year[k]! - 1))));
});

test('indexOfSorted finds an id among sorted ids, and -1 for one not there', () => {
  const ids = ['a', 'b-2019', 'b-2020', 'z', '北京-2019'].sort();
  const at = (i: number) => ids[i]!;
  ids.forEach((id, k) => assert.equal(indexOfSorted(ids.length, at, id), k));
  for (const id of ['', 'b', 'b-2021', '中']) assert.equal(indexOfSorted(ids.length, at, id), -1);
});
