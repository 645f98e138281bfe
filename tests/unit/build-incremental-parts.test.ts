/**
 * A report year written again keeps the parts of it that did not change (issue 13 §5, partition-writer.ts
 * partDigest, year-streams.ts linkableParts, adapters/year-record.ts `parts`): with a lowered size bound, so that a
 * year runs over several parts, a change in part 2 links part 1 and a change in part 1 links part 2 (their files
 * hard-linked from the last build, inodes kept), a change that moves a break writes the parts after it, and every
 * build is byte for byte the build without the last one over the same reports. Both layouts (the national one
 * gzips its parts: their bytes are compared as well).
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import type { PartitionBreak } from '../../pipeline/datasets/partition-writer.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import type { DatasetMeta, ValidatedReport } from '../../pipeline/datasets/types.ts';
import { sampleReports } from '../helpers/release.ts';
import { reuseBuilds } from '../helpers/reuse-builds.ts';
import { scratchDir } from '../helpers/scratch.ts';

const BOUND = 400_000;
const YEAR = 2020;

/** A report with another document and rows of the same size: one hex digit of its first source's sha256 changed. */
function sameSize(r: ValidatedReport): ValidatedReport {
  const [first, ...rest] = r.report.sources;
  const sha = first!.sha256;
  const changed = { ...first!, sha256: `${sha[0] === 'a' ? 'b' : 'a'}${sha.slice(1)}` };
  return { ...r, report: { ...r.report, sources: [changed, ...rest] } };
}

/** A report whose every row is longer (its agency's name). */
const longer = (r: ValidatedReport): ValidatedReport => ({ ...r, report: { ...r.report, agency: `${r.report.agency}${'长'.repeat(400)}` } });

const LAYOUTS: Array<[string, DatasetMeta]> = [
  ['site', DEFAULT_META],
  ['national', { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } }],
];

for (const [layout, meta] of LAYOUTS) {
  test(`build with reuse, ${layout} layout: a year written again links its parts that did not change, and is what a build without reuse writes`, async (t) => {
    const dir = scratchDir('xxgk-build-parts-');
    t.after(() => rm(dir, { recursive: true, force: true }));
    const { out, build, step } = reuseBuilds(dir, meta, { maxFileBytes: BOUND, year: YEAR });
    const partsOf = (breaks: readonly PartitionBreak[]) => breaks.map((b) => `${b.part}:${b.reports}`).join(' ');

    // Two years (the catalog grows with the parts, and must stay under the bound too); unique ids (the samples repeat
    // some bodies).
    // some bodies); each report's rows made longer (a longer name), so that a few make a part under a bound that the
    // aggregate files stay under.
    const reports = sampleReports(48).filter((r, k, all) => [YEAR, YEAR + 1].includes(r.report.year) && all.findIndex((o) => o.report.id === r.report.id) === k)
      .map((r) => ({ ...r, report: { ...r.report, agency: `${r.report.agency}${'局'.repeat(150)}` } }));
    const first = await build(out, reports, true);
    const breaks = first.streams.find((s) => s.year === YEAR)!.breaks;
    // The year runs over three parts or more (else the test shows nothing), each recording its digest and files.
    assert.ok(breaks.length >= 3, `${YEAR} in ${breaks.length} parts`);
    assert.ok(breaks.every((b) => b.digest && b.files && b.files.length > 0), 'every part has its digest and files');
    const inYear = reports.flatMap((r, k) => (r.report.year === YEAR ? [k] : []));
    const at = (part: number, k: number) => inYear[breaks.slice(0, part - 1).reduce((a, b) => a + b.reports, 0) + k]!;
    const all = (part: number) => breaks[part - 1]!.files!;

    // A change in part 2 (not its first report, whose size decides where part 1 ends) that keeps its rows' size: part
    // 1 and the parts after 2 linked, part 2 written.
    assert.ok(breaks[1]!.reports >= 2, 'part 2 holds two reports or more');
    const second = reports.slice();
    second[at(2, 1)] = sameSize(reports[at(2, 1)]!);
    const s2 = await step(second);
    assert.equal(partsOf(s2.breaks), partsOf(breaks), 'the breaks where they were');
    assert.deepEqual(s2.kept[0], all(1), 'part 1 linked');
    assert.deepEqual(s2.kept[1], [], 'part 2 written');
    for (let p = 3; p <= breaks.length; p++) assert.deepEqual(s2.kept[p - 1], all(p), `part ${p} linked`);

    // A change in part 1: part 2 (written by the last build) linked, part 1 written.
    const third = second.slice();
    third[at(1, 0)] = sameSize(second[at(1, 0)]!);
    const s3 = await step(third);
    assert.equal(partsOf(s3.breaks), partsOf(breaks));
    assert.deepEqual(s3.kept[0], [], 'part 1 written');
    assert.deepEqual(s3.kept[1], all(2), 'part 2 linked');

    // Part 1's first report's rows grow: the break after it moves, and the parts after it are written.
    const fourth = third.slice();
    fourth[at(1, 0)] = longer(third[at(1, 0)]!);
    const s4 = await step(fourth);
    assert.notEqual(partsOf(s4.breaks), partsOf(breaks), 'a break moved');
    assert.ok(s4.kept.every((k) => k.length === 0), `nothing of ${YEAR} linked: ${s4.kept.flat().join(', ')}`);

    // Back to the third's reports: the same breaks as then, and (the last build's parts being others) written.
    const s5 = await step(third);
    assert.equal(partsOf(s5.breaks), partsOf(breaks));
    // The parts' digests do not depend on the build that wrote them: the same as the third build's.
    assert.deepEqual(s5.breaks.map((b) => b.digest), s3.breaks.map((b) => b.digest));
    // Every part a digest of its own (the same reports at another place, another part).
    assert.equal(new Set(s5.breaks.map((b) => b.digest)).size, s5.breaks.length);
  });
}
