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
 * BundleReadError, as does a stream that is not gzip or is cut short; the lines before it have been yielded.
 */
export async function* bundleLines(bytes: Uint8Array, maxLine: number = READ_LIMITS.maxBytes): AsyncGenerator<string> {
  const gunzip = Readable.from([bytes]).pipe(createGunzip());
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = pending + decoder.write(chunk);
      let at = 0;
      for (let end = text.indexOf('\n', at); end >= 0; end = text.indexOf('\n', at)) {
        yield text.slice(at, end);
        at = end + 1;
      }
      pending = text.slice(at);
      if (pending.length > maxLine) throw new BundleReadError(`a line longer than ${maxLine.toLocaleString('en-US')} characters`);
    }
  } catch (err) {
    if (err instanceof BundleReadError) throw err;
    throw new BundleReadError(`not a complete gzip stream (${(err as Error).message})`);
  } finally {
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}
