/**
 * The git target against a real git server on 127.0.0.1 — git's own smart-HTTP server (`git http-backend`) behind a
 * node:http server, with Basic authentication taken from the URL — rather than a path remote: a first release and a
 * re-run that publishes nothing, a crash between the local ref update and the push and its resume, and a server that
 * refuses the push (`xxgk publish` exits 2 naming the remote, its credentials redacted); and a server that accepts
 * the connection but never answers, given up after publish.timeoutMs with no progress.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { execGit, type RunGit } from '../../pipeline/adapters/git.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { publish } from '../../pipeline/publish/index.ts';
import { readTree } from '../helpers/build-samples.ts';
import { stateOf } from '../helpers/git-handle.ts';
import { serveGitHttp } from '../helpers/git-http-server.ts';
import { build, day, fixture } from '../helpers/publish-fixture.ts';
import { PublishError } from '../../pipeline/errors.ts';
import { InjectedCrash } from './target-contract.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'glpat-wire-secret';

async function setup(t: { after: (fn: () => unknown) => void }, options: { refuse?: string } = {}) {
  const server = await serveGitHttp({ auth: `xxgk:${SECRET}` });
  t.after(() => server.close());
  t.after(() => rmSync(server.root, { recursive: true, force: true }));
  const repo = await server.create('data', options);
  const f = fixture();
  t.after(() => rmSync(f.dir, { recursive: true, force: true }));
  await build(f, day(1));
  // The URL as an operator writes it for a forge: credentials in it (git sends them as Basic authentication).
  const url = repo.url.replace('http://', `http://xxgk:${SECRET}@`);
  const target = (runGit?: RunGit) => gitTarget({ repo: url, branch: 'main', workDir: join(f.dir, 'work'), clock: day(1), ...(runGit ? { runGit } : {}) });
  return { server, repo, f, url, target };
}

const pushes = (seen: string[]) => seen.filter((s) => s.startsWith('POST ') && s.includes('git-receive-pack')).length;

test('over HTTP: the first release reaches the server (branch, tag, latest/ = the build); a re-run pushes nothing', async (t) => {
  const { server, repo, f, target } = await setup(t);
  const first = await publish(f.out, target(), { clock: day(1) });
  assert.equal(first.result?.version, '1.0.0');
  assert.ok(first.result?.steps.some((s) => s.includes('pushed') && s.includes('http://***@127.0.0.1')), 'the step names the remote, redacted');
  const state = await stateOf(repo.path);
  assert.deepEqual(state.tags.map((x) => x.name), ['v1.0.0']);
  assert.equal(state.commits.length, 1);
  const built = readTree(f.out);
  for (const [path, bytes] of built) assert.deepEqual(state.files.get(`latest/${path}`), bytes, path);
  assert.equal(pushes(server.seen), 1, 'one push');
  assert.ok(server.seen.some((s) => s.includes('git-upload-pack')), 'fetched over smart HTTP');

  const again = await publish(f.out, target(), { clock: day(3) });
  assert.equal(again.plan.empty, true);
  assert.equal(pushes(server.seen), 1, 'nothing pushed by the re-run');
  assert.deepEqual(await stateOf(repo.path), state, 'the server is untouched');
  await execGit({ args: ['--git-dir', repo.path, 'fsck', '--no-progress'] }); // throws on a broken repository
});

test('over HTTP: a crash after the refs moved in the clone, before the push, then a re-run: v1.0.0 on the server, once', async (t) => {
  const { server, repo, f, target } = await setup(t);
  let armed = true;
  const crashing: RunGit = async (call) => {
    const out = await execGit(call);
    if (armed && call.args.includes('update-ref')) {
      armed = false;
      throw new InjectedCrash('crash after git update-ref');
    }
    return out;
  };
  await assert.rejects(publish(f.out, target(crashing), { clock: day(1) }), InjectedCrash);
  assert.equal(armed, false, 'the crash happened');
  assert.equal(pushes(server.seen), 0, 'nothing was pushed');
  assert.deepEqual((await stateOf(repo.path)).tags, [], 'the server holds nothing');
  // The next process: the clone still holds the release's refs; the fetch resets it to the server's, then publishes.
  const resumed = await publish(f.out, target(), { clock: day(1) });
  assert.equal(resumed.result?.version, '1.0.0');
  const state = await stateOf(repo.path);
  assert.deepEqual(state.tags.map((x) => x.name), ['v1.0.0']);
  assert.equal(state.commits.length, 1, 'one release commit');
  assert.equal(state.tags[0]!.commit, state.commits[0]);
  assert.equal(pushes(server.seen), 1);
});

test('xxgk publish to a git server that refuses the push exits 2, naming the remote (credentials redacted) and its reason', async (t) => {
  const { repo, f, url } = await setup(t, { refuse: 'refused: main is protected' });
  const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'publish', '--out', f.out, '--repo', url, '--base-url', 'https://data.example.org/latest/'], { cwd: f.dir });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  assert.equal(code, 2, out);
  assert.match(out, new RegExp(`cannot push refs/heads/main and refs/tags/v1\\.0\\.0 to http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/data\\.git \\(nothing was pushed; re-run to retry\\)`), out);
  assert.match(out, /refused: main is protected/);
  assert.ok(!out.includes(SECRET), 'the credentials never reach a message');
  assert.deepEqual((await stateOf(repo.path)).tags, [], 'the server holds nothing');
});

test('a git server that accepts the connection and never answers: the fetch is given up after timeoutMs with no progress', async (t) => {
  const server = createServer(() => {}); // never answers
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  t.after(() => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.git`;
  const dir = scratchDir('xxgk-git-hang-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const target = gitTarget({ repo: url, branch: 'main', workDir: join(dir, 'work'), clock: day(1), timeoutMs: 1000 });
  const err = await target.latest().then(() => null, (e: unknown) => e);
  assert.ok(err instanceof PublishError, String(err));
  assert.match(err.message, new RegExp(`^cannot fetch from ${url.replace(/[.]/g, '\\.')}: .*Operation too slow.* \\(no progress within publish\\.timeoutMs\\)$`, 's'));
});
