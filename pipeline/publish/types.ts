/**
 * Contracts of the publish stage: plan (pure) — compare the new release with the last published one — then apply the
 * plan to a target (a git repository through the git CLI, or GitHub through its REST API).
 */
import type { TableId } from '../model/template.ts';

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** manifest.json of a release. */
export interface Manifest {
  version: string;
  files: FileEntry[];
}

export interface ReportRef {
  id: string;
  agency: string;
  year: number;
}

/** One corrected cell, old → new (null: blank, "-" or not printed). */
export interface CellCorrection {
  report: string;
  table: TableId;
  row: string;
  column: string;
  old: number | null;
  new: number | null;
}

export type Bump = 'initial' | 'major' | 'minor' | 'patch' | 'none';

export interface ReleasePlan {
  /** Version of the last release on the target, or null before the first one. */
  previousVersion: string | null;
  /** The version this release gets (equal to previousVersion when nothing changed). */
  version: string;
  bump: Bump;
  /** Why the bump is what it is (e.g. "schema field removed: annual-report#/properties/x"). */
  reasons: string[];
  /**
   * Paths under the release folder, relative (the target puts them under latest/): every file that differs from the
   * last release, manifest.json included (it changes with every release).
   */
  files: { added: string[]; changed: string[]; removed: string[] };
  /** Withdrawn reports carry the operator's reason (`xxgk withdraw --reason`). */
  reports: { added: ReportRef[]; corrected: ReportRef[]; withdrawn: Array<ReportRef & { reason?: string }> };
  corrections: CellCorrection[];
  /** Validation warnings per report of the new release (rule ids), for the notes. */
  warnings: Array<{ report: string; rules: string[] }>;
  /** Release notes (Markdown), also the CHANGELOG.md entry and the tag message. */
  notes: string;
  /** Nothing to publish: no write may be sent. */
  empty: boolean;
}

/** The files of a built release, read from its folder. */
export interface ReleaseFiles {
  /** The release's manifest.json: every file but manifest.json itself, which read('manifest.json') also returns. */
  manifest: Manifest;
  read(path: string): Promise<Uint8Array>;
  /** The release assets the build wrote beside the tree (assets/…, the national layout), by path; none otherwise. */
  assets?: string[];
  /** Where a file lies on disk, for a release in a folder: its assets are hashed and uploaded from there, streamed. */
  file?(path: string): string;
}

/**
 * An asset attached to the release (GitHub) or noted in the tag (git): its size and sha256, and its bytes as a Blob —
 * backed by its file for the assets a build wrote (fs.openAsBlob: an upload streams it, with its length; up to
 * hundreds of MB at 100,000 reports), in memory for those made at publish time (publish/assets.ts).
 */
export interface Asset {
  name: string;
  contentType: string;
  /** Its length in bytes. */
  size: number;
  /** The sha256 of its bytes, hex. */
  sha256: string;
  /** Its bytes, for each upload (a retry asks again). */
  blob(): Promise<Blob>;
  /** The file it is read from, when it is one (the git target writes it into the repository from there). */
  file?: string;
}

/** What the target holds now: its last release's manifest and a way to read that release's files. */
export interface Published {
  manifest: Manifest;
  read(path: string): Promise<Uint8Array | null>;
  /**
   * A file of the release from the remote itself, when read() has no copy of it (GitHub without its local copy):
   * one request each, checked against the manifest's sha256. Used only where a file is needed to publish safely.
   */
  fetch?(path: string): Promise<Uint8Array | null>;
}

export interface PublishResult {
  version: string;
  /** The release commit (new, or the one a re-run completed). */
  commit: string | null;
  tag: string | null;
  /** Human-readable steps taken, for logs. */
  steps: string[];
}

export interface PublishTarget {
  /** The last release on the target, or null when it has none. */
  latest(): Promise<Published | null>;
  /** Carry out a non-empty plan: one commit, an annotated tag / a release, CHANGELOG.md; idempotent on re-runs. */
  apply(plan: ReleasePlan, files: ReleaseFiles, assets: Asset[]): Promise<PublishResult>;
  /**
   * Finish the last release if a crash left it unfinished (its commit is on the branch but its tag or release is
   * missing); null when there was nothing to finish. publish() calls it when the plan is empty, with the assets of
   * the release the target holds when it could rebuild them exactly; apply() does the same before a new release.
   * Never moves an existing tag.
   */
  finish?(assets?: Asset[]): Promise<PublishResult | null>;
}
