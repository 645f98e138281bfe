/**
 * The GitHub release of a release commit: a draft on tag vX.Y.Z (GitHub makes no tag for a draft), its assets
 * uploaded, then published — the order immutable releases need, since a published release takes no more assets.
 * Idempotent: a draft left by a crash is completed, an asset left half-uploaded ("starter") or with other bytes is
 * deleted and uploaded again, a published release is left alone; a release published for another commit is an error.
 */
import { PublishError } from '../errors.ts';
import { tagName } from './git-layout.ts';
import { errorCodes, isRequestError, listReleases, step, type Release, type ReleaseAsset, type Repo } from './github-remote.ts';
import type { Asset } from './types.ts';

export interface ReleaseInput {
  version: string;
  commit: string;
  notes: string;
  /** The assets, or how to get them (only called when there is something to upload). */
  assets: Asset[] | (() => Promise<Asset[]>);
  /** The releases as listed (newest first). */
  releases: Release[];
}

const short = (sha: string) => sha.slice(0, 12);
const isSha = (s: string) => /^[0-9a-f]{40}$/.test(s);

export function tagConflict(tag: string, has: string, wants: string): PublishError {
  return new PublishError(
    `release ${tag} is already published for ${isSha(has) ? `commit ${short(has)}` : `'${has}'`}, not for the release commit ${short(wants)}; ` +
      'xxgk never moves a tag: delete or rename the release and its tag by hand if it is wrong, then re-run',
  );
}

/** The published release of a tag, if any. */
export const publishedOf = (releases: readonly Release[], tag: string) => releases.find((r) => !r.draft && r.tag_name === tag);

/** The upload host and prefix of a release (https://uploads.github.com, or https://HOST/api/uploads). */
function uploadBase(release: Release): string {
  const at = release.upload_url.indexOf('/repos/');
  return at > 0 ? release.upload_url.slice(0, at) : 'https://uploads.github.com';
}

function isCurrent(existing: ReleaseAsset, asset: Asset): boolean {
  return existing.state === 'uploaded' && existing.size === asset.size && (!existing.digest || existing.digest === `sha256:${asset.sha256}`);
}

/** Complete the release of `input.commit`; returns the steps taken (none when it was already published). */
export async function completeRelease(r: Repo, input: ReleaseInput): Promise<string[]> {
  const tag = tagName(input.version);
  const published = publishedOf(input.releases, tag);
  if (published) {
    if (isSha(published.target_commitish) && published.target_commitish !== input.commit) throw tagConflict(tag, published.target_commitish, input.commit);
    return [];
  }
  const steps: string[] = [];
  const drafts = input.releases.filter((x) => x.draft && x.tag_name === tag);
  let draft = drafts.find((x) => x.target_commitish === input.commit) ?? drafts[0];
  if (draft) steps.push(`completing draft release ${tag} (#${draft.id})`);
  else {
    draft = await createDraft(r, tag, input);
    steps.push(`draft release ${tag} (#${draft.id}) on ${short(input.commit)}`);
  }
  const assets = typeof input.assets === 'function' ? await input.assets() : input.assets;
  const wanted = new Set(assets.map((a) => a.name));
  for (const stale of draft.assets.filter((a) => !wanted.has(a.name))) {
    await deleteAsset(r, stale);
    steps.push(`deleted asset ${stale.name} (not part of this release)`);
  }
  for (const asset of assets) {
    const existing = draft.assets.find((a) => a.name === asset.name);
    if (existing && isCurrent(existing, asset)) continue;
    if (existing) {
      await deleteAsset(r, existing);
      steps.push(`deleted asset ${asset.name} (${existing.state === 'uploaded' ? 'other bytes' : `left ${existing.state}`})`);
    }
    await upload(r, draft, asset);
    steps.push(`uploaded ${asset.name} (${asset.size} bytes)`);
  }
  await step(`publishing release ${tag}`, () =>
    r.octokit.rest.repos.updateRelease({
      owner: r.owner,
      repo: r.repo,
      release_id: draft.id,
      draft: false,
      tag_name: tag,
      target_commitish: input.commit,
      name: tag,
      body: input.notes,
    }));
  steps.push(`published release ${tag}`);
  return steps;
}

/** Create the draft; when the answer is lost (5xx, dropped), look before creating again: never two drafts. */
async function createDraft(r: Repo, tag: string, input: ReleaseInput): Promise<Release> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await r.octokit.rest.repos.createRelease({
        owner: r.owner,
        repo: r.repo,
        tag_name: tag,
        target_commitish: input.commit,
        name: tag,
        body: input.notes,
        draft: true,
        request: { retries: 0 },
      });
      return data as Release;
    } catch (err) {
      const lost = !isRequestError(err) || err.status >= 500 || err.status === 0;
      if (!lost || attempt >= 3) return step(`creating draft release ${tag}`, () => Promise.reject(err));
      const found = (await listReleases(r)).find((x) => x.draft && x.tag_name === tag && x.target_commitish === input.commit);
      if (found) return found;
    }
  }
}

async function deleteAsset(r: Repo, asset: ReleaseAsset): Promise<void> {
  try {
    await r.octokit.rest.repos.deleteReleaseAsset({ owner: r.owner, repo: r.repo, asset_id: asset.id });
  } catch (err) {
    if (isRequestError(err) && err.status === 404) return; // already gone
    return step(`deleting asset ${asset.name}`, () => Promise.reject(err));
  }
}

async function upload(r: Repo, release: Release, asset: Asset): Promise<void> {
  const send = async () =>
    r.octokit.rest.repos.uploadReleaseAsset({
      owner: r.owner,
      repo: r.repo,
      release_id: release.id,
      name: asset.name,
      // A Blob (backed by the asset's file: streamed from disk); Octokit sends it as it is, its type says string.
      data: (await asset.blob()) as unknown as string,
      // No content-length: fetch frames a Blob with its size (undici refuses one set by hand).
      headers: { 'content-type': asset.contentType },
      baseUrl: uploadBase(release),
    });
  try {
    await send();
  } catch (err) {
    if (!(isRequestError(err) && err.status === 422 && errorCodes(err).includes('already_exists'))) {
      return step(`uploading asset ${asset.name}`, () => Promise.reject(err));
    }
    // An earlier attempt left it (a dropped upload stays "starter"): replace it.
    const { data } = await step(`listing the assets of release #${release.id}`, () =>
      r.octokit.rest.repos.listReleaseAssets({ owner: r.owner, repo: r.repo, release_id: release.id, per_page: 100 }));
    const left = data.find((a) => a.name === asset.name);
    if (left && isCurrent(left, asset)) return;
    if (left) await deleteAsset(r, left);
    await step(`uploading asset ${asset.name} again`, send);
  }
}
