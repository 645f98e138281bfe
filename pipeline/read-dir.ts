/**
 * Read the documents of a folder on disk: list its files (leaving out the notes, manifests and registry that are not
 * reports), read each under the readers' limits, through the parse cache and the reader pool, then give each its
 * identity, merge and validate them (read-folder.ts). I/O through the adapters; the stages stay pure.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { listFiles, readInput } from './adapters/fs.ts';
import type { ParseCache } from './adapters/parse-cache.ts';
import { type DocumentReader, documentReader, workersFor } from './adapters/read-pool.ts';
import type { NameResolver } from './agencies/identify.ts';
import type { ValidatedReport } from './datasets/types.ts';
import { InputError } from './errors.ts';
import { READ_LIMITS, type ReadLimits } from './ingest/limits.ts';
import type { AnnualReport } from './model/report.ts';
import { checkFieldLengths } from './parse/field-lengths.ts';
import { type FolderRead, readFolderFlat as readSpilled } from './read-folder.ts';
import type { ReadOutcome } from './read-outcome.ts';

export interface ReadResult {
  files: number;
  reports: ValidatedReport[];
  /** Files that could not be read; `internal`: not the file's fault but a failure of xxgk's (exit 70). */
  unreadable: Array<{ file: string; message: string; internal?: true }>;
}

/**
 * Files in an input folder that are not reports: Markdown notes, manifests (a release's, or the samples'), and an
 * agencies.yaml registry of the folder's own bodies.
 */
export const NOT_REPORTS = /(?:^|\/)(?:[^/]+\.md|manifest\.json|agencies\.ya?ml)$/i;

export interface ReadOptions {
  cache?: ParseCache;
  /** Resolves printed agency names to registry bodies; without one, reports keep the ids of their printed names. */
  resolver?: NameResolver;
  /** The reports of the last release, for the cross-year rules (read once, in order: read-folder.ts). */
  history?: Iterable<AnnualReport> | AsyncIterable<AnnualReport>;
  /** The division code of the area a file comes from (its source's region): a hint for name resolution. */
  regionOf?: (file: string) => string | undefined;
  /** The folder's files (relative paths), when the caller has listed them already. */
  files?: readonly string[];
  /** The readers' resource limits (default READ_LIMITS; the config's `limits:`). */
  limits?: ReadLimits;
  /** Worker threads that read the documents (adapters/read-pool.ts workersFor): default one per core, fewer for few files. */
  jobs?: number;
}

/** Read one document, through the parse cache when there is one (a cached report takes this file's name). */
async function readCached(bytes: Uint8Array, file: string, reader: DocumentReader, cache: ParseCache | undefined, limits: ReadLimits): Promise<ReadOutcome & { parsed: boolean }> {
  const sha = cache && createHash('sha256').update(bytes).digest('hex');
  const cached = sha ? await cache!.get(sha) : undefined;
  if (cached) {
    // Parsed under other limits, maybe: the field lengths are checked again.
    checkFieldLengths(cached, limits.maxFieldLength, file);
    return { report: { ...cached, sources: cached.sources.map((s) => ({ ...s, name: file })) }, parsed: false };
  }
  const outcome = await reader.read(bytes, file, limits);
  if (sha && 'report' in outcome) await cache!.put(sha, outcome.report);
  return { ...outcome, parsed: true };
}

/**
 * Read every document under a folder into the spill (read-folder.ts): each given its registry identity, renderings
 * of the same report merged, validated (cross-year rules looking back into the history). The caller closes it.
 */
export async function readFolderFlat(inDir: string, options: ReadOptions = {}): Promise<FolderRead & { files: number }> {
  const { cache } = options;
  const limits = options.limits ?? READ_LIMITS;
  const files = (options.files ?? (await listFiles(inDir))).filter((f) => !NOT_REPORTS.test(f));
  const reader = documentReader(workersFor(files.length, options.jobs));
  const read = async (file: string): Promise<ReadOutcome & { parsed: boolean }> => {
    try {
      return await readCached(await readInput(join(inDir, file), file, limits.maxBytes), file, reader, cache, limits);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return { error: { message: err.message, internal: false }, parsed: false };
    }
  };
  const got = await readSpilled({
    files, read, reader, ...(options.resolver ? { resolver: options.resolver } : {}), ...(options.regionOf ? { regionOf: options.regionOf } : {}),
    history: options.history ?? [],
  }).finally(() => reader.close());
  // Not spread: `reports` is a getter that makes the list when asked for (read-folder.ts), not a list the read keeps.
  return Object.assign(got, { files: files.length });
}

/**
 * Read every document under a folder, give each its registry identity, merge renderings of the same report, and
 * validate (cross-year rules looking back into the history). Reports come sorted by year, then id, all in memory
 * (a build reads through readFolderFlat instead).
 */
export async function readFolder(inDir: string, options: ReadOptions = {}): Promise<ReadResult & { parsed: number }> {
  const got = await readFolderFlat(inDir, options);
  try {
    return { files: got.files, parsed: got.parsed, reports: got.reports.map((r) => got.load(r.id)), unreadable: got.unreadable };
  } finally {
    got.close();
  }
}
