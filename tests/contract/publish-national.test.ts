/**
 * A release in the national layout (release-layout.ts) published through the real publish path — xxgk build's
 * folder, publish(), the targets — to a git server on 127.0.0.1 (git http-backend) and to the fake GitHub served on
 * 127.0.0.1 (every request checked against GitHub's OpenAPI description): the tree is the manifest's files and within
 * its budget, the assets go to the release (GitHub) or, listed with their sha256 in the tag, to a ref of their own
 * (git: refs/release-assets/vX.Y.Z, which a clone does not fetch), and a re-run
 * after a crash between the commit and the uploads uploads the missing assets, the ones already there kept.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { DEFAULT_RELEASE, assetName } from '../../pipeline/datasets/release-layout.ts';
import type { DatasetMeta } from '../../pipeline/datasets/types.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { githubTarget } from '../../pipeline/publish/github-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { folderRelease } from '../../pipeline/publish/release-folder.ts';
import { buildFolder } from '../../pipeline/run.ts';
import { serveGitHttp } from '../helpers/git-http-server.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { day, fixture } from '../helpers/publish-fixture.ts';
import { NO_WAIT } from './fake-github/handle.ts';
import { serveFakeGitHub } from './fake-github/wire.ts';

type T = { after: (fn: () => unknown) => void };
/** Each test builds and publishes (three builds of the samples: about 3 s of CPU): in `npm run test:full` only. */
const full = { skip: process.env.XXGK_TEST_FULL === '1' ? false : 'XXGK_TEST_FULL=1 (npm run test:full): each test builds and publishes a release' };
const run = promisify(execFile);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A budget of 2 MB and 100 files (the tree of these four reports: about 1 MB in 70 files). */
const BUDGET = { ...DEFAULT_RELEASE, layout: 'national' as const, maxTreeBytes: 2_000_000, maxTreeFiles: 100 };

/** The samples built in the national layout, as `xxgk build` does with `release: { layout: national }` in the config. */
async function built(t: T, meta: DatasetMeta) {
  const f = fixture();
  t.after(() => rmSync(f.dir, { recursive: true, force: true }));
  const run = await buildFolder(f.in, f.out, day(1), { meta });
  assert.equal(run.excluded.length + run.unreadable.length, 0);
  return f;
}

/** The assets of the folder (after publish: the published version), by their names on the release, and its tree. */
async function folder(out: string) {
  const files = await folderRelease(out);
  const { version } = files.manifest;
  const assets = new Map(files.assets!.map((p) => [assetName(p, version), readFileSync(join(out, p))]));
  for (const name of ['catalog.jsonld', 'datapackage.json']) assets.set(name, readFileSync(join(out, name)));
  const tree = new Map([...files.manifest.files.map((f) => f.path), 'manifest.json'].map((p) => [p, readFileSync(join(out, p))]));
  return { version, assets, tree };
}

function assertTree(published: ReadonlyMap<string, Uint8Array>, tree: ReadonlyMap<string, Uint8Array>) {
  const latest = [...published].filter(([p]) => p.startsWith('latest/'));
  assert.deepEqual(latest.map(([p]) => p.slice('latest/'.length)).sort(), [...tree.keys()].sort(), 'latest/ is the manifest\'s files: no asset in the tree');
  for (const [p, bytes] of latest) assert.deepEqual(Buffer.from(bytes), Buffer.from(tree.get(p.slice('latest/'.length))!), p);
  const bytes = latest.reduce((n, [, b]) => n + b.length, 0);
  assert.ok(bytes <= BUDGET.maxTreeBytes && latest.length <= BUDGET.maxTreeFiles, `${bytes} bytes in ${latest.length} files`);
}

test('git over HTTP: a national release is the tree within its budget, its assets listed in the tag with their sha256 and on their own ref', full, async (t) => {
  const server = await serveGitHttp({ auth: 'xxgk:secret' });
  t.after(() => server.close());
  t.after(() => rmSync(server.root, { recursive: true, force: true }));
  const repo = await server.create('data');
  const meta = { ...DEFAULT_META, release: BUDGET };
  const f = await built(t, meta);
  const url = repo.url.replace('http://', 'http://xxgk:secret@');
  const target = (m: DatasetMeta) => gitTarget({ repo: url, branch: 'main', workDir: join(f.dir, 'work'), clock: day(1), meta: m });

  // Over its budget: refused before anything reaches the server, naming the option.
  const small = { ...meta, release: { ...BUDGET, maxTreeBytes: 1000 } };
  await assert.rejects(publish(f.out, target(small), { clock: day(1), meta: small }), /above the budget of 0\.0 MB \(release\.maxTreeBytes\).*nothing was published/);
  assert.ok(server.seen.every((s) => !s.includes('git-receive-pack')), 'nothing pushed');

  const outcome = await publish(f.out, target(meta), { clock: day(1), meta });
  assert.equal(outcome.result?.version, '1.0.0');
  const state = await stateOf(repo.path);
  const { assets, tree } = await folder(f.out);
  assert.ok([...assets.keys()].includes('xxgk-report-pages-2024-1.0.0.tar.gz'), [...assets.keys()].join(' '));
  assertTree(state.files, tree);
  const message = state.tags.find((x) => x.name === 'v1.0.0')!.message;
  for (const [name, bytes] of assets) assert.ok(message.includes(`- ${name}: sha256 ${sha256(bytes)}, ${bytes.length.toLocaleString('en-US')} bytes`), name);
  // A user of the plain git remote downloads them: the ref the tag names holds each asset, byte for byte, and a
  // clone does not fetch it.
  assert.match(message, /the commit of the ref refs\/release-assets\/v1\.0\.0 holds them/);
  // (Asynchronously: the git server runs in this process.)
  const git = async (dir: string, ...args: string[]) => (await run('git', ['-C', dir, ...args], { maxBuffer: 1 << 28, encoding: 'buffer' })).stdout;
  const user = join(f.dir, 'user');
  await git(f.dir, 'clone', '--quiet', '--bare', url, user);
  assert.equal((await git(user, 'for-each-ref', 'refs/release-assets')).toString(), '', 'a clone leaves the assets on the server');
  await git(user, 'fetch', '--quiet', url, 'refs/release-assets/v1.0.0');
  const listed = (await git(user, 'ls-tree', '--name-only', 'FETCH_HEAD')).toString().trim().split('\n');
  assert.deepEqual(listed.sort(), [...assets.keys()].sort());
  for (const [name, bytes] of assets) assert.equal(sha256(await git(user, 'cat-file', 'blob', `FETCH_HEAD:${name}`)), sha256(bytes), name);
});

