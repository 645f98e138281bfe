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

/** Live heap (bytes) at the last validation and after the read, for `count` reports. */
function keptFor(count: number): { validating: number; done: number } {
  const script = `
    const { readFolderFlat } = await import(${url('pipeline/read-folder.ts')});
    const { openSpill } = await import(${url('pipeline/adapters/spill.ts')});
    const { readReport } = await import(${url('pipeline/read.ts')});
    const { readFileSync } = await import('node:fs');
    const base = await readReport(readFileSync(${JSON.stringify(join(ROOT, 'samples/synthetic/2019_beiyuanshengrenminzhengfu-24353e/word-text.txt'))}), 'word-text.txt');
    const count = ${count};
    const files = Array.from({ length: count }, (_, i) => 'reports/' + (2019 + (i % 7)) + '/' + String(i).padStart(6, '0') + '.txt');
    const live = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
    let validating = 0;
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
    if (got.reports.length !== count) throw new Error('read ' + got.reports.length);
    const done = live();
    got.close();
    process.stdout.write(JSON.stringify({ validating, done }));`;
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { validating: number; done: number };
}

test('the read keeps under 700 bytes a report while it validates, and under 500 once done', (t) => {
  const few = keptFor(700);
  const many = keptFor(4_200);
  const perReport = (stage: 'validating' | 'done') => (many[stage] - few[stage]) / (4_200 - 700);
  // Before (an object per document, per merged report, per outcome and its place, maps keyed by strings made a
  // report): 1,160–1,190 bytes a report while validating; after, about 450. Once done, about 390 both (the outcomes
  // and where each report lies, already compact), with the test's own file list. Without HEAP_FLAGS the figure once
  // done moved between 314 and 572 from run to run (a CI run failed at 508); with them, 439–451 and 350–358 (4 runs).
  t.diagnostic(`a report: validating ${perReport('validating').toFixed(0)} bytes, done ${perReport('done').toFixed(0)} bytes`);
  assert.ok(perReport('validating') < 700, `validating: ${perReport('validating').toFixed(0)} bytes a report`);
  assert.ok(perReport('done') < 500, `done: ${perReport('done').toFixed(0)} bytes a report`);
});
