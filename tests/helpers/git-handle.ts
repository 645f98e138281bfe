/** The git target under the shared target contract: real git in a temporary folder, a runner that can crash. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { GitError, execGit, type RunGit } from '../../pipeline/adapters/git.ts';
import { gitTarget } from '../../pipeline/publish/git-target.ts';
import { InjectedCrash, type TargetHandle, type TargetState } from '../contract/target-contract.ts';
import { day } from './publish-fixture.ts';
import { scratchDir } from './scratch.ts';

/** Lines of git's output for a command on a bare repository. */
const gitText = async (dir: string, args: string[]) => (await execGit({ args: ['--git-dir', dir, ...args] })).toString('utf8');

/** Objects' raw contents, in order, from one `git cat-file --batch`. */
async function catBatch(dir: string, shas: readonly string[]): Promise<Buffer[]> {
  if (shas.length === 0) return [];
  const out = await execGit({ args: ['--git-dir', dir, 'cat-file', '--batch'], input: `${shas.join('\n')}\n` });
  const objects: Buffer[] = [];
  let at = 0;
  for (const sha of shas) {
    const eol = out.indexOf(0x0a, at);
    const [, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) throw new Error(`git: object ${sha} is missing from ${dir}`);
    objects.push(out.subarray(eol + 1, eol + 1 + Number(size)));
    at = eol + 1 + Number(size) + 1;
  }
  return objects;
}

/**
 * What a bare repository holds: the branch's files and commits, every tag with its message. Read with git's own
 * commands, not the target's code, in four: the refs (a folder that is no repository holds nothing), the tree and the
 * history, then the blobs and tag objects together.
 */
export async function stateOf(dir: string, branch = 'main'): Promise<TargetState> {
  const empty: TargetState = { files: new Map(), commits: [], tags: [], releases: [] };
  let refs: string;
  try {
    refs = await gitText(dir, ['for-each-ref', '--format=%(refname) %(objectname) %(objecttype) %(*objectname)', `refs/heads/${branch}`, 'refs/tags']);
  } catch (err) {
    if (err instanceof GitError) return empty;
    throw err;
  }
  let head: string | null = null;
  const tags: Array<{ name: string; object: string; commit: string; annotated: boolean }> = [];
  for (const line of refs.split('\n').filter(Boolean)) {
    const [ref = '', object = '', type = '', peeled = ''] = line.split(' ');
    if (ref === `refs/heads/${branch}`) head = object;
    else if (ref.startsWith('refs/tags/')) tags.push({ name: ref.slice('refs/tags/'.length), object, commit: type === 'tag' ? peeled : object, annotated: type === 'tag' });
  }
  tags.sort((a, b) => (a.name < b.name ? -1 : 1));
  const [tree, history] = head
    ? await Promise.all([gitText(dir, ['ls-tree', '-r', '-z', '--full-tree', head]), gitText(dir, ['rev-list', '--first-parent', head])])
    : ['', ''];
  const entries = tree.split('\0').filter(Boolean).map((record) => {
    const tab = record.indexOf('\t');
    return { sha: record.slice(0, tab).split(' ')[2]!, path: record.slice(tab + 1) };
  });
  const annotated = tags.filter((t) => t.annotated);
  const objects = await catBatch(dir, [...annotated.map((t) => t.object), ...entries.map((e) => e.sha)]);
  const message = (raw: Buffer) => {
    const text = raw.toString('utf8');
    const at = text.indexOf('\n\n');
    return at < 0 ? '' : text.slice(at + 2);
  };
  const messages = new Map(annotated.map((t, k) => [t.name, message(objects[k]!)]));
  const state: TargetState = { ...empty, tags: tags.map((t) => ({ name: t.name, commit: t.commit, message: messages.get(t.name) ?? '' })) };
  if (!head) return state;
  const blobs = objects.slice(annotated.length);
  return { ...state, files: new Map(entries.map((e, k) => [e.path, blobs[k]!])), commits: history.split('\n').filter(Boolean) };
}

/** A git runner that fails right after its n-th command from now, once. */
export function crashingGit(): { runGit: RunGit; crashAfter(n: number | null): void } {
  let left: number | null = null;
  return {
    crashAfter(n) {
      left = n;
    },
    async runGit(call) {
      const out = await execGit(call);
      if (left !== null && --left === 0) {
        left = null;
        throw new InjectedCrash(`crash after git ${call.args.filter((a) => !a.startsWith('/')).join(' ')}`);
      }
      return out;
    },
  };
}

/**
 * A fresh target: a local bare repository (created by the first publish), or a remote behind a file:// URL. Either
 * can be forked: a copy of the bare repository, with a new target on it (a new process, with a work folder of its own).
 */
export function gitHandle(kind: 'local' | 'remote', clock: Clock = day(1)): () => Promise<TargetHandle> {
  const handleOn = (dir: string): TargetHandle => {
    const path = join(dir, 'publish.git');
    const git = crashingGit();
    const repo = kind === 'remote' ? pathToFileURL(path).href : path;
    const target = gitTarget({ repo, branch: 'main', workDir: join(dir, 'work'), clock, runGit: git.runGit });
    const handle: TargetHandle = { target, inspect: () => stateOf(path), crashAfter: git.crashAfter };
    // A copy of the repository (a remote's: the copy is the remote, reached by its own URL, through a new clone).
    handle.fork = async () => {
      const copy = scratchDir('xxgk-git-');
      cpSync(path, join(copy, 'publish.git'), { recursive: true });
      return handleOn(copy);
    };
    return handle;
  };
  return async () => {
    const dir = scratchDir('xxgk-git-');
    if (kind === 'remote') await execGit({ args: ['init', '--quiet', '--bare', '--initial-branch=main', join(dir, 'publish.git')] });
    return handleOn(dir);
  };
}
