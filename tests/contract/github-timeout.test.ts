/**
 * A GitHub request that never gets an answer, over the wire (the production client, global fetch, real sockets, the
 * fake GitHub on 127.0.0.1): it is abandoned after publish.timeoutMs — not undici's 300 s — and retried like a 5xx;
 * when the retries are spent, the run fails with a RemoteError naming the repository and the step, and the command
 * line exits 2.
 *
 * No test here depends on how fast the machine is: publish.timeoutMs bounds only the requests the fake holds
 * (heldOnly below keeps the client's timeout signal on those and takes it off every other request), so a request that
 * is merely slow under load is never abandoned, and the held one is answered by nothing but the client's timeout.
 */
import 'cheerio';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { RemoteError } from '../../pipeline/errors.ts';
import { githubTarget } from '../../pipeline/publish/github-target.ts';
import { build, day, fixture } from '../helpers/publish-fixture.ts';
import { NO_WAIT } from './fake-github/handle.ts';
import { assertPublished, baseFiles, memoryRelease, run } from './fake-github/releases.ts';
import { serveFakeGitHub } from './fake-github/wire.ts';
import { scratchDir } from '../helpers/scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function withoutApiUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { GITHUB_API_URL: _drop, ...rest } = env;
  return rest;
}

/**
 * Global fetch, as the client is handed it, keeping the client's signal (AbortSignal.timeout(timeoutMs)) only on the
 * requests `held` picks — the ones the fake holds unanswered — and taking it off every other request, so that however
 * loaded the machine, only a held request can time out. `aborted` collects the reasons the held requests were given
 * up with (the fake has already recorded each one as it arrived).
 */
function heldOnly(held: (url: URL, method: string) => boolean): { fetch: typeof fetch; aborted: unknown[] } {
  const aborted: unknown[] = [];
  const fetchHeld: typeof fetch = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!held(url, (init.method ?? 'GET').toUpperCase())) return globalThis.fetch(input, { ...init, signal: null });
    const signal = init.signal;
    assert.ok(signal, 'the client bounds every request by a signal');
    signal.addEventListener('abort', () => aborted.push(signal.reason), { once: true });
    return globalThis.fetch(input, init);
  };
  return { fetch: fetchHeld, aborted };
}

async function serve(t: { after: (fn: () => Promise<void>) => void }) {
  const wire = await serveFakeGitHub({ token: 'ghp_wire' });
  t.after(() => wire.close());
  wire.fake.state.push(wire.fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  return wire;
}

test('a hung asset upload is abandoned after timeoutMs and retried: the release completes, each asset once', async (t) => {
  const wire = await serve(t);
  wire.fake.inject('repos/upload-release-asset', { kind: 'hang' });
  // Uploads are writes, one at a time: the first to reach the uploads host is the one the fake holds.
  let uploads = 0;
  const client = heldOnly((url) => url.pathname.startsWith('/api/uploads/') && ++uploads === 1);
  const target = githubTarget({
    owner: 'xxgk', repo: 'data', branch: 'main', token: 'ghp_wire', baseUrl: wire.apiUrl, fetch: client.fetch,
    stateDir: scratchDir('xxgk-timeout-'), client: NO_WAIT, timeoutMs: 500, retries: 1,
  });
  const v1 = memoryRelease('1.0.0', baseFiles('v1'));
  assert.equal((await run(target, v1))?.version, '1.0.0');
  await assertPublished(wire.fake, 'main', [v1]);
  assert.equal(wire.fake.requests.filter((r) => r.operationId === 'repos/upload-release-asset' && r.status === 'network').length, 1, 'one upload hung');
  assert.deepEqual(client.aborted.map((r) => (r as Error).name), ['TimeoutError'], 'the held upload was given up by the client\'s timeout');
  assert.ok(uploads > 1, 'and the upload was sent again');
  wire.fake.assertClean();
});

test('a request that never gets an answer, retries spent: a RemoteError naming the repository and the step', async (t) => {
  const wire = await serve(t);
  wire.fake.inject('repos/get-commit', { kind: 'hang' }, { times: 2 });
  // The only requests to time out: the two the fake holds (GET …/commits/heads%2Fmain; the retry is sent again).
  const client = heldOnly((url) => /\/repos\/xxgk\/data\/commits\//.test(url.pathname));
  const target = githubTarget({
    owner: 'xxgk', repo: 'data', branch: 'main', token: 'ghp_wire', baseUrl: wire.apiUrl, fetch: client.fetch, client: NO_WAIT, timeoutMs: 300, retries: 1,
  });
  const err = await target.latest().then(() => null, (e: unknown) => e);
  assert.ok(err instanceof RemoteError, String(err));
  assert.match(err.message, new RegExp(`^GitHub xxgk/data \\(${wire.apiUrl.replace(/[.]/g, '\\.')}\\): reading branch main: no answer in time`));
  assert.equal(wire.fake.requests.filter((r) => r.operationId === 'repos/get-commit').length, 2, 'tried, then retried once');
  assert.deepEqual(client.aborted.map((r) => (r as Error).name), ['TimeoutError', 'TimeoutError'], 'each given up by the client\'s timeout');
});

test('xxgk publish --config with publish.apiUrl and publish.timeoutMs: a GitHub that never answers exits 2, naming the remote and the step', async (t) => {
  const wire = await serve(t);
  wire.fake.inject(() => true, { kind: 'hang' }, { times: Infinity });
  const f = fixture();
  t.after(() => rmSync(f.dir, { recursive: true, force: true }));
  await build(f, day(1));
  const config = join(f.dir, 'xxgk.config.yaml');
  writeFileSync(config, `sources:\n  - id: inbox\n    name: 样例\n    region: "320800"\n    inbox: in\npublish:\n  repo: xxgk/data\n  apiUrl: ${wire.apiUrl}\n  timeoutMs: 300\n  retries: 0\n`);
  const child = spawn(process.execPath, [join(ROOT, 'bin/xxgk.js'), 'publish', '--out', f.out, '--config', config], {
    // The API from the config's publish.apiUrl (no GITHUB_API_URL in the environment).
    cwd: f.dir, env: { ...withoutApiUrl(process.env), GITHUB_TOKEN: 'ghp_wire' },
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  child.stdout.resume();
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  assert.equal(code, 2, err);
  assert.match(err, /xxgk: GitHub xxgk\/data \(http:\/\/127\.0\.0\.1:\d+\/api\/v3\): reading branch main: no answer in time \(the request timed out; publish\.timeoutMs\)/);
  assert.ok(!err.includes('ghp_wire'), 'the token is never printed');
});
