/**
 * pdf.js's own data files (the CMaps of CJK fonts, the standard fonts' data), read for it from pdfjs-dist's folder
 * synchronously. pdf.js's Node readers read them with fs.promises: real I/O, whose end comes whenever the disk and
 * the load allow — so a page destroyed at a limit (pdf-load.ts) could still have a read in flight, and pdf.js then
 * rejected its stray promise after the read had ended and its stray filter was gone (pdf-stray.ts), failing a CI
 * run's test ("generated asynchronous activity after the test ended": AbortException "Page was destroyed."). Read
 * synchronously (the files are small: a CMap some kilobytes, a font ~100 KB) and kept, everything pdf.js does for a
 * document settles in microtasks, before the read's last turn of the event loop. The interface is pdf.js's
 * (getDocument's CMapReaderFactory and StandardFontDataFactory options), the errors its own.
 */
import { readFileSync } from 'node:fs';

const kept = new Map<string, Uint8Array>();
function read(path: string): Uint8Array {
  let data = kept.get(path);
  if (!data) {
    data = new Uint8Array(readFileSync(path));
    kept.set(path, data);
  }
  // pdf.js may transfer (detach) what it is given: a copy each time.
  return data.slice();
}

export class CMapFiles {
  private readonly baseUrl: string | null;
  private readonly isCompressed: boolean;
  constructor({ baseUrl = null, isCompressed = true }: { baseUrl?: string | null; isCompressed?: boolean }) {
    this.baseUrl = baseUrl;
    this.isCompressed = isCompressed;
  }
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    if (!this.baseUrl) throw new Error('Ensure that the `cMapUrl` and `cMapPacked` API parameters are provided.');
    if (!name) throw new Error('CMap name must be specified.');
    const url = `${this.baseUrl}${name}${this.isCompressed ? '.bcmap' : ''}`;
    try {
      return { cMapData: read(url), isCompressed: this.isCompressed };
    } catch {
      throw new Error(`Unable to load ${this.isCompressed ? 'binary ' : ''}CMap at: ${url}`);
    }
  }
}

export class StandardFontFiles {
  private readonly baseUrl: string | null;
  constructor({ baseUrl = null }: { baseUrl?: string | null }) {
    this.baseUrl = baseUrl;
  }
  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    if (!this.baseUrl) throw new Error('Ensure that the `standardFontDataUrl` API parameter is provided.');
    if (!filename) throw new Error('Font filename must be specified.');
    const url = `${this.baseUrl}${filename}`;
    try {
      return read(url);
    } catch {
      throw new Error(`Unable to load font data at: ${url}`);
    }
  }
}
