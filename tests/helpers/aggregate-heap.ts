/**
 * Run in a child with --expose-gc (tests/unit/aggregate-memory.test.ts): builds a national release of `count` reports
 * (one sample report under other ids, names and years: seven-year series of invented bodies, as bench/cli-corpus.ts
 * makes them) with its summaries spilled, as `xxgk build` does, and the tables split at `maxFileBytes` (small, so
 * that the files, and the catalog's distributions, grow with the reports as at national scale). Measures the live
 * heap after a full collection: as data/regions.csv, the file before the coverage files, is written (`regions`); the
 * most while the coverage files are written (`coverage`); as datapackage.json, the file before the catalog, is
 * written (`datapackage`); the most while the catalog is made, each time jsonld.js has expanded or turned into
 * N-Quads a part of it and n3 has parsed them (`catalog`). Prints them as JSON. (The catalog passes a bound that
 * small: the release is refused at the end, after the last page.)
 * Usage: node --expose-gc --import tsx tests/helpers/aggregate-heap.ts COUNT MAX_FILE_BYTES DIR
 */
import { join } from 'node:path';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { folderSink, type OpenFile, type OutputSink } from '../../pipeline/adapters/output.ts';
import { openRecordSpill } from '../../pipeline/adapters/record-spill.ts';
import { loadSchemas } from '../../pipeline/adapters/schemas.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { FileTooLargeError } from '../../pipeline/datasets/partitions.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import { type SpilledPart, spilledSummaries } from '../../pipeline/datasets/summary-store.ts';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import { sampleReports } from './release.ts';

const count = Number(process.argv[2]);
const maxFileBytes = Number(process.argv[3]);
const dir = process.argv[4]!;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !Number.isInteger(count) || !Number.isInteger(maxFileBytes) || !dir) {
  throw new Error('usage: node --expose-gc --import tsx aggregate-heap.ts COUNT MAX_FILE_BYTES DIR');
}
const used = (): number => process.memoryUsage().heapUsed;

const got = { regions: 0, coverage: 0, datapackage: 0, catalog: 0 };
/**
 * The most live heap at this stage so far. A full collection of a 40–55 MiB heap costs some 0.1 s (most of this test's
 * time was spent in them), so it is skipped where it cannot change the result: the heap in use, garbage and all, is at
 * least the live heap, and a second collection only lowers it — when either is already no more than the most seen, so
 * is the live heap. The result is the one two collections at every point give.
 */
const most = (stage: keyof typeof got) => {
  if (used() <= got[stage]) return;
  gc();
  if (used() <= got[stage]) return;
  gc();
  got[stage] = Math.max(got[stage], used());
};

// The catalog's JSON-LD and RDF steps, measured as each gives its result (while the caller holds it).
const api = jsonld as unknown as Record<'expand' | 'toRDF', (...args: unknown[]) => Promise<unknown>>;
for (const name of ['expand', 'toRDF'] as const) {
  const original = api[name].bind(jsonld);
  api[name] = async (...args) => {
    const out = await original(...args);
    most('catalog');
    return out;
  };
}
const parse = Parser.prototype.parse;
Parser.prototype.parse = function (this: Parser, ...args: Parameters<typeof parse>) {
  const quads = parse.apply(this, args);
  most('catalog');
  return quads;
} as typeof parse;

const base = sampleReports(3)[0]!;
/** Report i: year 2019 + i mod 7 of body ⌊i / 7⌋, in the order of the tables (year, then id). */
function* reports(): Generator<ValidatedReport> {
  const bodies = Math.ceil(count / 7);
  for (let year = 2019; year < 2026; year++) {
    for (let body = 0; body < bodies; body++) {
      if (body * 7 + (year - 2019) >= count) continue;
      const id = `body-${String(body).padStart(6, '0')}-${year}`;
      yield {
        ...base,
        report: {
          ...base.report, id, year, agency: `机关${body}`, body: undefined,
          published: `${year + 1}-0${1 + (body % 3)}-1${body % 10}`,
          sources: [{ ...base.report.sources[0]!, name: `${year}/${id}.txt` }],
        },
      };
    }
  }
}

const isCoverage = (path: string) => path === 'data/coverage.csv' || path.startsWith('coverage/');
const folder = folderSink(join(dir, 'out'));
const sink: OutputSink = {
  async write(path, content, mediaType) {
    if (isCoverage(path)) most('coverage');
    if (path === 'data/regions.csv') most('regions');
    if (path === 'datapackage.json') most('datapackage');
    return folder.write(path, content, mediaType);
  },
  async open(path, mediaType) {
    const file = await folder.open(path, mediaType);
    if (!isCoverage(path)) return file;
    most('coverage');
    const measured: OpenFile = {
      async write(chunk) {
        most('coverage');
        return file.write(chunk);
      },
      async close() {
        most('coverage');
        return file.close();
      },
    };
    return measured;
  },
};

const meta = { ...DEFAULT_META, releases: 'https://github.com/o/data/releases/download/', release: { ...DEFAULT_RELEASE, layout: 'national' as const } };
const spill = openRecordSpill<SpilledPart>(dir);
try {
  await buildRelease({ reports: reports(), meta, today: '2026-06-01', schemas: await loadSchemas(), summaries: spilledSummaries(spill), maxFileBytes }, sink);
} catch (e) {
  // The catalog grows with the files and passes a small bound: the release is refused at the end, once measured.
  if (!(e instanceof FileTooLargeError)) throw e;
} finally {
  spill.close();
}
process.stdout.write(JSON.stringify(got));
