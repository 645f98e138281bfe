/**
 * The layout of a published repository, and the texts the git target writes. Pure.
 *
 *   latest/<every release file>   stable paths for the latest data (what meta.baseUrl points at)
 *   CHANGELOG.md                  every release's notes, newest first
 *   README.md                     what the repository is (written once; edits are kept)
 *   index.html                    redirects to latest/ (GitHub Pages serves the repository as a site)
 *   .nojekyll                     serve every file as is, with no Jekyll processing
 *
 * The versioned trees are the tagged commits (vX.Y.Z).
 */
import type { DatasetMeta } from '../datasets/types.ts';
import { notesTitle } from './plan-notes.ts';
import type { Asset } from './types.ts';

export const LATEST = 'latest/';
export const CHANGELOG = 'CHANGELOG.md';
/** Root files the target writes with every release (README.md only when there is none). */
export const ROOT_FILES = ['CHANGELOG.md', 'README.md', 'index.html', '.nojekyll'] as const;

export const tagName = (version: string) => `v${version}`;

const CHANGELOG_HEAD = '# Changelog\n\n';

/** CHANGELOG.md with the notes prepended; unchanged when it already holds this version's entry (nothing doubled). */
export function prependChangelog(previous: string | null, notes: string, version: string): string {
  const old = previous ?? '';
  if (old.split('\n').some((line) => line.startsWith(`${notesTitle(version, '')}`.trimEnd()))) return old;
  const rest = old.startsWith(CHANGELOG_HEAD) ? old.slice(CHANGELOG_HEAD.length) : old;
  return `${CHANGELOG_HEAD}${notes.trimEnd()}\n${rest ? `\n${rest}` : ''}`;
}

const sizeOf = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** The tag's message: the release notes, then the assets with their sha256 (rebuilt from the tagged tree). */
export function tagMessage(notes: string, assets: ReadonlyArray<Pick<Asset, 'name' | 'sha256' | 'size'>>, national?: { ref?: string }): string {
  if (assets.length === 0) return notes;
  const lines = assets.map((a) => `- ${a.name}: sha256 ${a.sha256}, ${sizeOf(a.size)}`);
  // The national layout's assets are not in the tree: say where they are (the release on GitHub, a ref in git).
  if (national) {
    const where = national.ref
      ? `the commit of the ref ${national.ref} holds them, one file each (git fetch REMOTE\n${national.ref}, then git checkout FETCH_HEAD, or git archive FETCH_HEAD)`
      : 'attached to the release';
    return `${notes.trimEnd()}\n\n### Assets\n\nThe release's bulk files, not in the tree: ${where}.\n\n${lines.join('\n')}\n`;
  }
  return `${notes.trimEnd()}\n\n### Assets\n\nAttached to the release on forges that have releases. The zip holds this tag's latest/data/*.csv; the other\nassets are latest/catalog.jsonld and latest/datapackage.json.\n\n${lines.join('\n')}\n`;
}

/**
 * Where the git target puts a national release's assets: the root commit of this ref, one file each under its asset
 * name. Outside refs/heads and refs/tags, so a clone of the repository does not download them; one ref a release,
 * so a user fetches only the release they want.
 */
export const assetsRef = (version: string) => `refs/release-assets/${tagName(version)}`;

/** The release commit's message: a subject, then the tag message (so a re-run can make the tag from the commit). */
export const commitMessage = (version: string, tag: string) => `xxgk: release ${tagName(version)}\n\n${tag}`;

/** The tag message a release commit carries (everything after its subject). */
export function tagMessageOf(commit: string): string {
  const at = commit.indexOf('\n\n');
  return at < 0 ? '' : commit.slice(at + 2);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function indexHtml(meta: Pick<DatasetMeta, 'title'>): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(meta.title.zh)} / ${esc(meta.title.en)}</title>
<meta http-equiv="refresh" content="0; url=latest/">
<link rel="canonical" href="latest/">
</head>
<body>
<p><a href="latest/">${esc(meta.title.zh)} — ${esc(meta.title.en)}</a></p>
</body>
</html>
`;
}

export function readme(meta: Pick<DatasetMeta, 'title' | 'description' | 'baseUrl' | 'license'>): string {
  return `# ${meta.title.zh}

${meta.title.en}

${meta.description.zh}

${meta.description.en}

- \`latest/\`: the latest release, at stable paths (${meta.baseUrl}): \`latest/datapackage.json\` (Frictionless Data
  Package), \`latest/catalog.jsonld\` (DCAT-AP catalog), \`latest/data/*.csv\`, \`latest/feed/*.json\`,
  \`latest/index.html\` (the site).
- \`CHANGELOG.md\`: every release's notes — reports added and withdrawn, every corrected cell old → new.
- Tags \`vX.Y.Z\`: every release as it was published. MAJOR: a field or code removed or renamed; MINOR: reports
  added or withdrawn; PATCH: values corrected.

Licence: [${meta.license.title}](${meta.license.url}). Published by xxgk; do not edit \`latest/\` by hand: every
release replaces it.
`;
}
