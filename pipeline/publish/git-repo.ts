/**
 * Plumbing on one bare repository, through the injected git runner: objects are written first (blobs, tree,
 * commit, tag), and refs move last, together, in one ref transaction — so the repository never shows half a release.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunGit, GitError } from '../adapters/git.ts';

export const IDENTITY = { name: 'xxgk', email: 'xxgk@users.noreply.github.com' } as const;

/** A git date: seconds since the epoch, shown in China's time zone. */
export const gitDate = (date: Date) => `${Math.floor(date.getTime() / 1000)} +0800`;

export interface TreeEntry {
  mode: string;
  sha: string;
  path: string;
}

export interface TagInfo {
  /** The tag object (annotated) or the commit (lightweight). */
  object: string;
  /** The commit it points at. */
  commit: string;
  annotated: boolean;
}

export interface RefUpdate {
  ref: string;
  to: string;
  /** The ref's current value; null: it must not exist yet. */
  from: string | null;
  /** Set whatever its current value (and pushed with +): from is not checked. */
  force?: true;
}

export interface CommitInfo {
  date: string;
  message: string;
}

export type GitRepo = ReturnType<typeof gitRepo>;

export function gitRepo(dir: string, runGit: RunGit) {
  const run = (args: string[], input?: string | Uint8Array, env?: Record<string, string>) =>
    runGit({ args: ['--git-dir', dir, ...args], ...(input !== undefined ? { input } : {}), ...(env ? { env } : {}) });
  const text = async (args: string[], input?: string | Uint8Array, env?: Record<string, string>) =>
    (await run(args, input, env)).toString('utf8');
  const identity = (date: string) => ({
    GIT_AUTHOR_NAME: IDENTITY.name, GIT_AUTHOR_EMAIL: IDENTITY.email, GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: IDENTITY.name, GIT_COMMITTER_EMAIL: IDENTITY.email, GIT_COMMITTER_DATE: date,
  });

  return {
    dir,
    run,

    /** Whether a repository is there (its HEAD file; no git command, so not a step). */
    async exists(): Promise<boolean> {
      return (await stat(join(dir, 'HEAD')).catch(() => null))?.isFile() ?? false;
    },

    /** true: a bare repository; false: a repository with a work tree; null: no repository there. */
    async isBare(): Promise<boolean | null> {
      try {
        return (await text(['rev-parse', '--is-bare-repository'])).trim() === 'true';
      } catch (err) {
        if (err instanceof GitError) return null;
        throw err;
      }
    },

    async init(branch: string): Promise<void> {
      await runGit({ args: ['init', '--quiet', '--bare', `--initial-branch=${branch}`, dir] });
    },

    /** The commit a branch points at, or null when it does not exist. */
    async branchHead(branch: string): Promise<string | null> {
      const out = (await text(['for-each-ref', '--format=%(refname) %(objectname)', `refs/heads/${branch}`])).trim();
      const line = out.split('\n').find((l) => l.startsWith(`refs/heads/${branch} `));
      return line ? line.slice(line.indexOf(' ') + 1) : null;
    },

    /** Every tag: name → its object and commit. */
    async tags(): Promise<Map<string, TagInfo>> {
      const out = await text(['for-each-ref', '--format=%(refname:strip=2) %(objectname) %(objecttype) %(*objectname)', 'refs/tags']);
      const tags = new Map<string, TagInfo>();
      for (const line of out.split('\n').filter(Boolean)) {
        const [name = '', object = '', type = '', peeled = ''] = line.split(' ');
        tags.set(name, { object, commit: type === 'tag' ? peeled : object, annotated: type === 'tag' });
      }
      return tags;
    },

    /** Files of a commit's tree (recursively), under a prefix ('' for all). */
    async listTree(commit: string, prefix = ''): Promise<TreeEntry[]> {
      const out = await run(['ls-tree', '-r', '-z', '--full-tree', commit, ...(prefix ? ['--', prefix] : [])]);
      return out.toString('utf8').split('\0').filter(Boolean).map((record) => {
        const tab = record.indexOf('\t');
        const [mode = '', , sha = ''] = record.slice(0, tab).split(' ');
        return { mode, sha, path: record.slice(tab + 1) };
      });
    },

    /** The contents of blobs, in order (one `git cat-file --batch`). */
    async readBlobs(shas: readonly string[]): Promise<Buffer[]> {
      if (shas.length === 0) return [];
      const out = await run(['cat-file', '--batch'], `${shas.join('\n')}\n`);
      const blobs: Buffer[] = [];
      let at = 0;
      for (const sha of shas) {
        const eol = out.indexOf(0x0a, at);
        const header = out.subarray(at, eol).toString('utf8').split(' ');
        if (header[1] === 'missing' || header.length < 3) throw new Error(`git: object ${sha} is missing from ${dir}`);
        const size = Number(header[2]);
        blobs.push(out.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      return blobs;
    },

    /** Write files (absolute paths) as blobs, byte for byte (no filters); their ids in order. */
    async writeBlobs(paths: readonly string[]): Promise<string[]> {
      if (paths.length === 0) return [];
      const out = await text(['hash-object', '-w', '--no-filters', '--stdin-paths'], `${paths.join('\n')}\n`);
      return out.split('\n').filter(Boolean);
    },

    /** A tree of the given files, through a fresh temporary index file. */
    async writeTree(entries: readonly TreeEntry[], indexFile: string): Promise<string> {
      const env = { GIT_INDEX_FILE: indexFile };
      const info = entries.map((e) => `${e.mode} ${e.sha}\t${e.path}\0`).join('');
      await run(['update-index', '-z', '--index-info'], info, env);
      return (await text(['write-tree'], undefined, env)).trim();
    },

    async commitTree(tree: string, parent: string | null, message: string, date: string): Promise<string> {
      const args = ['commit-tree', '--no-gpg-sign', tree, ...(parent ? ['-p', parent] : []), '-F', '-'];
      return (await text(args, message, identity(date))).trim();
    },

    /** An annotated tag object (git mktag: the message is kept verbatim, Markdown headings included). */
    async makeTag(name: string, commit: string, message: string, date: string): Promise<string> {
      const object = `object ${commit}\ntype commit\ntag ${name}\ntagger ${IDENTITY.name} <${IDENTITY.email}> ${date}\n\n${message}`;
      return (await text(['mktag'], object)).trim();
    },

    /** Move refs together, each only from its expected value: all or nothing. */
    async updateRefs(updates: readonly RefUpdate[]): Promise<void> {
      const lines = updates.map((u) => (u.force ? `update ${u.ref} ${u.to}` : u.from ? `update ${u.ref} ${u.to} ${u.from}` : `create ${u.ref} ${u.to}`));
      await run(['update-ref', '--stdin'], `start\n${lines.join('\n')}\nprepare\ncommit\n`);
    },

    /** A commit's committer date (git's internal format) and its message, verbatim. */
    async commitInfo(commit: string): Promise<CommitInfo> {
      const raw = await text(['cat-file', 'commit', commit]);
      const at = raw.indexOf('\n\n');
      const headers = raw.slice(0, at < 0 ? raw.length : at).split('\n');
      const committer = headers.find((h) => h.startsWith('committer ')) ?? '';
      const date = /(\d+ [+-]\d{4})$/.exec(committer)?.[1] ?? '';
      return { date, message: at < 0 ? '' : raw.slice(at + 2) };
    },

    /** A tag object's message. */
    async tagMessage(object: string): Promise<string> {
      const raw = await text(['cat-file', 'tag', object]);
      const at = raw.indexOf('\n\n');
      return at < 0 ? '' : raw.slice(at + 2);
    },

    /** The newest commit from `head` back that changed `path`; null when none did. */
    async lastChange(head: string, path: string): Promise<string | null> {
      return (await text(['rev-list', '-1', head, '--', path])).trim() || null;
    },

    /** Commits from `head` back along first parents. */
    async history(head: string): Promise<string[]> {
      return (await text(['rev-list', '--first-parent', head])).split('\n').filter(Boolean);
    },
  };
}
