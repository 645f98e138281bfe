/**
 * The report documents of a release in the national layout (datasets/release-layout.ts): reports/<year>.ndjson.gz,
 * one document a line, in place of reports/<year>/<id>.json. Read back here so that publishing (the folder's
 * reports, the last release's reports to carry over) works the same in both layouts.
 */
import { byPartition } from '../datasets/partitions.ts';
import { isReportBundle, reportDocumentAt } from '../datasets/release-layout.ts';
import { PublishError } from '../errors.ts';
import type { ValidatedReport } from '../datasets/types.ts';
import { BundleReadError, bundleLines } from './bundle-lines.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseFeed, parseFeedDates, parseReportDocument } from './release-side.ts';
import type { Manifest } from './types.ts';

export type BundleError = { bundle: string; line: number };

/**
 * The report documents of the bundles among `files`, one at a time, in the files' order and each bundle's line order:
 * only the compressed bundle being read and one document are in memory. A bundle that cannot be read or a line that
 * is not a document is an error (thrown by `fail`) where it is met; the documents before it have been yielded.
 */
export async function* bundleStream(
  files: ReadonlyArray<{ path: string }>,
  read: (path: string) => Promise<Uint8Array | null>,
  fail: (e: BundleError) => Error,
): AsyncGenerator<ValidatedReport> {
  for (const f of files.filter((x) => isReportBundle(x.path))) {
    const bytes = await read(f.path);
    if (!bytes) throw fail({ bundle: f.path, line: 0 });
    let k = 0;
    const lines = bundleLines(bytes);
    try {
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = await lines.next();
        } catch (e) {
          // Not gzip (line 0: the bundle), cut short, or a line longer than the largest document (bundle-lines.ts): where it stopped.
          if (e instanceof BundleReadError) throw fail({ bundle: f.path, line: k === 0 ? 0 : k + 1 });
          throw e;
        }
        if (next.done) break;
        k++;
        const doc = parseReportDocument(next.value);
        if (!doc) throw fail({ bundle: f.path, line: k });
        yield doc;
      }
    } finally {
      // A reader that stops early (or an error) closes the decompression too.
      await lines.return(undefined);
    }
  }
}

/** Every report document of the bundles among `files`, in bundle and line order (bundleStream, all in memory). */
export async function bundledReports(
  files: ReadonlyArray<{ path: string }>,
  read: (path: string) => Promise<Uint8Array | null>,
  fail: (e: BundleError) => Error,
): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const doc of bundleStream(files, read, fail)) out.push(doc);
  return out;
}

/**
 * The bundles among `files` in the order of their reports: by year, then part (reports/2024.ndjson.gz, then
 * reports/2024-2.ndjson.gz, …, reports/2024-10.ndjson.gz), not by path (where 2024-10 comes before 2024-2).
 */
export function bundlesInOrder(files: ReadonlyArray<{ path: string }>): Array<{ path: string }> {
  // A bundle is its partition's path (reports/2024-2.ndjson) gzipped: ordered as the partitions are.
  const partition = (path: string) => path.slice(0, -'.gz'.length);
  return files.filter((f) => isReportBundle(f.path)).map((f) => ({ path: f.path }))
    .sort((a, b) => byPartition(partition(a.path), partition(b.path)));
}

export const hasBundles = (files: ReadonlyArray<{ path: string }>): boolean => files.some((f) => isReportBundle(f.path));

/**
 * A release's files as the planner compares them: in the national layout, every report document listed at its
 * site-layout path (reports/<year>/<id>.json, sha256 from the reports index) and read from its bundle, so that added,
 * withdrawn and corrected reports are found the same in both layouts (and across a switch of layout). The site
 * layout's files are returned as they are. `keep`: the documents that will be read (asked when a bundle is read,
 * once the caller knows them): a bundle's other lines are not kept, and each bundle is read once however many of its
 * documents are read at once; without it, every line of the bundles read is kept.
 */
export async function documentView(
  manifest: Manifest,
  read: (path: string) => Promise<Uint8Array | null>,
  where = 'the release',
  keep?: (path: string) => boolean,
): Promise<{ manifest: Manifest; read: (path: string) => Promise<Uint8Array | null> }> {
  if (!hasBundles(manifest.files)) return { manifest, read };
  const entries = await readFeedEntries(read);
  const dates = parseFeedDates(entries);
  const virtual = parseFeed(entries).filter((r) => dates.has(r.id))
    .map((r) => ({ path: `reports/${r.year}/${r.id}.json`, bytes: 0, sha256: dates.get(r.id)!.sha256 }));
  const bundles = manifest.files.filter((f) => isReportBundle(f.path)).map((f) => f.path);
  /** Each bundle read, its lines by id (those `keep` wants): read once, shared by the reads that wait for it. */
  const loaded = new Map<string, Promise<Map<string, string> | null>>();
  const linesOf = async (bundle: string, year: number): Promise<Map<string, string> | null> => {
    const bytes = await read(bundle);
    if (!bytes) return null;
    const lines = new Map<string, string>();
    try {
      for await (const line of bundleLines(bytes)) {
        const m = /"report":\{"id":"([^"]+)"/.exec(line);
        if (m && (!keep || keep(`reports/${year}/${m[1]!}.json`))) lines.set(m[1]!, line);
      }
    } catch (e) {
      // Its documents would look withdrawn (ours) or new (theirs): no plan is made over a bundle not read whole.
      if (!(e instanceof BundleReadError)) throw e;
      throw new PublishError(`${where}: ${bundle} cannot be read (${e.message}), so its reports cannot be compared; nothing was published`);
    }
    return lines;
  };
  const lookup = async (year: number, id: string): Promise<Uint8Array | null> => {
    for (const bundle of bundles.filter((b) => b.startsWith(`reports/${year}`))) {
      // Without `keep` (every line held), one bundle at a time.
      if (!keep && !loaded.has(bundle)) loaded.clear();
      if (!loaded.has(bundle)) loaded.set(bundle, linesOf(bundle, year));
      const lines = await loaded.get(bundle)!;
      if (!lines) return null;
      const line = lines.get(id);
      if (line !== undefined) return Buffer.from(`${line}\n`, 'utf8');
    }
    return null;
  };
  return {
    manifest: { ...manifest, files: [...manifest.files, ...virtual].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) },
    read: (path) => {
      const at = reportDocumentAt(path);
      return at ? lookup(at.year, at.id) : read(path);
    },
  };
}
