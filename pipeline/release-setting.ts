/**
 * What a build writes its release with besides the reports, read from the last build in the output folder and the
 * project's own files: the last release's report hashes and dates, the schemas, the division names, today's date and
 * the metadata (with the date of the first release).
 */
import { type Clock, chinaDate } from './adapters/clock.ts';
import { readPrevious, readPreviousBytes } from './adapters/output.ts';
import { loadDivisionNames } from './adapters/registry.ts';
import { loadSchemas } from './adapters/schemas.ts';
import { DEFAULT_META } from './datasets/defaults.ts';
import type { DatasetMeta } from './datasets/types.ts';
import { readFeedEntries } from './publish/read-feed.ts';
import { parseFeedDates, parseIssued } from './publish/release-side.ts';

/**
 * What a build into outDir writes its release with, besides the reports: the last release's report hashes and dates,
 * the schemas, the division names, today's date, and the metadata with the date of the first release kept from the
 * last build (publishing takes it from the target's last release).
 */
export async function releaseSetting(outDir: string, clock: Clock, given: DatasetMeta | undefined) {
  const [previous, schemas, divisions, catalog] = await Promise.all([
    previousModified(outDir), loadSchemas(), loadDivisionNames(), readPreviousBytes(outDir, 'catalog.jsonld'),
  ]);
  const today = chinaDate(clock);
  const issued = parseIssued(catalog) ?? today;
  return { previous, schemas, divisions, today, meta: { ...(given ?? DEFAULT_META), issued } };
}

/** The previous release's report hashes and dates, from its reports index (empty when there is none). */
export async function previousModified(outDir: string): Promise<Map<string, { sha256: string; modified: string }>> {
  return parseFeedDates(await readFeedEntries((path) => readPrevious(outDir, path)));
}
