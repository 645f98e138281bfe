/** The fake's state as GitHub's REST API shows it: commits, refs, trees, releases, assets, users. */
import type { TreeEntry } from './git-objects.ts';
import { sha256, type FakeAsset, type FakeRelease, type FakeRepo } from './state.ts';

export interface Hosts {
  /** https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  api: string;
  /** https://uploads.github.com, or https://HOST/api/uploads. */
  uploads: string;
  /** https://github.com, or https://HOST. */
  web: string;
}

export class Presenter {
  constructor(
    private readonly repo: FakeRepo,
    readonly hosts: Hosts,
  ) {}

  private get base(): string {
    return `${this.hosts.api}/repos/${this.repo.owner}/${this.repo.repo}`;
  }

  private get web(): string {
    return `${this.hosts.web}/${this.repo.owner}/${this.repo.repo}`;
  }

  user(): Record<string, unknown> {
    const u = `${this.hosts.api}/users/xxgk-bot`;
    return {
      login: 'xxgk-bot',
      id: 1,
      node_id: 'U_kgDOAAAAAQ',
      avatar_url: `${this.hosts.web}/avatars/u/1`,
      gravatar_id: '',
      url: u,
      html_url: `${this.hosts.web}/xxgk-bot`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: 'Bot',
      site_admin: false,
    };
  }

  /** repos/get-commit and repos/list-commits: a commit with its changes against its first parent. */
  commit(sha: string, withFiles: boolean): Record<string, unknown> {
    const c = this.repo.git.commit(sha);
    const out: Record<string, unknown> = {
      url: `${this.base}/commits/${sha}`,
      sha,
      node_id: `C_${sha.slice(0, 20)}`,
      html_url: `${this.web}/commit/${sha}`,
      comments_url: `${this.base}/commits/${sha}/comments`,
      commit: {
        url: `${this.base}/git/commits/${sha}`,
        author: c.author,
        committer: c.committer,
        message: c.message,
        comment_count: 0,
        tree: { sha: c.tree, url: `${this.base}/git/trees/${c.tree}` },
      },
      author: this.user(),
      committer: this.user(),
      parents: c.parents.map((p) => ({ sha: p, url: `${this.base}/commits/${p}`, html_url: `${this.web}/commit/${p}` })),
    };
    if (withFiles) {
      const files = this.diff(c.parents[0] ?? null, sha);
      out.files = files.slice(0, 3000);
      out.stats = { additions: 0, deletions: 0, total: 0 };
    }
    return out;
  }

  private diff(from: string | null, to: string): Array<Record<string, unknown>> {
    const before = from ? this.repo.git.files(this.repo.git.commit(from).tree) : new Map<string, string>();
    const after = this.repo.git.files(this.repo.git.commit(to).tree);
    const out: Array<Record<string, unknown>> = [];
    const entry = (filename: string, status: string, sha: string | null) => ({
      sha,
      filename,
      status,
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: `${this.web}/blob/${to}/${filename}`,
      raw_url: `${this.web}/raw/${to}/${filename}`,
      contents_url: `${this.base}/contents/${filename}?ref=${to}`,
    });
    for (const [path, blob] of after) {
      const old = before.get(path);
      if (old === undefined) out.push(entry(path, 'added', blob));
      else if (old !== blob) out.push(entry(path, 'modified', blob));
    }
    for (const [path, blob] of before) if (!after.has(path)) out.push(entry(path, 'removed', blob));
    return out.sort((a, b) => String(a.filename).localeCompare(String(b.filename)));
  }

  gitCommit(sha: string): Record<string, unknown> {
    const c = this.repo.git.commit(sha);
    return {
      sha,
      node_id: `C_${sha.slice(0, 20)}`,
      url: `${this.base}/git/commits/${sha}`,
      html_url: `${this.web}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${this.base}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((p) => ({ sha: p, url: `${this.base}/git/commits/${p}`, html_url: `${this.web}/commit/${p}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  tree(sha: string): Record<string, unknown> {
    const entries = this.repo.git.tree(sha);
    return {
      sha,
      url: `${this.base}/git/trees/${sha}`,
      truncated: false,
      tree: entries.map((e: TreeEntry) => ({
        path: e.name,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: this.repo.git.blob(e.sha).length } : {}),
        url: `${this.base}/git/${e.type}s/${e.sha}`,
      })),
    };
  }

  ref(name: string): Record<string, unknown> {
    const sha = this.repo.refs.get(name)!;
    return {
      ref: name,
      node_id: `REF_${Buffer.from(name).toString('base64url')}`,
      url: `${this.base}/git/${name}`,
      object: { type: 'commit', sha, url: `${this.base}/git/commits/${sha}` },
    };
  }

  asset(a: FakeAsset): Record<string, unknown> {
    return {
      url: `${this.base}/releases/assets/${a.id}`,
      browser_download_url: `${this.web}/releases/download/${encodeURIComponent(a.name)}`,
      id: a.id,
      node_id: `RA_${a.id}`,
      name: a.name,
      label: a.label,
      state: a.state,
      content_type: a.contentType,
      size: a.data.length,
      digest: a.state === 'uploaded' ? `sha256:${sha256(a.data)}` : null,
      download_count: 0,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      uploader: this.user(),
    };
  }

  release(r: FakeRelease): Record<string, unknown> {
    const tag = encodeURIComponent(r.tagName);
    return {
      url: `${this.base}/releases/${r.id}`,
      html_url: r.draft ? `${this.web}/releases/tag/untagged-${r.id}` : `${this.web}/releases/tag/${tag}`,
      assets_url: `${this.base}/releases/${r.id}/assets`,
      upload_url: `${this.hosts.uploads}/repos/${this.repo.owner}/${this.repo.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: r.draft ? null : `${this.base}/tarball/${tag}`,
      zipball_url: r.draft ? null : `${this.base}/zipball/${tag}`,
      id: r.id,
      node_id: `RE_${r.id}`,
      tag_name: r.tagName,
      target_commitish: r.targetCommitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      immutable: r.immutable,
      created_at: r.createdAt,
      published_at: r.publishedAt,
      updated_at: r.updatedAt,
      author: this.user(),
      assets: r.assets.map((a) => this.asset(a)),
    };
  }
}
