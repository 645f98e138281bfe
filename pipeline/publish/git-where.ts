/**
 * Where the git target works, and how it reaches the repository it publishes to: a bare repository given by path
 * is worked on directly (created on the first publish); a URL, or a repository with a work tree, through a bare
 * clone under the work folder that mirrors the remote's branches and tags before every run and is pushed with
 * `git push --atomic`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GitError, redact, type RunGit } from '../adapters/git.ts';
import { PublishError } from '../errors.ts';
import { type GitRepo, gitRepo } from './git-repo.ts';

export interface Where {
  local: GitRepo;
  /** Where to fetch from and push to; null when `local` is the target itself. */
  remote: string | null;
  /** git options for a transfer with the remote (its stall limit). */
  transfer: string[];
}

/**
 * A fetch or push over HTTP(S) that moves less than one byte a second for this long is abandoned by git (curl's low
 * speed limit): a server that accepts the connection and never answers cannot hold a run for ever.
 */
export const stallLimit = (timeoutMs: number): string[] =>
  ['-c', 'http.lowSpeedLimit=1', '-c', `http.lowSpeedTime=${Math.max(1, Math.ceil(timeoutMs / 1000))}`];

/** The stall limit when none is given (ms): publish.timeoutMs's default. */
export const DEFAULT_STALL_MS = 120_000;

const explain = (stderr: string) =>
  `${stderr.trim()}${/Operation too slow|timed out/i.test(stderr) ? ' (no progress within publish.timeoutMs)' : ''}`;

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^[^/\\:]+@[^/\\:]+:/.test(s);

export async function locate(repo: string, workDir: string, runGit: RunGit, timeoutMs = DEFAULT_STALL_MS): Promise<Where> {
  const transfer = stallLimit(timeoutMs);
  if (!isUrl(repo)) {
    const path = resolve(repo);
    const bare = await gitRepo(path, runGit).isBare();
    if (bare === true) return { local: gitRepo(path, runGit), remote: null, transfer };
    const worktree = bare === false || (await gitRepo(join(path, '.git'), runGit).isBare()) === false;
    if (!worktree) {
      const entries = await readdir(path).catch(() => []);
      if (entries.length > 0) throw new PublishError(`${path} is neither a git repository nor an empty folder: give a repository, a new path or a URL`);
      return { local: gitRepo(path, runGit), remote: null, transfer };
    }
  }
  const remote = isUrl(repo) ? repo : resolve(repo);
  const id = createHash('sha256').update(remote).digest('hex').slice(0, 16);
  return { local: gitRepo(join(workDir, `remote-${id}.git`), runGit), remote, transfer };
}

export async function init(local: GitRepo, branch: string): Promise<void> {
  await mkdir(dirname(local.dir), { recursive: true });
  await local.init(branch);
}

/** Make the clone hold exactly the remote's branches and tags: whatever a crashed run left in it is dropped. */
export async function sync(w: Where, branch: string): Promise<void> {
  if (!w.remote) return;
  if (!(await w.local.exists())) await init(w.local, branch);
  try {
    await w.local.run([...w.transfer, 'fetch', '--quiet', '--prune', '--update-head-ok', w.remote, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']);
  } catch (err) {
    if (err instanceof GitError) throw new PublishError(`cannot fetch from ${redact(w.remote)}: ${explain(err.stderr)}`);
    throw err;
  }
}

/** Push refs of the clone to the remote, all or none (a ref written +ref is forced); the steps taken. */
export async function push(w: Where, refs: string[]): Promise<string[]> {
  if (!w.remote) return [];
  try {
    await w.local.run([...w.transfer, 'push', '--quiet', '--atomic', '--porcelain', w.remote, ...refs.map((r) => `${r}:${r.replace(/^\+/, '')}`)]);
  } catch (err) {
    if (err instanceof GitError) {
      throw new PublishError(`cannot push ${refs.join(' and ')} to ${redact(w.remote)} (nothing was pushed; re-run to retry): ${explain(err.stderr)}`);
    }
    throw err;
  }
  return [`pushed ${refs.join(', ')} to ${redact(w.remote)}`];
}
