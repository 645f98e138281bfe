/**
 * A parse cache held in memory (the interface of adapters/parse-cache.ts, entries kept as the JSON text the file
 * cache writes): a test that builds the same documents again takes them from here instead of parsing them again,
 * where the parse is not what the test is about.
 */
import type { ParseCache } from '../../pipeline/adapters/parse-cache.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';

export function memoryCache(): ParseCache & { size: () => number } {
  const entries = new Map<string, string>();
  return {
    async get(sha) {
      const text = entries.get(sha);
      return text === undefined ? undefined : (JSON.parse(text) as AnnualReport);
    },
    async put(sha, report) {
      entries.set(sha, JSON.stringify(report));
    },
    size: () => entries.size,
  };
}
