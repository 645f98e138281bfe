/**
 * The main text of a Word 97–2003 document as paragraphs with their table properties, from its WordDocument,
 * table (0Table/1Table) and Data streams ([MS-DOC]: the FIB, the piece table in the Clx, the paragraph
 * properties in PAPX FKPs). Throws a plain Error on a structure that does not add up; the caller names the file.
 * Pure.
 */
import { applySprms, emptyProps, type ParagraphProps } from './doc-sprms.ts';

export interface DocStreams {
  word: Uint8Array;
  table: (name: '0Table' | '1Table') => Uint8Array | undefined;
  data?: Uint8Array;
}

export interface DocParagraph {
  /** The paragraph's text without its end mark, fields reduced to their shown result. */
  text: string;
  /** The end mark: '\r' paragraph, '\u0007' table cell or row end, '\f' page or section break. */
  mark: string;
  props: ParagraphProps;
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

interface PapxRun {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array | undefined;
}

const WORD_IDENT = 0xa5ec;
const FLAG_TABLE_1 = 0x0200;
const FLAG_ENCRYPTED = 0x0100;
const FC_CLX = 33;
const FC_PLCF_BTE_PAPX = 13;
const PAGE = 512;
const PARAGRAPH_ENDS = new Set(['\r', '\u0007', '\f']);

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(what);
}

/** FIB fields: the table stream's name, ccpText, and the (fc, lcb) pairs of FibRgFcLcb. */
function readFib(word: Uint8Array): { tableName: '0Table' | '1Table'; ccpText: number; fcLcb: (i: number) => [number, number] } {
  need(word.length >= 0x200, 'the WordDocument stream is shorter than its header');
  const v = view(word);
  need(v.getUint16(0, true) === WORD_IDENT, 'no Word document header (wIdent) in the WordDocument stream');
  const flags = v.getUint16(0x0a, true);
  if ((flags & FLAG_ENCRYPTED) !== 0) throw new Error('the document is password-protected (encrypted)');
  const csw = v.getUint16(32, true);
  const lw = 34 + csw * 2;
  const cslw = v.getUint16(lw, true);
  const rgLw = lw + 2;
  const fcLcbAt = rgLw + cslw * 4 + 2;
  need(cslw >= 4 && fcLcbAt + (FC_CLX + 1) * 8 <= word.length, 'the FIB is too short (a Word 6/95 file?)');
  return {
    tableName: (flags & FLAG_TABLE_1) !== 0 ? '1Table' : '0Table',
    ccpText: v.getInt32(rgLw + 3 * 4, true),
    fcLcb: (i) => [v.getUint32(fcLcbAt + i * 8, true), v.getUint32(fcLcbAt + i * 8 + 4, true)],
  };
}

