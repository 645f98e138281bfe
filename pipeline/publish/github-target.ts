/**
 * The GitHub target: a release plan applied to a GitHub repository through the REST API (Octokit), with the layout
 * the git target writes — latest/, CHANGELOG.md, README.md, index.html, .nojekyll — and a GitHub release per version.
 *
 * One release costs, whatever the number of text files: 3 reads (the branch head, latest/manifest.json at it, the
 * releases) and 5 writes (tree with text inline, commit, ref with force: false, draft release, publish) plus one
 * per binary file (its blob) and one per asset. Nothing changed: the 3 reads, no write.
 *
 * A crash at any step is finished by a re-run: before the ref moves nothing is visible (a re-run starts over); after
 * it the branch holds the release, so the planner sees no change and finish() completes the release — the draft
 * left behind is reused, half-uploaded assets replaced; a tag is never made twice nor moved. latest()'s files are
 * served from a local copy (stateDir), never from the API.
 */
import { createHash } from 'node:crypto';
import { type GitHubClientOptions, githubClient, githubEnvironment } from '../adapters/github.ts';
import { systemClock } from '../adapters/clock.ts';
import { DEFAULT_META } from '../datasets/defaults.ts';
import type { DatasetMeta } from '../datasets/types.ts';
import { PublishError } from '../errors.ts';
import { remoteFailure } from './github-failure.ts';
import { commitMessage, readme, tagMessage, tagName } from './git-layout.ts';
import { IDENTITY } from './git-repo.ts';
import { type FinishContext, MANIFEST_PATH, type Remote, finishBranchRelease } from './github-finish.ts';
import { completeRelease, publishedOf } from './github-release.ts';
import { type Repo, buildTree, createBlob, createCommit, createTree, listReleases, moveBranch, readFile, readHead } from './github-remote.ts';
import { snapshot } from './github-snapshot.ts';
import { releaseTree } from './github-tree.ts';
import { parseManifest } from './release-side.ts';
import type { Asset, PublishResult, PublishTarget, Published, ReleaseFiles, ReleasePlan } from './types.ts';

export interface GithubTargetOptions {
  owner: string;
  repo: string;
  branch: string;
  /** Default: GITHUB_TOKEN. Sent only in the Authorization header, never logged. */
  token?: string;
  /** REST API root. Default: GITHUB_API_URL, else https://api.github.com (GitHub Enterprise: https://HOST/api/v3). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Where the copy of the last release lives (Published.read serves it); none: reads answer null. */
  stateDir?: string;
  clock?: () => Date;
  log?: (line: string) => void;
  /** Titles and licence for README.md and index.html (the git target's texts). */
  meta?: DatasetMeta;
  /** Per request (ms): a request that takes longer is abandoned (publish.timeoutMs); default the client's (120 s). */
  timeoutMs?: number;
  /** Retries of a 5xx, a dropped connection or a timeout (publish.retries); default the client's (3). */
  retries?: number;
  /** Client tuning (tests: no sleeping). */
  client?: Pick<GitHubClientOptions, 'wait' | 'retryDelayMs' | 'writeSpacingMs' | 'retries'>;
}

export type GithubTarget = PublishTarget & {
  /**
   * Finish the release the branch holds if a crash left it unpublished: reuse its draft or make one, upload the
   * assets (given, else rebuilt from the release's files), publish. null when there was nothing to finish.
   */
  finish(assets?: Asset[]): Promise<PublishResult | null>;
};

const short = (sha: string) => sha.slice(0, 12);
const same = (a: Uint8Array | null, b: Uint8Array | null) => (a === null || b === null ? a === b : Buffer.compare(a, b) === 0);
const MAX_ATTEMPTS = 3;

