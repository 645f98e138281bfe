/**
 * The big tables split by year and size (partitions.ts): with a lowered bound, no file passes it, a year runs over
 * several parts that break at the same report in every table, and the parts joined give the whole table. A release
 * with any other file above the bound is refused, the file named.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { partitionWriter } from '../../pipeline/datasets/partition-writer.ts';
import { FileTooLargeError, checkFileSizes, partPath, partitionOf } from '../../pipeline/datasets/partitions.ts';
import { OBSERVATIONS_CSV, REPORTS_CSV, REPORTS_FEED, tableOf } from '../../pipeline/datasets/table-schemas.ts';
import { TIMESERIES_CSV } from '../../pipeline/datasets/table-schemas-series.ts';
import { writeReportParts } from '../../pipeline/datasets/report-parts.ts';
import { csvFiles } from '../../pipeline/datasets/to-csv.ts';
import { observationsNdjson } from '../../pipeline/datasets/to-json.ts';
import { UsageError } from '../../pipeline/errors.ts';
import { memorySink } from '../helpers/memory-sink.ts';
import { joinedCsv, sampleContext, sampleReports } from '../helpers/release.ts';

const reports = sampleReports(24);
const LIMIT = 100_000;

test('with a lowered bound: no file passes it, years run over parts, every table breaks at the same report', async () => {
  const sink = memorySink();
  const tables = [...csvFiles(), observationsNdjson()];
  const writer = partitionWriter(sink, tables, LIMIT);
  for (const r of reports) await writer.add(r);
  const written = await writer.close();
  assert.ok(written.every((f) => f.bytes <= LIMIT), written.filter((f) => f.bytes > LIMIT).map((f) => `${f.path} ${f.bytes}`).join(', '));
  assert.ok(written.some((f) => partitionOf(f.path)!.part > 1), 'some year needed more than one part');
  // The same partitions for every table: the reports of data/observations/2019-2.csv are those of data/applications/2019-2.csv.
  const idsOf = (path: string) => [...new Set([...sink.files.get(path)!.matchAll(/^(?:\uFEFF[^\n]*\n)?(?:\{"report_id":")?([a-z0-9-]+-\d{4})[",]/gm)].map((m) => m[1]))];
  for (const f of written.filter((x) => tableOf(x.path) === OBSERVATIONS_CSV)) {
    const { year, part } = partitionOf(f.path)!;
    for (const t of tables) assert.ok(sink.files.has(partPath(t.path, year, part)), `${t.path} has part ${year}-${part}`);
    assert.ok(idsOf(f.path).length > 0, f.path);
    assert.deepEqual(idsOf(partPath('data/applications.csv', year, part)), idsOf(f.path), `${f.path}: the same reports`);
  }
  // The tables of one row per report, built after the stream, break at the same reports; the index names their parts.
  const summaries = sampleContext(reports).reports;
  const more = await writeReportParts(sink, DEFAULT_META, '2026-02-01', summaries, writer.breaks());
  for (const f of written.filter((x) => tableOf(x.path) === OBSERVATIONS_CSV)) {
    const { year, part } = partitionOf(f.path)!;
    for (const t of [REPORTS_CSV, TIMESERIES_CSV, REPORTS_FEED]) {
      const ids = [...sink.files.get(partPath(t, year, part))!.matchAll(/(?:^|"|,)([a-z0-9-]+-\d{4})(?:,|")/gm)].map((m) => m[1]);
      assert.deepEqual([...new Set(ids)].sort(), idsOf(f.path).sort(), `${partPath(t, year, part)}: the reports of ${f.path}`);
    }
  }
  const index = JSON.parse(sink.files.get(REPORTS_FEED)!) as { count: number; parts: Array<{ year: number; part: number }> };
  assert.equal(index.count, reports.length);
  assert.deepEqual(index.parts.map((p) => partPath(REPORTS_FEED, p.year, p.part)), more.filter((f) => tableOf(f.path) === REPORTS_FEED && f.path !== REPORTS_FEED).map((f) => f.path));
  // Joined back, the parts are the whole table.
  const obs = csvFiles().find((t) => t.path === OBSERVATIONS_CSV)!;
  assert.equal(joinedCsv(sink.files, OBSERVATIONS_CSV), obs.head() + reports.map((r) => obs.chunk(r)).join(''));
});

test('a release with another file above the bound is refused, naming the file; at the default bound it builds', async () => {
  const input = { reports, meta: DEFAULT_META, today: '2026-02-01', schemas: new Map<string, string>() };
  await assert.rejects(buildRelease({ ...input, maxFileBytes: LIMIT }, memorySink()), (err: unknown) => {
    assert.ok(err instanceof FileTooLargeError && err instanceof UsageError);
    assert.match(err.message, /^release: \S+ is \d+ bytes, more than the 100000 bytes/);
    assert.ok(!/^data\/observations/.test(err.path), `a file that is not partitioned: ${err.path}`);
    return true;
  });
  const built = await buildRelease(input, memorySink());
  assert.ok(built.files.every((f) => f.bytes <= 50 * 1024 * 1024));
});

test('checkFileSizes names the first file above the bound, by path', () => {
  checkFileSizes([{ path: 'a', bytes: 10 }], 10);
  assert.throws(() => checkFileSizes([{ path: 'z', bytes: 11 }, { path: 'b', bytes: 12 }, { path: 'a', bytes: 1 }], 10), /^FileTooLargeError: release: b is 12 bytes/);
});
