/**
 * A record spill: values put aside on disk in the order they come and read back by their number, so that memory
 * holds only where each one lies (4 bytes a value while the file is under 4 GiB, 8 past it: UintColumn). The sibling of spill.ts for many small values read back in passes:
 * writes are gathered in a buffer, and a read that follows the last one in the file is served from a window read ahead
 * (a pass in order costs a read a window, not one a value); a read elsewhere reads that value only. Values are written
 * by structured clone (v8.serialize: they come back as they went, key order and all). One temporary file
 * (temp-file.ts: removed on close, or by a signal that stops the process).
 */
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { openTempFile } from './temp-file.ts';
import { UintColumn } from '../value-table.ts';

export interface RecordSpill<T> {
  /** Puts a value aside; its number (0, 1, 2, …). */
  put(value: T): number;
  /** The value of a number put before. */
  get(index: number): T;
  close(): void;
}

/** Bytes gathered before a write, and read ahead for a pass in order. */
const WINDOW = 256 * 1024;

/** A record spill in a fresh folder under `dir` (default the system's temporary folder). */
export function openRecordSpill<T>(dir: string = tmpdir(), window = WINDOW): RecordSpill<T> {
  const file = openTempFile('record spill', 'xxgk-records-', 'records', dir);
  // Where each value starts; the end of the last one is `end`.
  const starts = new UintColumn(1024, 2);
  let count = 0;
  let end = 0;
  // Written values not yet on disk: [flushed, end).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let flushed = 0;
  // The window of the file read last: [windowAt, windowAt + windowBytes).
  let windowBuf = Buffer.alloc(0);
  let windowAt = 0;
  let windowBytes = 0;
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('record spill: used after close');
  };
  const flush = (): void => {
    const buf = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    file.writeAt(buf, flushed);
    flushed += buf.length;
    pending = [];
    pendingBytes = 0;
  };
  return {
    put(value) {
      open();
      const buf = serialize(value);
      starts.set(count, end);
      end += buf.length;
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= window) flush();
      return count++;
    },
    get(index) {
      open();
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`record spill: no value ${index} (${count} put)`);
      const at = starts.at(index);
      const bytes = (index + 1 < count ? starts.at(index + 1) : end) - at;
      if (at + bytes > flushed) flush();
      if (at < windowAt || at + bytes > windowAt + windowBytes) {
        // In order (the value after the window): read a window ahead; elsewhere, this value only.
        const size = at === windowAt + windowBytes ? Math.max(window, bytes) : bytes;
        if (windowBuf.length < size) windowBuf = Buffer.allocUnsafe(size);
        windowAt = at;
        windowBytes = file.readAt(windowBuf, at, Math.min(size, end - at));
        if (windowBytes < bytes) throw new Error(`record spill: value ${index} at ${at} cut short`);
      }
      return deserialize(windowBuf.subarray(at - windowAt, at - windowAt + bytes)) as T;
    },
    close() {
      closed = true;
      pending = [];
      windowBuf = Buffer.alloc(0);
      file.close();
    },
  };
}
