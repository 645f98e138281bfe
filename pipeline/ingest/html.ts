/**
 * An HTML page → cells, in document order. Page chrome (nav, header, footer, menus, breadcrumbs) and
 * script/style are skipped; the <title> comes first. Outside tables each block of text is a paragraph cell.
 * Only leaf tables (with no table inside) give table cells, one per <td>/<th> (rowspan/colspan not expanded);
 * a table holding another table is page layout and is read as blocks. Pure.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { htmlDepth } from './html-depth.ts';
import { fastParseHtml } from './html-fast.ts';
import { parseHtml } from './html-tree.ts';
import { READ_LIMITS } from './limits.ts';
import type { TextCell } from './types.ts';

export interface HtmlOptions {
  /** Give paragraph cells the source line they start on (off for generated HTML, e.g. from a .docx). */
  lines?: boolean;
  /** Deepest nesting read (default READ_LIMITS.maxHtmlDepth): a deeper page is a LimitError. */
  maxDepth?: number;
}

const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'title', 'select', 'button', 'textarea', 'iframe', 'svg',
]);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const CHROME_ELEMENTS = new Set(['nav', 'header', 'footer']);
const CHROME_NAME = /nav|menu|footer|breadcrumb|crumb/i;
/** Landmarks inside which <header>/<footer> belong to the content, not to the page. */
const CONTENT_LANDMARKS = new Set(['article', 'main', 'section', 'aside']);

/** East Asian wide characters: a line break between two of them is no space (CSS Text segment-break rule). */
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const WIDE_BREAK = new RegExp(`([${WIDE}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[${WIDE}])`, 'g');

function isElement(node: AnyNode): node is Element {
  return 'attribs' in node;
}

function isText(node: AnyNode): node is Text {
  // domhandler's `type` field, not its nodeType getter (a call through the prototype of each kind of node): only a
  // Text node is of type "text".
  return node.type === 'text';
}

function lineOf(node: AnyNode): number | undefined {
  return node.sourceCodeLocation?.startLine;
}

/** The line of a text node's first visible character. */
function textLine(node: Text): number | undefined {
  const line = lineOf(node);
  const leading = /^\s*/.exec(node.data)?.[0] ?? '';
  return line === undefined ? undefined : line + (leading.match(/\n/g)?.length ?? 0);
}

/** A UTF-16 code unit that is JavaScript white space: what \s matches and trim() removes. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Characters that normaliseText would change wherever they stand (a lone space inside is kept). */
const CHANGED = /[\u00a0\t\n\r\f]| {2}/;

/** Text as a browser shows it: &nbsp; is a space, whitespace runs collapse, ends trimmed. */
export function normaliseText(text: string): string {
  // Most cells and paragraphs are already clean: then the replacements below give the text back as it is.
  if (text === '') return text;
  if (!CHANGED.test(text) && !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(text.length - 1))) return text;
  // Each replacement only where its character is (WIDE_BREAK needs a line break): the same result.
  let out = text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text;
  if (out.includes('\n')) out = out.replace(WIDE_BREAK, '$1');
  return out.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** A cell's text being gathered: the lines so far and the one being written. */
interface CellLines {
  lines: string[];
  current: string;
}

function breakLine(cell: CellLines): void {
  cell.lines.push(cell.current);
  cell.current = '';
}

/** Digits as superscript characters: a footnote mark printed <sup>1</sup> after a figure is no digit of it. */
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

function visitCell(node: AnyNode, cell: CellLines): void {
  if (isText(node)) cell.current += node.data;
  if (!isElement(node) || SKIPPED.has(node.name)) return;
  if (node.name === 'br') return breakLine(cell);
  if (node.name === 'sup') {
    // "14069<sup>1</sup>" is 14069 with footnote 1, as "14069¹" is (read-value.ts reads the mark as the cell's note).
    cell.current += textContent(node).replace(/[0-9]/g, (d) => SUPERSCRIPT[d]!);
    return;
  }
  const block = BLOCKS.has(node.name);
  if (block) breakLine(cell);
  for (const child of node.children) visitCell(child, cell);
  if (block) breakLine(cell);
}

/** A cell's text: inline runs joined as they are (Word splits numbers across spans), blocks and <br> by '\n'. */
function cellText(td: Element): string {
  const cell: CellLines = { lines: [], current: '' };
  for (const child of td.children) visitCell(child, cell);
  breakLine(cell);
  let text = '';
  for (const line of cell.lines) {
    const clean = normaliseText(line);
    if (clean !== '') text = text === '' ? clean : `${text}\n${clean}`;
  }
  return text;
}

/** A leaf table's captions and rows (what descendants(table, 'caption') and descendants(table, 'tr') give). */
interface LeafTable {
  captions: Element[];
  rows: Element[];
}

/**
 * Gathers under `node` the captions and rows of a leaf table, in document order, in one pass; false as soon as a
 * table is found inside (then the table is layout, read as blocks).
 */
function gatherLeafTable(node: Element, out: LeafTable): boolean {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    const { name } = child;
    if (name === 'table') return false;
    if (name === 'tr') out.rows.push(child);
    else if (name === 'caption') out.captions.push(child);
    if (!gatherLeafTable(child, out)) return false;
  }
  return true;
}

/** The characters of a text that are not white space (what text.replace(/\s+/g, '').length counts). */
function visibleLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) length++;
  return length;
}

