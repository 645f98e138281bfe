/**
 * Compressed files a build writes through the OutputSink: a gzip file written in chunks (the compressed bytes go to
 * an open file of the sink as gzip gives them), and a tar archive (POSIX ustar) inside one, for the pages of a
 * year at national scale. Deterministic: gzip's header carries no time (mtime 0), every tar entry has mode 0644,
 * owner 0 and time 0, entries in the order added. Extract with `tar -xzf`.
 */
import { createReadStream } from 'node:fs';
import type { TransformOptions } from 'node:stream';
import { type ZlibOptions, createGunzip, createGzip } from 'node:zlib';
import type { OutputSink } from '../adapters/output.ts';
import type { FileStat } from './types.ts';

/**
 * The compression level of every gzip file of a release: zlib's default. At level 9 a changed year's gzip files
 * (300 MB of text at 10,000 reports, the national layout) cost 4.2 s of CPU against 2.4 s at 6, for 1.9% fewer
 * compressed bytes (18.46 against 18.81 MB; issue 13 §5).
 */
export const GZIP_LEVEL = 6;

/**
 * Bytes gathered before they go to gzip. Every write to a zlib stream is a round trip through the thread pool
 * (about 30 µs of CPU whatever its size): the tables come in one chunk a report per table, a few hundred bytes for
 * the small ones, and a tar entry in three (header, content, padding). Deflate's output does not depend on how its
 * input is cut (no flush between writes), so the bytes are the same.
 */
export const GZIP_BLOCK_BYTES = 64 * 1024;

/**
 * Bytes a gzip file may have waiting for the thread pool before a write waits (the stream's high-water mark): 16
 * KiB by default, less than a block, so that every block waited for its compression and the main thread and the
 * thread pool took turns instead of working at once (issue 13 §3). 1 MiB: at most 16 blocks a file, a dozen files
 * open at once in the national layout.
 */
export const GZIP_QUEUE_BYTES = 1024 * 1024;

export interface GzipFile {
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<FileStat>;
}

export function gzipFile(sink: OutputSink, path: string, mediaType: string): GzipFile {
  // zlib passes the stream's options on to its Transform (its typings do not say so).
  const options: ZlibOptions & TransformOptions = { level: GZIP_LEVEL, writableHighWaterMark: GZIP_QUEUE_BYTES };
  const gzip = createGzip(options);
  // The compressed bytes go to the file as they come (they were held whole until close: a year's pages archive, the
  // bodies' archive and every partition of the national layout, growing with the release; issue 13 §4).
  const file = sink.open(path, mediaType);
  file.catch(() => {});
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => { gzip.on('end', resolve); gzip.on('error', reject); });
  done.catch(() => {});
  /** Hand what gzip has given so far to the file, in order. */
  const flush = async () => {
    const f = await file;
    while (out.length > 0) await f.write(out.shift()!);
  };
  /**
   * Give gzip some bytes (it keeps them until compressed: never a buffer written to again before); `done`, called
   * when gzip has taken them all in (the stream's write callback).
   */
  const deflate = async (bytes: Uint8Array, taken?: () => void) => {
    if (!gzip.write(bytes, taken)) await new Promise((resolve) => gzip.once('drain', resolve));
    await flush();
  };
  /**
   * Blocks gzip has taken in, to gather the next bytes in: a file writes hundreds of megabytes at national scale, and
   * a new block for every 64 KiB was as many megabytes of buffers outside the heap for the collector to count and free.
   */
  const free: Buffer[] = [];
  let block: Buffer = Buffer.allocUnsafe(GZIP_BLOCK_BYTES);
  let used = 0;
  /** The bytes gathered so far, to gzip; another block for the next (its bytes given back once gzip took them). */
  const emit = async () => {
    if (used === 0) return;
    const whole = block;
    const full = block.subarray(0, used);
    block = free.pop() ?? Buffer.allocUnsafe(GZIP_BLOCK_BYTES);
    used = 0;
    await deflate(full, () => free.push(whole));
  };
  return {
    async write(chunk) {
      if (chunk.length === 0) return;
      // Text is encoded straight into the block when it fits (no buffer of its own); bytes are copied into it.
      const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.length;
      if (used + size > GZIP_BLOCK_BYTES) await emit();
      if (size >= GZIP_BLOCK_BYTES) return deflate(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      if (typeof chunk === 'string') block.write(chunk, used, 'utf8');
      else block.set(chunk, used);
      used += size;
    },
    async close() {
      await emit();
      gzip.end();
      await done;
      await flush();
      return (await file).close();
    },
  };
}

const BLOCK = 512;
/** Zero bytes for a tar entry's padding and the archive's end (never written to). */
const ZEROS = Buffer.alloc(2 * BLOCK);

