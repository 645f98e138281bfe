/**
 * The reports a publish target already holds: its last release's report documents. The cross-year rules look
 * back into them, so a report is checked against the same body's report of the year before even when that one
 * is not read again (a CI runner starts with an empty output folder; the target is the history).
 */
import type { AnnualReport } from '../model/report.ts';
import type { Published } from './types.ts';

interface FeedEntry {
  id: string;
  year: number;
}

const decoder = new TextDecoder();

async function json(published: Published, path: string): Promise<unknown> {
  const bytes = await published.read(path);
  if (!bytes) return null;
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

/** Every report of the target's last release (empty when it has none, or a file is missing or unreadable). */
export async function publishedHistory(published: Published | null): Promise<AnnualReport[]> {
  if (!published) return [];
  const feed = (await json(published, 'feed/reports.json')) as { reports?: FeedEntry[] } | null;
  const out: AnnualReport[] = [];
  for (const { id, year } of feed?.reports ?? []) {
    const doc = (await json(published, `reports/${year}/${id}.json`)) as { report?: AnnualReport } | null;
    if (doc?.report) out.push(doc.report);
  }
  return out;
}
