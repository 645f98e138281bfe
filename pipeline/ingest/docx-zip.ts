/**
 * A .docx is a zip: before mammoth inflates it whole, check what it holds against the limits. The sizes its
 * entries declare (all of them, together), then the sizes they actually inflate to (every entry, streamed chunk by
 * chunk and stopped at the limit: a zip bomb that lies about its sizes is caught too). Every entry, not only the XML
 * parts: which parts mammoth reads is the file's to say (its relationships can name any entry as the document, the
 * styles or the numbering), and a reader added later may read others.
 */
import JSZip from 'jszip';
import { LimitError, mb } from './limits.ts';

/** More entries than any Word document holds (a central directory of tiny entries is its own kind of bomb). */
const MAX_ENTRIES = 10_000;

interface Entry {
  name: string;
  dir: boolean;
  /** jszip's record of the central directory. */
  _data?: { uncompressedSize?: number };
  internalStream(type: 'uint8array'): {
    on(event: 'data', f: (chunk: Uint8Array) => void): unknown;
    on(event: 'end', f: () => void): unknown;
    on(event: 'error', f: (err: Error) => void): unknown;
    resume(): unknown;
    pause(): unknown;
  };
}

/** Inflate one entry, counting; stops (and rejects) as soon as the count passes `budget`. */
function inflatedSize(entry: Entry, budget: number, max: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const stream = entry.internalStream('uint8array');
    stream.on('data', (chunk) => {
      total += chunk.length;
      if (total > budget) {
        stream.pause();
        reject(new LimitError(`the .docx inflates to more than ${mb(max)} (stopped inside its entry ${entry.name}: a zip bomb?)`, 'maxUnzippedBytes', max));
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(total));
    stream.resume();
  });
}

/** Throws a LimitError when the zip's entries declare or inflate to more than `max` bytes together. */
export async function checkDocxZip(bytes: Uint8Array, max: number): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files) as unknown as Entry[];
  if (entries.length > MAX_ENTRIES) {
    throw new LimitError(`the .docx holds ${entries.length} zip entries (a Word document holds a few dozen)`, 'maxUnzippedBytes', max);
  }
  let declared = 0;
  // jszip reads the 32-bit sizes as signed numbers: 3 GB comes out negative.
  for (const e of entries) declared += e.dir ? 0 : (e._data?.uncompressedSize ?? 0) >>> 0;
  if (declared > max) throw new LimitError(`the .docx declares ${mb(declared)} uncompressed (a zip bomb?)`, 'maxUnzippedBytes', max);
  let actual = 0;
  for (const e of entries) {
    if (e.dir) continue;
    actual += await inflatedSize(e, max - actual, max);
  }
}
