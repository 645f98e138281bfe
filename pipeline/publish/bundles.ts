/**
 * The report documents of a release in the national layout (datasets/release-layout.ts): reports/<year>.ndjson.gz,
 * one document a line, in place of reports/<year>/<id>.json. Read back here so that publishing (the folder's
 * reports, the last release's reports to carry over) works the same in both layouts.
 */
import { gunzipSync } from 'node:zlib';
import { isReportBundle } from '../datasets/release-layout.ts';
import type { ValidatedReport } from '../datasets/types.ts';
import { parseReportDocument } from './release-side.ts';

export type BundleError = { bundle: string; line: number };

/** Every report document of the bundles among `files`, in bundle and line order; a bundle that cannot be read or a line that is not a document is an error (thrown by `fail`). */
export async function bundledReports(
  files: ReadonlyArray<{ path: string }>,
  read: (path: string) => Promise<Uint8Array | null>,
  fail: (e: BundleError) => Error,
): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for (const f of files.filter((x) => isReportBundle(x.path))) {
    const bytes = await read(f.path);
    if (!bytes) throw fail({ bundle: f.path, line: 0 });
    let text: string;
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch {
      throw fail({ bundle: f.path, line: 0 });
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, k) => {
      const doc = parseReportDocument(Buffer.from(line, 'utf8'));
      if (!doc) throw fail({ bundle: f.path, line: k + 1 });
      out.push(doc);
    });
  }
  return out;
}

export const hasBundles = (files: ReadonlyArray<{ path: string }>): boolean => files.some((f) => isReportBundle(f.path));
