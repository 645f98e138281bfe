/**
 * What the aggregate files at the end of a build hold at once (issue 13 §4): at 100,000 reports the build's peak
 * was there, as data/coverage.csv was made (every report found as an object, a map keyed by body|year, every row of
 * every year at once) and as the catalog was (jsonld.js's expansion, N-Quads and n3's triples of the whole graph,
 * which grows with the files: a distribution a partition). Measured in a child with --expose-gc
 * (tests/helpers/aggregate-heap.ts): the live heap while the coverage files are written against the file before
 * them, and while the catalog is made against the file before it, for two numbers of reports, and the growth a report
 * between them. No time is measured.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { HEAP_FLAGS } from '../helpers/heap-flags.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Tables split at 512 KiB: the files, and the catalog's distributions, grow with the reports (some 450 at 600). */
const MAX_FILE_BYTES = 512 * 1024;

type Heap = { regions: number; coverage: number; datapackage: number; catalog: number };

function heapFor(count: number): Heap {
  const dir = scratchDir('xxgk-aggregate-heap-');
  const r = spawnSync(process.execPath, [...HEAP_FLAGS, '--import', 'tsx', join(ROOT, 'tests/helpers/aggregate-heap.ts'), String(count), String(MAX_FILE_BYTES), dir], {
    encoding: 'utf8', cwd: ROOT,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Heap;
}

test('the coverage files and the catalog hold little more a report than the files before them', (t) => {
  const few = heapFor(300);
  const many = heapFor(1_200);
  const perReport = (stage: 'coverage' | 'catalog', before: 'regions' | 'datapackage') =>
    ((many[stage] - many[before]) - (few[stage] - few[before])) / (1_200 - 300);
  const coverage = perReport('coverage', 'regions');
  const catalog = perReport('catalog', 'datapackage');
  t.diagnostic(`a report: coverage ${coverage.toFixed(0)} bytes, catalog ${catalog.toFixed(0)} bytes (${JSON.stringify({ few, many })})`);
  // Before (the tree at 92ea41d): coverage 1,041 bytes a report (FoundReports, their map, every row at once), the
  // catalog 17,992 (the whole graph expanded, as N-Quads and as n3's triples at once). After: 215 (a record a report
  // found, a year's rows) and 5,173 (the catalog's document itself, a run of its nodes, the Turtle so far); a second
  // run after, 415 and 5,677 (the live heap at one point moved by some 0.1 MiB between runs: ±200 bytes a report here).
  // With HEAP_FLAGS (bytecode kept, no background threads: the heap no longer depends on how many collections ran),
  // 269–286 and 7,410–7,411 in three runs (the flushed bytecode had lowered the larger run's catalog).
  assert.ok(coverage < 750, `coverage: ${coverage.toFixed(0)} bytes a report`);
  assert.ok(catalog < 10_000, `catalog: ${catalog.toFixed(0)} bytes a report`);
});
