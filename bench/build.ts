/**
 * Build benchmark (node --expose-gc --import tsx bench/build.ts --count N): N generated reports, validated and
 * streamed one at a time into buildRelease, which writes the whole release (CSV, NDJSON, one JSON and one page per
 * report, feeds, Data Package, CSVW, catalog, site) into a temporary folder. Prints reports/s, output size and peak
 * memory; the reports are never all in memory at once, so memory should grow only with the small per-report
 * summaries. Writes nothing outside the temporary folder, which it removes.
 */
import { countArg, gc, mb, peak, sample } from './measure.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSink } from '../pipeline/adapters/output.ts';
import { DEFAULT_META } from '../pipeline/datasets/defaults.ts';
import { buildRelease } from '../pipeline/datasets/index.ts';
import type { ValidatedReport } from '../pipeline/datasets/types.ts';
import { reportFromValues } from '../pipeline/parse/from-values.ts';
import { generateValues } from '../pipeline/synth/generate.ts';
import { validate } from '../pipeline/validate/index.ts';

const COUNT = countArg(10_000, 'node --expose-gc --import tsx bench/build.ts');
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];


let generateMs = 0;
/** Reports in build order (year, then id), made on demand. */
async function* reports(): AsyncGenerator<ValidatedReport> {
  const perYear = Math.ceil(COUNT / YEARS.length);
  let n = 0;
  for (const year of YEARS) {
    for (let k = 0; k < perYear && n < COUNT; k++, n++) {
      const t = performance.now();
      const values = { ...generateValues(n, { year }), id: `bench-${String(k).padStart(6, '0')}-${year}` };
      const report = reportFromValues(values);
      const r = { report, validation: validate(report) };
      generateMs += performance.now() - t;
      if (n % 100 === 0) sample();
      yield r;
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-build-'));
gc?.();
sample();
const base = process.memoryUsage().rss;
const t0 = performance.now();
const result = await buildRelease(
  { reports: reports(), meta: DEFAULT_META, today: '2026-02-01', schemas: new Map() },
  folderSink(dir),
);
const totalMs = performance.now() - t0;
sample();
const bytes = result.files.reduce((s, f) => s + f.bytes, 0);
const buildMs = totalMs - generateMs;
console.log(`xxgk build bench: ${COUNT} reports, node ${process.version}, one thread`);
console.log(`  build (without generating and validating the input): ${(buildMs / 1000).toFixed(1)} s, ${(COUNT / (buildMs / 1000)).toFixed(0)} reports/s`);
console.log(`  generate + validate input: ${(generateMs / 1000).toFixed(1)} s`);
console.log(`  output: ${result.files.length} files, ${mb(bytes)}`);
console.log(`  peak memory: rss ${mb(peak.rss)} (${mb(peak.rss - base)} above the start), heapUsed ${mb(peak.heapUsed)}`);
rmSync(dir, { recursive: true, force: true });
