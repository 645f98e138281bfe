/**
 * The GitHub target over the fake, as the shared contract suite takes a target: inspect() reads the fake's state in
 * the shape every target gives, crashAfter(n) kills the client right after its next n HTTP requests. After a crash
 * the next run gets a new target, as a new process would (same stateDir).
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { type GithubTarget, type GithubTargetOptions, githubTarget } from '../../../pipeline/publish/github-target.ts';
import { InjectedCrash, type TargetHandle, type TargetState } from '../target-contract.ts';
import { FakeGitHub, type FakeGitHubOptions } from './index.ts';
import { scratchDir } from '../../helpers/scratch.ts';

/** Client settings for tests: no sleeping, ever. */
export const NO_WAIT: NonNullable<GithubTargetOptions['client']> = { wait: async () => {}, retryDelayMs: 0, writeSpacingMs: 0 };

export interface FakeSetup {
  fake?: FakeGitHubOptions;
  /** Branch to publish to (default main). */
  branch?: string;
  /** Commit a README.md on the default branch first (a repository created with a README). Default true. */
  initialCommit?: boolean;
  target?: Partial<GithubTargetOptions>;
}

export interface GithubHandle extends TargetHandle {
  fake: FakeGitHub;
  stateDir: string;
  target: GithubTarget;
  /** A new target over the same fake and stateDir (a new process). */
  restart(): GithubTarget;
  logs: string[];
  fork(): Promise<GithubHandle>;
}

/** What the fake holds, in the contract's shape. Tag messages are the release notes (GitHub's releases carry them). */
export function inspectFake(fake: FakeGitHub, branch: string): TargetState {
  const s = fake.state;
  const head = s.branch(branch);
  const bodyOf = (tag: string) => s.releases.find((r) => r.tagName === tag && !r.draft)?.body ?? '';
  const tags = [...s.refs.entries()]
    .filter(([ref]) => ref.startsWith('refs/tags/'))
    .map(([ref, commit]) => ({ name: ref.slice('refs/tags/'.length), commit, message: bodyOf(ref.slice('refs/tags/'.length)) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const releases = s.releases
    .map((r) => ({ tag: r.tagName, name: r.name ?? '', body: r.body ?? '', assets: r.assets.map((a) => a.name).sort() }))
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  if (!head) return { files: new Map(), commits: [], tags, releases };
  const files = new Map([...s.files(head)].map(([path, bytes]) => [path, Buffer.from(bytes)]));
  return { files, commits: s.history(head), tags, releases };
}

/** A handle on a new fake, or (`from`: fork()) on a copy of another handle's fake and state folder. */
export function fakeHandle(setup: FakeSetup = {}, from?: { fake: FakeGitHub; stateDir: string }): GithubHandle {
  const fake = from?.fake ?? new FakeGitHub({ token: 'ghp_contract', ...setup.fake });
  if (!from && (setup.initialCommit ?? true)) fake.state.push(fake.state.defaultBranch, { 'README.md': '# data\n' }, 'Initial commit');
  const branch = setup.branch ?? 'main';
  const stateDir = from?.stateDir ?? scratchDir('xxgk-github-state-');
  const logs: string[] = [];
  const make = () =>
    githubTarget({
      owner: fake.state.owner,
      repo: fake.state.repo,
      branch,
      token: 'ghp_contract',
      baseUrl: fake.hosts.api,
      fetch: fake.fetch,
      stateDir,
      log: (line) => logs.push(line),
      client: NO_WAIT,
      ...setup.target,
    });
  let current = make();
  // Calls go to the current target; once the fake is dead, whatever the target throws is the crash.
  const guard = <A extends unknown[], R>(call: (t: GithubTarget, ...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await call(current, ...args);
    } catch (err) {
      if (fake.crashed) throw new InjectedCrash(`crashed: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    }
  };
  const target: GithubTarget = {
    latest: guard((t) => t.latest()),
    apply: guard((t, plan, files, assets) => t.apply(plan, files, assets)),
    finish: guard((t, assets) => t.finish(assets)),
  };
  return {
    fake,
    stateDir,
    logs,
    target,
    restart() {
      current = make();
      return target;
    },
    inspect: async () => {
      fake.assertClean();
      return inspectFake(fake, branch);
    },
    crashAfter(n) {
      if (n === null) {
        if (fake.crashed) current = make();
        fake.revive();
      } else fake.crashAfterRequests(n);
    },
    async fork() {
      const copy = scratchDir('xxgk-github-state-');
      cpSync(stateDir, copy, { recursive: true });
      return fakeHandle(setup, { fake: fake.fork(), stateDir: copy });
    },
  };
}