/** The piece table (PlcPcd) from the Clx, skipping its Prc entries. */
function readPieces(table: Uint8Array, fc: number, lcb: number): Piece[] {
  need(fc + lcb <= table.length && lcb > 0, 'the piece table lies outside the table stream');
  const v = view(table);
  let at = fc;
  const end = fc + lcb;
  while (at < end && table[at] === 0x01) {
    const size = v.getInt16(at + 1, true);
    need(size >= 0, 'a bad property entry (Prc) in the Clx');
    at += 3 + size;
  }
  need(at < end && table[at] === 0x02, 'no piece table in the Clx');
  const size = v.getUint32(at + 1, true);
  const plc = at + 5;
  need(plc + size <= table.length && (size - 4) % 12 === 0, 'the piece table has a bad size');
  const count = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const raw = v.getUint32(plc + (count + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fcValue = raw & 0x3fffffff;
    pieces.push({
      cpStart: v.getUint32(plc + i * 4, true),
      cpEnd: v.getUint32(plc + (i + 1) * 4, true),
      fc: compressed ? fcValue / 2 : fcValue,
      compressed,
    });
  }
  return pieces;
}

const CP1252 = new TextDecoder('windows-1252');
const UTF16 = new TextDecoder('utf-16le');

/** The text of characters [from, to) as one string, and the file offset of each character. */
function readText(word: Uint8Array, pieces: Piece[], to: number): { text: string; fcOf: (cp: number) => number } {
  const parts: string[] = [];
  for (const p of pieces) {
    if (p.cpStart >= to) break;
    const n = Math.min(p.cpEnd, to) - p.cpStart;
    const bytes = n * (p.compressed ? 1 : 2);
    need(p.fc + bytes <= word.length, 'a text piece lies outside the WordDocument stream');
    const slice = word.subarray(p.fc, p.fc + bytes);
    parts.push(p.compressed ? CP1252.decode(slice) : UTF16.decode(slice));
  }
  const fcOf = (cp: number): number => {
    const p = pieces.find((q) => cp >= q.cpStart && cp < q.cpEnd);
    return p === undefined ? -1 : p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
  };
  return { text: parts.join(''), fcOf };
}

/** Every paragraph-property run of the PAPX FKPs, by file offset. */
function readPapxRuns(word: Uint8Array, table: Uint8Array, fc: number, lcb: number): PapxRun[] {
  need(fc + lcb <= table.length, 'the paragraph property table lies outside the table stream');
  const v = view(table);
  const count = lcb >= 4 ? (lcb - 4) / 8 : 0;
  const runs: PapxRun[] = [];
  for (let i = 0; i < count; i++) {
    const page = (v.getUint32(fc + (count + 1) * 4 + i * 4, true) & 0x3fffff) * PAGE;
    need(page + PAGE <= word.length, 'a paragraph property page lies outside the WordDocument stream');
    const fkp = word.subarray(page, page + PAGE);
    const fv = view(fkp);
    const crun = fkp[PAGE - 1]!;
    for (let j = 0; j < crun; j++) {
      const offset = fkp[(crun + 1) * 4 + j * 13]! * 2;
      let grpprl: Uint8Array | undefined;
      if (offset !== 0) {
        const cb = fkp[offset]!;
        grpprl = cb !== 0 ? fkp.subarray(offset + 1, offset + cb * 2) : fkp.subarray(offset + 2, offset + 2 + fkp[offset + 1]! * 2);
      }
      runs.push({ fcStart: fv.getUint32(j * 4, true), fcEnd: fv.getUint32((j + 1) * 4, true), grpprl });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function propsAt(runs: PapxRun[], fc: number, data: Uint8Array | undefined): ParagraphProps {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else {
      const props = emptyProps();
      if (run.grpprl !== undefined) applySprms(run.grpprl, 2, props);
      if (props.hugeAt !== undefined && data !== undefined && props.hugeAt + 2 <= data.length) {
        const size = view(data).getUint16(props.hugeAt, true);
        applySprms(data.subarray(props.hugeAt + 2, props.hugeAt + 2 + size), 0, props);
      }
      return props;
    }
  }
  return emptyProps();
}

/** Fields (\x13 code \x14 result \x15) reduced to their result; other control characters dropped. */
function cleanText(text: string): string {
  let out = '';
  const stack: boolean[] = [];
  for (const ch of text) {
    if (ch === '\u0013') stack.push(false);
    else if (ch === '\u0014') { if (stack.length > 0) stack[stack.length - 1] = true; }
    else if (ch === '\u0015') stack.pop();
    else if (stack.length > 0 && !stack[stack.length - 1]) continue;
    else if (ch === '\u000b') out += '\n';
    else if (ch === '\u001e') out += '-';
    else if (ch === '\t' || ch >= ' ') out += ch;
  }
  return out;
}

/** The document's main text as paragraphs; headers, footers, notes and text boxes are not read. */
export function readDocParagraphs(streams: DocStreams, maxParagraphs: number): DocParagraph[] {
  const fib = readFib(streams.word);
  const table = streams.table(fib.tableName);
  need(table !== undefined, `the ${fib.tableName} stream is missing`);
  const pieces = readPieces(table, ...fib.fcLcb(FC_CLX));
  const runs = readPapxRuns(streams.word, table, ...fib.fcLcb(FC_PLCF_BTE_PAPX));
  const { text, fcOf } = readText(streams.word, pieces, fib.ccpText);
  const paragraphs: DocParagraph[] = [];
  let start = 0;
  for (let cp = 0; cp < text.length; cp++) {
    const mark = text[cp]!;
    if (!PARAGRAPH_ENDS.has(mark)) continue;
    need(paragraphs.length < maxParagraphs, `more than ${maxParagraphs} paragraphs`);
    paragraphs.push({ text: cleanText(text.slice(start, cp)), mark, props: propsAt(runs, fcOf(cp), streams.data) });
    start = cp + 1;
  }
  if (start < text.length) paragraphs.push({ text: cleanText(text.slice(start)), mark: '\r', props: emptyProps() });
  return paragraphs;
}