/** Write `value` into the header at `at` as `width - 1` octal digits and a NUL. */
function octal(header: Buffer, at: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, at, width, 'ascii');
}

/** A ustar header for a regular file: a name of up to 100 bytes, or a prefix of up to 155 and a name of 100. */
export function tarHeader(name: string, size: number): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  let prefix = Buffer.alloc(0);
  let base = bytes;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf('/', name.length - 1);
    prefix = Buffer.from(name.slice(0, cut), 'utf8');
    base = Buffer.from(name.slice(cut + 1), 'utf8');
    if (cut < 0 || prefix.length > 155 || base.length > 100) throw new Error(`tar: the name ${name} is too long for a ustar header`);
  }
  const h = Buffer.alloc(BLOCK);
  base.copy(h, 0);
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, 0);
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  prefix.copy(h, 345);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** A NUL-terminated field of a tar header, as text. */
function field(header: Buffer, at: number, width: number): string {
  const end = header.indexOf(0, at);
  return header.toString('utf8', at, end < 0 || end > at + width ? at + width : end);
}

/**
 * The entries of a tar.gz file written by tarGzFile (regular files, ustar names), in order, read as the caller asks
 * for them (one entry's bytes held at a time, with what gunzip gave past it). Throws on a file that is not such an
 * archive (a bad gzip stream, a header whose checksum or size does not read, the archive cut short).
 */
export async function* tarGzEntries(path: string): AsyncGenerator<{ name: string; data: Buffer }> {
  const chunks: Buffer[] = [];
  let held = 0;
  const input = createReadStream(path).pipe(createGunzip({ chunkSize: 256 * 1024 }))[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  /** `n` bytes, or null at the end of the stream. */
  const take = async (n: number): Promise<Buffer | null> => {
    while (held < n) {
      const next = await input.next();
      if (next.done) return null;
      chunks.push(next.value);
      held += next.value.length;
    }
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, held);
    chunks.length = 0;
    const out = all.subarray(0, n);
    if (all.length > n) chunks.push(all.subarray(n));
    held -= n;
    return out;
  };
  try {
    for (;;) {
      const header = await take(BLOCK);
      if (header === null) throw new Error(`tar: ${path} ends without its closing blocks`);
      if (header.every((b) => b === 0)) return;
      let sum = 0;
      for (let k = 0; k < BLOCK; k++) sum += k >= 148 && k < 156 ? 32 : header[k]!;
      const size = Number.parseInt(field(header, 124, 12), 8);
      if (Number.parseInt(field(header, 148, 8), 8) !== sum || !Number.isSafeInteger(size) || field(header, 156, 1) !== '0') {
        throw new Error(`tar: ${path} has an entry this writer does not make`);
      }
      const prefix = field(header, 345, 155);
      const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
      const data = size === 0 ? Buffer.alloc(0) : await take(size);
      if (data === null) throw new Error(`tar: ${path} is cut short in ${name}`);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad && (await take(pad)) === null) throw new Error(`tar: ${path} is cut short in ${name}`);
      // A view into what gunzip gave (never written to): the caller uses it before asking for the next entry.
      yield { name, data };
    }
  } finally {
    // Stopped early (or failed): the file and gunzip are let go.
    await input.return?.();
  }
}

export interface TarGzFile {
  /** Add an entry: text (UTF-8) or bytes. */
  add(name: string, content: string | Uint8Array): Promise<void>;
  close(): Promise<FileStat>;
}

/** A tar archive, gzip, written entry by entry. */
export function tarGzFile(sink: OutputSink, path: string): TarGzFile {
  const gz = gzipFile(sink, path, 'application/gzip');
  return {
    async add(name, content) {
      // Text is measured and goes to gzip as text (encoded into its block), not through a buffer of its own.
      const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
      await gz.write(tarHeader(name, size));
      await gz.write(content);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) await gz.write(ZEROS.subarray(0, pad));
    },
    async close() {
      await gz.write(ZEROS);
      return gz.close();
    },
  };
}

/** One tar.gz per key (a report year): a new archive when the key changes; keys come in order. */
export function archivesByKey(sink: OutputSink, pathOf: (key: number) => string) {
  const written: FileStat[] = [];
  let key: number | null = null;
  let open: TarGzFile | null = null;
  return {
    async add(k: number, name: string, content: string | Uint8Array) {
      if (k !== key) {
        if (open) written.push(await open.close());
        key = k;
        open = tarGzFile(sink, pathOf(k));
      }
      await open!.add(name, content);
    },
    async close(): Promise<FileStat[]> {
      if (open) written.push(await open.close());
      open = null;
      key = null;
      return written;
    },
  };
}
