/**
 * A part of a year written again whose reports changed their documents but not their rows links its tables from the
 * last build and writes only its documents (issue 13 §5; partition-writer.ts `expect`'s `rows`, `sameRows`,
 * year-streams.ts rowsLinkableParts, datasets/index.ts `reuse.last`): with a lowered size bound, so that a year runs
 * over several parts. A changed source hash (the document changes, no row does) links the part's tables and Parquet
 * file (inodes kept; the national layout writes its bundle of documents, the site layout has its documents apart
 * and links every file of the part), and so does a longer file name (the document's size another); a changed figure writes the part's tables; a document grown so that its part
 * would end elsewhere is refused (ReuseMismatch: the caller builds in full). Every build is byte for byte the build
 * without the last one over the same reports, in both layouts.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import { yearRecord } from '../../pipeline/adapters/year-record.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { ReuseMismatch, buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import type { DatasetMeta, ValidatedReport } from '../../pipeline/datasets/types.ts';
import { fileTree } from '../helpers/file-tree.ts';
import { sampleReports } from '../helpers/release.ts';
import { reuseBuilds } from '../helpers/reuse-builds.ts';
import { scratchDir } from '../helpers/scratch.ts';

const BOUND = 400_000;
const YEAR = 2020;

/** Another document, the same rows: one hex digit of its first source's sha256 changed (and the name made `name`). */
function otherDocument(r: ValidatedReport, name?: string): ValidatedReport {
  const [first, ...rest] = r.report.sources;
  const sha = first!.sha256;
  const changed = { ...first!, sha256: `${sha[0] === 'a' ? 'b' : 'a'}${sha.slice(1)}`, ...(name ? { name } : {}) };
  return { ...r, report: { ...r.report, sources: [changed, ...rest] } };
}

/** Another figure: the first number of table 三 (applications) whose value is 1–8 gets one more (the same width in every table). */
function otherFigure(r: ValidatedReport): ValidatedReport {
  const tables = structuredClone(r.report.tables);
  for (const row of Object.values(tables.applications)) {
    for (const cell of Object.values(row ?? {})) {
      if (cell && cell.kind === 'number' && cell.value !== null && cell.value >= 1 && cell.value <= 8) {
        cell.value += 1;
        if (cell.raw) cell.raw = String(cell.value);
        return { ...r, report: { ...r.report, tables } };
      }
    }
  }
  throw new Error(`no figure of 1-8 in table 三 of ${r.report.id}`);
}

const LAYOUTS: Array<[string, DatasetMeta]> = [
  ['site', DEFAULT_META],
  ['national', { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } }],
];

for (const [layout, meta] of LAYOUTS) {
  test(`build with reuse, ${layout} layout: a part whose reports keep their rows links its tables, and is what a build without reuse writes`, async (t) => {
    const dir = scratchDir('xxgk-build-rows-');
    t.after(() => rm(dir, { recursive: true, force: true }));
    const { out, cache, build, step } = reuseBuilds(dir, meta, { maxFileBytes: BOUND, year: YEAR, last: true });
    const partsOf = (breaks: ReadonlyArray<{ part: number; reports: number }>) => breaks.map((b) => `${b.part}:${b.reports}`).join(' ');

    const reports = sampleReports(48).filter((r, k, all) => [YEAR, YEAR + 1].includes(r.report.year) && all.findIndex((o) => o.report.id === r.report.id) === k)
      .map((r) => ({ ...r, report: { ...r.report, agency: `${r.report.agency}${'局'.repeat(150)}` } }));
    const first = await build(out, reports, true);
    const breaks = first.streams.find((s) => s.year === YEAR)!.breaks;
    assert.ok(breaks.length >= 3, `${YEAR} in ${breaks.length} parts`);
    const inYear = reports.flatMap((r, k) => (r.report.year === YEAR ? [k] : []));
    const at = (part: number, k: number) => inYear[breaks.slice(0, part - 1).reduce((a, b) => a + b.reports, 0) + k]!;
    const all = (part: number) => breaks[part - 1]!.files!;
    const documents = (part: number) => all(part).filter((p) => /^reports\/\d{4}(-\d+)?\.ndjson\.gz$/.test(p));
    const tables = (part: number) => all(part).filter((p) => !documents(part).includes(p));
    assert.ok(tables(2).some((p) => p.endsWith('.parquet')), 'the part has its Parquet file');
    assert.equal(documents(2).length, layout === 'national' ? 1 : 0, 'the national layout bundles the documents with the part');

    // A new document in part 2, the same rows: part 2's tables linked (with its Parquet file), its documents written.
    assert.ok(breaks[1]!.reports >= 2, 'part 2 holds two reports or more');
    const second = reports.slice();
    second[at(2, 1)] = otherDocument(reports[at(2, 1)]!);
    const s2 = await step(second);
    assert.equal(partsOf(s2.breaks), partsOf(breaks), 'the breaks where they were');
    assert.deepEqual(s2.kept[0], all(1), 'part 1 linked whole');
    assert.deepEqual(s2.kept[1], tables(2), 'part 2: its tables linked, its documents written');

    // A longer document (a longer file name), the same rows: the part's tables linked still, its sizes measured.
    const longer = second.slice();
    longer[at(2, 1)] = otherDocument(second[at(2, 1)]!, `${second[at(2, 1)]!.report.sources[0]!.name}.bak`);
    const s2b = await step(longer);
    assert.equal(partsOf(s2b.breaks), partsOf(breaks));
    assert.deepEqual(s2b.kept[1], tables(2), 'part 2: its tables linked, its documents written');

    // A changed figure in part 2: its tables written (the figure's rows are others).
    const third = longer.slice();
    third[at(2, 1)] = otherFigure(longer[at(2, 1)]!);
    const s3 = await step(third);
    assert.equal(partsOf(s3.breaks), partsOf(breaks));
    assert.deepEqual(s3.kept[0], all(1), 'part 1 linked whole');
    assert.deepEqual(s3.kept[1], [], 'part 2 written');

    // Without `reuse.last`, a part of other documents is written whole (the rows are not compared).
    const fourth = third.slice();
    fourth[at(2, 1)] = otherDocument(third[at(2, 1)]!);
    const years = await yearRecord(cache, out, 'key');
    const plain = await writeFolderAtomically(join(dir, 'plain'), (sink) => buildRelease({
      reports: fourth, meta, today: '2026-02-01', schemas: new Map(), maxFileBytes: BOUND,
      reuse: { years, again: (y: number) => fourth.filter((r) => r.report.year === y) },
    }, sink));
    const plainTree = await fileTree(join(dir, 'plain'));
    const lastTree = await fileTree(out);
    const plainBreaks = plain.streams.find((s) => s.year === YEAR)!.breaks;
    assert.deepEqual(plainBreaks[1]!.files!.filter((p) => plainTree.get(p)!.ino === lastTree.get(p)?.ino), [], 'part 2 written whole');

    if (layout === 'national') {
      // A document grown past the bound: part 2 would end after its first report, where the tables linked hold more.
      const fifth = third.slice();
      fifth[at(2, 1)] = otherDocument(third[at(2, 1)]!, `${'x'.repeat(BOUND)}.txt`);
      const before = await fileTree(out);
      await assert.rejects(build(out, fifth, true), ReuseMismatch);
      const after = await fileTree(out);
      assert.deepEqual([...after].map(([p, f]) => [p, f.ino]), [...before].map(([p, f]) => [p, f.ino]), 'the last build left in place');
    }
  });
}
