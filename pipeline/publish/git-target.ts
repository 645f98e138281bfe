/**
 * The git target: a release plan applied to any git repository with the git CLI — a local bare repository (the
 * embedded default, created on first publish), or a remote (a URL, or a repository with a work tree) through a bare
 * clone under workDir and one `git push --atomic` of the branch and the tag.
 *
 * One release is one commit on the branch (latest/ replaced, notes prepended to CHANGELOG.md) and one annotated tag
 * vX.Y.Z whose message is the release notes. Objects are written first; the branch and the tag then move together in
 * one ref transaction (and one atomic push), so a crash at any step leaves either nothing or the whole release.
 * A re-run finishes what a crash left (a release commit without its tag is tagged from the commit's own message and
 * date); a tag that exists for another commit is an error, never moved. Identity and dates are fixed (xxgk, the
 * injected clock), so the same inputs give the same commits.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { removeOnSignal } from '../adapters/build-process.ts';
import type { Clock } from '../adapters/clock.ts';
import { execGit, GitError, type RunGit } from '../adapters/git.ts';
import { DEFAULT_META } from '../datasets/defaults.ts';
import type { DatasetMeta } from '../datasets/types.ts';
import { PublishError } from '../errors.ts';
import { CHANGELOG, LATEST, assetsRef, commitMessage, indexHtml, prependChangelog, readme, tagMessage, tagMessageOf, tagName } from './git-layout.ts';
import { type Branch, MANIFEST, latestReader, readBranch, short } from './git-branch.ts';
import { type GitRepo, type RefUpdate, type TreeEntry, gitDate } from './git-repo.ts';
import { type Where, init, locate, push, sync } from './git-where.ts';
import type { Asset, PublishResult, PublishTarget, Published, ReleaseFiles, ReleasePlan } from './types.ts';

export interface GitTargetOptions {
  /** A path to a bare repository (created when missing), a repository with a work tree, or a URL (file://, https://, ssh). */
  repo: string;
  branch?: string;
  /** Scratch space: temporary trees and index files, and the bare clone of a remote. */
  workDir: string;
  clock: Clock;
  runGit?: RunGit;
  /** Titles and licence for the repository's README.md and index.html. */
  meta?: DatasetMeta;
  /** A fetch or push over HTTP(S) with no progress for this long is abandoned (publish.timeoutMs; default 120 s). */
  timeoutMs?: number;
}

/** finish() takes no assets: the git target notes them in the tag message only when it makes a release. */
export type GitTarget = PublishTarget & { finish(): Promise<PublishResult | null> };

