/**
 * The token never reaches output: failing publishes with GITHUB_TOKEN set (refused; servers failing; rate limits),
 * run in a process of their own whose stdout and stderr are captured whole — the target's log lines, the error as a
 * CLI prints it, in full — and, in this process, the error itself (message, stack, every field): none holds the token.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { inspect, promisify } from 'node:util';
import { test } from 'node:test';
import { githubEnvironment } from '../../pipeline/adapters/github.ts';
import { RemoteError } from '../../pipeline/errors.ts';
import { SCENARIO_MARK, failingPublish, type TokenScenario } from './fake-github/token-run.ts';

const SCRIPT = fileURLToPath(new URL('./fake-github/token-run.ts', import.meta.url));

/** Every way an error could be shown or stored. */
function everything(err: unknown): string {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(err, (_k, v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[circular]';
      seen.add(v);
    }
    return v;
  });
  const e = err as Error;
  return [String(err), e.message, e.stack, json, inspect(err, { depth: 30, showHidden: true })].join('\n');
}

function withToken<T>(token: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.GITHUB_TOKEN;
  process.env.GITHUB_TOKEN = token;
  return body().finally(() => {
    if (saved === undefined) delete process.env.GITHUB_TOKEN;
    else process.env.GITHUB_TOKEN = saved;
  });
}

const EXPECTED: Record<TokenScenario, RegExp> = { '401': /Bad credentials/, '500': /Server Error/, 'rate-limit': /secondary rate limit/ };

const SCENARIOS = ['401', '500', 'rate-limit'] as const;

/**
 * The three failing publishes in one process of their own (a process each cost two CPU-seconds of start-up), with one
 * token: its whole stdout and stderr, and each scenario's part of them (from its mark to the next).
 */
let child: Promise<{ token: string; stdout: string; stderr: string; code: number }> | undefined;
function runChild() {
  const token = `ghp_${randomBytes(18).toString('hex')}`;
  child ??= promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, ...SCENARIOS], {
    env: { ...process.env, GITHUB_TOKEN: token, GITHUB_API_URL: '' },
    maxBuffer: 64 * 1024 * 1024,
  }).then((r) => ({ ...r, code: 0, token }), (e: { stdout: string; stderr: string; code: number }) => ({ ...e, token }));
  return child;
}
const part = (text: string, scenario: string) => {
  const from = text.indexOf(`${SCENARIO_MARK}${scenario}\n`);
  if (from < 0) return '';
  const next = SCENARIOS.map((s) => text.indexOf(`${SCENARIO_MARK}${s}\n`)).filter((at) => at > from).sort((a, b) => a - b)[0];
  return text.slice(from, next ?? text.length);
};

for (const scenario of SCENARIOS) {
  test(`the token is never printed, logged or put in an error (${scenario})`, async () => {
    const all = await runChild();
    const { token } = all;
    assert.equal(all.code, 1, `every publish failed:\n${all.stderr}`);
    const [stdout, stderr] = [part(all.stdout, scenario), part(all.stderr, scenario)];
    assert.match(stdout, new RegExp(`^${SCENARIO_MARK}${scenario} failed$`, 'm'), `the publish failed:\n${stderr}`);
    assert.match(stderr, EXPECTED[scenario], 'the error was printed');
    assert.match(stderr, /\[REDACTED\]/, "Octokit's RequestError redacts the Authorization header");
    const printed = `${all.stdout}\n${all.stderr}`;
    assert.ok(!printed.includes(token) && !printed.includes(token.slice(4, 20)), 'the token is nowhere in stdout or stderr');

    const logs: string[] = [];
    const { error, fake } = await withToken(token, () => failingPublish(scenario, (l) => logs.push(l)));
    assert.ok(error, 'the publish failed');
    assert.ok(error instanceof RemoteError, 'a failing remote is a RemoteError (exit 2)');
    assert.equal(typeof (error.cause as { status?: number }).status, 'number', 'the RequestError comes through as its cause, with its status');
    assert.ok(fake.requests.length > 0);
    const kept = `${logs.join('\n')}\n${everything(error)}`;
    assert.ok(!kept.includes(token) && !kept.includes(token.slice(4, 20)), 'the token is nowhere in the log lines or the error');
    fake.assertClean();
  });
}

test('GITHUB_TOKEN and GITHUB_API_URL are read from the environment, trimmed; nothing else is', () => {
  assert.deepEqual(githubEnvironment({ GITHUB_TOKEN: ' t0k3n\n', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }), { token: 't0k3n', baseUrl: 'https://ghe.example.com/api/v3' });
  assert.deepEqual(githubEnvironment({ GH_TOKEN: 'x', GITHUB_TOKEN: '', GITHUB_API_URL: '' }), {});
});
