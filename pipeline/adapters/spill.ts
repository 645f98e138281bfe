/**
 * A spill: values put aside on disk while a build runs, so that memory holds only where each one is. One append-only
 * temporary file (temp-file.ts: removed on close, or by a signal that stops the process); a value is written by
 * structured clone (v8.serialize: what worker threads send, so a report comes back as it went, undefined and all) and
 * read back by its place.
 */
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { openTempFile } from './temp-file.ts';

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
  const file = openTempFile('spill', 'xxgk-spill-', 'values', dir);
  let end = 0;
  return {
    put(value) {
      const buf = serialize(value);
      file.writeAt(buf, end);
      const ref = { at: end, bytes: buf.length };
      end += buf.length;
      return ref;
    },
    get(ref) {
      const buf = Buffer.allocUnsafe(ref.bytes);
      if (file.readAt(buf, ref.at, ref.bytes) < ref.bytes) throw new Error(`spill: value at ${ref.at} cut short`);
      return deserialize(buf) as T;
    },
    close: () => file.close(),
  };
}
