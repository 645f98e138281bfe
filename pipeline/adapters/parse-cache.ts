/**
 * Parsed reports kept by the sha256 of their document, so that the scheduled job never parses an unchanged document
 * twice. Entries live under a folder named by a fingerprint of the reading code (ingest, parse, model): a new version
 * of xxgk reads every document afresh.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnnualReport } from '../model/report.ts';
import { writeAtomic } from './fs.ts';

export interface ParseCache {
  get(sha256: string): Promise<AnnualReport | undefined>;
  put(sha256: string, report: AnnualReport): Promise<void>;
}

const CODE = ['ingest', 'parse', 'model'].map((d) => new URL(`../${d}/`, import.meta.url));

/** A digest of the code that turns documents into reports. */
export async function readerFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of CODE) {
    for (const name of (await readdir(dir)).filter((n) => /\.[jt]s$/.test(n)).sort()) {
      hash.update(name).update(await readFile(new URL(name, dir)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export async function parseCache(dir: string): Promise<ParseCache> {
  const root = join(dir, await readerFingerprint());
  const path = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`parse cache: not a sha256: ${sha}`);
    return join(root, `${sha}.json`);
  };
  return {
    async get(sha) {
      const text = await readFile(path(sha), 'utf8').catch(() => null);
      return text === null ? undefined : (JSON.parse(text) as AnnualReport);
    },
    put: (sha, report) => writeAtomic(path(sha), JSON.stringify(report)),
  };
}
