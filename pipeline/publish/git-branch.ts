/** What the published branch holds, read in few git commands: its tree, release manifest, CHANGELOG.md, the tags. */
import { PublishError } from '../errors.ts';
import { CHANGELOG, LATEST } from './git-layout.ts';
import type { GitRepo, TagInfo, TreeEntry } from './git-repo.ts';
import { parseManifest } from './release-side.ts';
import type { Manifest, Published } from './types.ts';

export const MANIFEST = `${LATEST}manifest.json`;

export interface Branch {
  head: string | null;
  tree: TreeEntry[];
  /** latest/manifest.json: null when the branch holds no release. */
  manifest: Manifest | null;
  changelog: string | null;
  tags: Map<string, TagInfo>;
}

export const short = (sha: string) => sha.slice(0, 12);

export async function readBranch(local: GitRepo, branch: string): Promise<Branch> {
  const head = await local.branchHead(branch);
  if (!head) return { head, tree: [], manifest: null, changelog: null, tags: await local.tags() };
  const [tree, tags] = await Promise.all([local.listTree(head), local.tags()]);
  const wanted = [MANIFEST, CHANGELOG].map((p) => tree.find((e) => e.path === p));
  const blobs = await local.readBlobs(wanted.filter((e) => e !== undefined).map((e) => e.sha));
  const [manifestBytes, changelogBytes] = wanted.map((e) => (e ? blobs.shift()! : null));
  const manifest = manifestBytes ? parseManifest(manifestBytes) : null;
  if (manifestBytes && !manifest) throw new PublishError(`${MANIFEST} at ${short(head)} on ${branch} is not a release manifest`);
  return { head, tree, manifest, changelog: changelogBytes ? changelogBytes.toString('utf8') : null, tags };
}

/** Read the release files of a tree by path; reads asked for in the same tick go out as one `git cat-file --batch`. */
export function latestReader(local: GitRepo, tree: readonly TreeEntry[]): Published['read'] {
  const shas = new Map(tree.filter((e) => e.path.startsWith(LATEST)).map((e) => [e.path.slice(LATEST.length), e.sha]));
  let queue: Array<{ sha: string; resolve: (b: Uint8Array) => void; reject: (e: unknown) => void }> = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    local.readBlobs(batch.map((q) => q.sha)).then(
      (blobs) => batch.forEach((q, k) => q.resolve(new Uint8Array(blobs[k]!))),
      (err: unknown) => batch.forEach((q) => q.reject(err)),
    );
  };
  return (path) => {
    const sha = shas.get(path);
    if (!sha) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      if (queue.push({ sha, resolve, reject }) === 1) queueMicrotask(flush);
    });
  };
}
