/**
 * The GitHub target through the production client — Node's global fetch with whatever dispatcher the process has
 * installed (cheerio loads undici 7, which takes over the global dispatcher), real sockets — against the fake GitHub
 * served on 127.0.0.1 (API and uploads host). A first release, a crash and its resume, and faults, over the wire.
 */
import 'cheerio';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clientFetch } from '../../pipeline/adapters/github.ts';
import { githubTarget } from '../../pipeline/publish/github-target.ts';
import { NO_WAIT } from './fake-github/handle.ts';
import { assertPublished, baseFiles, memoryRelease, run } from './fake-github/releases.ts';
import { type WireGitHub, serveFakeGitHub } from './fake-github/wire.ts';

/** A repository (with its first commit) on a loopback server, and targets reaching it with global fetch (no fetch handed in). */
async function serve(t: { after: (fn: () => Promise<void>) => void }) {
  const wire = await serveFakeGitHub({ token: 'ghp_wire' });
  t.after(() => wire.close());
  wire.fake.state.push(wire.fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  const stateDir = mkdtempSync(join(tmpdir(), 'xxgk-wire-state-'));
  const logs: string[] = [];
  const make = () => githubTarget({
    owner: wire.fake.state.owner, repo: wire.fake.state.repo, branch: 'main', token: 'ghp_wire', baseUrl: wire.apiUrl,
    stateDir, client: NO_WAIT, log: (l) => logs.push(l),
  });
  return { wire, make, logs };
}

test('regression: a plain fetch POST with an explicit content-length, once cheerio is loaded, is what undici refuses', async (t) => {
  const { wire } = await serve(t);
  // The runtime behaviour the fix works around (if this starts to go through, Node or undici changed).
  const refused = await fetch(`${wire.apiUrl}/x`, { method: 'POST', headers: { 'content-length': '2' }, body: Buffer.from('{}') })
    .then(() => null, (err: unknown) => err as Error);
  assert.ok(refused === null || /content-length/i.test(String((refused as Error & { cause?: Error }).cause?.message ?? refused.message)));
});

test('the first release over the wire: tree, commit, ref, draft, every asset uploaded, published', async (t) => {
  const { wire, make } = await serve(t);
  wire.seen.length = 0;
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  const result = await run(make(), v1);
  assert.equal(result?.version, '1.0.0');
  await assertPublished(wire.fake, 'main', [v1]);
  wire.fake.assertClean();
  const uploads = wire.seen.filter((s) => s.path.startsWith('/api/uploads/'));
  assert.equal(uploads.length, 3, 'three assets uploaded through the uploads host');
  for (const u of uploads) assert.equal(Number(u.contentLength), u.bytes, `${u.path}: framed with its length`);
});

test('the client’s fetch drops a content-length set by hand: the request goes out, framed by fetch', async (t) => {
  const { wire } = await serve(t);
  wire.seen.length = 0;
  const answer = await clientFetch()(`${wire.apiUrl}/repos/xxgk/data/git/trees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': '999', authorization: 'token ghp_wire' },
    body: Buffer.from('{"tree":[]}'),
  });
  assert.ok(answer.status > 0);
  assert.equal(wire.seen[0]?.contentLength, '11');
});