/** The fake GitHub on loopback, a repository with its first commit, and targets as new processes would make them. */
async function github(t: T) {
  const wire = await serveFakeGitHub({ token: 'ghp_national' });
  t.after(() => wire.close());
  const { fake } = wire;
  fake.state.push(fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  const meta: DatasetMeta = { ...DEFAULT_META, release: BUDGET, releases: `https://github.com/${fake.state.owner}/${fake.state.repo}/releases/download/` };
  const f = await built(t, meta);
  const make = () => githubTarget({
    owner: fake.state.owner, repo: fake.state.repo, branch: 'main', token: 'ghp_national', baseUrl: wire.apiUrl,
    stateDir: join(f.dir, 'state'), client: NO_WAIT, meta,
  });
  const release = (tag: string) => fake.state.releases.find((r) => r.tagName === tag);
  const uploads = () => fake.requests.filter((r) => r.operationId === 'repos/upload-release-asset' && r.status === 201).length;
  return { fake, meta, f, make, release, uploads };
}

function assertAssets(release: { draft: boolean; assets: Array<{ name: string; data: Uint8Array; state: string }> } | undefined, assets: ReadonlyMap<string, Uint8Array>) {
  assert.ok(release && !release.draft, 'the release is published');
  assert.deepEqual(release.assets.map((a) => a.name).sort(), [...assets.keys()].sort());
  for (const a of release.assets) {
    assert.equal(a.state, 'uploaded', a.name);
    assert.equal(sha256(a.data), sha256(assets.get(a.name)!), a.name);
  }
}

test('GitHub over HTTP: the national assets are the release\'s assets, the tree within its budget', full, async (t) => {
  const { fake, meta, f, make, release } = await github(t);
  const outcome = await publish(f.out, make(), { clock: day(1), meta });
  assert.equal(outcome.result?.version, '1.0.0');
  const { assets, tree } = await folder(f.out);
  assertAssets(release('v1.0.0'), assets);
  assertTree(fake.state.files(fake.state.branch('main')!), tree);
  // The catalog's download URLs are those of the release's assets.
  const catalog = readFileSync(join(f.out, 'catalog.jsonld'), 'utf8');
  for (const name of assets.keys()) if (name.startsWith('xxgk-')) assert.ok(catalog.includes(`${meta.releases}v1.0.0/${name}"`), name);
  fake.assertClean();
});

for (const [when, skip] of [['after the branch moved, before the release', null], ['after two of the assets were uploaded', 1]] as const) {
  test(`GitHub over HTTP: a crash ${when}, then a re-run: the missing assets are uploaded, the others kept`, full, async (t) => {
    const { fake, meta, f, make, release, uploads } = await github(t);
    if (skip === null) fake.inject((r) => r.operationId === 'git/update-ref' || r.operationId === 'git/create-ref', { kind: 'crash-after' });
    else fake.inject('repos/upload-release-asset', { kind: 'crash-after' }, { skip });
    await assert.rejects(publish(f.out, make(), { clock: day(1), meta }));
    assert.ok(fake.crashed);
    fake.revive();
    const before = uploads();
    assert.equal(before, skip === null ? 0 : skip + 1);
    assert.equal(release('v1.0.0')?.draft ?? true, true, 'not published yet');

    const again = await publish(f.out, make(), { clock: day(2), meta });
    assert.equal(again.plan.empty, true, 'the branch holds the release: nothing new to commit');
    assert.ok(again.result?.steps.some((s) => s.includes('finishing it')), again.result?.steps.join('\n'));
    const { assets, tree } = await folder(f.out);
    assertAssets(release('v1.0.0'), assets);
    assert.equal(uploads() - before, assets.size - before, 'each missing asset uploaded once, none twice');
    assert.ok(!fake.requests.some((r) => r.operationId === 'repos/delete-release-asset'), 'no asset deleted');
    assertTree(fake.state.files(fake.state.branch('main')!), tree);
    fake.assertClean();
  });
}
