/** File-system adapter: the only place the pipeline reads and writes files. */
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { InputError } from '../errors.ts';
import { removeOnSignal } from './build-process.ts';
import { LimitError } from '../ingest/limits.ts';

export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

const CANNOT_READ: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file',
  EISDIR: 'a folder, not a file',
  ELOOP: 'a symbolic link that loops',
  EIO: 'an input/output error',
};

/**
 * Read an input document: its size is checked (limits.maxBytes) before anything is read, and no more than the
 * limit is ever read (a file growing meanwhile included). A file that cannot be read (permissions, gone, a folder)
 * is an InputError naming it: that file's error, not the run's.
 */
export async function readInput(path: string, name: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) throw new LimitError(`the file is ${size.toLocaleString('en-US')} bytes`, 'maxBytes', maxBytes, name);
    // One byte more than its size: a file that grew while it was read is caught, never cut.
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > size) throw new InputError('the file grew while it was read (is it still being written?): try again', name);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!(code in CANNOT_READ) && !code.startsWith('E')) throw err;
    throw new InputError(`cannot read the file: ${CANNOT_READ[code] ?? (err as Error).message} (${code})`, name);
  } finally {
    await handle?.close();
  }
}

/** Write a file atomically: a temporary file in the same folder, then a rename over the target. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const release = removeOnSignal(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    release();
  }
}

/** Every file under dir, as paths relative to dir with '/' separators, sorted (hidden files skipped). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        // A folder that cannot be listed is listed itself: reading it is then that entry's error, not the run's.
        const listed = await walk(full).then(() => true, (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EACCES' && err.code !== 'EPERM') throw err;
          return false;
        });
        if (!listed) out.push(relative(dir, full).split(sep).join('/'));
      }
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  }
  await walk(dir);
  return out.sort();
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
