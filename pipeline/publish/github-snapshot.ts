/**
 * A local copy of the release the branch holds (stateDir/snapshot: manifest.json and files/), so that reading the
 * last release's files costs no API call. It is trusted only while its manifest.json is byte for byte the branch's;
 * each file is checked against its sha256 on the way out. Written after the branch moves: manifest.json goes first
 * (the copy is invalid while files change) and comes back last.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../adapters/fs.ts';
import type { Manifest, ReleaseFiles } from './types.ts';

const MANIFEST = 'manifest.json';

function safe(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && !path.split('/').some((p) => p === '' || p === '.' || p === '..') && !path.includes('\\');
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

export interface Snapshot {
  /** The copy's manifest.json, or null when there is no valid copy. */
  manifestBytes(): Promise<Uint8Array | null>;
  /** A file of the copy, only when the copy is the release `remote` describes and the file's sha256 matches. */
  read(remoteBytes: Uint8Array, remote: Manifest, path: string): Promise<Uint8Array | null>;
  /** Make the copy the given release; `previous` (the branch's manifest before it) allows copying only what changed. */
  save(files: ReleaseFiles, previous: Uint8Array | null, changed: { write: string[]; remove: string[] }): Promise<void>;
}

export function snapshot(stateDir: string | undefined): Snapshot {
  const dir = stateDir ? join(stateDir, 'snapshot') : null;
  const manifestBytes = async () => (dir ? new Uint8Array(await readFile(join(dir, MANIFEST)).catch(() => Buffer.alloc(0))) : null);
  const valid = async () => {
    const bytes = await manifestBytes();
    return bytes && bytes.length > 0 ? bytes : null;
  };
  return {
    manifestBytes: valid,

    async read(remoteBytes, remote, path) {
      if (!dir || !safe(path)) return null;
      const mine = await valid();
      if (!mine || !same(mine, remoteBytes)) return null;
      if (path === MANIFEST) return mine;
      const entry = remote.files.find((f) => f.path === path);
      if (!entry) return null;
      const data = await readFile(join(dir, 'files', path)).catch(() => null);
      if (!data || createHash('sha256').update(data).digest('hex') !== entry.sha256) return null;
      return new Uint8Array(data);
    },

    async save(files, previous, changed) {
      if (!dir) return;
      const mine = await valid();
      const incremental = mine !== null && previous !== null && same(mine, previous);
      await rm(join(dir, MANIFEST), { force: true });
      if (!incremental) await rm(join(dir, 'files'), { recursive: true, force: true });
      const paths = incremental ? changed.write : files.manifest.files.map((f) => f.path);
      for (const path of paths) {
        if (path === MANIFEST || !safe(path)) continue;
        await writeAtomic(join(dir, 'files', path), await files.read(path));
      }
      if (incremental) for (const path of changed.remove) if (safe(path)) await rm(join(dir, 'files', path), { force: true });
      await writeAtomic(join(dir, MANIFEST), await files.read(MANIFEST));
    },
  };
}
