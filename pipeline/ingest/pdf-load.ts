/**
 * Load a PDF with pdfjs-dist and read each page's text items, ruling lines and images (pdf-content.ts shapes).
 * pdfjs gets its bundled CMaps and standard font data, so CJK fonts that are not embedded (STSong-Light with
 * UniGB-UCS2-H, GBK-EUC-H, …) decode to the right characters. Failures become InputErrors naming the file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Before pdf.js: the built-ins its core-js replaces are kept, and put back once it and its worker have loaded.
import { restoreBuiltIns } from './pdf-natives.ts';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// The worker's module, loaded here rather than by pdf.js at the first document (the same module: pdf.js finds it on
// globalThis.pdfjsWorker), so that its core-js too has run before the built-ins are put back.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { InputError } from '../errors.ts';
import { LimitError, READ_LIMITS, type ReadLimits } from './limits.ts';
import { CMapFiles, StandardFontFiles } from './pdf-data-files.ts';
import { checkPdfStreams } from './pdf-streams.ts';
import { IDENTITY, type Matrix, type PdfPage, type PdfText, type Rule, apply, multiply, pathRules } from './pdf-content.ts';

restoreBuiltIns();

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_DIR = `${join(PDFJS_DIR, 'cmaps')}/`;
const STANDARD_FONT_DIR = `${join(PDFJS_DIR, 'standard_fonts')}/`;

const { OPS } = pdfjs;
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat,
]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);
/** pdf.js's path buffer opcodes (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** The page's limits, and the path points counted so far. */
interface Budget {
  limits: Pick<ReadLimits, 'maxPdfOperators' | 'maxPdfSegments'>;
  points: number;
}

function overSegments(budget: Budget): LimitError {
  return new LimitError(`a page draws more than ${budget.limits.maxPdfSegments} line segments`, 'maxPdfSegments', budget.limits.maxPdfSegments);
}

/** The polylines of a pdf.js path buffer, mapped through the current transformation matrix. */
function subpaths(buffer: ArrayLike<number>, ctm: Matrix, page: Matrix, budget: Budget): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  const toPage = (x: number, y: number): [number, number] => {
    if (++budget.points > budget.limits.maxPdfSegments) throw overSegments(budget);
    const [ux, uy] = apply(ctm, x, y);
    return apply(page, ux, uy);
  };
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++]!;
    if (op === MOVE_TO) {
      if (current.length > 1) out.push(current);
      current = [toPage(buffer[k]!, buffer[k + 1]!)];
      k += 2;
    } else if (op === LINE_TO) {
      current.push(toPage(buffer[k]!, buffer[k + 1]!));
      k += 2;
    } else if (op === CURVE_TO) {
      // A curve is no ruling line: end the polyline there.
      if (current.length > 1) out.push(current);
      current = [toPage(buffer[k + 4]!, buffer[k + 5]!)];
      k += 6;
    } else if (op === QUADRATIC_CURVE_TO) {
      if (current.length > 1) out.push(current);
      current = [toPage(buffer[k + 2]!, buffer[k + 3]!)];
      k += 4;
    } else if (op === CLOSE_PATH) {
      if (current.length > 1) current.push(current[0]!);
    } else break;
  }
  if (current.length > 1) out.push(current);
  return out;
}

/** The path buffer of a constructPath operator that strokes or fills (and so counts against maxPdfSegments). */
function drawnPath(fn: number, args: unknown): ArrayLike<number> | undefined {
  if (fn !== OPS.constructPath || !args) return undefined;
  const [paint, data] = args as [number, Array<ArrayLike<number> | null>];
  const buffer = data?.[0];
  return buffer && (STROKE_OPS.has(paint) || FILL_OPS.has(paint)) ? buffer : undefined;
}

/** The path points of a pdf.js path buffer (as subpaths() counts them). */
function pathPoints(buffer: ArrayLike<number>): number {
  let points = 0;
  for (let k = 0; k < buffer.length;) {
    const op = buffer[k++]!;
    if (op === MOVE_TO || op === LINE_TO) k += 2;
    else if (op === CURVE_TO) k += 6;
    else if (op === QUADRATIC_CURVE_TO) k += 4;
    else if (op === CLOSE_PATH) continue;
    else break;
    points++;
  }
  return points;
}

type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

/**
 * The page's operator list, refused as soon as it passes maxPdfOperators or draws more than maxPdfSegments path
 * points: pdf.js hands it over in chunks of about a thousand operators (its streaming render path), and a listener
 * on those chunks counts both and stops the page there instead of after millions (pdf.ts then destroys the document,
 * which ends pdf.js's parsing of the page). pdfjs-dist is pinned: the listener rides on its page's intent state (a
 * stable internal); without it the counts are checked when the list is complete.
 */
