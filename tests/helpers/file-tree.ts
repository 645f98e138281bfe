/**
 * The files of a folder, for tests that compare two builds byte for byte. A folder given as a link (a build's output
 * link to its dated folder) is read through it.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under the folder, in path order: path (relative, '/'-separated) → its bytes and inode. */
export async function fileTree(dir: string): Promise<Map<string, { bytes: Buffer; ino: number }>> {
  const real = await realpath(dir);
  const files = new Map<string, { bytes: Buffer; ino: number }>();
  for (const f of (await readdir(real, { recursive: true })).sort()) {
    const s = await stat(join(real, f));
    if (s.isFile()) files.set(f, { bytes: await readFile(join(real, f)), ino: s.ino });
  }
  return files;
}

/** Every file under the folder, in path order: path → bytes. */
export async function fileBytes(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [path, f] of await fileTree(dir)) files.set(path, f.bytes);
  return files;
}
