/** The agency name resolvers of a run: the project registry, plus a folder's own agencies.yaml files. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_REGISTRY, loadIndexedRegistry, unreadableRegistry } from './adapters/registry.ts';
import { kindOf, listFiles } from './adapters/fs.ts';
import { ConfigError } from './errors.ts';
import type { NameResolver } from './agencies/identify.ts';
import { createResolver } from './agencies/resolve.ts';

const REGISTRY_FILE = /(?:^|\/)agencies\.ya?ml$/i;
const resolvers = new Map<string, Promise<NameResolver>>();

/** A registry file's facts: one that is not a readable file (gone, a link to nothing, a FIFO) is a ConfigError naming it. */
async function registryFile(file: string) {
  const found = await stat(file).catch((err: NodeJS.ErrnoException) => err);
  if (found instanceof Error) throw unreadableRegistry(file, found);
  if (!found.isFile()) throw new ConfigError(file, [`cannot read the registry file: ${kindOf(found)}, not a regular file`]);
  return found;
}

/**
 * The name resolver over the project registry (agencies.yaml) and the extra registry files, in order. Loaded once per
 * set of files: keyed by the files and their modification times, so an edited registry is read again.
 */
export async function registryResolver(extra: readonly string[] = []): Promise<NameResolver> {
  const key = (await Promise.all([DEFAULT_REGISTRY, ...extra].map(async (f) => `${f}@${(await registryFile(f)).mtimeMs}`))).join('\n');
  if (!resolvers.has(key)) {
    const loading = loadIndexedRegistry(extra).then(({ agencies, forms }) => createResolver(agencies, forms));
    loading.catch(() => resolvers.delete(key));
    resolvers.set(key, loading);
  }
  return resolvers.get(key)!;
}

/**
 * The name resolver for a folder: the project registry plus every agencies.yaml under the folder (bodies of its own,
 * e.g. the invented ones of the synthetic samples). `files`: the folder's files, when already listed.
 */
export async function folderResolver(inDir: string, files?: readonly string[]): Promise<NameResolver> {
  const listed = files ?? (await listFiles(inDir));
  return registryResolver(listed.filter((f) => REGISTRY_FILE.test(f)).sort().map((f) => join(inDir, f)));
}