async function operatorList(page: PDFPageProxy, limits: Budget['limits']): Promise<OperatorList> {
  const max = limits.maxPdfOperators;
  const overOperators = () => new LimitError(`a page has more than ${max} drawing operators`, 'maxPdfOperators', max);
  const budget: Budget = { limits, points: 0 };
  let counted = 0;
  /** The limit the list passes, counting the operators not counted yet. */
  const over = (list: { fnArray: number[]; argsArray: unknown[] }): LimitError | undefined => {
    if (list.fnArray.length > max) return overOperators();
    for (; counted < list.fnArray.length; counted++) {
      const buffer = drawnPath(list.fnArray[counted]!, list.argsArray[counted]);
      if (buffer) budget.points += pathPoints(buffer);
    }
    return budget.points > limits.maxPdfSegments ? overSegments(budget) : undefined;
  };
  const listed = page.getOperatorList();
  type State = { operatorList?: { fnArray: number[]; argsArray: unknown[] }; renderTasks?: Set<{ operatorListChanged(): void }> };
  const states = (page as unknown as { _intentStates?: Map<unknown, State> })._intentStates;
  const state = states ? [...states.values()].find((s) => s.renderTasks && s.operatorList) : undefined;
  const stopped = new Promise<never>((_, reject) => {
    const listener = {
      operatorListChanged() {
        const err = state?.operatorList && over(state.operatorList);
        if (!err) return;
        state.renderTasks?.delete(listener);
        reject(err);
      },
    };
    state?.renderTasks?.add(listener);
  });
  // Whichever loses the race may settle later (a page stopped at the limit, a damaged page): never unhandled.
  stopped.catch(() => undefined);
  listed.catch(() => undefined);
  const list = await Promise.race([listed, stopped]);
  const err = over(list);
  if (err) throw err;
  return list;
}

/** Ruling lines and image count from the page's operator list, tracking the CTM through save/restore. */
async function graphics(page: PDFPageProxy, toPage: Matrix, limits: ReadLimits): Promise<{ rules: Rule[]; images: number }> {
  const list = await operatorList(page, limits);
  const budget: Budget = { limits, points: 0 };
  const rules: Rule[] = [];
  let images = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0];
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = multiply(ctm, Array.from(matrix as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (IMAGE_OPS.has(fn)) images++;
    else {
      const buffer = drawnPath(fn, args);
      if (!buffer) continue;
      const stroked = STROKE_OPS.has((args as [number])[0]);
      for (const r of pathRules(subpaths(buffer, ctm, toPage, budget), stroked, !stroked)) rules.push(r);
    }
  }
  return { rules, images };
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
}

async function texts(page: PDFPageProxy, toPage: Matrix): Promise<PdfText[]> {
  const content = await page.getTextContent();
  const out: PdfText[] = [];
  for (const item of content.items as RawTextItem[]) {
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const m = multiply(toPage, item.transform);
    // Vertical or rotated runs are no table text (watermarks, stamps).
    if (Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || m[0] <= 0) continue;
    const size = Math.hypot(m[2], m[3]);
    const scale = Math.hypot(toPage[0], toPage[1]);
    out.push({ text: item.str, x: m[4], baseline: m[5], width: item.width * scale, size });
  }
  return out;
}

export async function readPage(page: PDFPageProxy, limits: ReadLimits = READ_LIMITS): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const toPage = viewport.transform as Matrix;
  // The operators first: a page over the limits is refused before its text is read.
  const { rules, images } = await graphics(page, toPage, limits);
  const text = await texts(page, toPage);
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, texts: text, rules, images };
}

/** The bytes end with %%EOF (allowing trailing white space and junk a few bytes long); a cut file does not. */
const EOF_WINDOW = 1024;
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - EOF_WINDOW));
  return tail.toString('latin1').includes('%%EOF');
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Open the PDF with pdf.js, after checking its compressed streams against limits.maxUnzippedBytes (pdf-streams.ts:
 * pdf.js inflates a page's content whole before reading it).
 */
export async function openPdf(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<PDFDocumentProxy> {
  if (!endsWithEof(bytes)) {
    throw new InputError(
      `truncated PDF: the file ends after ${bytes.length} bytes without the %%EOF marker a complete PDF ends with ` +
        '(an interrupted download?): expected a complete PDF file',
      name,
    );
  }
  try {
    await checkPdfStreams(bytes, limits.maxUnzippedBytes);
  } catch (err) {
    if (err instanceof LimitError) throw new InputError(err.message, name);
    throw err;
  }
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    CMapReaderFactory: CMapFiles,
    standardFontDataUrl: STANDARD_FONT_DIR,
    StandardFontDataFactory: StandardFontFiles,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const e = err as { name?: string };
    if (e?.name === 'PasswordException') {
      throw new InputError('encrypted PDF: it needs a password to open; expected a PDF that opens without one', name);
    }
    throw new InputError(`damaged PDF: ${reason(err)}; expected a readable PDF file`, name);
  }
}

/** Read every page; a page that fails to read is an error naming the page. */
export async function readPages(doc: PDFDocumentProxy, name: string, limits: ReadLimits = READ_LIMITS): Promise<PdfPage[]> {
  if (doc.numPages > limits.maxPdfPages) {
    throw new LimitError(`the PDF has ${doc.numPages} pages`, 'maxPdfPages', limits.maxPdfPages, name);
  }
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      pages.push(await readPage(page, limits));
      page.cleanup();
    } catch (err) {
      if (err instanceof LimitError) throw new InputError(`page ${n} of ${doc.numPages}: ${err.message}`, name, { page: n });
      throw new InputError(`damaged PDF: page ${n} of ${doc.numPages} could not be read (${reason(err)})`, name);
    }
  }
  return pages;
}
