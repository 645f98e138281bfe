/** The git target under the shared target contract: real git in a temporary folder, a runner that can crash. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { execGit, type RunGit } from '../../pipeline/adapters/git.ts';
import { gitRepo } from '../../pipeline/publish/git-repo.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { InjectedCrash, type TargetHandle, type TargetState } from '../contract/target-contract.ts';
import { day } from './publish-fixture.ts';
import { scratchDir } from './scratch.ts';

/** What a bare repository holds: the branch's files and commits, every tag with its message. */
export async function stateOf(dir: string, branch = 'main'): Promise<TargetState> {
  const repo = gitRepo(dir, execGit);
  const empty: TargetState = { files: new Map(), commits: [], tags: [], releases: [] };
  if ((await repo.isBare()) === null) return empty;
  const head = await repo.branchHead(branch);
  const tags: TargetState['tags'] = [];
  for (const [name, info] of [...(await repo.tags())].sort(([a], [b]) => (a < b ? -1 : 1))) {
    tags.push({ name, commit: info.commit, message: info.annotated ? await repo.tagMessage(info.object) : '' });
  }
  if (!head) return { ...empty, tags };
  const entries = await repo.listTree(head);
  const blobs = await repo.readBlobs(entries.map((e) => e.sha));
  return { files: new Map(entries.map((e, k) => [e.path, blobs[k]!])), commits: await repo.history(head), tags, releases: [] };
}

/** A git runner that fails right after its n-th command from now, once. */
export function crashingGit(): { runGit: RunGit; crashAfter(n: number | null): void } {
  let left: number | null = null;
  return {
    crashAfter(n) {
      left = n;
    },
    async runGit(call) {
      const out = await execGit(call);
      if (left !== null && --left === 0) {
        left = null;
        throw new InjectedCrash(`crash after git ${call.args.filter((a) => !a.startsWith('/')).join(' ')}`);
      }
      return out;
    },
  };
}

/**
 * A fresh target: a local bare repository (created by the first publish), or a remote behind a file:// URL. A local
 * one can be forked: a copy of the bare repository, with a new target on it (a new process).
 */
export function gitHandle(kind: 'local' | 'remote', clock: Clock = day(1)): () => Promise<TargetHandle> {
  const handleOn = (dir: string): TargetHandle => {
    const path = join(dir, 'publish.git');
    const git = crashingGit();
    const repo = kind === 'remote' ? pathToFileURL(path).href : path;
    const target = gitTarget({ repo, branch: 'main', workDir: join(dir, 'work'), clock, runGit: git.runGit });
    const handle: TargetHandle = { target, inspect: () => stateOf(path), crashAfter: git.crashAfter };
    if (kind === 'local') {
      handle.fork = async () => {
        const copy = scratchDir('xxgk-git-');
        cpSync(path, join(copy, 'publish.git'), { recursive: true });
        return handleOn(copy);
      };
    }
    return handle;
  };
  return async () => {
    const dir = scratchDir('xxgk-git-');
    if (kind === 'remote') await execGit({ args: ['init', '--quiet', '--bare', '--initial-branch=main', join(dir, 'publish.git')] });
    return handleOn(dir);
  };
}
