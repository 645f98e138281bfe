/**
 * `xxgk build --cache` after a few inputs changed (issue 13 §5, datasets/year-streams.ts, adapters/year-record.ts): a
 * report year whose reports did not change is taken from the last build (its files hard-linked), the others are
 * written; the release is byte for byte what a build without the cache writes over the same last release (the
 * release in --out is the build's history: the cross-year rules and the dates read it). One report changed, a
 * report whose next year's report reads it (its body's), a file removed, a file added; both layouts.
 */
import assert from 'node:assert/strict';
import { cp, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { buildCommand } from '../../pipeline/cli-build.ts';
import { DEFAULT_RELEASE } from '../../pipeline/datasets/release-layout.ts';
import { datasetMeta } from '../../pipeline/datasets/meta.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import type { DatasetMeta } from '../../pipeline/datasets/types.ts';
import { fileBytes } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const clock = () => new Date('2025-03-01T00:00:00.000Z');

/** The build folder `out` links to. */
const folderOf = async (out: string) => join(out, '..', await readlink(out));

/** Inode of every file of a build: path → inode. */
async function inodes(out: string): Promise<Map<string, number>> {
  const real = await folderOf(out);
  const got = new Map<string, number>();
  for (const f of await readdir(real, { recursive: true })) {
    const s = await stat(join(real, f));
    if (s.isFile()) got.set(f, s.ino);
  }
  return got;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  assert.equal(text.split(from).length, 2, `${file} holds ${from} once`);
  await writeFile(file, text.replace(from, to));
}

const LAYOUTS: Array<[string, DatasetMeta | undefined]> = [
  ['site', undefined],
  ['national', { ...datasetMeta({}, {}), release: { ...DEFAULT_RELEASE, layout: 'national' } }],
];

for (const [layout, meta] of LAYOUTS) {
  test(`build --cache, ${layout} layout: a few inputs changed, the years that did not are linked, and the release is what a build without the cache writes`, async (t) => {
    const dir = scratchDir('xxgk-build-incremental-');
    t.after(() => rm(dir, { recursive: true, force: true }));
    const input = join(dir, 'in');
    const aside = join(dir, 'aside');
    await cp(join(ROOT, 'samples/real'), input, { recursive: true });
    const out = join(dir, 'out');
    const cache = join(dir, 'cache');
    let printed = '';
    const log = t.mock.method(process.stdout, 'write', (text: string) => {
      printed += text;
      return true;
    });
    let warned = '';
    t.mock.method(process.stderr, 'write', (text: string) => {
      warned += text;
      return true;
    });
    const options = meta ? { meta } : {};
    let n = 0;
    /**
     * A build with the cache into `out`, and the same build without it over a copy of the last release: the same
     * files, byte for byte. Returns the years whose files were linked from the last build (their inodes kept), and
     * how many reports were kept (build-changed.ts), or null when the build read every report.
     */
    const step = async (): Promise<{ linked: string[]; kept: number | null }> => {
      const reference = join(dir, `reference-${++n}`);
      await cp(await folderOf(out), reference, { recursive: true });
      const before = await inodes(out);
      printed = '';
      warned = '';
      await buildCommand({ in: input, out, cache }, clock, options);
      const kept = /^xxgk: (\d+) reports kept from the last build/m.exec(printed);
      await buildCommand({ in: input, out: reference }, clock, options);
      const got = await fileBytes(out);
      const want = await fileBytes(reference);
      assert.deepEqual([...got.keys()], [...want.keys()], 'the same files');
      for (const [path, bytes] of want) assert.ok(bytes.equals(got.get(path)!), `${path}: the same bytes`);
      const after = await inodes(out);
      const linked = [...after].filter(([path, ino]) => before.get(path) === ino).map(([path]) => path);
      return { linked: [...new Set(linked.map((p) => /(\d{4})/.exec(p)![1]!))].sort(), kept: kept ? Number(kept[1]) : null };
    };
    try {
      await buildCommand({ in: input, out, cache }, clock, options);
      // One report changed (both renderings): its year is written again, the others linked.
      for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(input, name), '96171.6', '96171.7');
      // Its report read and validated again, and none other (no report of the same body the next year): three kept.
      assert.deepEqual(await step(), { linked: ['2020', '2023'], kept: 3 });
      // A report whose body's next report reads it (huaian-hongze 2023 → 2024): written are the years whose reports changed.
      for (const name of ['2023_huaian-hongze-district-gov.yaml', '2023_huaian-hongze-district-gov.json']) await edit(join(input, name), '4119', '4120');
      // Both read and validated again, the two others kept.
      const { linked, kept } = await step();
      assert.equal(kept, 2);
      assert.ok(!linked.includes('2023'), `2023 written again (linked: ${linked.join(', ')})`);
      assert.ok(linked.includes('2020'), `2020 linked (${linked.join(', ')})`);
      // A report removed (its files set aside), then added back.
      await cp(input, aside, { recursive: true });
      for (const name of ['2020_liaocheng-zrzyghj.yaml', '2020_liaocheng-zrzyghj.json']) await rm(join(input, name));
      // Files removed or added: every report read again (the ledger follows changes of content only).
      const removed = await step();
      assert.equal(removed.kept, null);
      // ... and the build says why, on stderr.
      assert.match(warned, /^xxgk: every report read again \(a full build\): 2 files removed \(2020_liaocheng-zrzyghj\.(json|yaml), 2020_liaocheng-zrzyghj\.(json|yaml)\)$/m);
      assert.ok(removed.linked.includes('2024'), '2024 linked');
      for (const name of ['2020_liaocheng-zrzyghj.yaml', '2020_liaocheng-zrzyghj.json']) await cp(join(aside, name), join(input, name));
      const added = await step();
      assert.equal(added.kept, null);
      assert.match(warned, /^xxgk: every report read again \(a full build\): 2 files added \(/m);
      assert.ok(added.linked.includes('2024'), '2024 linked');
      // A report changed again: its year written, the rest kept (the ledger of a full build serves as well).
      for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(input, name), '96171.7', '96171.8');
      assert.deepEqual(await step(), { linked: ['2020', '2023'], kept: 3 });
      // Other options (a reader's limit changed): nothing kept, and the build says why.
      for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(input, name), '96171.8', '96171.9');
      warned = '';
      await buildCommand({ in: input, out, cache }, clock, { ...options, limits: { ...READ_LIMITS, maxHtmlDepth: READ_LIMITS.maxHtmlDepth + 1 } });
      assert.match(warned, /^xxgk: every report read again \(a full build\): xxgk or the build's options changed since the last build$/m);
    } finally {
      log.mock.restore();
    }
  });
}
