/**
 * The release tree as create-tree entries, on the branch's tree: text files inline (no blob call), a blob only for
 * binary files, removed files deleted (sha: null), the root files of the layout the git target writes
 * (./git-layout.ts). CHANGELOG.md is rebuilt from the releases' notes, newest first. Pure but for reading files.
 */
import { CHANGELOG, LATEST, indexHtml, prependChangelog, readme, tagName } from './git-layout.ts';
import type { Release, TreeItem } from './github-remote.ts';
import type { ReleaseFiles, ReleasePlan } from './types.ts';
import type { DatasetMeta } from '../datasets/types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file, or null when it is binary (a NUL byte, or not UTF-8). */
export function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const RELEASE_TAG = /^v\d+\.\d+\.\d+$/;

/** Published releases of the dataset (vX.Y.Z, not drafts or pre-releases), oldest first. */
export function publishedReleases(releases: readonly Release[]): Release[] {
  return releases
    .filter((r) => !r.draft && !r.prerelease && RELEASE_TAG.test(r.tag_name))
    .sort((a, b) => (a.published_at ?? a.created_at).localeCompare(b.published_at ?? b.created_at) || a.id - b.id);
}

/** CHANGELOG.md: every published release's notes, then this one's, newest first (the git target's format). */
export function changelogFrom(releases: readonly Release[], notes: string, version: string): string {
  let log: string | null = null;
  for (const r of publishedReleases(releases)) {
    if (r.tag_name === tagName(version) || !r.body) continue;
    log = prependChangelog(log, r.body, r.tag_name.slice(1));
  }
  return prependChangelog(log, notes, version);
}

export interface TreePlan {
  /** Entries with their content or sha (binary files get a sha once their blob exists). */
  items: TreeItem[];
  /** Binary files still to upload as blobs: tree index → bytes. */
  binary: Array<{ index: number; path: string; data: Uint8Array }>;
}

/** The entries of the release tree. `withReadme`: the branch has no README.md (the git target writes one then). */
export async function releaseTree(input: {
  plan: ReleasePlan;
  files: ReleaseFiles;
  releases: readonly Release[];
  meta: Pick<DatasetMeta, 'title' | 'description' | 'baseUrl' | 'license'>;
  withReadme: boolean;
}): Promise<TreePlan> {
  const { plan, files } = input;
  const items: TreeItem[] = [];
  const binary: TreePlan['binary'] = [];
  const write = new Set([...plan.files.added, ...plan.files.changed, 'manifest.json']);
  for (const path of [...write].sort()) {
    const data = await files.read(path);
    const content = asText(data);
    if (content === null) {
      binary.push({ index: items.length, path, data });
      items.push({ path: `${LATEST}${path}`, mode: '100644', type: 'blob', sha: null });
    } else items.push({ path: `${LATEST}${path}`, mode: '100644', type: 'blob', content });
  }
  for (const path of [...plan.files.removed].sort()) {
    if (!write.has(path)) items.push({ path: `${LATEST}${path}`, mode: '100644', type: 'blob', sha: null });
  }
  const root = (path: string, content: string) => items.push({ path, mode: '100644', type: 'blob', content });
  root(CHANGELOG, changelogFrom(input.releases, plan.notes, plan.version));
  root('index.html', indexHtml(input.meta));
  root('.nojekyll', '');
  if (input.withReadme) root('README.md', readme(input.meta));
  return { items, binary };
}
