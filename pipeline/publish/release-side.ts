/**
 * Read one side of the planner's comparison — the last release on a target, or a new build — through a reader of its
 * files, so the planner itself stays pure. What cannot be read or parsed is reported as missing, never guessed.
 */
import type { ValidatedReport } from '../datasets/types.ts';
import type { FeedEntry, ReleaseSide } from './plan.ts';
import { isSurfaceFile, releaseSurface } from './plan-surface.ts';
import type { Manifest } from './types.ts';
import { readFeedEntries } from './read-feed.ts';
import { isRecord } from './json-shape.ts';

/** Read a file of a release (relative path); null when it does not exist. */
export type ReadFile = (path: string) => Promise<Uint8Array | null>;

const decoder = new TextDecoder();
const text = (bytes: Uint8Array) => decoder.decode(bytes);

/** JSON from bytes, or from text already decoded (a leading byte-order mark dropped, as the decoder drops it). */
function parseJson(bytes: Uint8Array | string | null): unknown {
  if (bytes === null) return undefined;
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes.replace(/^\uFEFF/, '') : text(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** manifest.json → Manifest; null when it is not one. */
export function parseManifest(bytes: Uint8Array | null): Manifest | null {
  const doc = parseJson(bytes);
  if (!isRecord(doc) || typeof doc.version !== 'string' || !Array.isArray(doc.files)) return null;
  const files = doc.files.filter((f): f is Manifest['files'][number] =>
    isRecord(f) && typeof f.path === 'string' && typeof f.sha256 === 'string' && typeof f.bytes === 'number');
  return { version: doc.version, files: files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })) };
}

/** The reports index's entries (read-feed.ts; null when unreadable) → the entries the planner needs (empty when unreadable). */
export function parseFeed(entries: readonly unknown[] | null): FeedEntry[] {
  const reports = entries ?? [];
  return reports.filter(isRecord).filter((r) => typeof r.id === 'string').map((r) => ({
    id: r.id as string,
    agency: typeof r.agency === 'string' ? r.agency : '',
    year: typeof r.year === 'number' ? r.year : 0,
    flags: Array.isArray(r.flags) ? r.flags.filter((f): f is string => typeof f === 'string') : [],
  }));
}

/** The reports index's entries → each report's document sha256 and the date its data last changed (empty when unreadable). */
export function parseFeedDates(entries: readonly unknown[] | null): Map<string, { sha256: string; modified: string }> {
  const reports = entries ?? [];
  return new Map(reports.filter(isRecord)
    .filter((r) => typeof r.id === 'string' && typeof r.sha256 === 'string' && typeof r.modified === 'string')
    .map((r) => [r.id as string, { sha256: r.sha256 as string, modified: r.modified as string }]));
}

/**
 * reports/<year>/<id>.json (`{ $schema, report, validation }`), as bytes or as a bundle's line of text → the validated
 * report; null when it is not one.
 */
export function parseReportDocument(bytes: Uint8Array | string | null): ValidatedReport | null {
  const doc = parseJson(bytes);
  if (!isRecord(doc) || !isRecord(doc.report) || !isRecord(doc.validation) || !isRecord(doc.report.tables)) return null;
  return { report: doc.report, validation: doc.validation } as unknown as ValidatedReport;
}

/** The catalog's adms:versionNotes (the first one found), or null. */
export function parseVersionNotes(bytes: Uint8Array | null): string | null {
  const found = (node: unknown): string | null => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const v = found(item);
        if (v !== null) return v;
      }
      return null;
    }
    if (!isRecord(node)) return null;
    const notes = node['adms:versionNotes'];
    const first = Array.isArray(notes) ? notes[0] : notes;
    if (typeof first === 'string') return first;
    if (isRecord(first) && typeof first['@value'] === 'string') return first['@value'];
    for (const child of Object.values(node)) {
      const v = found(child);
      if (v !== null) return v;
    }
    return null;
  };
  return found(parseJson(bytes));
}

/** The catalog's dct:issued (the date of the dataset's first release) from a catalog.jsonld; null when it has none. */
export function parseIssued(bytes: Uint8Array | null): string | null {
  const doc = parseJson(bytes);
  const graph = isRecord(doc) && Array.isArray(doc['@graph']) ? doc['@graph'] : [];
  for (const node of graph) {
    if (!isRecord(node)) continue;
    const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
    if (!types.includes('dcat:Catalog')) continue;
    const issued = node['dct:issued'];
    const first = Array.isArray(issued) ? issued[0] : issued;
    const value = isRecord(first) ? first['@value'] : first;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  }
  return null;
}

/**
 * One side: its feed, the surface of the surface files at `surfacePaths` that it has (those it has but cannot read
 * are listed as unreadable), and the report documents at `documents`. Reads go out together.
 */
export async function readSide(manifest: Manifest, read: ReadFile, documents: readonly string[], surfacePaths: readonly string[] = []): Promise<ReleaseSide> {
  const listed = new Set(manifest.files.map((f) => f.path));
  const surfaceHere = surfacePaths.filter((p) => listed.has(p) && isSurfaceFile(p));
  const [feed, surface, docs] = await Promise.all([
    readFeedEntries(read),
    Promise.all(surfaceHere.map(read)),
    Promise.all(documents.map(read)),
  ]);
  const surfaceFiles = new Map<string, string>();
  const unreadable: string[] = [];
  surfaceHere.forEach((path, k) => {
    const bytes = surface[k];
    if (bytes) surfaceFiles.set(path, text(bytes));
    else unreadable.push(path);
  });
  return {
    manifest,
    reports: parseFeed(feed),
    surface: releaseSurface(surfaceFiles),
    unreadable,
    documents: new Map(documents.map((path, k) => [path, parseReportDocument(docs[k] ?? null)])),
  };
}
