/**
 * The output adapter: writes a release into a staging folder, measuring every file (size, sha256) as it goes,
 * then switches it in as the output folder in one atomic step (output-switch.ts): never half-written, never missing.
 */
import { createHash } from 'node:crypto';
import { constants, createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { copyFile, link, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileStat } from '../datasets/types.ts';
import { type StepHook, recoverOutput, stagingFolder, switchOutput } from './output-switch.ts';
import { removeOnSignal } from './build-process.ts';

export interface OpenFile {
  /** Append text (written as UTF-8) or bytes. */
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<FileStat>;
}

export interface OutputSink {
  /** Open a file to write in chunks. */
  open(path: string, mediaType: string): Promise<OpenFile>;
  /** Write a whole file. */
  write(path: string, content: string | Uint8Array, mediaType: string): Promise<FileStat>;
  /**
   * Put the file `from` (a file of an earlier build, not to be changed) at `path`, as it is (a folder sink only): a hard link, or a copy
   * where the two folders are on different file systems. The caller knows its FileStat.
   */
  link?(path: string, from: string): Promise<void>;
}

function waitDrain(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

/**
 * An open file's bytes are gathered in a buffer of this size and written a buffer at a time: the big tables come in
 * one chunk a report (a few KB), and one write (and one hash update) per chunk cost a tenth of a build's CPU time.
 */
const WRITE_BUFFER = 256 * 1024;

/** A sink writing into `dir` (a staging folder). */
export function folderSink(dir: string): OutputSink {
  // Folders made so far: a release writes thousands of files into a few dozen folders.
  const made = new Set<string>();
  async function folderOf(full: string): Promise<void> {
    const parent = dirname(full);
    if (made.has(parent)) return;
    await mkdir(parent, { recursive: true });
    made.add(parent);
  }
  async function open(path: string, mediaType: string): Promise<OpenFile> {
    const full = join(dir, path);
    await folderOf(full);
    const stream = createWriteStream(full, { highWaterMark: 4 * WRITE_BUFFER });
    let failure: Error | undefined;
    stream.on('error', (err) => {
      failure = err;
    });
    const hash = createHash('sha256');
    let bytes = 0;
    let buffer = Buffer.allocUnsafe(WRITE_BUFFER);
    let used = 0;
    async function put(out: Buffer | Uint8Array) {
      hash.update(out);
      bytes += out.length;
      if (!stream.write(out)) await waitDrain(stream);
    }
    async function flush() {
      if (used === 0) return;
      const out = buffer.subarray(0, used);
      // The stream keeps the bytes until they are written: the next ones go into a new buffer.
      buffer = Buffer.allocUnsafe(WRITE_BUFFER);
      used = 0;
      await put(out);
    }
    return {
      async write(chunk) {
        if (failure) throw failure;
        if (chunk.length === 0) return;
        if (typeof chunk === 'string') {
          // A UTF-16 code unit takes at most 3 bytes of UTF-8: text that surely fits is encoded in place.
          if (chunk.length * 3 > WRITE_BUFFER - used) {
            await flush();
            if (chunk.length * 3 > WRITE_BUFFER) return put(Buffer.from(chunk, 'utf8'));
          }
          used += buffer.write(chunk, used, 'utf8');
          return;
        }
        if (chunk.length > WRITE_BUFFER - used) {
          await flush();
          if (chunk.length > WRITE_BUFFER) return put(chunk);
        }
        buffer.set(chunk, used);
        used += chunk.length;
      },
      async close() {
        if (failure) throw failure;
        await flush();
        return new Promise<FileStat>((resolve, reject) => {
          if (failure) return reject(failure);
          stream.end((err?: Error | null) => {
            const error = err ?? failure;
            if (error) reject(error);
            else resolve({ path, bytes, sha256: hash.digest('hex'), mediaType });
          });
        });
      },
    };
  }
  return {
    open,
    async write(path, content, mediaType) {
      const full = join(dir, path);
      await folderOf(full);
      const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      // Synchronously: a release is thousands of small files, and an asynchronous write (a file handle, three
      // round trips through the thread pool) cost more CPU than the write itself.
      writeFileSync(full, buf);
      return { path, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), mediaType };
    },
    async link(path, from) {
      const full = join(dir, path);
      await folderOf(full);
      await link(from, full).catch(async (err: NodeJS.ErrnoException) => {
        // Another file system, or one without hard links: a copy (never a link to the earlier build's folder).
        if (err.code !== 'EXDEV' && err.code !== 'EPERM' && err.code !== 'ENOTSUP') throw err;
        await copyFile(from, full, constants.COPYFILE_EXCL);
      });
    },
  };
}

/**
 * Build into a fresh staging folder next to `out`, then switch it in with one rename (output-switch.ts); on
 * failure `out` is untouched. `step` is for tests that inject a crash between the steps of the switch.
 */
export async function writeFolderAtomically<T>(out: string, build: (sink: OutputSink, staging: string) => Promise<T>, step?: StepHook): Promise<T> {
  await mkdir(dirname(out), { recursive: true });
  await recoverOutput(out);
  const staging = stagingFolder(out);
  await rm(staging, { recursive: true, force: true });
  // A signal that stops the process removes the staging folder (build-process.ts).
  const release = removeOnSignal(staging);
  try {
    await mkdir(staging, { recursive: true });
    let result: T;
    try {
      result = await build(folderSink(staging), staging);
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
    await switchOutput(out, step);
    return result;
  } finally {
    release();
  }
}

/** Read a file of a previous release, or null when there is none. */
export async function readPrevious(out: string, path: string): Promise<string | null> {
  return readFile(join(out, path), 'utf8').catch(() => null);
}

/** A file of the previous release in `out`, as bytes (a report bundle is gzip); null when it is not there. */
export async function readPreviousBytes(out: string, path: string): Promise<Uint8Array | null> {
  return readFile(join(out, path)).catch(() => null);
}
