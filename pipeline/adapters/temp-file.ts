/**
 * A temporary file of a build's own: one file in a fresh folder under `dir` (default the system's temporary folder),
 * read and written at positions, removed with its folder on close or by a signal that stops the process
 * (build-process.ts). What the spills (spill.ts, record-spill.ts) put their values in.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnSignal } from './build-process.ts';

export interface TempFile {
  /** Write all of `buf` at `at`. */
  writeAt(buf: Uint8Array, at: number): void;
  /** Read up to `bytes` at `at` into `into`; the bytes read (fewer only at the end of the file). */
  readAt(into: Uint8Array, at: number, bytes: number): number;
  close(): void;
}

/** `label` names the file's user in the error for a use after close; `prefix` its folder ("xxgk-spill-"). */
export function openTempFile(label: string, prefix: string, name: string, dir: string = tmpdir()): TempFile {
  const folder = mkdtempSync(join(dir, prefix));
  const release = removeOnSignal(folder);
  let fd: number | null = openSync(join(folder, name), 'w+');
  const open = (): number => {
    if (fd === null) throw new Error(`${label}: used after close`);
    return fd;
  };
  return {
    writeAt(buf, at) {
      let done = 0;
      while (done < buf.length) done += writeSync(open(), buf, done, buf.length - done, at + done);
    },
    readAt(into, at, bytes) {
      let done = 0;
      while (done < bytes) {
        const n = readSync(open(), into, done, bytes - done, at + done);
        if (n === 0) break;
        done += n;
      }
      return done;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
      rmSync(folder, { recursive: true, force: true });
      release();
    },
  };
}
