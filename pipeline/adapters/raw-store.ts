/**
 * Raw documents stored by content: <dir>/<sha256[0..2]>/<sha256>, written atomically, so a report already seen
 * (same bytes) is recognised by its hash and never parsed twice.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './fs.ts';

export interface RawStore {
  /** Store the bytes (once) and return their sha256, hex. */
  put(bytes: Uint8Array): Promise<string>;
  has(sha: string): Promise<boolean>;
  /** The bytes stored under sha, or undefined. */
  get(sha: string): Promise<Uint8Array | undefined>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function rawStore(dir: string): RawStore {
  const pathOf = (sha: string): string => {
    if (!SHA256.test(sha)) throw new Error(`raw store: "${sha}" is not a sha256 (64 lower-case hex digits)`);
    return join(dir, sha.slice(0, 2), sha);
  };
  const has = async (sha: string): Promise<boolean> => (await stat(pathOf(sha)).catch(() => null))?.isFile() ?? false;
  return {
    async put(bytes) {
      const sha = sha256(bytes);
      if (!(await has(sha))) await writeAtomic(pathOf(sha), bytes);
      return sha;
    },
    has,
    async get(sha) {
      const path = pathOf(sha);
      try {
        return new Uint8Array(await readFile(path));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}
