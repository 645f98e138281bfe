/**
 * The fake's git object database: blobs, trees and commits addressed by their real git SHA-1, so equal content gets
 * equal ids as on GitHub, and tree edits by path (create-tree on base_tree) as GitHub applies them.
 */
import { createHash } from 'node:crypto';

export type Mode = '100644' | '100755' | '040000' | '160000' | '120000';

export interface TreeEntry {
  name: string;
  mode: Mode;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface Person {
  name: string;
  email: string;
  date: string;
}

export type GitObject =
  | { type: 'blob'; data: Uint8Array }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string; author: Person; committer: Person };

/** One edit of create-tree: a path set to an object (sha) or deleted (sha null). */
export interface TreeEdit {
  path: string;
  mode: Mode;
  type: 'blob' | 'tree' | 'commit';
  sha: string | null;
}

export class GitError extends Error {
  override name = 'GitError';
}

const encoder = new TextEncoder();

function hashObject(kind: string, body: Uint8Array): string {
  return createHash('sha1').update(`${kind} ${body.length}\0`).update(body).digest('hex');
}

/** git orders tree entries by name, a subtree's name compared as if it ended in '/'. */
function sortKey(e: TreeEntry): string {
  return e.type === 'tree' ? `${e.name}/` : e.name;
}

function byGitOrder(a: TreeEntry, b: TreeEntry): number {
  const x = Buffer.from(sortKey(a));
  const y = Buffer.from(sortKey(b));
  return Buffer.compare(x, y);
}

function treeBody(entries: TreeEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    parts.push(encoder.encode(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

function personLine(p: Person): string {
  return `${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000`;
}

export class ObjectStore {
  readonly objects = new Map<string, GitObject>();

  putBlob(data: Uint8Array): string {
    const sha = hashObject('blob', data);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'blob', data });
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(byGitOrder);
    const sha = hashObject('tree', treeBody(sorted));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tree', entries: sorted });
    return sha;
  }

  putCommit(c: { tree: string; parents: string[]; message: string; author: Person; committer: Person }): string {
    const text = [
      `tree ${c.tree}`,
      ...c.parents.map((p) => `parent ${p}`),
      `author ${personLine(c.author)}`,
      `committer ${personLine(c.committer)}`,
      '',
      c.message,
    ].join('\n');
    const sha = hashObject('commit', encoder.encode(text));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'commit', ...c });
    return sha;
  }

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  blob(sha: string): Uint8Array {
    const o = this.objects.get(sha);
    if (o?.type !== 'blob') throw new GitError(`${sha} is not a blob`);
    return o.data;
  }

  tree(sha: string): TreeEntry[] {
    const o = this.objects.get(sha);
    if (o?.type !== 'tree') throw new GitError(`${sha} is not a tree`);
    return o.entries;
  }

  commit(sha: string): Extract<GitObject, { type: 'commit' }> {
    const o = this.objects.get(sha);
    if (o?.type !== 'commit') throw new GitError(`${sha} is not a commit`);
    return o;
  }

  /** Apply path edits to a tree (null: the empty tree), creating the subtrees; empty subtrees disappear, as in git. */
  editTree(base: string | null, edits: TreeEdit[]): string {
    return this.editLevel(base, edits.map((e) => ({ ...e, rest: splitPath(e.path) })), '');
  }

  private editLevel(base: string | null, edits: Array<TreeEdit & { rest: string[] }>, prefix: string): string {
    const entries = new Map((base ? this.tree(base) : []).map((e) => [e.name, e]));
    const nested = new Map<string, Array<TreeEdit & { rest: string[] }>>();
    for (const edit of edits) {
      const [head, ...rest] = edit.rest;
      if (head === undefined) throw new GitError(`empty path in tree edit`);
      if (rest.length === 0) {
        if (edit.sha === null) {
          if (!entries.has(head)) throw new GitError(`path '${prefix}${head}' does not exist in the base tree`);
          entries.delete(head);
        } else {
          if (!this.objects.has(edit.sha) && edit.type !== 'commit') throw new GitError(`${edit.sha} is not a valid ${edit.type}`);
          entries.set(head, { name: head, mode: edit.mode, type: edit.type, sha: edit.sha });
        }
      } else {
        const list = nested.get(head) ?? [];
        list.push({ ...edit, rest });
        nested.set(head, list);
      }
    }
    for (const [name, list] of nested) {
      const current = entries.get(name);
      if (current && current.type !== 'tree') throw new GitError(`'${prefix}${name}' is a file, not a folder`);
      const sub = this.editLevel(current?.sha ?? null, list, `${prefix}${name}/`);
      if (this.tree(sub).length === 0) entries.delete(name);
      else entries.set(name, { name, mode: '040000', type: 'tree', sha: sub });
    }
    return this.putTree([...entries.values()]);
  }

  /** Every file of a tree: path → blob sha. */
  files(tree: string, prefix = '', out = new Map<string, string>()): Map<string, string> {
    for (const e of this.tree(tree)) {
      if (e.type === 'tree') this.files(e.sha, `${prefix}${e.name}/`, out);
      else out.set(`${prefix}${e.name}`, e.sha);
    }
    return out;
  }

  /** The blob at a path of a tree, or null. */
  lookup(tree: string, path: string): string | null {
    let current: string = tree;
    const parts = splitPath(path);
    for (const [i, part] of parts.entries()) {
      const entry = this.tree(current).find((e) => e.name === part);
      if (!entry) return null;
      if (i === parts.length - 1) return entry.type === 'blob' ? entry.sha : null;
      if (entry.type !== 'tree') return null;
      current = entry.sha;
    }
    return null;
  }

  /** Is `ancestor` reachable from `sha` through parents? */
  isAncestor(ancestor: string, sha: string): boolean {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (s === ancestor) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      const o = this.objects.get(s);
      if (o?.type === 'commit') stack.push(...o.parents);
    }
    return false;
  }
}

function splitPath(path: string): string[] {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new GitError(`invalid tree path '${path}'`);
  return parts;
}
