/**
 * `xxgk run` after a few documents changed (issue 13 §5, schedule/job.ts, adapters/year-record.ts `keep`): the run
 * keeps its build's year files and ledger beside the parse cache, and the next run reads and validates again only
 * the reports a change touches. What it builds, what it publishes and what it prints are those of the same run
 * without that record (its build-state removed from a copy of the whole output, publish target included), byte for
 * byte; the history (the target's last release) holds a report none of the run's documents is (carried over), both
 * layouts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import type { Progress } from '../../pipeline/schedule/progress.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { readFeedEntries } from '../../pipeline/publish/read-feed.ts';
import { fileBytes } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const clock = () => new Date('2025-03-03T00:00:00.000Z');
const samples = fileURLToPath(new URL('../../samples/real/', import.meta.url));

function sameTree(got: Map<string, Buffer>, want: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...got.keys()], [...want.keys()], `${what}: the same files`);
  for (const [path, bytes] of want) assert.ok(bytes.equals(got.get(path)!), `${what}: ${path}: the same bytes`);
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  assert.equal(text.split(from).length, 2, `${file} holds ${from} once`);
  await writeFile(file, text.replace(from, to));
}

/** Inode of every file under a folder: path → inode. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const got = new Map<string, number>();
  for (const f of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, f));
    if (s.isFile()) got.set(f, s.ino);
  }
  return got;
}

/** The tree of the commit a bare repository's branch points to. */
const publishedTree = (repo: string): string => execFileSync('git', ['--git-dir', repo, 'rev-parse', 'HEAD^{tree}'], { encoding: 'utf8' }).trim();

for (const layout of ['site', 'national']) {
  test(`xxgk run, ${layout} layout: a changed document reads again only what it touches, and the run builds and publishes what it would without the record`, async (t) => {
    const dir = scratchDir('xxgk-run-incremental-');
    t.after(() => rm(dir, { recursive: true, force: true }));
    const main = join(dir, 'main');
    const inbox = join(main, 'inbox');
    await mkdir(inbox, { recursive: true });
    for (const f of await readdir(samples)) await cp(join(samples, f), join(inbox, f));
    await writeFile(join(main, 'xxgk.config.yaml'), `sources:\n  - id: inbox\n    name: 淮安\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n${layout === 'national' ? 'release:\n  layout: national\n' : ''}`);
    /** One run in `root`: its summary line, the reports kept (null: a full build), and the release as built, before publishing. */
    const run = async (root: string) => {
      const lines: string[] = [];
      let kept: number | null = null;
      let built: Map<string, Buffer> | null = null;
      // The year files the last run kept in the cache (year-record.ts keep), and the report years linked from them.
      const record = join(root, 'output', 'state', 'parsed', 'build-state');
      const keptFolder = (await readdir(record).catch(() => [] as string[])).find((f) => /\.years-/.test(f));
      const before = keptFolder ? await inodes(join(record, keptFolder)) : new Map<string, number>();
      let linked: string[] = [];
      const progress: Progress = {
        start() {}, step() {}, end() {},
        log(_level, _message, fields) {
          if (fields?.event === 'kept') kept = fields.kept as number;
        },
      };
      const code = await runCommand({ config: join(root, 'xxgk.config.yaml') }, clock, {
        progress, out: (l) => lines.push(l), env: {},
        publish: async (outDir, target, options) => {
          built = await fileBytes(outDir);
          const same = [...await inodes(outDir)].filter(([path, ino]) => before.get(path) === ino).map(([path]) => /(\d{4})/.exec(path)![1]!);
          linked = [...new Set(same)].sort();
          return publish(outDir, target, options);
        },
      });
      return { code, lines, kept, built: built as Map<string, Buffer> | null, linked };
    };
    let n = 0;
    /** The run with its record, and the same run over a copy without it: the same build, release, target and lines. */
    const step = async (): Promise<{ kept: number | null; linked: string[] }> => {
      const reference = join(dir, `reference-${++n}`);
      await cp(main, reference, { recursive: true, verbatimSymlinks: true });
      const record = join(reference, 'output', 'state', 'parsed', 'build-state');
      assert.ok((await readdir(record)).some((f) => f.endsWith('.years.json')), 'the last run left its record');
      await rm(record, { recursive: true });
      const got = await run(main);
      const want = await run(reference);
      assert.equal(got.code, want.code);
      assert.deepEqual(got.lines, want.lines);
      assert.equal(want.kept, null, 'without the record: a full build');
      assert.ok(got.built && want.built, 'both built and published');
      sameTree(got.built, want.built, 'as built');
      sameTree(await fileBytes(join(main, 'output', 'dist')), await fileBytes(join(reference, 'output', 'dist')), 'as published');
      assert.equal(publishedTree(join(main, 'publish.git')), publishedTree(join(reference, 'publish.git')), 'the same commit tree published');
      assert.deepEqual(want.linked, [], 'without the record: nothing linked');
      return { kept: got.kept, linked: got.linked };
    };
    const first = await run(main);
    assert.equal(first.code, 0, first.lines.join('\n'));
    assert.equal(first.kept, null);
    // One report changed (both renderings): read and validated again, the three others kept.
    for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(inbox, name), '96171.6', '96171.7');
    assert.deepEqual(await step(), { kept: 3, linked: ['2020', '2023'] });
    // A report whose body's next report reads it (huaian-hongze 2023 → 2024): both read again, two kept.
    for (const name of ['2023_huaian-hongze-district-gov.yaml', '2023_huaian-hongze-district-gov.json']) await edit(join(inbox, name), '4119', '4120');
    const second = await step();
    assert.equal(second.kept, 2);
    assert.ok(!second.linked.includes('2023') && second.linked.includes('2020'), `2023 written again, 2020 linked (${second.linked.join(', ')})`);
    // A report's documents taken out of the inbox: the release carries it over (the history holds a report the run
    // does not); files removed: a full build.
    for (const name of ['2020_liaocheng-zrzyghj.yaml', '2020_liaocheng-zrzyghj.json']) await rm(join(inbox, name));
    const removed = await step();
    assert.equal(removed.kept, null);
    assert.ok(removed.linked.includes('2024'), `2024 linked (${removed.linked.join(', ')})`);
    // A report changed again, with that history: the others kept.
    for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) await edit(join(inbox, name), '96171.7', '96171.8');
    assert.deepEqual(await step(), { kept: 2, linked: ['2023'] });
    // The report taken out is still published (carried over): the history read by the last two runs held it.
    const feed = (await readFeedEntries((path) => readFile(join(main, 'output', 'dist', path), 'utf8').catch(() => null))) as Array<{ id: string; year: number }>;
    assert.ok(feed.some((r) => r.year === 2020), feed.map((r) => r.id).join(', '));
  });
}
