/**
 * The GitHub REST calls the GitHub target makes, one small function each, typed and named for the step they serve.
 * A failed call keeps Octokit's RequestError (its status, the redacted request) and gains the step in its message.
 */
import type { RestEndpointMethodTypes } from '@octokit/rest';
import type { GitHubClient } from '../adapters/github.ts';
import { PublishError } from '../errors.ts';

export type Release = RestEndpointMethodTypes['repos']['listReleases']['response']['data'][number];
export type ReleaseAsset = Release['assets'][number];

export interface Repo {
  octokit: GitHubClient;
  owner: string;
  repo: string;
}

/** The branch head: its commit, tree and message. */
export interface Head {
  sha: string;
  tree: string;
  message: string;
}

export interface TreeItem {
  path: string;
  mode: '100644';
  type: 'blob';
  sha?: string | null;
  content?: string;
}

export function isRequestError(err: unknown): err is Error & { status: number; response?: { data?: unknown; headers?: Record<string, string> } } {
  return err instanceof Error && typeof (err as { status?: unknown }).status === 'number' && 'request' in err;
}

/** Validation errors' codes (already_exists, …) of a 422. */
export function errorCodes(err: unknown): string[] {
  if (!isRequestError(err)) return [];
  const data = err.response?.data as { errors?: Array<{ code?: string }> } | undefined;
  return (data?.errors ?? []).map((e) => e.code ?? '').filter(Boolean);
}

/** Run one call; a failure keeps its class and status, and says which step failed. */
export async function step<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof Error && !err.message.startsWith(`${what}: `)) err.message = `${what}: ${err.message}`;
    throw err;
  }
}

const decoder = new TextDecoder();

function bytesOf(data: unknown): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new Error('unexpected raw content');
}

/** GET /repos/{o}/{r}/commits/heads/{branch}: the head; null when the branch does not exist. */
export async function readHead(r: Repo, branch: string): Promise<Head | null> {
  try {
    const { data } = await r.octokit.rest.repos.getCommit({ owner: r.owner, repo: r.repo, ref: `heads/${branch}`, per_page: 1 });
    return { sha: data.sha, tree: data.commit.tree.sha, message: data.commit.message };
  } catch (err) {
    // GitHub answers 422 "No commit found" for a branch that does not exist, 404 for a repository it cannot show.
    if (isRequestError(err) && err.status === 422) return null;
    if (isRequestError(err) && err.status === 404) {
      throw new PublishError(`${r.owner}/${r.repo} not found, or GITHUB_TOKEN cannot read it (GitHub answers 404 for both)`);
    }
    if (isRequestError(err) && err.status === 409) {
      throw new PublishError(`${r.owner}/${r.repo} is an empty repository: GitHub's git API needs one commit first (create the repository with a README), then re-run`);
    }
    return step(`reading branch ${branch}`, () => Promise.reject(err));
  }
}

/** A file's bytes at a commit (raw media type: no 1 MB limit); null when missing. */
export async function readFile(r: Repo, path: string, ref: string): Promise<Uint8Array | null> {
  try {
    const { data } = await r.octokit.rest.repos.getContent({ owner: r.owner, repo: r.repo, path, ref, mediaType: { format: 'raw' } });
    return bytesOf(data);
  } catch (err) {
    if (isRequestError(err) && err.status === 404) return null;
    return step(`reading ${path} at ${ref.slice(0, 12)}`, () => Promise.reject(err));
  }
}

export const text = (bytes: Uint8Array): string => decoder.decode(bytes);

/** Every release, drafts included, newest first (100 a page: one read up to 100 releases). */
export async function listReleases(r: Repo): Promise<Release[]> {
  const out: Release[] = [];
  for (let page = 1; ; page++) {
    const { data } = await step('listing releases', () => r.octokit.rest.repos.listReleases({ owner: r.owner, repo: r.repo, per_page: 100, page }));
    out.push(...data);
    if (data.length < 100) return out;
  }
}