/**
 * Visible characters under a node. Those under an element with an id or a class (every element isChrome asks about)
 * are remembered: menus nested in menus do not count their text again. (The body's own count is Reader.bodyLonger.)
 */
function textLength(node: AnyNode, seen: Map<AnyNode, number>): number {
  if (isText(node)) return visibleLength(node.data);
  if (!isElement(node) || SKIPPED.has(node.name)) return 0;
  const named = node.attribs.id !== undefined || node.attribs.class !== undefined;
  if (named) {
    const known = seen.get(node);
    if (known !== undefined) return known;
  }
  let length = 0;
  for (const child of node.children) length += textLength(child, seen);
  if (named) seen.set(node, length);
  return length;
}

function insideContent(el: Element): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) if (CONTENT_LANDMARKS.has(p.name)) return true;
  return false;
}

class Reader {
  readonly cells: TextCell[] = [];
  private buffer = '';
  /** Whether the buffer holds anything but white space (its first visible character gives its line). */
  private bufferVisible = false;
  private bufferLine: number | undefined;
  private leafTables = 0;
  /** The body's visible characters counted so far, and the nodes still to count (in document order, last first). */
  private bodyCounted = 0;
  private readonly bodyToCount: AnyNode[];
  private readonly lengths = new Map<AnyNode, number>();

  constructor(
    body: AnyNode,
    private readonly lines: boolean,
  ) {
    this.bodyToCount = [body];
  }

  /**
   * Whether the body holds more than `limit` visible characters (textLength(body) > limit), counting it only as far
   * as needed: the count goes on where the last question left it, so the body is counted at most once in all.
   */
  private bodyLonger(limit: number): boolean {
    const stack = this.bodyToCount;
    while (this.bodyCounted <= limit && stack.length > 0) {
      const node = stack.pop()!;
      if (isText(node)) this.bodyCounted += visibleLength(node.data);
      else if (isElement(node) && !SKIPPED.has(node.name)) {
        const { children } = node;
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
    return this.bodyCounted > limit;
  }

  /** Page chrome: nav/header/footer landmarks, and elements named for menus, unless they hold most of the text. */
  private isChrome(el: Element): boolean {
    if (CHROME_ELEMENTS.has(el.name) && !insideContent(el)) return true;
    const { id, class: className } = el.attribs;
    if (id === undefined && className === undefined) return false; // no name to match (most elements)
    if (!CHROME_NAME.test(`${id ?? ''} ${className ?? ''}`)) return false;
    return this.bodyLonger(textLength(el, this.lengths) * 2);
  }

  paragraph(text: string, line: number | undefined): void {
    const clean = normaliseText(text);
    if (clean === '') return;
    this.cells.push({ text: clean, at: this.lines && line !== undefined ? { line } : {}, rowEnd: true });
  }

  flush(): void {
    this.paragraph(this.buffer, this.bufferLine);
    this.buffer = '';
    this.bufferVisible = false;
    this.bufferLine = undefined;
  }

  walk(node: AnyNode): void {
    if (isText(node)) {
      if (!this.bufferVisible && visibleLength(node.data) > 0) {
        this.bufferVisible = true;
        this.bufferLine = textLine(node);
      }
      this.buffer += node.data;
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name) || this.isChrome(node)) return;
    if (node.name === 'br') return this.flush();
    if (node.name === 'table') {
      const parts: LeafTable = { captions: [], rows: [] };
      if (gatherLeafTable(node, parts)) return this.table(parts);
    }
    const block = BLOCKS.has(node.name);
    if (block) this.flush();
    for (const child of node.children) this.walk(child);
    if (block) this.flush();
  }

  private table({ captions, rows }: LeafTable): void {
    this.flush();
    for (const caption of captions) {
      for (const child of caption.children) this.walk(child);
      this.flush();
    }
    const index = ++this.leafTables;
    rows.forEach((tr, r) => {
      const tds = tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
      tds.forEach((td, c) => {
        const cell: TextCell = { text: cellText(td), at: { table: index, row: r + 1, cell: c + 1 } };
        if (c === tds.length - 1) cell.rowEnd = true;
        this.cells.push(cell);
      });
    });
  }
}

/** The first element named `name` in document order (what $(name)[0] gives). */
function firstElement(node: AnyNode, name: string): Element | undefined {
  if (isElement(node) && node.name === name) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** The text of every text node under a node, in order (what $(node).text() gives). */
function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  return node.type !== 'comment' && 'children' in node ? node.children.map(textContent).join('') : '';
}

export function readHtml(html: string, options: HtmlOptions = {}): TextCell[] {
  const lines = options.lines !== false;
  const maxDepth = options.maxDepth ?? READ_LIMITS.maxHtmlDepth;
  // The fast path reads no page nested deeper than maxDepth, nor one html-depth.ts would count deeper than it does.
  let document = fastParseHtml(html, lines, maxDepth);
  if (!document) {
    htmlDepth(html, maxDepth);
    document = parseHtml(html, lines);
  }
  const body = firstElement(document, 'body') ?? document;
  const reader = new Reader(body, lines);
  const title = firstElement(document, 'title');
  if (title) reader.paragraph(textContent(title), lineOf(title));
  reader.walk(body);
  reader.flush();
  return reader.cells;
}
