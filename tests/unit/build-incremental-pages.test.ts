/**
 * A report year written again takes the pages of the reports kept from the last build from that build's pages
 * archive instead of rendering them (issue 13 §5; datasets/index.ts pagesOfLast, adapters/year-record.ts `pages`,
 * archive-writer.ts tarGzEntries), national layout. No key a report is kept: a page is taken when its report came
 * kept (its summary as the last build made it) with the same date, and stays in the part it was in. The archive is
 * byte for byte the one a build without reuse writes; the pages taken are the last build's entries (shown by a last
 * archive whose entries are marked); the changed report's page, a report whose date changed, a report whose part
 * changed, and every page under other metadata or of a touched archive are rendered.
 */
import assert from 'node:assert/strict';
import { readFile, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { folderSink, writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import { yearRecord } from '../../pipeline/adapters/year-record.ts';
import { tarGzEntries, tarGzFile } from '../../pipeline/datasets/archive-writer.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { type KeptReport, buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE, pagesArchivePath } from '../../pipeline/datasets/release-layout.ts';
import type { DatasetMeta, ReportSummary, ValidatedReport } from '../../pipeline/datasets/types.ts';
import type { ArchivedPage, YearStreams } from '../../pipeline/datasets/year-streams.ts';
import { fileBytes } from '../helpers/file-tree.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const META: DatasetMeta = { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } };
/** A bound that puts a year's reports in several parts (as build-incremental-parts.test.ts). */
const BOUND = 400_000;

/** A report with another document and rows of the same size: one hex digit of its first source's sha256 changed. */
function changed(r: ValidatedReport): ValidatedReport {
  const [first, ...rest] = r.report.sources;
  const sha = first!.sha256;
  return { ...r, report: { ...r.report, sources: [{ ...first!, sha256: `${sha[0] === 'a' ? 'b' : 'a'}${sha.slice(1)}` }, ...rest] } };
}

async function entries(path: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of tarGzEntries(path)) out.set(e.name, e.data.toString('utf8'));
  return out;
}

/** The record as a build sees it, its last pages' entries marked ("taken <name>") or not, and what `pages` gave (null or not). */
function marked(y: YearStreams, asked: Array<boolean>, mark = true): YearStreams {
  return {
    ...y, take: y.take.bind(y), parts: y.parts?.bind(y),
    async pages(year, key) {
      const last = await y.pages!(year, key);
      asked.push(last !== null);
      if (!last) return null;
      return {
        async next() {
          const n = await last.next();
          return n.done || !mark ? n : { done: false, value: { name: n.value.name, data: Buffer.from(`taken ${n.value.name}`) } };
        },
        async return() {
          await last.return?.();
          return { done: true, value: undefined };
        },
      } satisfies AsyncIterator<ArchivedPage>;
    },
  };
}

test('tarGzEntries reads back what tarGzFile wrote, long (ustar prefix) names and empty entries too; a cut archive throws', async (t) => {
  const dir = scratchDir('xxgk-tar-read-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const long = `${'目录'.repeat(20)}/${'p'.repeat(90)}.html`;
  const written: Array<[string, string]> = [['a.html', '<p>一</p>'], [long, 'x'.repeat(70_000)], ['empty.txt', ''], ['b/c.json', '{"n":1}']];
  const tar = tarGzFile(folderSink(dir), 't.tar.gz');
  for (const [name, content] of written) await tar.add(name, name === 'b/c.json' ? Buffer.from(content) : content);
  await tar.close();
  assert.deepEqual([...(await entries(join(dir, 't.tar.gz')))], written);
  const whole = await readFile(join(dir, 't.tar.gz'));
  await writeFile(join(dir, 'cut.tar.gz'), gzipSync(gunzipSync(whole).subarray(0, 1500)));
  await assert.rejects(entries(join(dir, 'cut.tar.gz')), /cut short|ends without/);
  // Stopped after the first entry: the rest is not read, and nothing is left open.
  for await (const e of tarGzEntries(join(dir, 't.tar.gz'))) {
    assert.equal(e.name, 'a.html');
    break;
  }
});

test('build with reuse, national layout: a year written again takes the pages of its kept reports from the last archive, the same bytes as a build without reuse', async (t) => {
  const dir = scratchDir('xxgk-build-pages-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  // Two years, unique ids (the samples repeat some bodies), each report's rows made longer (a longer name) so that a
  // few make a part (as build-incremental-parts.test.ts).
  const all = sampleReports(48).filter((r, k, list) => [2020, 2021].includes(r.report.year) && list.findIndex((o) => o.report.id === r.report.id) === k)
    .map((r) => ({ ...r, report: { ...r.report, agency: `${r.report.agency}${'局'.repeat(150)}` } }));
  const year = all[0]!.report.year;
  const inYear = all.flatMap((r, k) => (r.report.year === year ? [k] : []));
  assert.ok(inYear.length >= 3, `${inYear.length} reports of ${year}`);
  /** Each report's summary as the last build with reuse made it, by id. */
  let last = new Map<string, ReportSummary>();
  /**
   * A build into `to`: with reuse, the reports in `fresh` (by index) given whole, the others kept (their last
   * summaries); `wrap`: the record as the build sees it. The build's summaries become the last ones.
   */
  const build = async (
    to: string, list: readonly ValidatedReport[], o: { reuse: boolean; fresh?: readonly number[]; meta?: DatasetMeta; today?: string; wrap?: (y: YearStreams) => YearStreams },
  ) => {
    const record = o.reuse ? await yearRecord(cache, to, 'key') : null;
    const years = record ? (o.wrap ?? ((y) => y))(record) : null;
    const made = new Map<string, ReportSummary>();
    const reuse = years?.usable === true;
    const input: Array<ValidatedReport | KeptReport> = list.map((r, k) => (reuse && !o.fresh?.includes(k) ? { kept: last.get(r.report.id)! } : r));
    const result = await writeFolderAtomically(to, (sink) => buildRelease({
      reports: input, meta: o.meta ?? META, today: o.today ?? '2026-02-01', schemas: new Map(), maxFileBytes: BOUND,
      described: (_, s) => void made.set(s.id, s),
      ...(reuse ? { reuse: { years: years!, again: (y: number) => list.filter((r) => r.report.year === y) } } : {}),
    }, sink));
    if (record) {
      await record.save(result.streams, result.files.find((f) => f.path === 'manifest.json')!.sha256, null);
      last = made;
    }
    return result;
  };
  /** The build with reuse into `out` is, file by file, the build without it over the same reports. */
  const same = async (list: readonly ValidatedReport[], o: { meta?: DatasetMeta; today?: string }, n: number) => {
    await build(join(dir, `reference-${n}`), list, { reuse: false, ...o });
    const [got, want] = [await fileBytes(out), await fileBytes(join(dir, `reference-${n}`))];
    assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'the same files');
    for (const [path, bytes] of want) assert.ok(bytes.equals(got.get(path)!), `${path}: the same bytes`);
  };
  const first = await build(out, all, { reuse: true });
  assert.ok(first.streams.find((s) => s.year === year)!.pages, 'the year\'s pages key recorded');

  // One report of the year changed: the pages of the others taken from the last archive (its entries marked).
  const second = all.slice();
  const touched = inYear[2]!;
  second[touched] = changed(all[touched]!);
  let asked: boolean[] = [];
  await build(out, second, { reuse: true, fresh: [touched], wrap: (y) => marked(y, (asked = [], asked)) });
  assert.deepEqual(asked, [true], 'the last pages read for the one year written again');
  let pages = await entries(join(out, pagesArchivePath(year)));
  assert.equal(pages.size, inYear.length);
  for (const [k, [name, page]] of [...pages].entries()) {
    if (inYear[k] === touched) assert.match(page, /^<!DOCTYPE html>/i, `${name}: rendered (its report changed)`);
    else assert.equal(page, `taken ${name}`, `${name}: taken from the last archive`);
  }

  // Another day (no previous release: every report's date is the new day): no page can be taken, the last pages are
  // not read, every page is rendered, and the release is the build without reuse's.
  const later = '2026-03-01';
  await build(out, all, { reuse: true, fresh: [touched], today: later, wrap: (y) => marked(y, (asked = [], asked)) });
  assert.deepEqual(asked, [], 'no last pages read');
  await same(all, { today: later }, 1);

  // The report changed again: the others' pages taken (not marked now), byte for byte the build without reuse.
  const third = await build(out, second, { reuse: true, fresh: [touched], today: later, wrap: (y) => marked(y, (asked = [], asked), false) });
  assert.deepEqual(asked, [true], 'the last pages read');
  await same(second, { today: later }, 2);

  // A report in another part than in the last build (the last breaks shifted by one report): its page is rendered.
  const breaks = third.streams.find((s) => s.year === year)!.breaks.map((b) => b.reports);
  assert.ok(breaks.length >= 2 && breaks[0]! >= 2, `the year in several parts (${breaks.join(', ')})`);
  const shifted = (y: YearStreams): YearStreams => ({
    ...marked(y, (asked = [], asked)),
    parts(yr, sink) {
      const got = y.parts!(yr, sink);
      return yr !== year ? got : got.map((b, k) => ({ ...b, reports: b.reports + (k === 0 ? -1 : k === 1 ? 1 : 0) }));
    },
  });
  await build(out, all, { reuse: true, fresh: [touched], today: later, wrap: shifted });
  assert.deepEqual(asked, [true]);
  pages = await entries(join(out, pagesArchivePath(year)));
  const moved = breaks[0]! - 1;
  assert.notEqual(inYear[moved], touched, 'the report moved is not the one changed');
  for (const [k, [name, page]] of [...pages].entries()) {
    if (inYear[k] === touched || k === moved) assert.match(page, /^<!DOCTYPE html>/i, `${name}: rendered`);
    else assert.equal(page, `taken ${name}`, `${name}: taken from the last archive`);
  }

  // Other metadata: the last pages are not read (every page rendered), and the release is the build without reuse's.
  const meta: DatasetMeta = { ...META, title: { zh: `${META.title.zh}（二）`, en: `${META.title.en} (2)` } };
  await build(out, second, { reuse: true, fresh: [touched], today: later, meta, wrap: (y) => marked(y, (asked = [], asked)) });
  assert.ok(asked.length > 0 && asked.every((a) => !a), `no last pages under other metadata (${asked.join(', ')})`);
  await same(second, { today: later, meta }, 3);

  // The archive touched since the last build (its modification time): not read.
  const real = join(out, '..', await readlink(out));
  await utimes(join(real, pagesArchivePath(year)), new Date(), new Date(2020, 0, 1));
  await build(out, all, { reuse: true, fresh: [touched], today: later, meta, wrap: (y) => marked(y, (asked = [], asked)) });
  assert.deepEqual(asked, [false], 'a touched archive is not read');
  await same(all, { today: later, meta }, 4);
});
