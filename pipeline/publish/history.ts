/**
 * The report documents of a release: its reports index (read-feed.ts), then each report's document where its entry
 * links it — reports/<year>/<id>.json in the site layout, a line of reports/<year>[-<part>].ndjson.gz in the national
 * layout (datasets/release-layout.ts nationalLinks). Read from the publish target's last release (the history the
 * cross-year rules look back into: a CI runner starts with an empty output folder, the target is the history), or
 * from a release folder on disk.
 */
import { isReportBundle } from '../datasets/release-layout.ts';
import type { ValidatedReport } from '../datasets/types.ts';
import type { AnnualReport } from '../model/report.ts';
import { bundleLines } from './bundle-lines.ts';
import type { Published } from './types.ts';
import { readFeedEntries } from './read-feed.ts';
import { isRecord } from './json-shape.ts';

/** Reads one file of a release as bytes; null when it is not there. */
export type ReadBytes = (path: string) => Promise<Uint8Array | null>;

interface FeedEntry {
  id: string;
  year: number;
  url?: unknown;
}

const decoder = new TextDecoder();

/** A document's JSON → the validated report; null when it is not one. */
function documentOf(text: string): ValidatedReport | null {
  try {
    const doc = JSON.parse(text) as unknown;
    return isRecord(doc) && isRecord(doc.report) && isRecord(doc.validation)
      ? { report: doc.report, validation: doc.validation } as unknown as ValidatedReport
      : null;
  } catch {
    return null;
  }
}

/** The bundle an entry's document link names (…/reports/2024-2.ndjson.gz#<id>), or null: then its own file, reports/<year>/<id>.json. */
function bundleOf(e: FeedEntry): string | null {
  if (typeof e.url !== 'string' || !e.url.endsWith(`#${e.id}`)) return null;
  const path = /(reports\/\d{4}(?:-[1-9]\d*)?\.ndjson\.gz)$/.exec(e.url.slice(0, -(e.id.length + 1)))?.[1];
  return path !== undefined && isReportBundle(path) ? path : null;
}

/**
 * The report documents of a release one at a time (none when it has none; a missing or unreadable one is left out,
 * and so are the reports of a bundle from where it cannot be read on); `only`: just the reports of these ids. In feed
 * order, each bundle's in its line order (the feed's), every bundle read once where its first report is listed. Only
 * the index, one compressed bundle and one document stay in memory, not the release.
 */
export async function* releaseReportStream(read: ReadBytes, only?: ReadonlySet<string>): AsyncGenerator<ValidatedReport> {
  const entries = ((await readFeedEntries(read)) ?? []) as FeedEntry[];
  const wanted = only ? entries.filter((e) => only.has(e.id)) : entries;
  const bundled = new Map<string, Set<string>>();
  for (const e of wanted) {
    const bundle = bundleOf(e);
    if (bundle !== null) bundled.set(bundle, (bundled.get(bundle) ?? new Set()).add(e.id));
  }
  for (const e of wanted) {
    const bundle = bundleOf(e);
    if (bundle === null) {
      const bytes = await read(`reports/${e.year}/${e.id}.json`);
      const doc = bytes ? documentOf(decoder.decode(bytes)) : null;
      if (doc) yield doc;
      continue;
    }
    const ids = bundled.get(bundle);
    if (!ids) continue; // read already
    bundled.delete(bundle);
    yield* bundleReports(read, bundle, ids);
  }
}

/** The documents of a bundle whose ids are among `ids`, each once, in line order; a bundle that cannot be read yields what it could. */
async function* bundleReports(read: ReadBytes, bundle: string, ids: Set<string>): AsyncGenerator<ValidatedReport> {
  const bytes = await read(bundle);
  if (!bytes) return;
  try {
    for await (const line of bundleLines(bytes)) {
      const doc = documentOf(line);
      if (doc && ids.delete(doc.report.id)) yield doc;
    }
  } catch {
    // Left out from here on, as an unreadable document is (bundle-lines.ts BundleReadError).
  }
}

/** Every report document of a release, in feed order (releaseReportStream, all in memory). */
export async function releaseReports(read: ReadBytes): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const r of releaseReportStream(read)) out.push(r);
  return out;
}

/** Every report of the target's last release (empty when it has none). */
export async function publishedHistory(published: Published | null): Promise<AnnualReport[]> {
  if (!published) return [];
  return (await releaseReports((path) => published.read(path))).map((r) => r.report);
}
