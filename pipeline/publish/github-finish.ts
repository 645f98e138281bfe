/**
 * Finishing the release a branch holds: when a run stopped after moving the branch, the branch has the release but
 * GitHub has no published release for it. Its commit (the head, or the last commit that changed the manifest), its
 * notes (the commit message carries them, as the git target writes it) and its assets (given, or rebuilt from its
 * files: the local copy, else the branch) are enough to complete it.
 */
import { PublishError } from '../errors.ts';
import { releaseAssets } from './assets.ts';
import { LATEST, commitMessage, tagMessageOf, tagName } from './git-layout.ts';
import { completeRelease, publishedOf, tagConflict } from './github-release.ts';
import { type Head, type Release, type Repo, lastChange, readFile } from './github-remote.ts';
import type { Snapshot } from './github-snapshot.ts';
import type { Asset, Manifest, PublishResult, ReleaseFiles } from './types.ts';

/** What the branch holds, as latest() read it. */
export interface Remote {
  head: Head | null;
  manifestBytes: Uint8Array | null;
  manifest: Manifest | null;
}

export interface FinishContext {
  r: Repo;
  branch: string;
  snap: Snapshot;
  note: (steps: string[], line: string) => void;
}

export const MANIFEST_PATH = `${LATEST}manifest.json`;
const short = (sha: string) => sha.slice(0, 12);

/** The notes a release commit carries: its message after the subject, without the assets list. */
export function notesOfCommit(message: string): string {
  const tag = tagMessageOf(message);
  const at = tag.indexOf('\n\n### Assets\n\n');
  const notes = at < 0 ? tag : tag.slice(0, at);
  return notes.trim() ? `${notes.trimEnd()}\n` : '';
}

const isReleaseCommit = (head: Head, version: string) => head.message.split('\n')[0] === commitMessage(version, '').split('\n')[0];

/** The commit that made the branch's release: the head when it is that release's commit, else looked up. */
async function releaseCommit(c: FinishContext, head: Head, manifest: Manifest): Promise<Head> {
  if (isReleaseCommit(head, manifest.version)) return head;
  const found = await lastChange(c.r, head.sha, MANIFEST_PATH);
  if (!found) throw new PublishError(`cannot find the commit that wrote ${MANIFEST_PATH} on ${c.branch}`);
  return found;
}

/** The release's files as the branch holds them: the local copy when it is that release, else the API. */
function branchFiles(c: FinishContext, manifest: Manifest, manifestBytes: Uint8Array, at: string): ReleaseFiles {
  return {
    manifest,
    async read(path) {
      const bytes = (await c.snap.read(manifestBytes, manifest, path)) ?? (await readFile(c.r, `${LATEST}${path}`, at));
      if (!bytes) throw new PublishError(`${LATEST}${path} is missing on ${c.branch} at ${short(at)}`);
      return bytes;
    },
  };
}

/** Publish the branch's release if it is not published yet; null when there is nothing to do. */
export async function finishBranchRelease(c: FinishContext, remote: Remote, releases: Release[], assets?: Asset[]): Promise<PublishResult | null> {
  const { head, manifest, manifestBytes } = remote;
  if (!head || !manifest || !manifestBytes) return null;
  const tag = tagName(manifest.version);
  const published = publishedOf(releases, tag);
  if (published) {
    // A check that costs nothing when the head is the release commit; otherwise a published release is left alone.
    const target = published.target_commitish;
    if (isReleaseCommit(head, manifest.version) && /^[0-9a-f]{40}$/.test(target) && target !== head.sha) throw tagConflict(tag, target, head.sha);
    return null;
  }
  const commit = await releaseCommit(c, head, manifest);
  const notes = notesOfCommit(commit.message) || (releases.find((x) => x.draft && x.tag_name === tag)?.body ?? '');
  const steps: string[] = [];
  c.note(steps, `${c.branch} holds ${tag} (${short(commit.sha)}) but its release is not published: finishing it`);
  const done = await completeRelease(c.r, {
    version: manifest.version,
    commit: commit.sha,
    notes,
    assets: assets ?? (() => releaseAssets(branchFiles(c, manifest, manifestBytes, commit.sha))),
    releases,
  });
  for (const line of done) c.note(steps, line);
  return { version: manifest.version, commit: commit.sha, tag, steps };
}
