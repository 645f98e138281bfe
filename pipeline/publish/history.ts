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
import { BundleReadError, bundleLines } from './bundle-lines.ts';
import type { Published } from './types.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseReportDocument } from './release-side.ts';

/** Reads one file of a release as bytes; null when it is not there. */
export type ReadBytes = (path: string) => Promise<Uint8Array | null>;

interface FeedEntry {
  id: string;
  year: number;
  url?: unknown;
}

/** The bundle an entry's document link names (…/reports/2024-2.ndjson.gz#<id>), or null: then its own file, reports/<year>/<id>.json. */
function bundleOf(e: FeedEntry): string | null {
  if (typeof e.url !== 'string' || !e.url.endsWith(`#${e.id}`)) return null;
  const path = /(reports\/\d{4}(?:-[1-9]\d*)?\.ndjson\.gz)$/.exec(e.url.slice(0, -(e.id.length + 1)))?.[1];
  return path !== undefined && isReportBundle(path) ? path : null;
}

export interface HistoryOptions {
  /** Just the reports of these ids. */
  only?: ReadonlySet<string>;
  /**
   * Told of each document the index lists that cannot be read (then left out of the history): the file and why. The
   * cross-year rules do not look at what is left out, so the callers say so rather than let the history shrink unseen.
   */
  onUnreadable?: (path: string, reason: string) => void;
}

/**
 * The report documents of a release one at a time (none when it has none; a missing or unreadable one is left out,
 * and so are the reports of a bundle from where it cannot be read on — each told to `onUnreadable`); `only`: just the
 * reports of these ids. In feed order, each bundle's in its line order (the feed's), every bundle read once where its
 * first report is listed. Only the index, one compressed bundle and one document stay in memory, not the release.
 */
export async function* releaseReportStream(read: ReadBytes, options: HistoryOptions = {}): AsyncGenerator<ValidatedReport> {
  const { only } = options;
  const unreadable = options.onUnreadable ?? (() => undefined);
  const entries = ((await readFeedEntries(read)) ?? []) as FeedEntry[];
  const wanted = only ? entries.filter((e) => only.has(e.id)) : entries;
  const where = wanted.map(bundleOf);
  const bundled = new Map<string, Set<string>>();
  wanted.forEach((e, i) => {
    const bundle = where[i]!;
    if (bundle !== null) bundled.set(bundle, (bundled.get(bundle) ?? new Set()).add(e.id));
  });
  for (const [i, e] of wanted.entries()) {
    const bundle = where[i]!;
    if (bundle === null) {
      const path = `reports/${e.year}/${e.id}.json`;
      const bytes = await read(path);
      const doc = parseReportDocument(bytes);
      if (doc) yield doc;
      else unreadable(path, bytes ? 'not a report document (JSON with report and validation)' : 'missing');
      continue;
    }
    const ids = bundled.get(bundle);
    if (!ids) continue; // read already
    bundled.delete(bundle);
    yield* bundleReports(read, bundle, ids, unreadable);
  }
}

/**
 * The documents of a bundle whose ids are among `ids`, each once, in line order; a bundle that cannot be read yields
 * what it could, and the ids it did not give are told to `unreadable`.
 */
async function* bundleReports(read: ReadBytes, bundle: string, ids: Set<string>, unreadable: NonNullable<HistoryOptions['onUnreadable']>): AsyncGenerator<ValidatedReport> {
  const bytes = await read(bundle);
  let reason = 'missing';
  if (bytes) {
    reason = 'not in the bundle';
    try {
      for await (const line of bundleLines(bytes)) {
        const doc = parseReportDocument(line);
        if (doc && ids.delete(doc.report.id)) yield doc;
      }
    } catch (e) {
      if (!(e instanceof BundleReadError)) throw e;
      reason = e.message;
    }
  }
  for (const id of ids) unreadable(`${bundle}#${id}`, reason);
}

/**
 * An onUnreadable that tells each file once per reason (a bundle's reports are said once, not one by one), as a
 * warning line naming `where` the release is, for the caller to print.
 */
export function unreadableWarnings(tell: (line: string) => void, where: string): NonNullable<HistoryOptions['onUnreadable']> {
  const told = new Set<string>();
  return (path, reason) => {
    const file = path.split('#')[0]!;
    if (told.has(`${file}\n${reason}`)) return;
    told.add(`${file}\n${reason}`);
    const what = file === path ? 'its report is' : `its reports (${path.slice(file.length + 1)} and any after it) are`;
    tell(`the last release in ${where}: ${file}: ${reason}; ${what} left out of the history the cross-year rules look back into`);
  };
}

/** Every report document of a release, in feed order (releaseReportStream, all in memory). */
export async function releaseReports(read: ReadBytes, onUnreadable?: HistoryOptions['onUnreadable']): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const r of releaseReportStream(read, { onUnreadable })) out.push(r);
  return out;
}

/**
 * A history that can be read more than once: each call reads it again from the start, one report at a time, so that
 * what a caller needs of it (its years, a digest, a few fields a report) is taken in passes and the history is never
 * held whole.
 */
export type HistorySource = () => AsyncIterable<AnnualReport>;

/**
 * The reports of the target's last release as a HistorySource (none when it has none): each pass is a
 * releaseReportStream over `published.read`, in feed order. `onUnreadable` is told on every pass (unreadableWarnings
 * tells each file once). The release read is the one `latest()` gave: the passes read the same files.
 */
export function publishedHistorySource(published: Published | null, onUnreadable?: HistoryOptions['onUnreadable']): HistorySource {
  return async function* () {
    if (!published) return;
    for await (const r of releaseReportStream((path) => published.read(path), { onUnreadable })) yield r.report;
  };
}

/** Every report of the target's last release (empty when it has none). */
export async function publishedHistory(published: Published | null, onUnreadable?: HistoryOptions['onUnreadable']): Promise<AnnualReport[]> {
  if (!published) return [];
  return (await releaseReports((path) => published.read(path), onUnreadable)).map((r) => r.report);
}
