/**
 * A PDF's compressed streams, checked against limits.maxUnzippedBytes before pdf.js opens the file. pdf.js inflates
 * a page's content stream whole before it reads the first operator (and again for its text): a 400 KB file whose
 * content stream inflates to 400 MB of blanks took 1.2 GB and 50 s to read. Each stream that could inflate past the
 * limit is inflated here, counted chunk by chunk and stopped at the limit; nothing is kept.
 *
 * Every stream whose bytes start with a zlib header (FlateDecode, the first or only filter, as pdf.js requires) is
 * inflated from there to where its deflate data ends — never cut at an `endstream` found in the bytes, which a
 * hostile file can plant inside the data while its /Length says otherwise. A damaged stream is counted up to where
 * it breaks (pdf.js will say what is wrong with it). Other filters (LZW, run length) are not checked here: the
 * operator and segment limits stop what pdf.js makes of them.
 */
import { constants, createInflate, inflateSync } from 'node:zlib';
import { LimitError, mb } from './limits.ts';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** Streams that inflate to less are measured in one synchronous call (most of a real report's: fonts, pages). */
const SMALL = 2 ** 20;
const CR = 0x0d;
const LF = 0x0a;

/** A zlib header: deflate, a window of at most 32 KB, the check bits right, no preset dictionary. */
function zlibHeader(cmf: number | undefined, flg: number | undefined): boolean {
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === LF || b === CR || b === 0x09 || b === 0x0c || b === 0x00;

/** Where the data of each stream starts (after `stream` and its end of line). */
function* streams(bytes: Buffer): Generator<number> {
  for (let at = bytes.indexOf(STREAM); at >= 0; at = bytes.indexOf(STREAM, at + STREAM.length)) {
    // The keyword follows the stream's dictionary (">>", then white space): not the tail of "endstream".
    let k = at - 1;
    while (k >= 0 && isSpace(bytes[k])) k--;
    if (k < 1 || bytes[k] !== 0x3e || bytes[k - 1] !== 0x3e) continue;
    let start = at + STREAM.length;
    if (bytes[start] === CR) start++;
    if (bytes[start] === LF) start++;
    if (start === at + STREAM.length) continue;
    yield start;
    // Go on after the next endstream: the real one is never before it, so no stream is missed.
    const end = bytes.indexOf(END_STREAM, start);
    if (end > 0) at = end;
  }
}

/** The object number of the stream starting at `at` ("12 0 obj" before it), for the message. */
function objectBefore(bytes: Buffer, at: number): string {
  const head = bytes.subarray(Math.max(0, at - 4096), at).toString('latin1');
  const found = [...head.matchAll(/(\d+)\s+(\d+)\s+obj\b/g)].pop();
  return found ? ` (object ${found[1]})` : '';
}

/** Inflate, counting; resolves with the count, stopped as soon as it passes `max`. */
function inflatedSize(data: Uint8Array, max: number): Promise<number> {
  try {
    return Promise.resolve(inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.min(SMALL, max + 1) }).length);
  } catch {
    // Larger than SMALL, or damaged: streamed and counted.
  }
  return new Promise((resolve) => {
    let total = 0;
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 });
    const done = () => {
      inflate.removeAllListeners();
      inflate.on('error', () => undefined);
      inflate.destroy();
      resolve(total);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) done();
    });
    inflate.on('error', done);
    inflate.on('end', done);
    inflate.end(data);
  });
}

/** Throws a LimitError when one of the PDF's compressed streams inflates to more than `max` bytes. */
export async function checkPdfStreams(bytes: Uint8Array, max: number): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const start of streams(buffer)) {
    if (!zlibHeader(buffer[start], buffer[start + 1])) continue;
    if ((await inflatedSize(buffer.subarray(start), max)) > max) {
      throw new LimitError(`a compressed stream of the PDF${objectBefore(buffer, start)} inflates to more than ${mb(max)} (stopped at the limit: a PDF bomb?)`, 'maxUnzippedBytes', max);
    }
  }
}