export function gitTarget(options: GitTargetOptions): GitTarget {
  const branch = options.branch ?? 'main';
  const runGit = options.runGit ?? execGit;
  const meta = options.meta ?? DEFAULT_META;
  const workDir = resolve(options.workDir);
  const ref = `refs/heads/${branch}`;
  let located: Where | undefined;

  async function where(): Promise<Where> {
    located ??= await locate(options.repo, workDir, runGit, options.timeoutMs);
    await sync(located, branch);
    return located;
  }

  async function updateRefs(local: GitRepo, updates: RefUpdate[]): Promise<void> {
    try {
      await local.updateRefs(updates);
    } catch (err) {
      if (err instanceof GitError) {
        throw new PublishError(`cannot move ${updates.map((u) => u.ref).join(' and ')} in ${local.dir} (another publish at the same time?): ${err.stderr.trim()}`);
      }
      throw err;
    }
  }

  const tagConflict = (name: string, has: string, wants: string) =>
    new PublishError(`tag ${name} already exists for commit ${short(has)}, not for the release commit ${short(wants)}; xxgk never moves a tag: delete or rename the tag by hand if it is wrong, then re-run`);

  /** Tag the branch's last release commit if a crash left it untagged. */
  async function finishIn(w: Where, b: Branch): Promise<PublishResult | null> {
    if (!b.head || !b.manifest) return null;
    const name = tagName(b.manifest.version);
    const existing = b.tags.get(name);
    if (existing?.commit === b.head) return null;
    const release = (await w.local.lastChange(b.head, MANIFEST)) ?? b.head;
    if (existing) {
      if (existing.commit === release) return null;
      throw tagConflict(name, existing.commit, release);
    }
    const info = await w.local.commitInfo(release);
    const tag = await w.local.makeTag(name, release, tagMessageOf(info.message), info.date);
    await updateRefs(w.local, [{ ref: `refs/tags/${name}`, to: tag, from: null }]);
    const pushed = await push(w, [`refs/tags/${name}`]);
    b.tags.set(name, { object: tag, commit: release, annotated: true });
    return { version: b.manifest.version, commit: release, tag: name, steps: [`finished ${name}: tagged ${short(release)}`, ...pushed] };
  }

  /** The release's tree: the branch's other files kept, latest/ replaced, the root files written. */
  async function writeRelease(local: GitRepo, b: Branch, plan: ReleasePlan, files: ReleaseFiles): Promise<string> {
    await mkdir(workDir, { recursive: true });
    const tmp = await mkdtemp(join(workDir, 'tree-'));
    const release = removeOnSignal(tmp);
    try {
      const written = new Map<string, string | Uint8Array>();
      for (const f of [...files.manifest.files.map((x) => x.path), 'manifest.json']) written.set(`${LATEST}${f}`, await files.read(f));
      written.set(CHANGELOG, prependChangelog(b.changelog, plan.notes, plan.version));
      if (!b.tree.some((e) => e.path === 'README.md')) written.set('README.md', readme(meta));
      written.set('index.html', indexHtml(meta));
      written.set('.nojekyll', '');
      const paths = [...written.keys()];
      for (const path of paths) {
        const full = join(tmp, 'tree', path);
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, written.get(path)!);
      }
      const shas = await local.writeBlobs(paths.map((p) => join(tmp, 'tree', p)));
      const kept = b.tree.filter((e) => !e.path.startsWith(LATEST) && !written.has(e.path));
      const entries: TreeEntry[] = [...kept, ...paths.map((path, k) => ({ mode: '100644', sha: shas[k]!, path }))];
      return await local.writeTree(entries, join(tmp, 'index'));
    } finally {
      await rm(tmp, { recursive: true, force: true });
      release();
    }
  }

  /**
   * The commit holding a national release's assets, one file each under its name (files written into the repository
   * from where they lie: hash-object streams them), with no parent: fetching it fetches that release's assets only.
   */
  async function writeAssets(local: GitRepo, version: string, assets: readonly Asset[], date: string): Promise<string> {
    await mkdir(workDir, { recursive: true });
    const tmp = await mkdtemp(join(workDir, 'assets-'));
    const release = removeOnSignal(tmp);
    try {
      const paths: string[] = [];
      for (const a of assets) {
        if (a.file) paths.push(resolve(a.file));
        else {
          paths.push(join(tmp, a.name));
          await writeFile(paths.at(-1)!, new Uint8Array(await (await a.blob()).arrayBuffer()));
        }
      }
      const shas = await local.writeBlobs(paths);
      const tree = await local.writeTree(assets.map((a, k) => ({ mode: '100644', sha: shas[k]!, path: a.name })), join(tmp, 'index'));
      const lines = assets.map((a) => `- ${a.name}: sha256 ${a.sha256}, ${a.size} bytes`);
      return await local.commitTree(tree, null, `xxgk: assets of release ${tagName(version)}\n\n${lines.join('\n')}\n`, date);
    } finally {
      await rm(tmp, { recursive: true, force: true });
      release();
    }
  }

  return {
    async latest(): Promise<Published | null> {
      const w = await where();
      if (!(await w.local.exists())) return null;
      const b = await readBranch(w.local, branch);
      return b.manifest ? { manifest: b.manifest, read: latestReader(w.local, b.tree) } : null;
    },

    async finish() {
      const w = await where();
      if (!(await w.local.exists())) return null;
      return finishIn(w, await readBranch(w.local, branch));
    },

    async apply(plan, files, assets: Asset[]): Promise<PublishResult> {
      if (plan.empty) throw new Error('git target: apply() was given an empty plan');
      const w = await where();
      if (!(await w.local.exists())) await init(w.local, branch);
      const steps: string[] = [];
      const b = await readBranch(w.local, branch);
      const finished = await finishIn(w, b);
      if (finished) steps.push(...finished.steps);
      if ((b.manifest?.version ?? null) !== plan.previousVersion) {
        throw new PublishError(`${branch} holds release ${b.manifest?.version ?? '(none)'}, but this plan was made against ${plan.previousVersion ?? 'no release'}: re-run to plan again`);
      }
      const name = tagName(plan.version);
      const tree = await writeRelease(w.local, b, plan, files);
      const date = gitDate(options.clock());
      // The national layout's assets are not in the tree: a root commit of their own, on a ref of the release.
      const national = files.assets?.length ? assetsRef(plan.version) : null;
      const message = tagMessage(plan.notes, assets, national ? { ref: national } : undefined);
      const commit = await w.local.commitTree(tree, b.head, commitMessage(plan.version, message), date);
      steps.push(`commit ${short(commit)}: release ${name}`);
      const existing = b.tags.get(name);
      if (existing && existing.commit !== commit) throw tagConflict(name, existing.commit, commit);
      const updates: RefUpdate[] = [{ ref, to: commit, from: b.head }];
      if (!existing) updates.push({ ref: `refs/tags/${name}`, to: await w.local.makeTag(name, commit, message, date), from: null });
      if (national) {
        const held = await writeAssets(w.local, plan.version, assets, date);
        updates.push({ ref: national, to: held, from: null, force: true });
        steps.push(`commit ${short(held)}: the ${assets.length} assets of ${name}, on ${national}`);
      }
      await updateRefs(w.local, updates);
      steps.push(`${branch} → ${short(commit)}${existing ? '' : `, tag ${name}`}`);
      // The branch, the tag and the assets' ref in one atomic push (the assets' ref forced: a run that crashed may have left one).
      steps.push(...(await push(w, updates.map((u) => (u.force ? `+${u.ref}` : u.ref)))));
      return { version: plan.version, commit, tag: name, steps };
    },
  };
}
