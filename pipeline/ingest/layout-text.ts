/**
 * `pdftotext -layout` output → cells. Each non-empty line is a row: pieces separated by runs of two or more
 * spaces are cells; a piece made only of value-like tokens ("3 0 11", "-185", "—") gives one cell per token.
 * x is the cell's position on pdftotext's character grid (see below); at is its line and 1-based column. Pure.
 *
 * pdftotext lays text out on a grid of character slots: every character, CJK or not, takes ONE slot, and a
 * word starts at the slot that matches its position on the page. So the character index, not the display
 * width, is what lines numbers up under their headers (checked on the corpus: in one table the numbers stand at
 * character 45/46/45 after labels of 16, 7 and 8 CJK characters, where display widths give 61/53/51).
 * Bare page numbers at the page ends are dropped (barePageNumbers); marked ones ("-3-", "第3页") are the parser's.
 */
import type { TextCell } from './types.ts';

const VALUE_TOKEN = /^(?:[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-—–－])$/;

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Display width in terminal columns: East Asian wide and full-width characters count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

interface Piece {
  text: string;
  /** 0-based character index in the line. */
  index: number;
}

/**
 * A table's row label with its first figures glued on by single spaces, as pdftotext prints a label as wide as its
 * column ("行政规范性文件 88        55", "只计这一情形， 8 1 0 0 0 0 9"): a label of at most 60 characters ending in an
 * ideograph or a closing mark, then only figures (full-width digits too). A sentence's figure is followed by text
 * ("规章 13 件"): no split.
 */
const LABEL_END = /[\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff，、）)」”]$/u;
const MAX_LABEL = 60;
/** A row label starts within this many slots of its line's start (table 三's deepest indent is 28). */
const LABEL_COLUMN = 30;
/** A row label of a table: at most 60 characters, ending in an ideograph or a closing mark (pdf-lines.ts too). */
export function isRowLabel(label: string): boolean {
  return label.length <= MAX_LABEL && LABEL_END.test(label);
}
/** What may follow a row's label on its line: figures, an amount with its unit ("20793100元"); not "8." (an item number). */
export const AFTER_LABEL = /^(?:[+\-−]?\d[\d,]*(?:\.\d+)?(?:万元|元|%)?|[-—–－])$/;

/** A piece that is a glued label and its figures, split; null for any other piece. */
function gluedFigures(tokens: readonly string[]): { label: string; figures: string[] } | null {
  let k = tokens.length;
  while (k > 0 && VALUE_TOKEN.test(tokens[k - 1]!.normalize('NFKC'))) k--;
  if (k === 0 || k === tokens.length) return null;
  const label = tokens.slice(0, k).join(' ');
  return isRowLabel(label) ? { label, figures: tokens.slice(k) } : null;
}

/** A piece of a line (text between runs of 2+ spaces) as cells: value-only pieces split into their tokens. */
function pushPiece(out: Piece[], piece: string, from: number): void {
  const text = piece.trim();
  if (text === '') return;
  const index = from + piece.length - piece.trimStart().length;
  const tokens = text.split(' ');
  if (tokens.length > 1 && tokens.every((t) => VALUE_TOKEN.test(t))) pushTokens(out, tokens, index);
  else out.push({ text, index });
}

/** A label's item number alone ("8."), as pdftotext may print it after the label's first figure. */
const ITEM_NUMBER = /^\d{1,2}[.、．]$/;

/**
 * The line's last piece of text, when it is a glued label (gluedFigures) in the label column and only figures follow
 * it (AFTER_LABEL), split in place. A note's fragment ("转办 3") stands further right, under its figure: not split.
 * A label without its number whose number pdftotext printed after the glued figure ("属于行政查询事 0  8.   0   0",
 * the number's glyphs set a little lower than the label's) gets its number back ("8.属于行政查询事", then 0 0 0).
 */
