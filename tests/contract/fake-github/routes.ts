/** What the fake GitHub does for each operation it serves, by operationId, on the state in ./state.ts. */
import { GitError, type Mode, type TreeEdit } from './git-objects.ts';
import type { Presenter } from './present.ts';
import type { FakeRelease, FakeRepo } from './state.ts';

export interface FakeRequest {
  operationId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  body: Uint8Array | null;
  /** The body parsed as JSON (undefined for none or raw bytes). */
  json: any;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  raw?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const encoder = new TextEncoder();

export const notFound = (): FakeResponse => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } });
export const unprocessable = (message: string, errors?: object[]): FakeResponse => ({
  status: 422,
  body: { message, documentation_url: DOCS, ...(errors ? { errors } : {}), status: '422' },
});
const conflict = (message: string): FakeResponse => ({ status: 409, body: { message, documentation_url: DOCS, status: '409' } });
const EMPTY = () => conflict('Git Repository is empty.');

function page<T>(items: T[], query: URLSearchParams): T[] {
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
  const n = Number(query.get('page') ?? 1);
  return items.slice((n - 1) * perPage, n * perPage);
}

export type Handler = (req: FakeRequest) => FakeResponse;

export function routes(repo: FakeRepo, present: Presenter, options: { immutableReleases: boolean; maxTreeRequestBytes: number }): Record<string, Handler> {
  const releaseOf = (req: FakeRequest): FakeRelease | undefined => repo.release(Number(req.params.release_id));
  const isPublishedImmutable = (r: FakeRelease) => !r.draft && r.immutable;

  return {
    'repos/get-commit': (req) => {
      if (repo.empty) return EMPTY();
      const sha = repo.resolve(req.params.ref!);
      if (!sha) return unprocessable(`No commit found for SHA: ${req.params.ref}`);
      const body = present.commit(sha, true) as { files: unknown[] };
      body.files = page(body.files, req.query);
      return { status: 200, body };
    },

    'repos/list-commits': (req) => {
      if (repo.empty) return EMPTY();
      const start = req.query.get('sha') ?? repo.defaultBranch;
      if (!repo.resolve(start)) return notFound();
      const path = req.query.get('path');
      const shas = repo.history(start).filter((sha) => {
        if (!path) return true;
        const c = repo.git.commit(sha);
        const parent = c.parents[0];
        const before = parent ? repo.git.lookup(repo.git.commit(parent).tree, path) : null;
        return repo.git.lookup(c.tree, path) !== before;
      });
      return { status: 200, body: page(shas, req.query).map((sha) => present.commit(sha, false)) };
    },

    'repos/get-content': (req) => {
      if (repo.empty) return notFound();
      const sha = repo.resolve(req.query.get('ref') ?? repo.defaultBranch);
      const blob = sha ? repo.git.lookup(repo.git.commit(sha).tree, req.params.path!) : null;
      if (!blob) return notFound();
      const data = repo.git.blob(blob);
      if (/application\/vnd\.github(\.v3)?\.raw/.test(req.headers.get('accept') ?? '')) {
        return { status: 200, raw: data, contentType: 'application/vnd.github.raw' };
      }
      const path = req.params.path!;
      const tooLarge = data.length > 1024 * 1024;
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: tooLarge ? 'none' : 'base64',
          size: data.length,
          name: path.split('/').pop(),
          path,
          content: tooLarge ? '' : Buffer.from(data).toString('base64'),
          sha: blob,
          url: `${present.hosts.api}/repos/${repo.owner}/${repo.repo}/contents/${path}`,
          git_url: `${present.hosts.api}/repos/${repo.owner}/${repo.repo}/git/blobs/${blob}`,
          html_url: `${present.hosts.web}/${repo.owner}/${repo.repo}/blob/${sha}/${path}`,
          download_url: `${present.hosts.web}/${repo.owner}/${repo.repo}/raw/${sha}/${path}`,
          _links: { self: `${present.hosts.api}/repos/${repo.owner}/${repo.repo}/contents/${path}`, git: null, html: null },
        },
      };
    },

    'git/create-blob': (req) => {
      if (repo.empty) return EMPTY();
      const { content, encoding = 'utf-8' } = req.json as { content: string; encoding?: string };
      if (encoding !== 'utf-8' && encoding !== 'base64') return unprocessable(`encoding ${encoding} is not supported`);
      const data = encoding === 'base64' ? new Uint8Array(Buffer.from(content, 'base64')) : encoder.encode(content);
      const sha = repo.git.putBlob(data);
      return { status: 201, body: { url: `${present.hosts.api}/repos/${repo.owner}/${repo.repo}/git/blobs/${sha}`, sha } };
    },

    'git/create-tree': (req) => {
      if (repo.empty) return EMPTY();
      if ((req.body?.length ?? 0) > options.maxTreeRequestBytes) {
        return unprocessable("Sorry, your request timed out.  It's likely that your input was too large to process.  Consider building the tree incrementally, or building the commits you need in a local clone of the repository and then pushing them to GitHub.");
      }
      const { tree, base_tree } = req.json as { tree: Array<{ path: string; mode: Mode; type: TreeEdit['type']; sha?: string | null; content?: string }>; base_tree?: string };
      if (base_tree !== undefined && repo.git.get(base_tree)?.type !== 'tree') return unprocessable('base_tree is not a valid tree oid');
      const edits: TreeEdit[] = [];
      for (const entry of tree) {
        const hasSha = 'sha' in entry;
        const hasContent = entry.content !== undefined;
        if (hasSha === hasContent) return unprocessable('Must supply either tree.sha or tree.content. Request will be rejected if both are present.');
        const sha = hasContent ? repo.git.putBlob(encoder.encode(entry.content!)) : (entry.sha ?? null);
        edits.push({ path: entry.path, mode: entry.mode, type: entry.type, sha });
      }
      try {
        const sha = repo.git.editTree(base_tree ?? null, edits);
        return { status: 201, body: present.tree(sha) };
      } catch (err) {
        if (err instanceof GitError) return unprocessable(err.message);
        throw err;
      }
    },

    'git/create-commit': (req) => {
      if (repo.empty) return EMPTY();
      const { message, tree, parents = [] } = req.json as { message: string; tree: string; parents?: string[] };
      if (repo.git.get(tree)?.type !== 'tree') return unprocessable('Validation Failed', [{ resource: 'Commit', field: 'tree', code: 'invalid' }]);
      for (const p of parents) if (repo.git.get(p)?.type !== 'commit') return unprocessable(`Parent SHA ${p} does not exist`);
      const who = { name: 'xxgk-bot', email: 'xxgk-bot@users.noreply.github.com', date: repo.now() };
      const sha = repo.git.putCommit({ tree, parents, message, author: who, committer: who });
      return { status: 201, body: present.gitCommit(sha) };
    },

    'git/create-ref': (req) => {
      if (repo.empty) return EMPTY();
      const { ref, sha } = req.json as { ref: string; sha: string };
      if (!/^refs\/[^/]+\/.+/.test(ref)) return unprocessable(`${ref} is not a valid ref name.`);
      if (repo.refs.has(ref)) return unprocessable('Reference already exists');
      if (repo.git.get(sha)?.type !== 'commit') return unprocessable('Object does not exist');
      repo.refs.set(ref, sha);
      return { status: 201, body: present.ref(ref) };
    },

    'git/update-ref': (req) => {
      const name = `refs/${req.params.ref}`;
      const { sha, force = false } = req.json as { sha: string; force?: boolean };
      const current = repo.refs.get(name);
      if (!current) return unprocessable('Reference does not exist');
      if (repo.git.get(sha)?.type !== 'commit') return unprocessable('Object does not exist');
      if (!force && !repo.git.isAncestor(current, sha)) return unprocessable('Update is not a fast forward');
      repo.refs.set(name, sha);
      return { status: 200, body: present.ref(name) };
    },

    'repos/list-releases': (req) => {
      const sorted = [...repo.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
      return { status: 200, body: page(sorted, req.query).map((r) => present.release(r)) };
    },

    'repos/create-release': (req) => {
      const b = req.json as { tag_name: string; target_commitish?: string; name?: string; body?: string; draft?: boolean; prerelease?: boolean };
      if (repo.releases.some((r) => !r.draft && r.tagName === b.tag_name)) {
        return unprocessable('Validation Failed', [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
      }
      const now = repo.now();
      const release: FakeRelease = {
        id: repo.id(),
        tagName: b.tag_name,
        targetCommitish: b.target_commitish ?? repo.defaultBranch,
        name: b.name ?? null,
        body: b.body ?? null,
        draft: b.draft ?? false,
        prerelease: b.prerelease ?? false,
        immutable: false,
        createdAt: now,
        publishedAt: null,
        updatedAt: now,
        assets: [],
      };
      if (!release.draft) publish(release);
      repo.releases.push(release);
      return { status: 201, body: present.release(release) };
    },

    'repos/update-release': (req) => {
      const release = releaseOf(req);
      if (!release) return notFound();
      const b = req.json as { tag_name?: string; target_commitish?: string; name?: string; body?: string; draft?: boolean };
      if (isPublishedImmutable(release) && (b.tag_name ?? release.tagName) !== release.tagName) return notFound();
      if (b.tag_name !== undefined) release.tagName = b.tag_name;
      if (b.target_commitish !== undefined) release.targetCommitish = b.target_commitish;
      if (b.name !== undefined) release.name = b.name;
      if (b.body !== undefined) release.body = b.body;
      release.updatedAt = repo.now();
      if (release.draft && b.draft === false) publish(release);
      return { status: 200, body: present.release(release) };
    },

    'repos/list-release-assets': (req) => {
      const release = releaseOf(req);
      if (!release) return notFound();
      return { status: 200, body: page(release.assets, req.query).map((a) => present.asset(a)) };
    },

    'repos/upload-release-asset': (req) => {
      const release = releaseOf(req);
      if (!release) return notFound();
      if (isPublishedImmutable(release)) return unprocessable('Cannot upload assets to an immutable release.');
      const name = req.query.get('name')!;
      if (release.assets.some((a) => a.name === name)) {
        return unprocessable('Validation Failed', [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
      }
      const now = repo.now();
      const asset = {
        id: repo.id(),
        name,
        label: req.query.get('label'),
        state: 'uploaded' as const,
        contentType: req.headers.get('content-type') ?? 'application/octet-stream',
        data: req.body ?? new Uint8Array(),
        createdAt: now,
        updatedAt: now,
      };
      release.assets.push(asset);
      return { status: 201, body: present.asset(asset) };
    },

    'repos/delete-release-asset': (req) => {
      const found = repo.asset(Number(req.params.asset_id));
      if (!found || isPublishedImmutable(found.release)) return notFound();
      found.release.assets = found.release.assets.filter((a) => a !== found.asset);
      return { status: 204 };
    },
  };

  function publish(release: FakeRelease): void {
    repo.ensureTag(release);
    release.draft = false;
    release.publishedAt = repo.now();
    release.immutable = options.immutableReleases;
  }
}

/** An upload that broke off: the asset is listed, state "starter", with the bytes that arrived. */
export function leaveStarter(repo: FakeRepo, req: FakeRequest): void {
  const release = repo.release(Number(req.params.release_id));
  const name = req.query.get('name');
  if (!release || !name || release.assets.some((a) => a.name === name)) return;
  const now = repo.now();
  const data = req.body ?? new Uint8Array();
  release.assets.push({
    id: repo.id(),
    name,
    label: null,
    state: 'starter',
    contentType: req.headers.get('content-type') ?? 'application/octet-stream',
    data: data.slice(0, Math.floor(data.length / 2)),
    createdAt: now,
    updatedAt: now,
  });
}
