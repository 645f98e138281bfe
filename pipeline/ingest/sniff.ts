/**
 * Tell renderings apart by their content, never by the file name. Pure.
 */
import { isGluedPage } from './flat-text.ts';

export type BinaryKind = 'docx' | 'pdf' | 'zip' | 'ole2' | 'text';
export type TextKind = 'json' | 'yaml' | 'html' | 'word-text' | 'pdftotext-layout' | 'flat-text' | 'pdftotext-raw' | 'markdown';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** PDF readers accept the header anywhere in the first 1024 bytes. */
const PDF_WINDOW = 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * A legacy Office file (.doc, .wps, .xls: an OLE2 compound document) is 'ole2'; its streams tell which.
 * A zip's entry names are stored uncompressed, so a .docx shows `word/document.xml` in its bytes. */
export function sniffBinary(bytes: Uint8Array): BinaryKind {
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) {
    return latin1(bytes).includes('word/document.xml') ? 'docx' : 'zip';
  }
  if (startsWith(bytes, OLE2)) return 'ole2';
  // Searched in the bytes (latin1 makes one character of each byte: the same places), without making a string.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_WINDOW)).indexOf('%PDF-', 0, 'latin1') >= 0) return 'pdf';
  return 'text';
}

// Bad characters: control characters other than tab, line feed, vertical tab, form feed and carriage return
// (U+0000–U+0008, U+000E–U+001F, U+007F), and U+FFFD, which marks bytes that did not decode.
const MAX_BAD_SHARE = 0.05;
const BAD = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/;

/** True when decoded "text" is really binary data: NUL characters, or too many control/undecodable characters. */
export function looksBinary(text: string): boolean {
  // Most texts hold no bad character at all: one search tells (V8's compiled character class scans a text two to three
  // times as fast as the loop below), and then there is nothing to count.
  if (!BAD.test(text)) return false;
  // One pass over the code units, counting the bad ones (what /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g matches).
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue;
    if (code === 0) return true;
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f || code === 0xfffd) bad++;
  }
  return text.length > 0 && bad / text.length > MAX_BAD_SHARE;
}

