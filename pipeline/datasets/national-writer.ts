/**
 * The national layout's pieces of the build (release-layout.ts): where each partitioned table goes (the report
 * documents' bundles stay in the tree, gzip; every CSV and NDJSON rendering becomes a gzip release asset), and the
 * bundle of report documents as a streamed table: one document a line, the same bytes as reports/<year>/<id>.json.
 */
import { createHash } from 'node:crypto';
import type { Placement } from './partition-writer.ts';
import { REPORT_BUNDLES, assetPath } from './release-layout.ts';
import type { FileStat, StreamedFile } from './types.ts';

export const nationalPlacement: Placement = (path) =>
  path.startsWith('reports/') ? { path: `${path}.gz`, gzip: true } : { path: assetPath(path), gzip: true };

/** The bundle table: its chunk is the document the build just made for the report (set before each add). */
export function reportBundles(): StreamedFile & { next(doc: string): void } {
  let current = '';
  return {
    path: REPORT_BUNDLES,
    mediaType: 'application/gzip',
    head: () => '',
    chunk: () => current,
    tail: () => '',
    next(doc) {
      current = doc;
    },
  };
}

/** What a report's document would be as its own file: its size and sha256 (the reports index lists them). */
export function documentStat(path: string, doc: string): FileStat {
  // Hashed and measured as text: no buffer of the document's bytes made (one a report, outside the heap).
  return { path, bytes: Buffer.byteLength(doc, 'utf8'), sha256: createHash('sha256').update(doc, 'utf8').digest('hex'), mediaType: 'application/json' };
}
