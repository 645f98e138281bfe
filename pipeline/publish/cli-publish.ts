/**
 * `xxgk publish`: choose the target from --repo, publish the built folder, print the plan and what was done.
 *
 * --repo OWNER/NAME is GitHub (through its REST API); anything else is git: a URL (file://, https://, ssh), a path
 * to a bare repository (created on first publish), or a repository with a work tree. A path that looks like
 * OWNER/NAME but exists, or ends with .git, is git; write ./OWNER/NAME to force a path.
 */
import { printableLine, printableText } from '../printable.ts';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Clock } from '../adapters/clock.ts';
import { UsageError } from '../errors.ts';
import { BASE_URL, datasetMeta, isPlaceholderBase } from '../datasets/meta.ts';
import type { DatasetMeta } from '../datasets/types.ts';
import { gitTarget } from './git-target.ts';
import { githubTarget } from './github-target.ts';
import { type PublishOutcome, publish } from './index.ts';
import type { PublishTarget, ReleasePlan } from './types.ts';

export { DEFAULT_REPO } from './default-repo.ts';

export interface PublishCommandOptions {
  /** The built release folder (xxgk build --out). */
  out: string;
  repo: string;
  branch?: string;
  dryRun?: boolean;
  /** The release's metadata (the config's dataset: section); default: the placeholders, with a GitHub target's Pages URL. */
  meta?: DatasetMeta;
  /** --base-url: where the release is served (wins over the config). */
  baseUrl?: string;
  /**
   * The remote's settings from the config: a GitHub target's API (publish.apiUrl, GITHUB_API_URL) and retries
   * (publish.retries); publish.timeoutMs for both targets (a GitHub request; a git transfer with no progress).
   */
  github?: RemoteSettings;
}

export interface RemoteSettings {
  apiUrl?: string;
  timeoutMs?: number;
  retries?: number;
}

/** A --base-url flag checked: an absolute http(s) URL ending with '/'. */
export function checkBaseUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!BASE_URL.test(url)) throw new UsageError(`--base-url: expected an absolute http(s) URL ending with '/' (e.g. https://OWNER.github.io/NAME/latest/), got "${url}"`);
  return url;
}

/** The metadata to publish with: the given (config) metadata, else the defaults for the repo; --base-url over both. */
export function metaFor(opts: Pick<PublishCommandOptions, 'repo' | 'meta' | 'baseUrl'>): DatasetMeta {
  const baseUrl = checkBaseUrl(opts.baseUrl);
  if (opts.meta) return baseUrl ? { ...opts.meta, baseUrl } : opts.meta;
  const [owner = '', name = ''] = isGithubName(opts.repo) ? opts.repo.split('/') : [];
  return datasetMeta({}, { ...(owner ? { github: { owner, name } } : {}), ...(baseUrl ? { baseUrl } : {}) });
}

const GITHUB_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

export const isGithubName = (repo: string): boolean => GITHUB_NAME.test(repo) && !repo.endsWith('.git') && !existsSync(repo);

/** Scratch space next to the release folder: temporary trees, the clone of a remote, GitHub run state. */
export const workDirFor = (out: string): string => join(dirname(resolve(out)), '.xxgk-publish');

export async function targetFor(opts: PublishCommandOptions, clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<PublishTarget> {
  const branch = opts.branch ?? 'main';
  const workDir = workDirFor(opts.out);
  if (!opts.repo) throw new UsageError('--repo is empty: give OWNER/NAME (GitHub), a git URL or a path');
  if (isGithubName(opts.repo)) {
    const [owner = '', repo = ''] = opts.repo.split('/');
    const { apiUrl, timeoutMs, retries } = opts.github ?? {};
    return githubTarget({
      owner, repo, branch, ...(env.GITHUB_TOKEN ? { token: env.GITHUB_TOKEN } : {}), stateDir: join(workDir, 'github', owner, repo), clock,
      ...(opts.meta ? { meta: opts.meta } : {}),
      ...(apiUrl ? { baseUrl: apiUrl } : {}), ...(timeoutMs ? { timeoutMs } : {}), ...(retries !== undefined ? { retries } : {}),
    });
  }
  const timeoutMs = opts.github?.timeoutMs;
  return gitTarget({ repo: opts.repo, branch, workDir, clock, ...(opts.meta ? { meta: opts.meta } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line: the versions, the bump and what changes. */
export function planSummary(plan: ReleasePlan): string {
  if (plan.empty) return `nothing to publish: the target already holds this data as v${plan.version}`;
  const { reports, files } = plan;
  const what = [
    `${plural(reports.added.length, 'report')} added`,
    `${reports.corrected.length} corrected (${plural(plan.corrections.length, 'cell')})`,
    `${reports.withdrawn.length} withdrawn`,
  ];
  const versions = plan.previousVersion ? `v${plan.previousVersion} → v${plan.version} (${plan.bump})` : `first release v${plan.version}`;
  return `${versions}: ${what.join(', ')}; files: ${files.added.length} added, ${files.changed.length} changed, ${files.removed.length} removed`;
}

export function formatOutcome(outcome: PublishOutcome, repo: string): string {
  const { plan, result } = outcome;
  const lines = [`xxgk: publish to ${repo}: ${planSummary(plan)}`];
  if (outcome.dryRun) {
    if (!plan.empty) lines.push(...plan.reasons.map((r) => `  ${printableLine(r)}`), '', printableText(plan.notes.trimEnd()), '');
    lines.push('xxgk: dry run: nothing was written');
    return lines.join('\n');
  }
  if (result) {
    lines.push(...result.steps.map((s) => `  ${s}`));
    if (!plan.empty) lines.push(`xxgk: published v${result.version} to ${repo}${result.tag ? ` (tag ${result.tag})` : ''}`);
  }
  return lines.join('\n');
}

/** What the release kept that the folder did not hold, and what it keeps out: warnings for stderr. */
export function carryOverLines(outcome: Pick<PublishOutcome, 'kept' | 'stillWithdrawn'>): string[] {
  const lines: string[] = [];
  if (outcome.kept.length > 0) {
    const ids = outcome.kept.map((r) => r.id);
    lines.push(`xxgk: warning: ${plural(ids.length, 'published report')} not in the build ${ids.length === 1 ? 'is' : 'are'} kept unchanged: ${ids.join(', ')} (xxgk withdraw REPORT_ID --reason "…" takes one out)`);
  }
  for (const w of outcome.stillWithdrawn) lines.push(`xxgk: ${w.id} is in the build but was withdrawn on ${w.date} (${w.reason}): left out`);
  return lines.map(printableLine);
}

export async function publishCommand(opts: PublishCommandOptions, clock: Clock, env: NodeJS.ProcessEnv = process.env, quiet = false): Promise<number> {
  const meta = metaFor(opts);
  const target = await targetFor({ ...opts, meta }, clock, env);
  if (isPlaceholderBase(meta) && !quiet) {
    process.stderr.write(`xxgk: warning: no base URL configured (dataset.baseUrl or --base-url): the release's links point at the placeholder ${meta.baseUrl}\n`);
  }
  const outcome = await publish(resolve(opts.out), target, { clock, meta, dryRun: opts.dryRun ?? false });
  for (const line of carryOverLines(outcome)) process.stderr.write(`${line}\n`);
  process.stdout.write(`${formatOutcome(outcome, opts.repo)}\n`);
  return 0;
}