/** The last commit, from `head` back, that changed `path`. */
export async function lastChange(r: Repo, head: string, path: string): Promise<Head | null> {
  const { data } = await step(`finding the commit that changed ${path}`, () =>
    r.octokit.rest.repos.listCommits({ owner: r.owner, repo: r.repo, sha: head, path, per_page: 1 }));
  const c = data[0];
  return c ? { sha: c.sha, tree: c.commit.tree.sha, message: c.commit.message } : null;
}

export async function createBlob(r: Repo, data: Uint8Array, path: string): Promise<string> {
  const res = await step(`uploading ${path} as a blob`, () =>
    r.octokit.rest.git.createBlob({ owner: r.owner, repo: r.repo, content: Buffer.from(data).toString('base64'), encoding: 'base64' }));
  return res.data.sha;
}

/** POST git/trees: the new tree's sha and its top-level names. */
export async function createTree(r: Repo, base: string | null, tree: TreeItem[]): Promise<{ sha: string; names: Set<string> }> {
  const { data } = await step('creating the release tree', () =>
    r.octokit.rest.git.createTree({ owner: r.owner, repo: r.repo, tree, ...(base ? { base_tree: base } : {}) }));
  return { sha: data.sha, names: new Set(data.tree.map((e) => e.path)) };
}

/** GitHub's answer to a tree request too large to process in time (422 "…input was too large to process…"). */
const tooLarge = (err: unknown) => isRequestError(err) && err.status === 422 && /too large|timed out/i.test(err.message);

/** Entries in runs of about `limit` bytes of JSON. */
function chunks(items: TreeItem[], limit: number): TreeItem[][] {
  const out: TreeItem[][] = [[]];
  let size = 0;
  for (const item of items) {
    const n = JSON.stringify(item).length;
    if (size + n > limit && out.at(-1)!.length > 0) {
      out.push([]);
      size = 0;
    }
    out.at(-1)!.push(item);
    size += n;
  }
  return out;
}

/**
 * The release tree in one request; when GitHub finds it too large, built incrementally — each part on the tree of
 * the one before, parts a quarter the size after each refusal, a file too large for a part sent as a blob — still for
 * one commit.
 */
export async function buildTree(r: Repo, base: string | null, items: TreeItem[], log: (line: string) => void): Promise<{ sha: string; names: Set<string> }> {
  try {
    return await createTree(r, base, items);
  } catch (err) {
    if (!tooLarge(err)) throw err;
  }
  const encoder = new TextEncoder();
  let pending = [...items];
  for (let limit = 1_000_000; ; limit = Math.floor(limit / 4)) {
    const sized: TreeItem[] = [];
    for (const item of pending) {
      if (item.content !== undefined && JSON.stringify(item).length > limit / 2) {
        sized.push({ path: item.path, mode: item.mode, type: item.type, sha: await createBlob(r, encoder.encode(item.content), item.path) });
      } else sized.push(item);
    }
    pending = sized;
    const parts = chunks(pending, limit);
    log(`github: the tree was too large for one request: building it in ${parts.length} parts`);
    try {
      let tree: { sha: string; names: Set<string> } | null = null;
      for (const part of parts) tree = await createTree(r, tree?.sha ?? base, part);
      return tree!;
    } catch (err) {
      if (!tooLarge(err) || limit < 10_000) throw err;
    }
  }
}

export async function createCommit(r: Repo, c: { message: string; tree: string; parents: string[]; author: { name: string; email: string; date: string } }): Promise<string> {
  const { data } = await step('creating the release commit', () => r.octokit.rest.git.createCommit({ owner: r.owner, repo: r.repo, ...c }));
  return data.sha;
}

/** Move the branch; 'moved' when someone pushed meanwhile (not a fast-forward, or the branch appeared). */
export async function moveBranch(r: Repo, branch: string, sha: string, exists: boolean): Promise<'ok' | 'moved'> {
  try {
    if (exists) await r.octokit.rest.git.updateRef({ owner: r.owner, repo: r.repo, ref: `heads/${branch}`, sha, force: false });
    else await r.octokit.rest.git.createRef({ owner: r.owner, repo: r.repo, ref: `refs/heads/${branch}`, sha });
    return 'ok';
  } catch (err) {
    if (isRequestError(err) && err.status === 422) return 'moved';
    return step(`moving ${branch} to ${sha.slice(0, 12)}`, () => Promise.reject(err));
  }
}
