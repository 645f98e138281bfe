/**
 * The publish commands end to end, through bin/xxgk.js: `start` (what npm start runs) builds the samples and
 * publishes them to a local bare repository — the second run parses nothing again (the parse cache beside the release
 * folder) and publishes nothing; `publish --dry-run` writes nothing;
 * a tag that exists for another commit exits 2 with a message and no stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readTree, ROOT, SAMPLES } from '../helpers/build-samples.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { REPORTS, build, correct, day, fixture } from '../helpers/publish-fixture.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** 2026-02-01 10:00 in Beijing, then a day later. */
const EPOCH = 1769911200;

function xxgk(args: string[], epoch = EPOCH): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/xxgk.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('start builds the samples and publishes them to a local bare repository; the second run parses and publishes nothing', async () => {
  const dir = scratchDir('xxgk-start-');
  const input = join(dir, 'samples');
  cpSync(SAMPLES, input, { recursive: true });
  const [out, repo] = [join(dir, 'dist'), join(dir, 'publish.git')];
  const first = xxgk(['start', '--in', input, '--out', out, '--repo', repo]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /xxgk: publish to .*publish\.git: first release v1\.0\.0: 9 reports added/);
  assert.match(first.stdout, /xxgk: published v1\.0\.0 to .*publish\.git \(tag v1\.0\.0\)/);
  const state = await stateOf(repo);
  assert.deepEqual(state.tags.map((t) => t.name), ['v1.0.0']);
  const built = readTree(out);
  // The documents went through the parse cache beside the release folder; the second run takes them all from it.
  const cache = join(dir, '.xxgk-parsed');
  const entries = readdirSync(cache).flatMap((fingerprint) => readdirSync(join(cache, fingerprint)).map((e) => join(cache, fingerprint, e)));
  assert.ok(entries.length > 0, 'the parsed reports are in the cache');
  const inodes = () => entries.map((e) => statSync(e).ino);
  const cached = inodes();
  const second = xxgk(['start', '--in', input, '--out', out, '--repo', repo], EPOCH + 86400);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /nothing to publish: the target already holds this data as v1\.0\.0/);
  assert.doesNotMatch(second.stdout, /published v/);
  assert.deepEqual(await stateOf(repo), state, 'the repository is untouched');
  assert.deepEqual(readTree(out), built, 'the release folder is the published release');
  assert.deepEqual(inodes(), cached, 'no document parsed again (a parse writes its entry anew)');
  assert.equal(readdirSync(cache).flatMap((fingerprint) => readdirSync(join(cache, fingerprint))).length, entries.length, 'no new entry');
});

test('publish --dry-run prints the plan and writes nothing; publish then writes it; a moved tag is refused with exit 2', async () => {
  const f = fixture();
  const repo = join(f.dir, 'publish.git');
  // Built in this process (the same as `xxgk build` without --config on that day): the commands under test are publish's.
  await build(f, day(1));
  const folder = readTree(f.out);
  const dry = xxgk(['publish', '--out', f.out, '--repo', repo, '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /first release v1\.0\.0: 4 reports added/);
  assert.match(dry.stdout, /^## v1\.0\.0 — 2026-02-01$/m, 'the notes');
  assert.match(dry.stdout, /xxgk: dry run: nothing was written/);
  assert.equal(existsSync(repo), false, 'no repository was made');
  assert.deepEqual(readTree(f.out), folder, 'the folder is untouched');

  const real = xxgk(['publish', '--out', f.out, '--repo', repo]);
  assert.equal(real.code, 0, real.stderr);
  assert.match(real.stdout, /published v1\.0\.0/);

  correct(f, REPORTS.hongze2024, 'applications', 'received', 'natural_person', 1000);
  await build(f, day(2));
  const head = spawnSync('git', ['--git-dir', repo, 'rev-parse', 'main'], { encoding: 'utf8' }).stdout.trim();
  spawnSync('git', ['--git-dir', repo, 'tag', 'v1.0.1', head]);
  const refused = xxgk(['publish', '--out', f.out, '--repo', repo], EPOCH + 86400);
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /^xxgk: tag v1\.0\.1 already exists for commit [0-9a-f]{12}, not for the release commit/m);
  assert.doesNotMatch(refused.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
});

test('publish: --help, and bad usage exits 2', () => {
  const help = xxgk(['publish', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--dry-run/);
  assert.equal(xxgk(['publish', '--repo', 'x.git']).code, 2, '--out is required');
  const noBuild = xxgk(['publish', '--out', join(scratchDir('xxgk-empty-'), 'none'), '--repo', 'x.git']);
  assert.equal(noBuild.code, 2);
  assert.match(noBuild.stderr, /holds no built release \(no manifest\.json\): run xxgk build --out/);
});
