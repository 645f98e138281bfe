/**
 * The lines of a report bundle of the national layout (datasets/release-layout.ts: reports/2024.ndjson.gz, gzip NDJSON,
 * one report document a line), decompressed a chunk at a time: only the compressed bundle and the line being read
 * are in memory, never the whole decompressed bundle. Shared by the readers of a last release (history.ts) and of a
 * last build (build-changed.ts).
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { READ_LIMITS } from '../ingest/limits.ts';

/** A bundle that is not gzip, is cut short, or holds a line longer than the limit: what went wrong, for the caller to name the file. */
export class BundleReadError extends Error {}

/**
 * Each line of the gzip NDJSON `bytes`, without its newline, in order (a last empty line is not one). A line longer
 * than `maxLine` characters (default: limits.maxBytes, the largest document read) stops the read with a
 * BundleReadError as soon as it is seen to be, as does a stream that is not gzip or is cut short; the lines before it
 * have been yielded. Each decompressed chunk is searched once (a line's pieces are joined when its end comes), so a
 * long line costs its length, not its length times its chunks.
 */
export async function* bundleLines(bytes: Uint8Array, maxLine: number = READ_LIMITS.maxBytes): AsyncGenerator<string> {
  const gunzip = Readable.from([bytes]).pipe(createGunzip());
  const decoder = new StringDecoder('utf8');
  const tooLong = () => new BundleReadError(`a line longer than ${maxLine.toLocaleString('en-US')} characters`);
  /** The pieces of the line being read, and their length. */
  let pieces: string[] = [];
  let held = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      let at = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', at)) {
        if (held + end - at > maxLine) throw tooLong();
        pieces.push(text.slice(at, end));
        const line = pieces.length === 1 ? pieces[0]! : pieces.join('');
        pieces = [];
        held = 0;
        at = end + 1;
        yield line;
      }
      if (at < text.length) {
        pieces.push(text.slice(at));
        held += text.length - at;
        if (held > maxLine) throw tooLong();
      }
    }
  } catch (err) {
    if (err instanceof BundleReadError) throw err;
    throw new BundleReadError(`not a complete gzip stream (${(err as Error).message})`);
  } finally {
    gunzip.destroy();
  }
  const rest = pieces.join('') + decoder.end();
  if (rest.length > maxLine) throw tooLong();
  if (rest !== '') yield rest;
}
