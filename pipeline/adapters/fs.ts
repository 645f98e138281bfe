/** File-system adapter: the only place the pipeline reads and writes files. */
import { type Stats, constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
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
  ENOTDIR: 'a path through something that is not a folder',
  ELOOP: 'a symbolic link that loops',
  ENXIO: 'a socket or a device with nothing behind it',
  ENAMETOOLONG: 'a name too long',
  EIO: 'an input/output error',
};

/** A file-system error for a message: "permission denied (EACCES)". */
export function cannotRead(err: NodeJS.ErrnoException): string {
  return err.code ? `${CANNOT_READ[err.code] ?? err.message} (${err.code})` : err.message;
}

/** What a path is, for a message: "a folder", "a FIFO (named pipe)", … */
export function kindOf(s: Stats): string {
  if (s.isFile()) return 'a file';
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Why a path cannot be read as a document, said of the link when it is a symbolic link (a dangling one included). */
async function whyNot(path: string, reason: string, code: string): Promise<string> {
  const link = await lstat(path).then((s) => s.isSymbolicLink(), () => false);
  if (!link) return `${reason}${code ? ` (${code})` : ''}`;
  const target = await readlink(path).catch(() => '?');
  if (code === 'ENOENT') return `a symbolic link to ${target}, which does not exist (ENOENT)`;
  if (code === 'ELOOP') return `a symbolic link to ${target} that loops (ELOOP)`;
  if (code === 'EISDIR') return `a symbolic link to a folder (${target}), not a file: links to folders are not followed (EISDIR)`;
  return `a symbolic link to ${target}: ${reason}${code ? ` (${code})` : ''}`;
}

/** Opened without waiting: a FIFO with no writer, or a device, is refused, never waited on. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Read an input document: its size is checked (limits.maxBytes) before anything is read, and no more than the
 * limit is ever read (a file growing meanwhile included). A path that cannot be read as a file (permissions, gone, a
 * folder, a FIFO, a socket or a device, a symbolic link to nothing or that loops) is an InputError naming it: that
 * file's error, not the run's. Nothing that is not a regular file is read (a FIFO would block the run).
 */
export async function readInput(path: string, name: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new InputError(`cannot read the file: ${await whyNot(path, `${kindOf(stats)}, not a regular file`, '')}`, name);
    const { size } = stats;
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
    throw new InputError(`cannot read the file: ${await whyNot(path, CANNOT_READ[code] ?? (err as Error).message, code)}`, name);
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

/**
 * Every entry under dir but its folders, as paths relative to dir with '/' separators, sorted (hidden ones skipped):
 * files, and also what cannot be read as one — a symbolic link (read through when it leads to a file; one to nothing,
 * that loops or leads to a folder is not followed), a FIFO, a socket, a device, a folder that cannot be listed —
 * so that reading it (readInput) is that entry's error, said with its path, never silently skipped nor the run's.
 * dir itself that cannot be listed is an InputError naming it.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const listed = (full: string) => out.push(relative(dir, full).split(sep).join('/'));
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      // A file system that does not say an entry's type (DT_UNKNOWN): asked.
      const known = entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
      const folder = known ? entry.isDirectory() : await lstat(full).then((s) => s.isDirectory(), () => false);
      if (!folder) {
        listed(full);
        continue;
      }
      // A folder that cannot be listed is listed itself: reading it is then that entry's error, not the run's.
      const walked = await walk(full).then(() => true, (err: NodeJS.ErrnoException) => {
        if (!err.code?.startsWith('E')) throw err;
        return false;
      });
      if (!walked) listed(full);
    }
  }
  await walk(dir).catch((err: NodeJS.ErrnoException) => {
    if (!err.code?.startsWith('E')) throw err;
    throw new InputError(`cannot list the folder ${dir}: ${cannotRead(err)}`);
  });
  return out.sort();
}

/**
 * The files of an inbox folder (listFiles). A folder that does not exist (yet) is an empty inbox; a path that is there
 * but is not a folder (a file, a FIFO), or that cannot be looked at (a path through a file, permissions), is an
 * InputError naming it and saying why — never an empty inbox.
 */
export async function listInbox(dir: string): Promise<string[]> {
  const found = await stat(dir).catch((err: NodeJS.ErrnoException) => err);
  if (found instanceof Error) {
    if (found.code === 'ENOENT') return [];
    if (!found.code?.startsWith('E')) throw found;
    throw new InputError(`cannot list the folder ${dir}: ${cannotRead(found)}`, dir);
  }
  if (!found.isDirectory()) throw new InputError(`the inbox ${dir} is ${kindOf(found)}, not a folder; expected a folder of report documents`, dir);
  return listFiles(dir);
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
