/**
 * The report documents of a release: its reports index (read-feed.ts), then each reports/<year>/<id>.json. Read from the
 * publish target's last release (the history the cross-year rules look back into: a CI runner starts with an empty
 * output folder, the target is the history), or from a release folder on disk.
 */
import type { ValidatedReport } from '../datasets/types.ts';
import type { AnnualReport } from '../model/report.ts';
import type { Published } from './types.ts';
import { readFeedEntries } from './read-feed.ts';

/** Reads one file of a release as text; null when it is not there. */
export type ReadText = (path: string) => Promise<string | null>;

interface FeedEntry {
  id: string;
  year: number;
}

async function json(read: ReadText, path: string): Promise<unknown> {
  const text = await read(path);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The report documents of a release one at a time, in feed order (none when it has none; a missing or unreadable one
 * is left out); `only`: just the reports of these ids. Only the index stays in memory, not the release.
 */
export async function* releaseReportStream(read: ReadText, only?: ReadonlySet<string>): AsyncGenerator<ValidatedReport> {
  const entries = ((await readFeedEntries(read)) ?? []) as FeedEntry[];
  for (const { id, year } of entries) {
    if (only && !only.has(id)) continue;
    const doc = (await json(read, `reports/${year}/${id}.json`)) as Partial<ValidatedReport> | null;
    if (doc?.report && doc.validation) yield { report: doc.report, validation: doc.validation };
  }
}

/** Every report document of a release, in feed order (releaseReportStream, all in memory). */
export async function releaseReports(read: ReadText): Promise<ValidatedReport[]> {
  const out: ValidatedReport[] = [];
  for await (const r of releaseReportStream(read)) out.push(r);
  return out;
}

const decoder = new TextDecoder();

/** Every report of the target's last release (empty when it has none). */
export async function publishedHistory(published: Published | null): Promise<AnnualReport[]> {
  if (!published) return [];
  const read: ReadText = async (path) => {
    const bytes = await published.read(path);
    return bytes ? decoder.decode(bytes) : null;
  };
  return (await releaseReports(read)).map((r) => r.report);
}
