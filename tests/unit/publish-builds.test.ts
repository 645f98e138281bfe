/**
 * How many times `xxgk run` builds the release while publishing (publish/index.ts; its builder injected through
 * PublishOptions.build and counted). A run whose release is the last one (a new document that makes no report)
 * builds it once: the build at the last version that the plan compares with the last release is that release, and
 * it is linked into the folder (it was built a second time for that). A run that publishes builds it twice — at the last version to plan, then at the new version the plan
 * gives, which every page and the metadata files carry. The folder after a run with nothing new is the release as
 * published, byte for byte.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { buildRelease } from '../../pipeline/datasets/index.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { runCommand } from '../../pipeline/schedule/cli-schedule.ts';
import type { Progress } from '../../pipeline/schedule/progress.ts';
import { fileBytes } from '../helpers/file-tree.ts';
import { scratchDir } from '../helpers/scratch.ts';

const samples = fileURLToPath(new URL('../../samples/real/', import.meta.url));

for (const layout of ['site', 'national']) {
  test(`xxgk run, ${layout} layout: publishing builds the release once when there is nothing new, twice when it publishes`, async (t) => {
    const dir = scratchDir('xxgk-publish-builds-');
    t.after(() => rm(dir, { recursive: true, force: true }));
    const inbox = join(dir, 'inbox');
    await mkdir(inbox, { recursive: true });
    for (const f of await readdir(samples)) await cp(join(samples, f), join(inbox, f));
    await writeFile(join(dir, 'xxgk.config.yaml'), `sources:\n  - id: inbox\n    name: 淮安\n    region: "320800"\n    inbox: inbox\npublish:\n  repo: publish.git\nschedule:\n  cron: "0 6 * * 1"\n${layout === 'national' ? 'release:\n  layout: national\n' : ''}`);
    const progress: Progress = { start() {}, step() {}, end() {}, log() {} };
    /** One run on `day` (of March 2025): its exit code, summary lines and the builds publishing made. */
    const run = async (day: number) => {
      const lines: string[] = [];
      let builds = 0;
      const counted: typeof buildRelease = (input, sink) => {
        builds++;
        return buildRelease(input, sink);
      };
      const clock = () => new Date(`2025-03-${String(day).padStart(2, '0')}T00:00:00.000Z`);
      const code = await runCommand({ config: join(dir, 'xxgk.config.yaml') }, clock, {
        progress, out: (l) => lines.push(l), env: {},
        publish: (outDir, target, options) => publish(outDir, target, { ...options, build: counted }),
      });
      return { code, lines, builds };
    };
    const dist = join(dir, 'output', 'dist');

    const first = await run(3);
    assert.equal(first.code, 0, first.lines.join('\n'));
    assert.equal(first.builds, 2, 'a first release: built to plan, then with its version and notes');
    const published = await fileBytes(dist);

    // A document that makes no report, a day later: the run builds (the default version, today's date) and
    // publishing plans nothing, and brings the folder back to the published release from its one build.
    await writeFile(join(inbox, 'notice.txt'), '关于调整办公时间的通知\n');
    const again = await run(4);
    assert.match(again.lines.join('\n'), /1 quarantined; nothing to publish/);
    assert.equal(again.builds, 1, `nothing new: one build\n${again.lines.join("\n")}`);
    const now = await fileBytes(dist);
    assert.deepEqual([...now.keys()], [...published.keys()], 'the same files as published');
    for (const [path, bytes] of published) assert.ok(bytes.equals(now.get(path)!), `${path}: the bytes published`);

    // A corrected figure: a new version, which the plan decides and the release's pages carry: two builds.
    for (const name of ['2024_huaian-city-gov.yaml', '2024_huaian-city-gov.json']) {
      const text = await readFile(join(inbox, name), 'utf8');
      assert.equal(text.split('96171.6').length, 2, `${name} holds the figure once`);
      await writeFile(join(inbox, name), text.replace('96171.6', '96171.7'));
    }
    const corrected = await run(5);
    assert.equal(corrected.code, 2, 'the notice is still quarantined');
    assert.doesNotMatch(corrected.lines.join('\n'), /nothing to publish/);
    assert.equal(corrected.builds, 2, 'a release published: built to plan, then with the new version');
  });
}
