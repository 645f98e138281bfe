/**
 * An HTML page → cells, in document order. Page chrome (nav, header, footer, menus, breadcrumbs) and
 * script/style are skipped; the <title> comes first. Outside tables each block of text is a paragraph cell.
 * Only leaf tables (with no table inside) give table cells, one per <td>/<th> (rowspan/colspan not expanded);
 * a table holding another table is page layout and is read as blocks. Pure.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { htmlDepth } from './html-depth.ts';
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
  return node.nodeType === 3;
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

/** Text as a browser shows it: &nbsp; is a space, whitespace runs collapse, ends trimmed. */
export function normaliseText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(WIDE_BREAK, '$1')
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

/** A cell's text: inline runs joined as they are (Word splits numbers across spans), blocks and <br> by '\n'. */
function cellText(td: Element): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = (): void => {
    lines.push(current);
    current = '';
  };
  const visit = (node: AnyNode): void => {
    if (isText(node)) current += node.data;
    if (!isElement(node) || SKIPPED.has(node.name)) return;
    if (node.name === 'br') return breakLine();
    const block = BLOCKS.has(node.name);
    if (block) breakLine();
    node.children.forEach(visit);
    if (block) breakLine();
  };
  td.children.forEach(visit);
  breakLine();
  return lines
    .map(normaliseText)
    .filter((line) => line !== '')
    .join('\n');
}

function descendants(node: AnyNode, name: string): Element[] {
  const found: Element[] = [];
  const visit = (n: AnyNode): void => {
    if (!isElement(n)) return;
    if (n.name === name) found.push(n);
    n.children.forEach(visit);
  };
  if (isElement(node)) node.children.forEach(visit);
  return found;
}

/** Visible characters under a node, remembered: menus nested in menus do not count their text again. */
function textLength(node: AnyNode, seen: Map<AnyNode, number>): number {
  const known = seen.get(node);
  if (known !== undefined) return known;
  let length = 0;
  if (isText(node)) length = node.data.replace(/\s+/g, '').length;
  else if (isElement(node) && !SKIPPED.has(node.name)) length = node.children.reduce((sum, child) => sum + textLength(child, seen), 0);
  seen.set(node, length);
  return length;
}

function insideContent(el: Element): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) if (CONTENT_LANDMARKS.has(p.name)) return true;
  return false;
}

class Reader {
  readonly cells: TextCell[] = [];
  private buffer = '';
  private bufferLine: number | undefined;
  private leafTables = 0;
  private bodyLength: number | undefined;
  private readonly lengths = new Map<AnyNode, number>();

  constructor(
    private readonly body: AnyNode,
    private readonly lines: boolean,
  ) {}

  /** Page chrome: nav/header/footer landmarks, and elements named for menus, unless they hold most of the text. */
  private isChrome(el: Element): boolean {
    if (CHROME_ELEMENTS.has(el.name) && !insideContent(el)) return true;
    const names = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
    if (!CHROME_NAME.test(names)) return false;
    this.bodyLength ??= textLength(this.body, this.lengths);
    return textLength(el, this.lengths) * 2 < this.bodyLength;
  }

  paragraph(text: string, line: number | undefined): void {
    const clean = normaliseText(text);
    if (clean === '') return;
    this.cells.push({ text: clean, at: this.lines && line !== undefined ? { line } : {}, rowEnd: true });
  }

  flush(): void {
    this.paragraph(this.buffer, this.bufferLine);
    this.buffer = '';
    this.bufferLine = undefined;
  }

  walk(node: AnyNode): void {
    if (isText(node)) {
      if (this.buffer.trim() === '' && node.data.trim() !== '') this.bufferLine = textLine(node);
      this.buffer += node.data;
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name) || this.isChrome(node)) return;
    if (node.name === 'br') return this.flush();
    if (node.name === 'table' && descendants(node, 'table').length === 0) return this.table(node);
    const block = BLOCKS.has(node.name);
    if (block) this.flush();
    node.children.forEach((child) => this.walk(child));
    if (block) this.flush();
  }

  private table(table: Element): void {
    this.flush();
    for (const caption of descendants(table, 'caption')) {
      caption.children.forEach((child) => this.walk(child));
      this.flush();
    }
    const index = ++this.leafTables;
    descendants(table, 'tr').forEach((tr, r) => {
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
  htmlDepth(html, options.maxDepth ?? READ_LIMITS.maxHtmlDepth);
  const document = parseHtml(html, lines);
  const body = firstElement(document, 'body') ?? document;
  const reader = new Reader(body, lines);
  const title = firstElement(document, 'title');
  if (title) reader.paragraph(textContent(title), lineOf(title));
  reader.walk(body);
  reader.flush();
  return reader.cells;
}
