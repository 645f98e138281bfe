/**
 * The fake GitHub itself: its OpenAPI subset is a faithful cut of GitHub's published description, a request that does
 * not match its operation fails loudly, its own answers are checked too, its git objects have git's ids, and it
 * keeps GitHub's rules (fast-forward refs, deletions of missing paths, duplicate asset names, tags made on publish).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { execGit } from '../../pipeline/adapters/git.ts';
import { githubClient } from '../../pipeline/adapters/github.ts';
import { OPERATIONS, cut } from '../../scripts/cut-openapi.ts';
import { ObjectStore } from './fake-github/git-objects.ts';
import { FakeGitHub } from './fake-github/index.ts';
import { githubContract } from './fake-github/openapi.ts';
import { scratchDir } from '../helpers/scratch.ts';

const owner = 'xxgk';
const repo = 'data';

function setup(options: ConstructorParameters<typeof FakeGitHub>[0] = {}) {
  const fake = new FakeGitHub(options);
  fake.state.push('main', { 'README.md': '# data\n' });
  const octokit = githubClient({ baseUrl: fake.hosts.api, fetch: fake.fetch, retryDelayMs: 0, writeSpacingMs: 0, retries: 0 });
  return { fake, octokit };
}

test('the committed subset is a fresh cut of @octokit/openapi (npx tsx scripts/cut-openapi.ts --check)', () => {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@octokit/openapi/package.json');
  const version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  const spec = JSON.parse(readFileSync(join(dirname(pkgPath), 'generated', 'api.github.com.json'), 'utf8'));
  const fresh = `${JSON.stringify(cut(spec, Object.keys(OPERATIONS), `@octokit/openapi@${version} generated/api.github.com.json`), null, 2)}\n`;
  const committed = readFileSync(new URL('./openapi/github-subset.json', import.meta.url), 'utf8');
  assert.ok(fresh === committed, 'tests/contract/openapi/github-subset.json differs from a fresh cut: run npx tsx scripts/cut-openapi.ts');
  const ids = githubContract().operations.map((o) => o.operationId).sort();
  assert.deepEqual(ids, Object.keys(OPERATIONS).sort(), 'the fake knows every operation of the subset');
});

test('a request that does not match its operation is a violation, answered 400, and assertClean() fails', async () => {
  const { fake, octokit } = setup();
  const bad: Array<[string, () => Promise<unknown>, RegExp]> = [
    ['a mode outside the enum', () => octokit.request('POST /repos/{owner}/{repo}/git/trees', { owner, repo, tree: [{ path: 'a', mode: '100600' as '100644', type: 'blob', content: 'x' }] }), /body\/tree\/0\/mode must be equal to one of the allowed values/],
    ['a required field missing', () => octokit.request('POST /repos/{owner}/{repo}/git/commits', { owner, repo, message: 'm' } as never), /body must have required property 'tree'/],
    ['a query parameter not declared', () => octokit.request('GET /repos/{owner}/{repo}/releases', { owner, repo, per_pgae: 100 } as never), /query parameter per_pgae is not declared/],
    ['a query parameter of the wrong type', () => octokit.request('GET /repos/{owner}/{repo}/releases', { owner, repo, per_page: 'many' as unknown as number }), /query parameter per_page must be integer/],
    ['an upload sent to the API host', () => octokit.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', { owner, repo, release_id: 1, name: 'a.zip', data: 'x', headers: { 'content-type': 'application/zip' } }), /sent to the API host/],
    ['an operation GitHub does not have', () => octokit.request('GET /repos/{owner}/{repo}/nope', { owner, repo }), /no operation of the description/],
  ];
  for (const [what, call, message] of bad) {
    const before = fake.violations.length;
    await assert.rejects(call(), (err: Error & { status?: number }) => err.status === 400 && /OpenAPI violation/.test(err.message), what);
    assert.equal(fake.violations.length, before + 1, what);
    assert.match(fake.violations.at(-1)!, message, what);
  }
  assert.throws(() => fake.assertClean(), /OpenAPI violations/);
});

test("the fake's own answers are checked: a field missing or a status not declared is caught", () => {
  const contract = githubContract();
  const op = contract.match('GET', '/repos/o/r/releases')!.op;
  assert.deepEqual(contract.validateResponse(op, 200, 'application/json; charset=utf-8', []), []);
  assert.match(contract.validateResponse(op, 200, 'application/json', [{ id: 1 }]).join(), /must have required property/);
  assert.match(contract.validateResponse(op, 500, 'application/json', {}).join(), /status 500 is not declared/);
  const asset = contract.match('DELETE', '/repos/o/r/releases/assets/5')!;
  assert.equal(asset.op.operationId, 'repos/delete-release-asset', 'a literal segment wins over a parameter');
  assert.deepEqual(asset.params, { owner: 'o', repo: 'r', asset_id: '5' });
});

test("the fake's objects have git's ids (blobs, nested trees, commits)", async () => {
  const store = new ObjectStore();
  assert.equal(store.putBlob(new TextEncoder().encode('hello\n')), 'ce013625030ba8dba906f756967f9e9ca394464a');
  assert.equal(store.putTree([]), '4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  const files: Record<string, string> = { 'a.txt': 'a\n', 'a-b/c.txt': 'c\n', 'a/z.txt': 'z\n', 'b.bin': '\u0000\u0001' };
  const tree = store.editTree(null, Object.entries(files).map(([path, c]) => ({ path, mode: '100644', type: 'blob', sha: store.putBlob(new TextEncoder().encode(c)) })));
  const dir = scratchDir('xxgk-fake-git-');
  await execGit({ args: ['init', '--quiet', dir] });
  for (const [path, c] of Object.entries(files)) {
    const blob = (await execGit({ args: ['-C', dir, 'hash-object', '-w', '--stdin'], input: c })).toString().trim();
    await execGit({ args: ['-C', dir, 'update-index', '--add', '--cacheinfo', `100644,${blob},${path}`] });
  }
  assert.equal(tree, (await execGit({ args: ['-C', dir, 'write-tree'] })).toString().trim(), 'the same tree id as git write-tree');
  const who = { name: 'x', email: 'x@example.com', date: '2026-01-01T00:00:00Z' };
  const commit = store.putCommit({ tree, parents: [], message: 'm\n', author: who, committer: who });
  const env = { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_AUTHOR_DATE: '1767225600 +0000', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com', GIT_COMMITTER_DATE: '1767225600 +0000' };
  assert.equal(commit, (await execGit({ args: ['-C', dir, 'commit-tree', tree], input: 'm\n', env })).toString().trim(), 'the same commit id as git commit-tree');
});

test("GitHub's rules: fast-forward only, no deleting a missing path, content or sha, one asset per name, tags made on publish", async () => {
  const { fake, octokit } = setup();
  const head = fake.state.branch('main')!;
  const base = fake.state.git.commit(head).tree;
  await assert.rejects(octokit.rest.git.createTree({ owner, repo, base_tree: base, tree: [{ path: 'missing.txt', mode: '100644', type: 'blob', sha: null }] }), { status: 422 });
  await assert.rejects(octokit.rest.git.createTree({ owner, repo, tree: [{ path: 'a', mode: '100644', type: 'blob', sha: 'ce013625030ba8dba906f756967f9e9ca394464a', content: 'a' }] }), { status: 422 });
  const { data: tree } = await octokit.rest.git.createTree({ owner, repo, base_tree: base, tree: [{ path: 'x/y.txt', mode: '100644', type: 'blob', content: 'y\n' }] });
  const { data: orphan } = await octokit.rest.git.createCommit({ owner, repo, message: 'orphan', tree: tree.sha, parents: [] });
  await assert.rejects(octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: orphan.sha, force: false }), (e: Error & { status: number }) => e.status === 422 && /not a fast forward/.test(e.message));
  const { data: child } = await octokit.rest.git.createCommit({ owner, repo, message: 'child', tree: tree.sha, parents: [head] });
  await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: child.sha, force: false });
  assert.equal(fake.state.branch('main'), child.sha);

  const { data: draft } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', target_commitish: child.sha, draft: true });
  assert.equal(fake.state.tag('v1.0.0'), null, 'a draft makes no tag');
  const upload = (name: string) => octokit.rest.repos.uploadReleaseAsset({ owner, repo, release_id: draft.id, name, data: 'abc', headers: { 'content-type': 'text/plain' } });
  await upload('a.txt');
  await assert.rejects(upload('a.txt'), (e: Error & { status: number; response: { data: { errors: Array<{ code: string }> } } }) => e.status === 422 && e.response.data.errors[0]!.code === 'already_exists');
  await octokit.rest.repos.updateRelease({ owner, repo, release_id: draft.id, draft: false });
  assert.equal(fake.state.tag('v1.0.0'), child.sha, 'publishing makes the tag at target_commitish');

  fake.state.refs.set('refs/tags/v2.0.0', head);
  const { data: second } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v2.0.0', target_commitish: child.sha, draft: true });
  await octokit.rest.repos.updateRelease({ owner, repo, release_id: second.id, draft: false });
  assert.equal(fake.state.tag('v2.0.0'), head, 'an existing tag is kept: target_commitish is unused (as on GitHub)');
  await assert.rejects(octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' }), { status: 422 });
  fake.assertClean();
});

test('immutable releases: once published, no asset can be added', async () => {
  const { fake, octokit } = setup({ immutableReleases: true });
  const { data } = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0', target_commitish: 'main', draft: false });
  assert.equal(data.immutable, true);
  await assert.rejects(octokit.rest.repos.uploadReleaseAsset({ owner, repo, release_id: data.id, name: 'late.zip', data: 'x', headers: { 'content-type': 'application/zip' } }), (e: Error & { status: number }) => e.status === 422 && /immutable/.test(e.message));
  fake.assertClean();
});
