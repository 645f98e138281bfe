/**
 * A spill: values put aside on disk while a build runs, so that memory holds only where each one is. One append-only
 * temporary file; a value is written by structured clone (v8.serialize: what worker threads send, so a report comes
 * back as it went, undefined and all) and read back by its place. The file is removed on close, or by a signal that
 * stops the process (build-process.ts).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { removeOnSignal } from './build-process.ts';

/** Where a value lies in the spill. */
export interface SpillRef {
  at: number;
  bytes: number;
}

export interface Spill<T> {
  put(value: T): SpillRef;
  get(ref: SpillRef): T;
  close(): void;
}

/** A spill in a fresh folder under `dir` (default the system's temporary folder). */
export function openSpill<T>(dir: string = tmpdir()): Spill<T> {
  const folder = mkdtempSync(join(dir, 'xxgk-spill-'));
  const release = removeOnSignal(folder);
  let fd: number | null = openSync(join(folder, 'values'), 'w+');
  let end = 0;
  const open = (): number => {
    if (fd === null) throw new Error('spill: used after close');
    return fd;
  };
  return {
    put(value) {
      const buf = serialize(value);
      let done = 0;
      while (done < buf.length) done += writeSync(open(), buf, done, buf.length - done, end + done);
      const ref = { at: end, bytes: buf.length };
      end += buf.length;
      return ref;
    },
    get(ref) {
      const buf = Buffer.allocUnsafe(ref.bytes);
      let done = 0;
      while (done < ref.bytes) {
        const n = readSync(open(), buf, done, ref.bytes - done, ref.at + done);
        if (n === 0) throw new Error(`spill: value at ${ref.at} cut short`);
        done += n;
      }
      return deserialize(buf) as T;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(folder, { recursive: true, force: true });
      release();
    },
  };
}
