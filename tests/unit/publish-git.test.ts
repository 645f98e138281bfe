/**
 * The git target with real git in temporary folders: the shared target contract against a local bare repository
 * (publish-git-remote.test.ts runs it against a remote), then what is particular to git — fixed identity and dates from the
 * clock, reproducible commits, a tag that exists for another commit, finishing a release left untagged, commits
 * made by hand on the branch.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execGit } from '../../pipeline/adapters/git.ts';
import { PublishError } from '../../pipeline/errors.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { targetContract } from '../contract/target-contract.ts';
import { gitHandle, stateOf } from '../helpers/git-handle.ts';
import { REPORTS, build, correct, day, fixture, type Fixture } from '../helpers/publish-fixture.ts';
import { scratchDir } from '../helpers/scratch.ts';

// In `npm test` the local and the remote git target share the contract (publish-git-remote.test.ts runs the rest).
targetContract('git target (local bare repository)', gitHandle('local'), ['correction', 'added', 'schema', 'crash-correction']);

const git = (dir: string, ...args: string[]) => execGit({ args: ['--git-dir', dir, ...args] }).then((b) => b.toString('utf8').trim());

/**
 * fixture() built on day 1 and published to a new bare repository (publish.git beside it), where the tests below
 * start: published once, each test given a copy of the whole folder (inputs, release folder, repository).
 */
let firstRelease: string | undefined;
async function firstPublished(): Promise<{ f: Fixture; repo: string }> {
  if (!firstRelease) {
    const f = fixture();
    await build(f, day(1));
    await publish(f.out, gitTarget({ repo: join(f.dir, 'publish.git'), workDir: join(f.dir, 'work'), clock: day(1) }), { clock: day(1) });
    firstRelease = f.dir;
  }
  const dir = scratchDir('xxgk-publish-');
  cpSync(firstRelease, dir, { recursive: true, verbatimSymlinks: true });
  return { f: { dir, in: join(dir, 'in'), out: join(dir, 'dist') }, repo: join(dir, 'publish.git') };
}

test('git: fixed identity, dates from the clock, and the same inputs give the same commit and tag', async () => {
  const ids: string[] = [];
  for (let k = 0; k < 2; k++) {
    const f = fixture();
    const repo = join(f.dir, 'publish.git');
    await build(f, day(1));
    await publish(f.out, gitTarget({ repo, workDir: join(f.dir, 'work'), clock: day(1) }), { clock: day(1) });
    ids.push(`${await git(repo, 'rev-parse', 'main')} ${await git(repo, 'rev-parse', 'v1.0.0')}`);
    assert.equal(await git(repo, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%ad', '--date=iso-strict', 'main'),
      'xxgk <xxgk@users.noreply.github.com>|xxgk <xxgk@users.noreply.github.com>|2026-02-01T10:00:00+08:00');
    assert.equal(await git(repo, 'cat-file', '-t', 'v1.0.0'), 'tag', 'an annotated tag');
    assert.match(await git(repo, 'cat-file', 'tag', 'v1.0.0'), /^tagger xxgk <xxgk@users\.noreply\.github\.com> 1769911200 \+0800$/m);
    assert.equal(await git(repo, 'symbolic-ref', 'HEAD'), 'refs/heads/main', 'the bare repository is created on main');
  }
  assert.equal(ids[0], ids[1]);
});

test('git: a tag that already exists for another commit is an error with a clear message, and nothing moves', async () => {
  const { f, repo } = await firstPublished();
  const target = gitTarget({ repo, workDir: join(f.dir, 'work'), clock: day(1) });
  const v1 = await git(repo, 'rev-parse', 'main');
  await git(repo, 'tag', 'v1.0.1', v1);
  correct(f, REPORTS.hongze2024, 'applications', 'received', 'natural_person', 1000);
  await build(f, day(2));
  await assert.rejects(publish(f.out, target, { clock: day(2) }), (err: Error) => {
    assert.ok(err instanceof PublishError);
    assert.match(err.message, /^tag v1\.0\.1 already exists for commit [0-9a-f]{12}, not for the release commit [0-9a-f]{12}; xxgk never moves a tag/);
    return true;
  });
  assert.equal(await git(repo, 'rev-parse', 'main'), v1, 'the branch did not move');
  assert.equal(await git(repo, 'rev-parse', 'v1.0.1'), v1, 'the tag did not move');
});

test('git: a release commit whose tag is missing gets the same tag back, from the commit itself', async () => {
  const { f, repo } = await firstPublished();
  const tag = await git(repo, 'rev-parse', 'v1.0.0');
  await git(repo, 'tag', '-d', 'v1.0.0');
  const outcome = await publish(f.out, gitTarget({ repo, workDir: join(f.dir, 'work'), clock: day(5) }), { clock: day(5) });
  assert.equal(outcome.plan.empty, true);
  assert.equal(outcome.result?.tag, 'v1.0.0');
  assert.equal(await git(repo, 'rev-parse', 'v1.0.0'), tag, 'the very same tag object: message and date come from the commit');
});

test('git: commits made by hand on the branch are kept, and do not count as releases', async () => {
  const { f, repo } = await firstPublished();
  const target = gitTarget({ repo, workDir: join(f.dir, 'work'), clock: day(1) });
  const clone = join(f.dir, 'clone');
  await execGit({ args: ['clone', '--quiet', repo, clone] });
  writeFileSync(join(clone, 'README.md'), '# Our data\n');
  mkdirSync(join(clone, 'docs'));
  writeFileSync(join(clone, 'docs/about.md'), 'About.\n');
  const id = ['-c', 'user.name=someone', '-c', 'user.email=someone@example.org'];
  await execGit({ args: ['-C', clone, ...id, 'add', '-A'] });
  await execGit({ args: ['-C', clone, ...id, 'commit', '--quiet', '--no-gpg-sign', '-m', 'Edit the README'] });
  await execGit({ args: ['-C', clone, 'push', '--quiet', 'origin', 'main'] });
  assert.equal((await publish(f.out, target, { clock: day(2) })).plan.empty, true, 'a commit by hand is not a release');
  correct(f, REPORTS.hongze2024, 'applications', 'received', 'natural_person', 1000);
  await build(f, day(3));
  const outcome = await publish(f.out, target, { clock: day(3) });
  assert.equal(outcome.plan.version, '1.0.1');
  const state = await stateOf(repo);
  assert.equal(state.files.get('README.md')!.toString('utf8'), '# Our data\n', 'the README edited by hand is kept');
  assert.equal(state.files.get('docs/about.md')!.toString('utf8'), 'About.\n');
  assert.equal(state.commits.length, 3);
});

test('git: a folder that is neither a repository nor empty is refused', async () => {
  const f = fixture();
  await build(f, day(1));
  writeFileSync(join(f.dir, 'notes.txt'), 'x');
  await assert.rejects(publish(f.out, gitTarget({ repo: f.dir, workDir: join(f.dir, 'work'), clock: day(1) }), { clock: day(1) }),
    /is neither a git repository nor an empty folder/);
});
