/**
 * pipeline/memoised.ts keeps a copy of each key, not a view into the document it was cut from: a label sliced or
 * matched out of a report's text would otherwise keep the whole text alive as long as the cache holds it (and so would
 * a value that is the text itself). Run in a child with --expose-gc, so that the heap is measured after a full
 * collection. Then that a cached value is the value computed, and that a copy is the text.
 */
import { test } from 'node:test';
import { HEAP_FLAGS } from '../helpers/heap-flags.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { memoised, ownCopy } from '../../pipeline/memoised.ts';

const MEMOISED = pathToFileURL(resolve(import.meta.dirname, '../../pipeline/memoised.ts')).href;

const LONG_CUTS = `f(doc.slice(1, 60));
      f(/份项{30}/.exec(doc)[0]);`;

function heapAfterGc(make: string, cuts = LONG_CUTS): number {
  const script = `
    const { memoised, interner } = await import(${JSON.stringify(MEMOISED)});
    ${make}
    for (let i = 0; i < 200; i++) {
      let doc = Buffer.from('第' + i + '份' + '项'.repeat(500000)).toString('utf8');
      ${cuts}
      doc = null;
    }
    globalThis.gc(); globalThis.gc();
    process.stdout.write(String(process.memoryUsage().heapUsed));`;
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Number(r.stdout) / 2 ** 20;
}

test('memoised: cached keys cut from 200 one-megabyte documents keep none of them alive', () => {
  const heapMiB = heapAfterGc('const f = memoised((t) => t.length);');
  // The 200 documents weigh some 290 MiB as UTF-16 text (1.5 MB each as UTF-8): kept alive, the heap would hold them.
  assert.ok(heapMiB < 60, `heap after gc: ${heapMiB.toFixed(0)} MiB (the documents were kept alive by their keys)`);
});

test('memoised: a value that is the text itself (an escape that changed nothing) keeps no document alive', () => {
  const heapMiB = heapAfterGc('const f = memoised((t) => t);');
  assert.ok(heapMiB < 60, `heap after gc: ${heapMiB.toFixed(0)} MiB (the documents were kept alive by the cached values)`);
});

test('memoised: keys of fewer than 13 characters, cut or joined from 200 one-megabyte documents, keep none alive', () => {
  // Kept as they are, not copied (keyCopy): V8 makes a string that short as a flat string of its own.
  const cuts = `f(doc.slice(1, 13));
      f(/份项{10}/.exec(doc)[0]);
      f(doc.slice(0, 6) + doc.slice(7, 13));
      f(doc.slice(1, 2));`;
  const heapMiB = heapAfterGc('const f = memoised((t) => t);', cuts);
  assert.ok(heapMiB < 60, `heap after gc: ${heapMiB.toFixed(0)} MiB (the documents were kept alive by short keys)`);
});

test('interner: names cut from 200 one-megabyte documents and interned keep none of them alive', () => {
  const heapMiB = heapAfterGc('const f = interner();');
  assert.ok(heapMiB < 60, `heap after gc: ${heapMiB.toFixed(0)} MiB (the documents were kept alive by the interned strings)`);
});

test('memoised: equal results whether computed or cached, for texts of every kind', () => {
  const f = memoised((t: string) => t.replace(/&/g, '&amp;'), 16);
  const g = memoised((t: string) => t, 16);
  const texts = ['a&b', '晴川市民政局', 'x'.repeat(401), '\ud800 lone', 'é', '', 'id-2020-0001', '第（一）项 & 3'];
  for (let round = 0; round < 3; round++) {
    for (const t of texts) {
      assert.equal(f(t), t.replace(/&/g, '&amp;'));
      assert.equal(g(t), t);
    }
  }
});

test('ownCopy: an equal string, whatever its characters', () => {
  for (const t of ['', 'abc', 'é\u00ff', '晴川', '\ud800x\udfff', 'a'.repeat(100), '第二十条第（一）项'.slice(2, 9)]) assert.equal(ownCopy(t), t);
});
