/**
 * ingest: the bytes of one file → its text as cells, or its structured data. The rendering is told from the
 * content (never from the file name alone); each rendering has its own reader. Every failure is an InputError.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import type { Rendering, Source } from '../model/report.ts';
import { decodeText } from './decode.ts';
import { readFlatText } from './flat-text.ts';
import { readLayoutText } from './layout-text.ts';
import { LimitError, READ_LIMITS, type ReadLimits } from './limits.ts';
import { readMarkdown } from './markdown.ts';
import { readRawText } from './pdftotext-raw.ts';
import { looksBinary, sniffBinary, sniffText } from './sniff.ts';
import { DOC_MEDIA_TYPE, DOCX_MEDIA_TYPE, type IngestedDocument, type TextCell } from './types.ts';
import { readWordText } from './word-text.ts';
import { htmlOfMarkdownTables } from './markdown-html.ts';

export type { CellDocument, IngestedDocument, StructuredDocument, TextCell } from './types.ts';

export interface IngestOptions {
  /** A charset declared outside the file, e.g. by an HTTP Content-Type header. */
  charset?: string;
  /** The readers' resource limits (default READ_LIMITS). */
  limits?: ReadLimits;
}

const EXPECTED = 'expected an annual report as text, HTML, Word .docx or .doc, PDF, JSON or YAML';

function mediaTypeOf(rendering: Rendering, encoding: string): string {
  switch (rendering) {
    case 'html':
      return 'text/html';
    case 'json':
      return 'application/json';
    case 'yaml':
      return 'application/yaml';
    case 'docx':
      return DOCX_MEDIA_TYPE;
    case 'doc':
      return DOC_MEDIA_TYPE;
    case 'pdf':
      return 'application/pdf';
    case 'markdown':
      return `text/markdown; charset=${encoding}`;
    default:
      return `text/plain; charset=${encoding}`;
  }
}

function source(bytes: Uint8Array, name: string, rendering: Rendering, encoding?: string): Source {
  return {
    name,
    mediaType: mediaTypeOf(rendering, encoding ?? 'utf-8'),
    rendering,
    ...(encoding === undefined ? {} : { encoding }),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}

function binaryError(name: string): InputError {
  return new InputError(`binary data, not a text document: ${EXPECTED}`, name);
}

type TextRendering = 'html' | 'word-text' | 'pdftotext-layout' | 'flat-text' | 'pdftotext-raw' | 'markdown';

/** The HTML reader, loaded once: a dynamic import() per page costs a module resolution each time. */
let htmlReader: Promise<typeof import('./html.ts')> | undefined;

async function textCells(rendering: TextRendering, text: string, limits: ReadLimits): Promise<TextCell[]> {
  // parse5 loads only when an HTML page comes in (pdf.js, mammoth and cfb likewise, below).
  if (rendering === 'html') return (await (htmlReader ??= import('./html.ts'))).readHtml(htmlOfMarkdownTables(text) ?? text, { maxDepth: limits.maxHtmlDepth });
  if (rendering === 'flat-text') return readFlatText(text);
  if (rendering === 'pdftotext-raw') return readRawText(text);
  if (rendering === 'markdown') return readMarkdown(text);
  if (rendering === 'word-text') return readWordText(text);
  return readLayoutText(text);
}

/** Run a reader; an unexpected exception becomes an InputError about this file. */
async function guarded<T>(name: string, rendering: Rendering, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    // A pure reader's error (a limit) does not know the file: name it.
    if (err instanceof InputError) throw err.file === undefined ? new InputError(err.message, name, err.at) : err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`could not read the file as ${rendering} (${reason}): ${EXPECTED}`, name);
  }
}

export async function ingest(bytes: Uint8Array, name: string, options: IngestOptions = {}): Promise<IngestedDocument> {
  const limits = options.limits ?? READ_LIMITS;
  if (bytes.length === 0) throw new InputError('empty file: expected an annual report', name);
  if (bytes.length > limits.maxBytes) throw new LimitError(`the file is ${bytes.length.toLocaleString('en-US')} bytes`, 'maxBytes', limits.maxBytes, name);
  switch (sniffBinary(bytes)) {
    case 'pdf': {
      const { readPdf } = await import('./pdf.ts');
      const pdf = await guarded(name, 'pdf', () => readPdf(bytes, name, limits));
      if (pdf.cells.length === 0) throw new InputError('the PDF holds no text: expected an annual report', name);
      return {
        kind: 'cells',
        source: source(bytes, name, 'pdf'),
        cells: pdf.cells,
        ...(pdf.scannedPages.length > 0 ? { scannedPages: pdf.scannedPages } : {}),
        ...(pdf.title === undefined ? {} : { documentTitle: pdf.title }),
      };
    }
    case 'zip':
      throw new InputError(`a zip archive but not a Word .docx (no word/document.xml inside): ${EXPECTED}`, name);
    case 'docx': {
      const { readDocx } = await import('./docx.ts');
      const cells = await guarded(name, 'docx', () => readDocx(bytes, name, limits));
      if (cells.length === 0) throw new InputError('the .docx holds no text: expected an annual report', name);
      return { kind: 'cells', source: source(bytes, name, 'docx'), cells };
    }
    case 'ole2': {
      const { readDoc } = await import('./doc.ts');
      const cells = await guarded(name, 'doc', () => readDoc(bytes, name));
      if (cells.length === 0) throw new InputError('the Word .doc holds no text: expected an annual report', name);
      return { kind: 'cells', source: source(bytes, name, 'doc'), cells };
    }
    case 'text':
      break;
  }
  const { text, encoding } = decodeText(bytes, { declared: options.charset });
  if (looksBinary(text)) throw binaryError(name);
  if (text.trim() === '') throw new InputError('empty file (only white space): expected an annual report', name);
  const rendering = sniffText(text);
  if (rendering === 'json' || rendering === 'yaml') {
    // The YAML parser loads only when structured data comes in.
    const { readStructured } = await import('./structured.ts');
    const data = await guarded(name, rendering, () => readStructured(text, rendering, name));
    return { kind: 'structured', source: source(bytes, name, rendering, encoding), data };
  }
  const cells = await guarded(name, rendering, () => textCells(rendering, text, limits));
  if (cells.length === 0) {
    throw new InputError(`no text found in this ${rendering} document: expected an annual report`, name);
  }
  return { kind: 'cells', source: source(bytes, name, rendering, encoding), cells };
}
