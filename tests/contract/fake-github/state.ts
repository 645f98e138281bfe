/**
 * The state behind the fake GitHub: one repository's git objects and refs, its releases and their assets. Tests
 * arrange it directly (a push by someone else, a tag made by hand) and read it to check what a publish left.
 */
import { createHash } from 'node:crypto';
import { ObjectStore, type Person } from './git-objects.ts';

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  /** "starter": an upload that broke off (GitHub lists it so until it is deleted). */
  state: 'uploaded' | 'starter';
  contentType: string;
  data: Uint8Array;
  createdAt: string;
  updatedAt: string;
}

export interface FakeRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  assets: FakeAsset[];
}

const encoder = new TextEncoder();

export class FakeRepo {
  readonly git = new ObjectStore();
  /** Full ref name (refs/heads/main, refs/tags/v1.0.0) → commit sha. */
  readonly refs = new Map<string, string>();
  readonly releases: FakeRelease[] = [];
  private nextId = 1;
  private tick = 0;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch: string,
    private readonly clock: () => Date,
  ) {}

  id(): number {
    return this.nextId++;
  }

  /** Now, one second later on every call: commits made in the same test get distinct dates (and shas). */
  now(): string {
    return new Date(this.clock().getTime() + 1000 * this.tick++).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  get empty(): boolean {
    return this.refs.size === 0;
  }

  /** Hold what `other` holds (objects, refs, releases with their assets, the id and date counters): a copy. */
  copyFrom(other: FakeRepo): void {
    for (const [sha, object] of other.git.objects) this.git.objects.set(sha, object);
    for (const [ref, sha] of other.refs) this.refs.set(ref, sha);
    this.releases.push(...structuredClone(other.releases));
    this.nextId = other.nextId;
    this.tick = other.tick;
  }

  /** A ref name as the API takes it (main, heads/main, refs/heads/main, a tag, a sha) → commit sha, or null. */
  resolve(ref: string): string | null {
    for (const candidate of [ref, `refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const sha = this.refs.get(candidate);
      if (sha) return sha;
    }
    if (/^[0-9a-f]{40}$/.test(ref) && this.git.get(ref)?.type === 'commit') return ref;
    return null;
  }

  branch(name: string): string | null {
    return this.refs.get(`refs/heads/${name}`) ?? null;
  }

  tag(name: string): string | null {
    return this.refs.get(`refs/tags/${name}`) ?? null;
  }

  person(): Person {
    return { name: 'Someone Else', email: 'someone@example.com', date: this.now() };
  }

  /** Commit files on top of a branch as another writer would (not through the API: not counted). null deletes. */
  push(branch: string, files: Record<string, string | Uint8Array | null>, message = 'Someone else pushed'): string {
    const parent = this.branch(branch);
    const base = parent ? this.git.commit(parent).tree : null;
    const edits = Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      sha: content === null ? null : this.git.putBlob(typeof content === 'string' ? encoder.encode(content) : content),
    }));
    const tree = this.git.editTree(base, edits);
    const who = this.person();
    const sha = this.git.putCommit({ tree, parents: parent ? [parent] : [], message, author: who, committer: who });
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** The files of a ref (branch, tag or sha): path → bytes. */
  files(ref: string): Map<string, Uint8Array> {
    const sha = this.resolve(ref);
    if (!sha) return new Map();
    const out = new Map<string, Uint8Array>();
    for (const [path, blob] of this.git.files(this.git.commit(sha).tree)) out.set(path, this.git.blob(blob));
    return out;
  }

  text(ref: string, path: string): string | null {
    const bytes = this.files(ref).get(path);
    return bytes ? Buffer.from(bytes).toString('utf8') : null;
  }

  /** Commits reachable from a ref, first-parent order, newest first. */
  history(ref: string): string[] {
    const out: string[] = [];
    let sha = this.resolve(ref);
    while (sha) {
      out.push(sha);
      sha = this.git.commit(sha).parents[0] ?? null;
    }
    return out;
  }

  release(id: number): FakeRelease | undefined {
    return this.releases.find((r) => r.id === id);
  }

  asset(id: number): { release: FakeRelease; asset: FakeAsset } | undefined {
    for (const release of this.releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** Publishing creates the tag at target_commitish when it is missing; an existing tag is kept (GitHub's rule). */
  ensureTag(release: FakeRelease): void {
    if (this.tag(release.tagName)) return;
    const sha = this.resolve(release.targetCommitish);
    if (!sha) throw new Error(`target_commitish ${release.targetCommitish} does not resolve`);
    this.refs.set(`refs/tags/${release.tagName}`, sha);
  }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
