/**
 * What the read keeps of each report while it validates and after (read-folder.ts): at 100,000 reports the build's
 * peak was in validation, where the read held an object per document, per merged report, per outcome and per place,
 * and a few maps keyed by strings made a report. Measured in a child with --expose-gc: the live heap after a full
 * collection at the last report's validation and once the read is done, for two numbers of reports (the same report,
 * given other ids, bodies and years: reading is not measured, only what is kept), and the growth a report between them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { HEAP_FLAGS } from '../helpers/heap-flags.ts';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const url = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);

/**
 * Live heap and ArrayBuffer memory (bytes: [heapUsed, arrayBuffers]; the typed arrays' contents lie outside the heap)
 * at the last validation and after the read, for `count` reports.
 */
type Kept = [heap: number, arrayBuffers: number];

function keptFor(count: number): { validating: Kept; done: Kept } {
  const script = `
    const { readFolderFlat } = await import(${url('pipeline/read-folder.ts')});
    const { openSpill } = await import(${url('pipeline/adapters/spill.ts')});
    const { readReport } = await import(${url('pipeline/read.ts')});
    const { readFileSync } = await import('node:fs');
    const base = await readReport(readFileSync(${JSON.stringify(join(ROOT, 'samples/synthetic/2019_beiyuanshengrenminzhengfu-24353e/word-text.txt'))}), 'word-text.txt');
    const count = ${count};
    // Flat strings (made from bytes), as a listing of the folder gives them: not the test's own tree of joined strings.
    const files = Array.from({ length: count }, (_, i) => Buffer.from('reports/' + (2019 + (i % 7)) + '/' + String(i).padStart(6, '0') + '.txt').toString());
    const live = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return [m.heapUsed, m.arrayBuffers]; };
    let validating = [0, 0];
    let puts = 0;
    let spills = 0;
    const open = (dir) => {
      const spill = openSpill(dir);
      const results = spills++ === 1;
      return { ...spill, put: (v) => { if (results && ++puts === count) validating = live(); return spill.put(v); } };
    };
    const read = async (name) => {
      const i = Number(name.slice(13, 19));
      const year = 2019 + (i % 7);
      const body = Math.floor(i / 7);
      return { report: { ...base, id: 'body-' + body + '-' + year, agency: '机关' + body, year, sources: [{ ...base.sources[0], name }] }, parsed: true };
    };
    const got = await readFolderFlat({ files, read, reader: { concurrency: 1 }, openSpill: open });
    if (got.count !== count || got.reports.length !== count) throw new Error('read ' + got.count);
    const done = live();
    got.close();
    process.stdout.write(JSON.stringify({ validating, done }));`;
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { validating: Kept; done: Kept };
}

test('the read keeps under 700 bytes a report while it validates, and under 240 once done', (t) => {
  const few = keptFor(700);
  const many = keptFor(4_200);
  const perReport = (stage: 'validating' | 'done', part: 0 | 1) => (many[stage][part] - few[stage][part]) / (4_200 - 700);
  const total = (stage: 'validating' | 'done') => perReport(stage, 0) + perReport(stage, 1);
  // Before (an object per document, per merged report, per outcome and its place, maps keyed by strings made a
  // report): 1,160–1,190 bytes a report of heap while validating; after, about 450. Once done, about 390 both (the
  // outcomes and where each report lies, already compact), with the test's own file list. Without HEAP_FLAGS the
  // figure once done moved between 314 and 572 from run to run (a CI run failed at 508); with them, 439–451 and
  // 350–358 (4 runs). Counted since with the typed arrays' contents (arrayBuffers: outside the heap, but in the RSS):
  // 299–311 once done, before the outcomes were made when asked for (no list of them kept) and the ids kept as one
  // buffer (StringColumn); after, 225–235 (the test's own list of file names, some 50–80 bytes a report, included).
  const say = (stage: 'validating' | 'done') =>
    `${stage} ${total(stage).toFixed(0)} bytes (heap ${perReport(stage, 0).toFixed(0)}, typed arrays ${perReport(stage, 1).toFixed(0)})`;
  t.diagnostic(`a report: ${say('validating')}, ${say('done')}`);
  assert.ok(total('validating') < 700, say('validating'));
  assert.ok(total('done') < 240, say('done'));
});