const HTML_TAG = /<\/?(?:html|body|table|tr|td|th|p|div|span)\b[^>]*>/gi;
const HTML_START = /^(?:<!doctype\s+html|<html\b|<\?xml\b|<!--|<head\b|<meta\b)/i;
const YAML_KEY_LINE = /^(?:[A-Za-z_][\w-]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;
const YAML_TOP_KEY = /^(?:tables|agency|"tables"|"agency"|'tables'|'agency')\s*:(?:\s|$)/m;
/**
 * How many runs of numbers (two or more spaces, then a figure: / {2,}[+\-−]?\d/g's matches) text[from, to) holds,
 * counted up to `enough`: a scan from gap to gap, with no array of matches and no copy of the line.
 */
export function numberRuns(text: string, from: number, to: number, enough: number): number {
  let count = 0;
  for (let gap = text.indexOf('  ', from); gap >= 0 && gap < to; ) {
    let at = gap + 2;
    while (at < to && text.charCodeAt(at) === 32) at++;
    let code = at < to ? text.charCodeAt(at) : -1;
    // A sign (+, -, −) then a digit; a sign alone ends the run (the next gap may start right after it).
    if ((code === 43 || code === 45 || code === 0x2212) && at + 1 < to) code = text.charCodeAt(++at);
    if (code >= 48 && code <= 57 && ++count >= enough) return count;
    gap = at < to ? text.indexOf('  ', at) : -1;
  }
  return count;
}
const MIN_LAYOUT_LINES = 3;

/** How many HTML tags the text holds, counted up to `enough` (the callers ask for one or two). */
function htmlTagCount(text: string, enough: number): number {
  let count = 0;
  HTML_TAG.lastIndex = 0;
  while (count < enough && HTML_TAG.exec(text)) count++;
  return count;
}

/** The first line (without trailing white space) that is not empty, a comment, a document start or a directive. */
function firstYamlLine(text: string): string | undefined {
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trimEnd();
    if (line !== '' && !line.startsWith('#') && line !== '---' && !line.startsWith('%')) return line;
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

function looksLikeYaml(text: string): boolean {
  const first = firstYamlLine(text);
  return first !== undefined && YAML_KEY_LINE.test(first) && YAML_TOP_KEY.test(text);
}

/** A line whose text stands in columns: runs of three or more spaces between words. */
const COLUMN_GAP = /\S {3,}\S/;

/**
 * A row of a template table with its cells glued to its label: a label word of the template, then (after at most
 * one space) a run of figures to the end of the line ("（七）总计230 000023", "规章5012").
 */
const FLAT_ROW = /(?:数量|公开|处理|申请|总计|信息|事项|案卷|秘密|稳定”?|权益|出版物|其他|规章|文件|许可|处罚|强制|收费|采购|办理)[）)]? ?[+\-−]?\d[\d .,+\-−]*$/u;
const MIN_FLAT_ROWS = 8;
const MIN_SPARSE_FLAT_ROWS = 3;

/** A line that is one figure alone ("3001", "96171.6", "-38"): raw pdftotext writes a table one cell per line. */
const FIGURE_LINE = /^\s*[+\-−]?\d[\d,]*(?:\.\d+)?\s*$/;
const MIN_FIGURE_LINES = 20;
const MIN_SPARSE_FIGURES = 5;

/** Whether the line ends in a digit, after any trailing spaces and signs: FLAT_ROW's end, tested first (cheaper). */
function endsInFigure(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && ' .,+-−'.includes(line[i]!)) i--;
  const code = line.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/**
 * Word text has lines that start with or contain a TAB; `pdftotext -layout` text has lines where numbers stand
 * after runs of two or more spaces, and, in a sparse report that prints few numbers, lines of headers and labels
 * set in columns.
 */
function wordOrLayout(text: string): 'word-text' | 'pdftotext-layout' | 'flat-text' | 'pdftotext-raw' {
  if (text.includes('\t')) return tabbedText(text);
  // A page glued into one line by its crawler (tables 二 and 三 on one line): flattened text, cut by flat-text.ts.
  // (Both headings in the text first: a line holds them only if the text does, and most texts hold neither.)
  if (isGluedPage(text) && text.split('\n').some(isGluedPage)) return 'flat-text';
  let tabbed = 0;
  let layout = 0;
  let gapped = 0;
  let flat = 0;
  let figures = 0;
  for (const line of text.split('\n')) {
    const flatRow = endsInFigure(line) && FLAT_ROW.test(line);
    if (flatRow) flat++;
    if (FIGURE_LINE.test(line)) figures++;
    if (line.includes('\t')) tabbed++;
    else if (numberRuns(line, 0, line.length, 2) >= 2) layout++;
    // A row whose first figure is glued to its label ("（七）总计5       5": a page whose blank cells kept their
    // &nbsp;) is flattened text's, not a line set in columns.
    else if (COLUMN_GAP.test(line) && !flatRow) gapped++;
  }
  // Raw pdftotext (no -layout): many figures alone on their lines, few rows of glued figures, nothing in columns.
  if (tabbed === 0 && figures >= MIN_FIGURE_LINES && figures > 2 * flat && layout < MIN_LAYOUT_LINES) return 'pdftotext-raw';
  // A sparse report (most cells blank) prints few figures: still raw when no line has columns or glued figures.
  if (tabbed === 0 && layout + gapped < MIN_LAYOUT_LINES && flat < MIN_FLAT_ROWS && figures >= MIN_SPARSE_FIGURES && figures > 2 * flat) return 'pdftotext-raw';
  if (tabbed === 0 && flat >= MIN_FLAT_ROWS && 2 * flat > layout) return 'flat-text';
  // A sparse report (most cells blank) glues few rows: still flattened text when no line has a TAB or columns.
  if (tabbed === 0 && flat >= MIN_SPARSE_FLAT_ROWS && layout + gapped < MIN_LAYOUT_LINES) return 'flat-text';
  if (tabbed === 0) return layout + gapped >= MIN_LAYOUT_LINES ? 'pdftotext-layout' : 'word-text';
  return layout >= MIN_LAYOUT_LINES && layout > tabbed ? 'pdftotext-layout' : 'word-text';
}

/**
 * wordOrLayout of a text with a TAB in it: only the lines with a TAB and the lines with runs of numbers count then
 * (the figures alone, the glued rows and the gaps decide only among texts without a TAB), so only those are tested.
 * A run of numbers (numberRuns) begins with two spaces side by side: the lines holding such a gap and no TAB are found
 * from the gaps (Word text has a few), and the lines with a TAB are counted only when those make layout text possible.
 */
export function tabbedText(text: string): 'word-text' | 'pdftotext-layout' {
  let layout = 0;
  for (let gap = text.indexOf('  '); gap >= 0; ) {
    const start = text.lastIndexOf('\n', gap) + 1;
    let end = text.indexOf('\n', gap);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    if ((tab < 0 || tab >= end) && numberRuns(text, start, end, 2) >= 2) layout++;
    gap = end < text.length ? text.indexOf('  ', end + 1) : -1;
  }
  if (layout < MIN_LAYOUT_LINES) return 'word-text';
  let tabbed = 0;
  for (let tab = text.indexOf('\t'); tab >= 0; ) {
    tabbed++;
    const end = text.indexOf('\n', tab);
    tab = end < 0 ? -1 : text.indexOf('\t', end + 1);
  }
  return layout > tabbed ? 'pdftotext-layout' : 'word-text';
}

/** A Markdown pipe table row, and its delimiter row ("|---|:---:|"). */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;
const MIN_PIPE_ROWS = 5;

/** Markdown as PDF-to-Markdown converters and OCR tools write it: pipe tables, each with its delimiter row. */
function looksLikeMarkdown(text: string): boolean {
  // Both kinds of line hold a pipe.
  if (!text.includes('|')) return false;
  let rows = 0;
  let delimiters = 0;
  for (const line of text.split('\n')) {
    if (PIPE_DELIMITER.test(line)) delimiters++;
    else if (PIPE_ROW.test(line)) rows++;
  }
  return delimiters >= 1 && rows >= MIN_PIPE_ROWS;
}

export function sniffText(text: string): TextKind {
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  const tags = htmlTagCount(text, 2);
  if (HTML_START.test(head) && tags >= 1) return 'html';
  if (looksLikeYaml(text)) return 'yaml';
  if (looksLikeMarkdown(text)) return 'markdown';
  if (tags >= 2) return 'html';
  return wordOrLayout(text);
}
