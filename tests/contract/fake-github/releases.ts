/**
 * Small releases held in memory for the GitHub target's own tests: files, their manifest, a plan against the last
 * release (the planner's own file diff), a run as `publish` does it (latest → apply, or finish when nothing changed),
 * and the check that the fake holds exactly the releases published, each once and complete.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { releaseAssets } from '../../../pipeline/publish/assets.ts';
import type { GithubTarget } from '../../../pipeline/publish/github-target.ts';
import { diffFiles } from '../../../pipeline/publish/plan.ts';
import { notesTitle } from '../../../pipeline/publish/plan-notes.ts';
import type { Asset, Manifest, PublishResult, ReleaseFiles, ReleasePlan } from '../../../pipeline/publish/types.ts';
import type { FakeGitHub } from './index.ts';
import { inspectFake } from './handle.ts';

const encoder = new TextEncoder();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface MemoryRelease extends ReleaseFiles {
  bytes: Map<string, Uint8Array>;
  manifestBytes: Uint8Array;
  notes: string;
}

/** A PNG-ish binary file: NUL bytes and invalid UTF-8. */
export const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x80, 0x81]);

export function memoryRelease(version: string, files: Record<string, string | Uint8Array>, day = 1): MemoryRelease {
  const bytes = new Map(Object.entries(files).map(([p, c]) => [p, typeof c === 'string' ? encoder.encode(c) : c] as const));
  const entries = [...bytes].map(([path, b]) => ({ path, bytes: b.length, sha256: sha256(b) })).sort((a, b) => (a.path < b.path ? -1 : 1));
  const manifest: Manifest = { version, files: entries };
  const manifestBytes = encoder.encode(`${JSON.stringify({ $schema: 'https://example.org/manifest.schema.json', ...manifest }, null, 2)}\n`);
  const notes = `${notesTitle(version, `2026-02-${String(day).padStart(2, '0')}`)}\n\nTest release ${version}: ${entries.length} files.\n`;
  return {
    manifest,
    bytes,
    manifestBytes,
    notes,
    async read(path) {
      if (path === 'manifest.json') return manifestBytes;
      const b = bytes.get(path);
      if (!b) throw new Error(`no ${path} in release ${version}`);
      return b;
    },
  };
}

/** The files every release needs for its assets (releaseAssets: the CSVs, catalog.jsonld, datapackage.json). */
export function baseFiles(tag: string, extra = 3): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = {
    'data/reports.csv': `id,agency,year\nr1,机关 ${tag},2024\n`,
    'data/observations.csv': `report,table,row,column,value\nr1,applications,received,total,${tag.length}\n`,
    'catalog.jsonld': `{"@context":{},"version":"${tag}"}\n`,
    'datapackage.json': `{"name":"xxgk","version":"${tag}"}\n`,
    'index.html': `<!doctype html><title>${tag}</title>\n`,
  };
  for (let i = 0; i < extra; i++) out[`reports/2024/r${i}.json`] = `{"id":"r${i}","note":"${tag}"}\n`;
  return out;
}

export function planOf(previous: Manifest | null, next: MemoryRelease): ReleasePlan {
  return {
    previousVersion: previous?.version ?? null,
    version: next.manifest.version,
    bump: previous ? 'minor' : 'initial',
    reasons: [],
    files: diffFiles(previous, next.manifest),
    reports: { added: [], corrected: [], withdrawn: [] },
    corrections: [],
    warnings: [],
    notes: next.notes,
    empty: false,
  };
}

const sameManifest = (a: Manifest, b: Manifest) => a.version === b.version && JSON.stringify(a.files) === JSON.stringify(b.files);

/** One run as `publish` makes it: latest(), then apply() — or finish() when the branch already holds this release. */
export async function run(target: GithubTarget, next: MemoryRelease, options: { assets?: Asset[]; passAssetsToFinish?: boolean } = {}): Promise<PublishResult | null> {
  const assets = options.assets ?? (await releaseAssets(next));
  const latest = await target.latest();
  if (latest && sameManifest(latest.manifest, next.manifest)) return target.finish(options.passAssetsToFinish === false ? undefined : assets);
  return target.apply(planOf(latest?.manifest ?? null, next), next, assets);
}

/** The fake holds exactly these releases, in order: latest/ is the last one, one commit, tag and release each. */
export async function assertPublished(fake: FakeGitHub, branch: string, releases: MemoryRelease[], options: { commitsBefore?: number } = {}): Promise<void> {
  fake.assertClean();
  const state = inspectFake(fake, branch);
  const last = releases.at(-1)!;
  const latest = [...state.files.keys()].filter((p) => p.startsWith('latest/')).map((p) => p.slice(7)).sort();
  assert.deepEqual(latest, [...last.bytes.keys(), 'manifest.json'].sort(), 'latest/ holds exactly the release files');
  for (const [path, bytes] of last.bytes) assert.ok(state.files.get(`latest/${path}`)!.equals(bytes), `latest/${path} is byte for byte the release's`);
  assert.ok(state.files.get('latest/manifest.json')!.equals(last.manifestBytes), 'latest/manifest.json');
  for (const root of ['CHANGELOG.md', 'README.md', 'index.html', '.nojekyll']) assert.ok(state.files.has(root), `${root} at the root`);
  const changelog = state.files.get('CHANGELOG.md')!.toString('utf8');
  const titles = changelog.split('\n').filter((l) => l.startsWith('## v')).map((l) => l.split(' ')[1]);
  assert.deepEqual(titles, releases.map((r) => `v${r.manifest.version}`).reverse(), 'CHANGELOG.md: every release once, newest first');
  for (const r of releases) assert.ok(changelog.includes(r.notes.trimEnd()), `CHANGELOG.md has the notes of ${r.manifest.version}`);

  const tags = releases.map((r) => `v${r.manifest.version}`);
  assert.deepEqual(state.tags.map((t) => t.name), [...tags].sort(), 'one tag per version');
  assert.deepEqual(state.releases.map((r) => r.tag), [...tags].sort(), 'one release per version, no draft left over');
  assert.equal(state.commits.length, (options.commitsBefore ?? 1) + releases.length, 'one commit per release');
  assert.equal(state.tags.find((t) => t.name === tags.at(-1))!.commit, state.commits[0], 'the newest tag is the head');
  for (const r of releases) {
    const tag = `v${r.manifest.version}`;
    const commit = fake.state.tag(tag)!;
    assert.equal(fake.state.text(commit, 'latest/manifest.json'), Buffer.from(r.manifestBytes).toString('utf8'), `${tag} is the commit of that release`);
    const release = fake.state.releases.find((x) => x.tagName === tag)!;
    assert.equal(release.draft, false, `${tag} is published`);
    assert.equal(release.name, tag);
    assert.equal(release.body, r.notes, `${tag}: the body is the notes`);
    assert.equal(release.targetCommitish, commit);
    const expected = await releaseAssets(r);
    assert.deepEqual(release.assets.map((a) => a.name).sort(), expected.map((a) => a.name).sort(), `${tag}: its assets, each once`);
    for (const a of expected) {
      const got = release.assets.find((x) => x.name === a.name)!;
      assert.equal(got.state, 'uploaded', `${tag}/${a.name} uploaded`);
      assert.ok(Buffer.from(got.data).equals(Buffer.from(await (await a.blob()).arrayBuffer())), `${tag}/${a.name}: its bytes`);
      assert.equal(got.contentType, a.contentType);
    }
  }
}
