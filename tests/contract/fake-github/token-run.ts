/**
 * Failing publishes in a process of their own, for the token test: GITHUB_TOKEN comes from the environment, the fake
 * GitHub fails as each argument says (one publish each, in turn), and everything is printed as a CLI would print it
 * (log lines, then the error, in full). Exit 1 when every publish failed.
 */
import { inspect } from 'node:util';
import { githubTarget } from '../../../pipeline/publish/github-target.ts';
import { NO_WAIT } from './handle.ts';
import { FakeGitHub } from './index.ts';
import { baseFiles, memoryRelease, run } from './releases.ts';

export type TokenScenario = '401' | '500' | 'rate-limit';

export function failingFake(scenario: TokenScenario, token: string): FakeGitHub {
  const fake = new FakeGitHub({ token: scenario === '401' ? 'ghp_the_right_one' : token });
  fake.state.push('main', { 'README.md': '# data\n' });
  if (scenario === '500') fake.inject((r) => r.method !== 'GET', { kind: 'status', status: 500 }, { times: 100 });
  if (scenario === 'rate-limit') fake.inject('git/create-tree', { kind: 'secondary-rate-limit', retryAfter: 1 }, { times: 5 });
  return fake;
}

/** Publish to the failing fake with the environment's token; the error, or null. */
export async function failingPublish(scenario: TokenScenario, log: (line: string) => void): Promise<{ error: unknown; fake: FakeGitHub }> {
  const fake = failingFake(scenario, process.env.GITHUB_TOKEN ?? '');
  const target = githubTarget({ owner: 'xxgk', repo: 'data', branch: 'main', baseUrl: fake.hosts.api, fetch: fake.fetch, log, client: NO_WAIT });
  try {
    await run(target, memoryRelease('1.0.0', baseFiles('v1')));
    return { error: null, fake };
  } catch (error) {
    return { error, fake };
  }
}

/** How a process of its own marks where each scenario's output starts, on stdout and stderr alike. */
export const SCENARIO_MARK = '::scenario ';

if (process.argv[1]?.endsWith('token-run.ts')) {
  // Each scenario given, in turn, printed after its mark; exit 1 when every publish failed.
  let failed = 0;
  const scenarios = process.argv.slice(2) as TokenScenario[];
  for (const scenario of scenarios) {
    console.log(`${SCENARIO_MARK}${scenario}`);
    console.error(`${SCENARIO_MARK}${scenario}`);
    const { error, fake } = await failingPublish(scenario, (line) => console.log(line));
    for (const r of fake.requests) console.log(`${r.method} ${r.path} → ${r.status}`);
    if (error) {
      failed++;
      console.error(`xxgk: ${(error as Error).message}`);
      console.error(inspect(error, { depth: 30, showHidden: true }));
      process.stderr.write(`${JSON.stringify(error)}\n`);
      console.log(`${SCENARIO_MARK}${scenario} failed`);
    }
  }
  if (failed === scenarios.length) process.exitCode = 1;
}
