/**
 * The GitHub target over the fake GitHub: the layout it publishes, the API calls one release costs (counted by the
 * fake), text inline and binary as blobs, a new branch, GitHub Enterprise hosts, reads of the last release served
 * from the local copy, and the refusals (a published tag, a plan made against another release).
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PublishError } from '../../pipeline/errors.ts';
import { releaseAssets } from '../../pipeline/publish/assets.ts';
import { asText } from '../../pipeline/publish/github-tree.ts';
import { fakeHandle } from './fake-github/handle.ts';
import { BINARY, assertPublished, baseFiles, memoryRelease, planOf, run } from './fake-github/releases.ts';

const ASSETS = 3; // the zip of CSVs, catalog.jsonld, datapackage.json

function withMany(tag: string, n: number): Record<string, string | Uint8Array> {
  const files = baseFiles(tag);
  for (let i = 0; i < n; i++) files[`reports/2023/x${i}.json`] = `{"i":${i},"tag":"${tag}"}\n`;
  return files;
}

test('the first release: latest/, root files, one commit, a published release with its assets; 3 reads, 5 writes + assets', async () => {
  const h = fakeHandle();
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  h.fake.resetCounts();
  const result = await run(h.target, v1);
  assert.equal(result?.version, '1.0.0');
  assert.equal(result?.tag, 'v1.0.0');
  await assertPublished(h.fake, 'main', [v1]);
  assert.deepEqual(h.fake.counts(), { reads: 3, writes: 5 + ASSETS });
  const ops = h.fake.requests.map((r) => r.operationId);
  assert.deepEqual(ops, [
    'repos/get-commit', 'repos/get-content', 'repos/list-releases',
    'git/create-tree', 'git/create-commit', 'git/update-ref',
    'repos/create-release', 'repos/upload-release-asset', 'repos/upload-release-asset', 'repos/upload-release-asset',
    'repos/update-release',
  ]);
  assert.equal(h.fake.state.text('main', 'README.md'), '# data\n', "the repository's own README.md is kept");
  assert.equal(h.fake.state.text('main', '.nojekyll'), '');
  assert.match(h.fake.state.text('main', 'index.html')!, /url=latest\//);
});

test('every later release: 3 reads and 5 writes + assets whatever the number of text files; removed files are deleted', async () => {
  for (const n of [10, 400]) {
    const h = fakeHandle();
    const v1 = memoryRelease('1.0.0', withMany('v1', n));
    await run(h.target, v1);
    const files = withMany('v2', n);
    delete files['reports/2023/x0.json'];
    files['reports/2025/new.json'] = '{"new":true}\n';
    const v2 = memoryRelease('1.1.0', files, 2);
    h.fake.resetCounts();
    await run(h.target, v2);
    assert.deepEqual(h.fake.counts(), { reads: 3, writes: 5 + ASSETS }, `${n} text files`);
    assert.equal(h.fake.requests.filter((r) => r.operationId === 'git/create-blob').length, 0, 'text goes inline: no blob');
    await assertPublished(h.fake, 'main', [v1, v2]);
    assert.equal(h.fake.state.files('main').has('latest/reports/2023/x0.json'), false);
  }
});

test('nothing changed: 3 reads, no write', async () => {
  const h = fakeHandle();
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  await run(h.target, v1);
  const state = await h.inspect();
  h.fake.resetCounts();
  assert.equal(await run(h.target, v1), null);
  assert.deepEqual(h.fake.counts(), { reads: 3, writes: 0 });
  assert.deepEqual(await h.inspect(), state);
  h.fake.resetCounts();
  assert.equal(await run(h.restart(), v1, { passAssetsToFinish: false }), null, 'a new process: the same');
  assert.deepEqual(h.fake.counts(), { reads: 3, writes: 0 });
});

test('a binary file (NUL bytes, not UTF-8) is a blob: one more write each; text with a BOM or CRLF stays text, byte for byte', async () => {
  const h = fakeHandle();
  const files = baseFiles('v1');
  files['img/logo.png'] = BINARY;
  files['img/latin1.txt'] = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in Latin-1: not UTF-8
  files['data/bom.csv'] = '\uFEFFa,b\r\n1,2\r\n';
  const v1 = memoryRelease('1.0.0', files);
  h.fake.resetCounts();
  await run(h.target, v1);
  assert.deepEqual(h.fake.counts(), { reads: 3, writes: 5 + ASSETS + 2 });
  assert.equal(h.fake.requests.filter((r) => r.operationId === 'git/create-blob').length, 2);
  await assertPublished(h.fake, 'main', [v1]);
  assert.equal(asText(BINARY), null);
  assert.equal(asText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), '\uFEFFA', 'the BOM is kept');
  assert.equal(asText(new Uint8Array([0x41, 0x00])), null);
});

test('a branch that does not exist yet is created (an orphan holding the release and a README.md)', async () => {
  const h = fakeHandle({ branch: 'data' });
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  h.fake.resetCounts();
  await run(h.target, v1);
  assert.deepEqual(h.fake.counts(), { reads: 2, writes: 5 + ASSETS }, 'no manifest to read on a missing branch');
  assert.ok(h.fake.requests.some((r) => r.operationId === 'git/create-ref'));
  await assertPublished(h.fake, 'data', [v1], { commitsBefore: 0 });
  assert.match(h.fake.state.text('data', 'README.md')!, /^# /);
  assert.equal(h.fake.state.text('main', 'README.md'), '# data\n', 'main is untouched');
});

test('a branch without README.md gets one (a second tree, once)', async () => {
  const h = fakeHandle({ initialCommit: false });
  h.fake.state.push('main', { 'NOTICE.md': 'hand-made\n' });
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  await run(h.target, v1);
  await assertPublished(h.fake, 'main', [v1]);
  assert.equal(h.fake.state.text('main', 'NOTICE.md'), 'hand-made\n', "the branch's other files are kept");
  const v2 = memoryRelease('1.1.0', baseFiles('v2'), 2);
  h.fake.resetCounts();
  await run(h.target, v2);
  assert.equal(h.fake.requests.filter((r) => r.operationId === 'git/create-tree').length, 1, 'README.md is there now');
});

test('GitHub Enterprise Server: GITHUB_API_URL and GITHUB_TOKEN from the environment; uploads go to /api/uploads', async () => {
  const saved = { url: process.env.GITHUB_API_URL, token: process.env.GITHUB_TOKEN };
  process.env.GITHUB_API_URL = 'https://ghe.example.com/api/v3/';
  process.env.GITHUB_TOKEN = 'ghp_contract';
  try {
    const h = fakeHandle({ fake: { enterpriseHost: 'ghe.example.com' }, target: { baseUrl: undefined, token: undefined } });
    const v1 = memoryRelease('1.0.0', baseFiles('v1'));
    await run(h.target, v1);
    await assertPublished(h.fake, 'main', [v1]);
    const uploads = h.fake.requests.filter((r) => r.operationId === 'repos/upload-release-asset');
    assert.equal(uploads.length, ASSETS);
    for (const u of uploads) assert.match(u.path, /^\/api\/uploads\/repos\/xxgk\/data\/releases\/\d+\/assets$/);
    assert.ok(h.fake.requests.every((r) => r.operationId === 'repos/upload-release-asset' || r.path.startsWith('/api/v3/')));
  } finally {
    for (const [k, v] of [['GITHUB_API_URL', saved.url], ['GITHUB_TOKEN', saved.token]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test("latest().read() serves the last release from the local copy without an API call, and only while it is the branch's", async () => {
  const h = fakeHandle();
  const v1 = memoryRelease('1.0.0', { ...baseFiles('v1'), 'img/logo.png': BINARY });
  await run(h.target, v1);
  h.fake.resetCounts();
  const latest = (await h.restart().latest())!;
  assert.deepEqual(latest.manifest, v1.manifest);
  assert.equal(h.fake.counts().reads, 2, 'latest(): the head and the manifest');
  for (const [path, bytes] of v1.bytes) assert.deepEqual(await latest.read(path), bytes, path);
  assert.deepEqual(await latest.read('manifest.json'), v1.manifestBytes);
  assert.equal(await latest.read('nope.csv'), null);
  assert.equal(await latest.read('../../etc/passwd'), null);
  assert.equal(h.fake.counts().reads, 2, 'reads cost no API call');

  await writeFile(join(h.stateDir, 'snapshot', 'files', 'data', 'reports.csv'), 'tampered\n');
  assert.equal(await latest.read('data/reports.csv'), null, 'a file that does not match its sha256 is not served');

  // Someone else publishes: the copy is no longer the branch's release.
  h.fake.state.push('main', { 'latest/manifest.json': '{"version":"9.9.9","files":[]}\n' });
  const moved = (await h.restart().latest())!;
  assert.equal(moved.manifest.version, '9.9.9');
  assert.equal(await moved.read('catalog.jsonld'), null);

  await rm(h.stateDir, { recursive: true, force: true });
  const none = fakeHandle({ target: { stateDir: undefined } });
  await run(none.target, v1);
  assert.equal(await (await none.restart().latest())!.read('catalog.jsonld'), null, 'no stateDir: nothing served');
});

test('without the local copy, fetch() reads a file of the last release from the branch: one request each, checked against the manifest', async () => {
  const h = fakeHandle({ target: { stateDir: undefined } });
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  await run(h.target, v1);
  const latest = (await h.restart().latest())!;
  const [path, bytes] = [...v1.bytes][0]!;
  assert.equal(await latest.read(path), null, 'no local copy');
  h.fake.resetCounts();
  assert.deepEqual(Buffer.from((await latest.fetch!(path))!), Buffer.from(bytes));
  assert.equal(h.fake.counts().reads, 1);
  assert.equal(await latest.fetch!('not/in/the/manifest.json'), null);
  assert.equal(h.fake.counts().reads, 1, 'a file the manifest does not list costs no request');
  // The branch's file no longer matches the manifest: not served.
  h.fake.state.push('main', { [`latest/${path}`]: 'changed by hand\n' });
  assert.equal(await (await h.restart().latest())!.fetch!(path), null);
});

test('a release already published for the version is an error, before any write; the tag is never moved', async () => {
  const h = fakeHandle();
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  await run(h.target, v1);
  // Someone published v1.1.0 by hand, for another commit.
  const other = h.fake.state.push('side', { 'x.txt': 'x\n' });
  h.fake.state.releases.push({
    id: 999, tagName: 'v1.1.0', targetCommitish: other, name: 'v1.1.0', body: 'by hand', draft: false, prerelease: false,
    immutable: false, createdAt: '2026-01-05T00:00:00Z', publishedAt: '2026-01-05T00:00:00Z', updatedAt: '2026-01-05T00:00:00Z', assets: [],
  });
  h.fake.state.refs.set('refs/tags/v1.1.0', other);
  const v2 = memoryRelease('1.1.0', baseFiles('v2'), 2);
  h.fake.resetCounts();
  await assert.rejects(run(h.target, v2), (err: Error) => err instanceof PublishError && /release v1\.1\.0 is already published .*never moves a tag/.test(err.message));
  assert.equal(h.fake.counts().writes, 0);
  assert.equal(h.fake.state.tag('v1.1.0'), other, 'the tag stays where it was');
});

test('a plan made against another release than the branch holds is refused', async () => {
  const h = fakeHandle();
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  await run(h.target, v1);
  const v2 = memoryRelease('1.1.0', baseFiles('v2'), 2);
  await h.target.latest();
  await assert.rejects(h.target.apply(planOf(null, v2), v2, await releaseAssets(v2)), (err: Error) => err instanceof PublishError && /holds release 1\.0\.0/.test(err.message));
});

test('an empty repository, or one that cannot be seen, is a clear error', async () => {
  const h = fakeHandle({ initialCommit: false });
  await assert.rejects(h.target.latest(), (err: Error) => err instanceof PublishError && /empty repository/.test(err.message));
  const hidden = fakeHandle({ target: { repo: 'private-elsewhere' } });
  await assert.rejects(hidden.target.latest(), (err: Error) => err instanceof PublishError && /xxgk\/private-elsewhere not found, or GITHUB_TOKEN cannot read it/.test(err.message));
});

test('a tree GitHub finds too large for one request (422, timed out) is built in parts: still one commit', async () => {
  const h = fakeHandle({ fake: { maxTreeRequestBytes: 70_000 } });
  const v1 = memoryRelease('1.0.0', withMany('v1', 1500));
  h.fake.resetCounts();
  await run(h.target, v1);
  const trees = h.fake.requests.filter((r) => r.operationId === 'git/create-tree').map((r) => r.status);
  assert.equal(trees[0], 422, 'the whole tree was refused');
  assert.ok(trees.length > 3 && trees.slice(-3).every((s) => s === 201), `then built in parts: ${trees.join(',')}`);
  assert.ok(h.logs.some((l) => /too large for one request: building it in \d+ parts/.test(l)));
  await assertPublished(h.fake, 'main', [v1]);
});
