/**
 * The release's tree against its budget (config release.maxTreeBytes, maxTreeFiles; default 1 GB, GitHub's
 * recommended repository size, and 100,000 files): the total, and the biggest contributors grouped so that a reader
 * sees what to move (reports/<year>/*.html, data/observations-zh/*.csv, …). The build warns; publishing refuses.
 */
import { UsageError } from '../errors.ts';
import type { ReleaseLayout } from './types.ts';

export interface TreeSize {
  bytes: number;
  files: number;
  /** The five biggest groups of files, biggest first. */
  biggest: Array<{ group: string; bytes: number; files: number }>;
}

/** The group of a path: a year, part or id collapsed to *. */
export function groupOf(path: string): string {
  return path
    .replace(/^reports\/\d{4}\/(?!index\.html$)[^/]+\.(html|json)$/, 'reports/*/*.$1')
    .replace(/^(agencies|feed\/agencies|coverage)\/(?!index\.html$)[^/]+\.(html|json)$/, '$1/*.$2')
    .replace(/\/\d{4}(?:-\d+)?(\.[a-z.]+)$/, '/*$1');
}

export function treeSize(files: ReadonlyArray<{ path: string; bytes: number }>): TreeSize {
  const groups = new Map<string, { bytes: number; files: number }>();
  let bytes = 0;
  for (const f of files) {
    bytes += f.bytes;
    const g = groups.get(groupOf(f.path)) ?? { bytes: 0, files: 0 };
    g.bytes += f.bytes;
    g.files += 1;
    groups.set(groupOf(f.path), g);
  }
  const biggest = [...groups].map(([group, g]) => ({ group, ...g }))
    .sort((a, b) => b.bytes - a.bytes || (a.group < b.group ? -1 : 1)).slice(0, 5);
  return { bytes, files: files.length, biggest };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** What is over the budget, in one message naming the biggest contributors and the option; null within it. */
export function treeOverBudget(size: TreeSize, budget: ReleaseLayout): string | null {
  const over: string[] = [];
  if (size.bytes > budget.maxTreeBytes) over.push(`${mb(size.bytes)}, above the budget of ${mb(budget.maxTreeBytes)} (release.maxTreeBytes)`);
  if (size.files > budget.maxTreeFiles) over.push(`${size.files} files, above the budget of ${budget.maxTreeFiles} (release.maxTreeFiles)`);
  if (over.length === 0) return null;
  const groups = size.biggest.map((g) => `${g.group} ${mb(g.bytes)} in ${g.files} files`).join(', ');
  const advice = budget.layout === 'national'
    ? 'raise the budget in the config (release.maxTreeBytes, release.maxTreeFiles) or split the release'
    : 'set release.layout: national in the config (the bulk renderings become compressed release assets), or raise the budget';
  return `the release's tree is ${over.join(' and ')}; biggest: ${groups}. GitHub recommends a repository under 1 GB: ${advice}`;
}

/** The tree is over its budget: publishing stops before anything is written. Exit 2. */
export class TreeTooLargeError extends UsageError {
  override name = 'TreeTooLargeError';
}
