/**
 * The reports a release's index lists, read through a reader of its files: feed/reports.json names its parts
 * (feed/reports/<year>.json, <year>-2.json …), which list the reports; a release built before the index was split
 * lists them in feed/reports.json itself. Both are read, so a release of either kind is a previous release.
 */
import { partPath } from '../datasets/partitions.ts';
import { REPORTS_FEED } from '../datasets/table-schemas.ts';
import { isRecord } from './json-shape.ts';

/** Reads one file of a release (bytes or text); null when it is not there. */
export type ReadFeedFile = (path: string) => Promise<Uint8Array | string | null>;

const decoder = new TextDecoder();

async function readJson(read: ReadFeedFile, path: string): Promise<unknown> {
  const content = await read(path).catch(() => null);
  if (content === null) return undefined;
  try {
    return JSON.parse(typeof content === 'string' ? content : decoder.decode(content)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Every entry of the release's reports index (the objects of its parts' `reports`, in part order), not checked
 * further; null when the index, or any part it names, is missing or cannot be read — a release whose list of reports
 * is incomplete is never taken as the whole list.
 */
export async function readFeedEntries(read: ReadFeedFile): Promise<unknown[] | null> {
  const index = await readJson(read, REPORTS_FEED);
  if (!isRecord(index)) return null;
  if (Array.isArray(index.reports)) return index.reports;
  if (!Array.isArray(index.parts)) return null;
  const parts = index.parts.filter(isRecord);
  if (parts.length !== index.parts.length) return null;
  const docs = await Promise.all(parts.map((p) => (Number.isInteger(p.year) && Number.isInteger(p.part) && (p.part as number) >= 1
    ? readJson(read, partPath(REPORTS_FEED, p.year as number, p.part as number))
    : Promise.resolve(undefined))));
  const out: unknown[] = [];
  for (const doc of docs) {
    if (!isRecord(doc) || !Array.isArray(doc.reports)) return null;
    for (const entry of doc.reports) out.push(entry); // not push(...): a year's part may hold 100,000 reports and more
  }
  return out;
}