export function githubTarget(options: GithubTargetOptions): GithubTarget {
  const env = githubEnvironment();
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  const meta = options.meta ?? DEFAULT_META;
  const { branch } = options;
  const octokit = githubClient({
    ...options.client,
    token: options.token ?? env.token,
    baseUrl: options.baseUrl ?? env.baseUrl ?? 'https://api.github.com',
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    log,
  });
  const r: Repo = { octokit, owner: options.owner, repo: options.repo };
  const snap = snapshot(options.stateDir);
  let cached: Remote | undefined;

  const note = (steps: string[], line: string) => {
    steps.push(line);
    log(`github: ${line}`);
  };
  const ctx: FinishContext = { r, branch, snap, note };

  async function readRemote(): Promise<Remote> {
    const head = await readHead(r, branch);
    const manifestBytes = head ? await readFile(r, MANIFEST_PATH, head.sha) : null;
    const manifest = manifestBytes ? parseManifest(manifestBytes) : null;
    if (manifestBytes && !manifest) throw new PublishError(`${MANIFEST_PATH} on ${options.owner}/${options.repo}@${branch} is not a release manifest`);
    return { head, manifestBytes, manifest };
  }

  /** latest()'s reading, once: apply() and finish() use it rather than read again (the ref update guards it). */
  async function take(): Promise<Remote> {
    const remote = cached ?? (await readRemote());
    cached = undefined;
    return remote;
  }

  async function finish(assets?: Asset[]): Promise<PublishResult | null> {
    const remote = await take();
    if (!remote.manifest) return null;
    return finishBranchRelease(ctx, remote, await listReleases(r), assets);
  }

  // A remote failure leaves the target as a RemoteError naming the repository and the step (exit 2).
  const apiUrl = options.baseUrl ?? env.baseUrl ?? 'https://api.github.com';
  const where = `GitHub ${options.owner}/${options.repo} (${apiUrl})`;
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (err) {
      throw remoteFailure(err, where);
    }
  };

  const target: GithubTarget = {
    async latest(): Promise<Published | null> {
      const remote = await readRemote();
      cached = remote;
      const { manifest, manifestBytes, head } = remote;
      if (!manifest || !manifestBytes || !head) return null;
      // Without the local copy, a file publishing cannot do without comes from the branch's commit, checked.
      const fetch = async (path: string) => {
        const entry = manifest.files.find((f) => f.path === path);
        const bytes = entry ? await guard(readFile)(r, `${MANIFEST_PATH.slice(0, -'manifest.json'.length)}${path}`, head.sha) : null;
        return bytes && createHash('sha256').update(bytes).digest('hex') === entry!.sha256 ? bytes : null;
      };
      return { manifest, read: (path) => snap.read(manifestBytes, manifest, path), fetch };
    },

    finish,

    async apply(plan: ReleasePlan, files: ReleaseFiles, assets: Asset[]): Promise<PublishResult> {
      if (plan.empty) {
        return (await finish(assets)) ?? { version: plan.version, commit: null, tag: null, steps: ['nothing to publish'] };
      }
      const remote = await take();
      const holds = remote.manifest?.version ?? null;
      if (holds !== plan.previousVersion) {
        throw new PublishError(`${branch} holds release ${holds ?? '(none)'}, but this plan was made against ${plan.previousVersion ?? 'no release'}: re-run to plan again`);
      }
      const steps: string[] = [];
      let releases = await listReleases(r);
      const previous = await finishBranchRelease(ctx, remote, releases);
      if (previous) {
        steps.push(...previous.steps);
        releases = await listReleases(r);
      }
      const tag = tagName(plan.version);
      const clash = publishedOf(releases, tag);
      if (clash) {
        throw new PublishError(`release ${tag} is already published (for ${short(clash.target_commitish)}) but ${branch} holds ${holds ?? 'no release'}; xxgk never moves a tag: re-run to plan again, or remove that release and its tag by hand`);
      }

      const tree = await releaseTree({ plan, files, releases, meta, withReadme: remote.head === null });
      for (const b of tree.binary) tree.items[b.index]!.sha = await createBlob(r, b.data, b.path);
      if (tree.binary.length) note(steps, `${tree.binary.length} binary ${tree.binary.length === 1 ? 'file' : 'files'} uploaded as blobs`);
      const message = commitMessage(plan.version, tagMessage(plan.notes, assets, files.assets?.length ? {} : undefined));

      let head = remote.head;
      let commit = '';
      for (let attempt = 1; ; attempt++) {
        let made = await buildTree(r, head?.tree ?? null, tree.items, log);
        if (head && !made.names.has('README.md')) made = await createTree(r, made.sha, [{ path: 'README.md', mode: '100644', type: 'blob', content: readme(meta) }]);
        commit = await createCommit(r, { message, tree: made.sha, parents: head ? [head.sha] : [], author: { ...IDENTITY, date: clock().toISOString() } });
        note(steps, `commit ${short(commit)}: release ${tag} (${plan.files.added.length} added, ${plan.files.changed.length} changed, ${plan.files.removed.length} removed)`);
        if ((await moveBranch(r, branch, commit, head !== null)) === 'ok') break;
        // Someone pushed meanwhile: rebuild on the new head, unless it holds another release.
        const now = await readHead(r, branch);
        if (now?.sha === commit) break;
        const theirs = now ? await readFile(r, MANIFEST_PATH, now.sha) : null;
        if (!same(theirs, remote.manifestBytes)) {
          throw new PublishError(`${branch} moved while publishing and now holds ${parseManifest(theirs)?.version ?? 'another'} release: re-run to plan against it`);
        }
        if (attempt >= MAX_ATTEMPTS) throw new PublishError(`${branch} kept moving while publishing (${attempt} attempts): re-run later`);
        note(steps, `${branch} moved to ${now ? short(now.sha) : '(deleted)'} meanwhile: rebuilding the release on it`);
        head = now;
      }
      note(steps, `${branch} → ${short(commit)}`);
      await snap.save(files, remote.manifestBytes, { write: [...plan.files.added, ...plan.files.changed], remove: plan.files.removed });

      const done = await completeRelease(r, { version: plan.version, commit, notes: plan.notes, assets, releases });
      for (const line of done) note(steps, line);
      return { version: plan.version, commit, tag, steps };
    },
  };
  return { latest: guard(target.latest), finish: guard(target.finish), apply: guard(target.apply) };
}
