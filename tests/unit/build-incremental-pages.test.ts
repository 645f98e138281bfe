/**
 * A report year written again takes the pages of its unchanged reports from the last build's pages archive instead
 * of rendering them (issue 13 §5; year-streams.ts pageKey, adapters/year-record.ts `pages`, archive-writer.ts
 * tarGzEntries), national layout: the archive is byte for byte the one a build without reuse writes; the pages
 * taken are the last build's entries (shown by a last archive whose entries are marked), the changed report's page
 * is rendered, and a page whose key differs is rendered.
 */
import assert from 'node:assert/strict';
import { readFile, readdir, readlink, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { folderSink, writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import { yearRecord } from '../../pipeline/adapters/year-record.ts';
import { tarGzEntries, tarGzFile } from '../../pipeline/datasets/archive-writer.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { DEFAULT_RELEASE, pagesArchivePath } from '../../pipeline/datasets/release-layout.ts';
import type { DatasetMeta, ValidatedReport } from '../../pipeline/datasets/types.ts';
import type { ArchivedPage, YearStreams } from '../../pipeline/datasets/year-streams.ts';
import { sampleReports } from '../helpers/release.ts';
import { scratchDir } from '../helpers/scratch.ts';

const META: DatasetMeta = { ...DEFAULT_META, release: { ...DEFAULT_RELEASE, layout: 'national' } };

/** A report with another document: one hex digit of its first source's sha256 changed. */
function changed(r: ValidatedReport): ValidatedReport {
  const [first, ...rest] = r.report.sources;
  const sha = first!.sha256;
  return { ...r, report: { ...r.report, sources: [{ ...first!, sha256: `${sha[0] === 'a' ? 'b' : 'a'}${sha.slice(1)}` }, ...rest] } };
}

/** Every file of the build `out` links to: path → bytes. */
async function tree(out: string): Promise<Map<string, Buffer>> {
  const real = join(out, '..', await readlink(out));
  const files = new Map<string, Buffer>();
  for (const f of (await readdir(real, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const path = join(f.parentPath ?? f.path, f.name).slice(real.length + 1);
    files.set(path, await readFile(join(real, path)));
  }
  return files;
}

async function entries(path: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of tarGzEntries(path)) out.set(e.name, e.data.toString('utf8'));
  return out;
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
  const { gunzipSync, gzipSync } = await import('node:zlib');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'cut.tar.gz'), gzipSync(gunzipSync(whole).subarray(0, 1500)));
  await assert.rejects(entries(join(dir, 'cut.tar.gz')), /cut short|ends without/);
});

test('build with reuse, national layout: a year written again takes its unchanged reports\' pages from the last archive, the same bytes as a build without reuse', async (t) => {
  const dir = scratchDir('xxgk-build-pages-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  const reports = sampleReports(24).filter((r, k, all) => all.findIndex((o) => o.report.id === r.report.id) === k);
  const year = reports[0]!.report.year;
  const inYear = reports.flatMap((r, k) => (r.report.year === year ? [k] : []));
  assert.ok(inYear.length >= 3, `${inYear.length} reports of ${year}`);
  /** `wrap`: the record as the build sees it (to mark or spoil the last build's pages). */
  const build = async (to: string, list: readonly ValidatedReport[], reuse: boolean, wrap = (y: YearStreams) => y) => {
    const record = reuse ? await yearRecord(cache, to, 'key') : null;
    const years = record ? wrap(record) : null;
    const result = await writeFolderAtomically(to, (sink) => buildRelease({
      reports: list, meta: META, today: '2026-02-01', schemas: new Map(),
      ...(years?.usable ? { reuse: { years, again: (y: number) => list.filter((r) => r.report.year === y) } } : {}),
    }, sink));
    if (record) await record.save(result.streams, result.files.find((f) => f.path === 'manifest.json')!.sha256, null);
    return result;
  };
  const first = await build(out, reports, true);
  const keys = first.streams.find((s) => s.year === year)!.pages!;
  assert.equal(keys.length, inYear.length, 'a page key a report of the year');

  // One report of the year changed: the same release as a build without reuse.
  const second = reports.slice();
  const touched = inYear[1]!;
  second[touched] = changed(reports[touched]!);
  let asked = 0;
  const counting = (y: YearStreams): YearStreams => ({
    ...y, take: y.take.bind(y), parts: y.parts?.bind(y),
    async pages(yr) {
      asked++;
      return (await y.pages!(yr));
    },
  });
  await build(out, second, true, counting);
  assert.equal(asked, 1, 'the last pages asked for the one year written again');
  await build(join(dir, 'reference'), second, false);
  const [got, want] = [await tree(out), await tree(join(dir, 'reference'))];
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'the same files');
  for (const [path, bytes] of want) assert.ok(bytes.equals(got.get(path)!), `${path}: the same bytes`);

  // The pages are taken from the last archive: with its entries marked, the unchanged reports' pages are the marks,
  // the changed report's page is rendered.
  const third = second.slice();
  const again = inYear[2]!;
  third[again] = changed(second[again]!);
  const marked = (y: YearStreams): YearStreams => ({
    ...y, take: y.take.bind(y), parts: y.parts?.bind(y),
    async pages(yr) {
      const last = await y.pages!(yr);
      if (!last) return null;
      const inner = last.entries;
      const entriesMarked: AsyncIterator<ArchivedPage> = {
        async next() {
          const n = await inner.next();
          return n.done ? n : { done: false, value: { name: n.value.name, data: Buffer.from(`taken ${n.value.name}`) } };
        },
        async return() { await inner.return?.(); return { done: true, value: undefined }; },
      };
      return { keys: last.keys, entries: entriesMarked };
    },
  });
  await build(out, third, true, marked);
  const pages = await entries(join(out, pagesArchivePath(year)));
  const names = [...pages.keys()];
  assert.equal(names.length, inYear.length);
  for (const [k, name] of names.entries()) {
    if (inYear[k] === again) assert.match(pages.get(name)!, /^<!DOCTYPE html>/i, `${name}: rendered (its report changed)`);
    else assert.equal(pages.get(name), `taken ${name}`, `${name}: taken from the last archive`);
  }

  // A key that is not the last build's: the page is rendered (here every key spoilt: every page rendered).
  const spoilt = (y: YearStreams): YearStreams => ({
    ...y, take: y.take.bind(y), parts: y.parts?.bind(y),
    async pages(yr) {
      const last = await marked(y).pages!(yr);
      return last && { keys: last.keys.map((k) => `${k}x`), entries: last.entries };
    },
  });
  const fourth = third.slice();
  fourth[touched] = reports[touched]!;
  await build(out, fourth, true, spoilt);
  const rendered = await entries(join(out, pagesArchivePath(year)));
  assert.ok([...rendered.values()].every((p) => /^<!DOCTYPE html>/i.test(p)), 'every page rendered');
  await build(join(dir, 'reference-4'), fourth, false);
  assert.ok((await readFile(join(out, pagesArchivePath(year)))).equals(await readFile(join(dir, 'reference-4', pagesArchivePath(year)))));
});