function splitGlued(out: Piece[]): void {
  let last = out.length - 1;
  while (last >= 0 && AFTER_LABEL.test(out[last]!.text.normalize('NFKC'))) last--;
  let number: Piece | undefined;
  if (last > 0 && ITEM_NUMBER.test(out[last]!.text)) {
    number = out[last];
    out.splice(last--, 1);
  }
  const piece = out[last];
  const glued = piece !== undefined && piece.index < LABEL_COLUMN && piece.text.includes(' ') ? gluedFigures(piece.text.split(' ')) : null;
  if (!glued || (number !== undefined && /^\d/.test(glued.label))) {
    if (number !== undefined) out.splice(last + 1, 0, number);
    return;
  }
  const figures: Piece[] = [];
  pushTokens(figures, glued.figures, piece!.index + glued.label.length + 1);
  out.splice(last, 1, { text: `${number?.text ?? ''}${glued.label}`, index: piece!.index }, ...figures);
}

function pushTokens(out: Piece[], tokens: readonly string[], index: number): void {
  let at = index;
  for (const token of tokens) {
    out.push({ text: token, index: at });
    at += token.length + 1;
  }
}

const SPACE = 32;

/** The line's pieces between runs of 2+ spaces, value-only pieces split into their tokens. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    if (line.charCodeAt(i) !== SPACE || line.charCodeAt(i + 1) !== SPACE) continue;
    let end = i + 2;
    while (end < line.length && line.charCodeAt(end) === SPACE) end++;
    if (i > start) pushPiece(out, line.slice(start, i), start);
    start = end;
    i = end - 1;
  }
  if (start < line.length) pushPiece(out, line.slice(start), start);
  splitGlued(out);
  return out;
}

const BARE_NUMBER = /^\s*(\d{1,4})\s*$/;

/**
 * Bare page numbers ("3", centred or not) at the top or bottom of pdftotext's pages (pages end with a form feed): a
 * line holding one number that is the first or last line of its page, when the numbers of at least two pages go up one
 * by one with the pages (so a row's lone figure that happens to end a page is never taken for one). The line indices.
 */
export function barePageNumbers(lines: readonly string[]): Set<number> {
  const candidates: Array<{ line: number; offset: number }> = [];
  let page = 0;
  let first = -1;
  let last = -1;
  const close = (): void => {
    for (const i of new Set([first, last])) {
      const m = i >= 0 ? BARE_NUMBER.exec(lines[i]!.replace(/\f/g, '')) : null;
      if (m) candidates.push({ line: i, offset: Number(m[1]) - page });
    }
    page++;
    first = -1;
    last = -1;
  };
  lines.forEach((raw, i) => {
    if (raw.startsWith('\f') && i > 0) close();
    if ((raw.includes('\f') ? raw.replace(/\f/g, '') : raw).trim() === '') return;
    if (first < 0) first = i;
    last = i;
  });
  close();
  const count = new Map<number, number>();
  for (const c of candidates) count.set(c.offset, (count.get(c.offset) ?? 0) + 1);
  const [offset, pages] = [...count].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return new Set(pages >= 2 ? candidates.filter((c) => c.offset === offset).map((c) => c.line) : []);
}

export function readLayoutText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  const lines = text.split('\n');
  const pageNumbers = barePageNumbers(lines);
  let page = 1;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const feeds = raw.includes('\f');
    if (index > 0 && feeds) for (let i = raw.indexOf('\f'); i >= 0; i = raw.indexOf('\f', i + 1)) page++;
    if (pageNumbers.has(index)) continue;
    // A form feed starts each new page; it takes no place on the grid.
    const line = (feeds ? raw.replace(/\f/g, '') : raw).trimEnd();
    const row = pieces(line);
    for (const p of row) cells.push({ text: p.text, at: { line: index + 1, column: p.index + 1 }, x: p.index, page });
    if (row.length > 0) cells[cells.length - 1]!.rowEnd = true;
  }
  return cells;
}
