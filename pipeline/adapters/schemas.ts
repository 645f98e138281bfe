/**
 * The JSON Schemas a release publishes under schemas/, read from the repository's schemas/ folder (beside pipeline/
 * and dist-js/ alike). I/O.
 */
import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);

/** Schemas of the project that describe no file of a release (the configuration's). */
const NOT_PUBLISHED = new Set(['config.schema.json', 'agencies.schema.json']);

/** Every dataset schema of `dir` (the repository's schemas/ when not given), by file name, in name order. */
export async function loadSchemas(dir: string | URL = SCHEMAS_DIR): Promise<Map<string, string>> {
  const base = typeof dir === 'string' ? pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`) : dir;
  const names = (await readdir(base)).filter((n) => n.endsWith('.json') && !NOT_PUBLISHED.has(n)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(new URL(n, base), 'utf8')] as [string, string])));
}
