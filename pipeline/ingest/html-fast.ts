/**
 * A fast path for parseHtml (html-tree.ts): pages written the way sites and generators write them (a doctype or
 * none, <html><head>…</head><body>…</body></html>, every element closed where it was opened, tables of
 * tbody/tr/td) are built into the very tree parse5 builds, by one scan with indexOf instead of the spec's
 * tokenizer state machine. At the first thing whose tree the spec builds otherwise than by plain nesting (an end
 * tag that closes something else, a block inside <p>, text in a table, a reference not in html-fast-text.ts, …)
 * it gives up and returns undefined: parse5 reads the page. The nodes are made and joined by parse5's own tree
 * adapter, in the order parse5 makes them; tests/unit/html-fast.test.ts compares the trees. Pure.
 */
import type { Document, Element, ParentNode } from 'domhandler';
import { html as spec } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { type Attribute, decoded, doctypeOf, GIVE_UP, isSpaceCode, lowerName, readStartTag } from './html-fast-tag.ts';

const DOCTYPE = /^<!doctype/i;
/** Names like Word's o:p: "any other" start tag, for every prefix. */
const PREFIXED = /^[a-z][a-z0-9]*:[a-z][a-z0-9]*$/;
const VOID = new Set(['area', 'br', 'embed', 'img', 'input', 'wbr', 'param', 'source', 'track', 'hr', 'meta', 'link', 'base']);
/** Start tags that close an open <p> (in button scope) before they open: allowed only with none open. */
const CLOSE_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'ul', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'form', 'li', 'dd', 'dt', 'hr', 'table',
]);
/** Start tags the spec treats as "any other" or formatting elements in body: they nest, and close nothing. */
const PLAIN = new Set([
  'span', 'a', 'b', 'strong', 'em', 'i', 'u', 's', 'font', 'small', 'big', 'code', 'tt', 'strike', 'sub', 'sup',
  'label', 'abbr', 'cite', 'q', 'mark', 'time', 'var', 'kbd', 'samp', 'dfn', 'bdi', 'bdo', 'ins', 'del', 'data',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements of the spec's "special" category that end the search for an open <li>/<dd>/<dt> (all but address, div, p). */
const SPECIAL = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'col',
  'colgroup', 'dd', 'details', 'dir', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'li',
  'link', 'main', 'marquee', 'menu', 'meta', 'nav', 'object', 'ol', 'script', 'section', 'select', 'style', 'summary',
  'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);
/** Elements whose text is read raw up to their end tag (title's with references decoded). */
const RAW = new Set(['title', 'style', 'script', 'noscript']);
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** Where the scan is: the spec's insertion modes as far as this builder follows them. */
const enum Phase { Initial, BeforeHtml, BeforeHead, InHead, AfterHead, InBody, AfterBody, AfterAfterBody }

function isAllSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

class FastTree {
  readonly document: Document = adapter.createDocument();
  private readonly stack: Element[] = [];
  /** stack[i] is a <tbody> the spec implied (no tag of its own): </table> closes it. */
  private readonly implied: boolean[] = [];
  private phase = Phase.Initial;
  private quirks = false;
  private pos = 0;
  private line = 1;
  private nextNewline: number;
  private body: Element | undefined;

  constructor(
    private readonly html: string,
    private readonly lines: boolean,
    private readonly maxDepth: number,
  ) {
    this.nextNewline = html.indexOf('\n');
  }

  /** The line of position `at` (positions asked for never go back). */
  private lineAt(at: number): number {
    while (this.nextNewline !== -1 && this.nextNewline < at) {
      this.line++;
      this.nextNewline = this.html.indexOf('\n', this.nextNewline + 1);
    }
    return this.line;
  }

  private locate(node: { sourceCodeLocation?: unknown }, at: number | undefined): void {
    if (this.lines) node.sourceCodeLocation = at === undefined ? null : { startLine: this.lineAt(at) };
  }

  private get current(): Element {
    return this.stack[this.stack.length - 1]!;
  }

  parse(): Document {
    const { html } = this;
    let textFrom = 0;
    while (this.pos < html.length) {
      const lt = html.indexOf('<', this.pos);
      if (lt < 0) break;
      const next = html.charCodeAt(lt + 1);
      if (!isLetter(next) && next !== 47 /* / */ && next !== 33 /* ! */) {
        if (next === 63 /* ? */) throw GIVE_UP;
        this.pos = lt + 1; // a "<" that opens no tag is text
        continue;
      }
      if (lt > textFrom) this.text(textFrom, lt);
      this.pos = lt;
      if (next === 33) this.declaration(lt);
      else if (next === 47) this.endTag(lt);
      else this.startTag(lt);
      textFrom = this.pos;
    }
    if (html.length > textFrom) this.text(textFrom, html.length);
    if (this.phase < Phase.InBody) throw GIVE_UP;
    return this.document;
  }

  private text(from: number, to: number): void {
    const raw = this.html.slice(from, to);
    const text = raw.includes('&') ? decoded(raw) : raw;
    const space = isAllSpace(text);
    switch (this.phase) {
      case Phase.Initial:
      case Phase.BeforeHtml:
      case Phase.BeforeHead:
        if (!space) throw GIVE_UP;
        return;
      case Phase.InHead:
      case Phase.AfterHead:
        if (!space) throw GIVE_UP;
        return this.insertText(this.current, text, from);
      case Phase.InBody:
        if (!space && TABLE_CONTEXT.has(this.current.name)) throw GIVE_UP; // the spec moves it before the table
        return this.insertText(this.current, text, from);
      default: // after </body>: white space still goes into the body
        if (!space) throw GIVE_UP;
        return this.insertText(this.body!, text, from);
    }
  }

  private insertText(parent: ParentNode, text: string, at: number): void {
    const last = parent.children[parent.children.length - 1];
    if (last && last.type === 'text') {
      adapter.insertText(parent, text);
      return;
    }
    adapter.insertText(parent, text);
    this.locate(parent.children[parent.children.length - 1]!, at);
  }

  /** `<!--…-->`, `<!doctype html>`, or another `<!…>` (a bogus comment). */
  private declaration(lt: number): void {
    const { html } = this;
    let data: string;
    if (html.startsWith('<!--', lt)) {
      const after = html.charCodeAt(lt + 4);
      if (after === 62 /* > */ || (after === 45 /* - */ && html.charCodeAt(lt + 5) === 62)) throw GIVE_UP;
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) throw GIVE_UP;
      data = html.slice(lt + 4, end);
      if (data.includes('--!') || data.includes('<!-')) throw GIVE_UP;
      this.pos = end + 3;
    } else {
      const end = html.indexOf('>', lt + 2);
      if (end < 0) throw GIVE_UP;
      if (DOCTYPE.test(html.slice(lt, lt + 9))) {
        if (this.phase !== Phase.Initial) throw GIVE_UP;
        const doctype = doctypeOf(html.slice(lt, end + 1));
        adapter.setDocumentType(this.document, doctype.name, doctype.publicId, doctype.systemId);
        this.locate(this.document.children[this.document.children.length - 1]!, lt);
        adapter.setDocumentMode(this.document, doctype.mode);
        this.quirks = doctype.mode === spec.DOCUMENT_MODE.QUIRKS;
        this.phase = Phase.BeforeHtml;
        this.pos = end + 1;
        return;
      }
      if (html.startsWith('<![CDATA[', lt)) throw GIVE_UP;
      data = html.slice(lt + 2, end);
      if (data.includes('<')) throw GIVE_UP; // html-depth.ts would read a tag there
      this.pos = end + 1;
    }
    const parent: ParentNode =
      this.phase <= Phase.BeforeHtml || this.phase === Phase.AfterAfterBody ? this.document
      : this.phase === Phase.AfterBody ? this.stack[0]!
      : this.current;
    const comment = adapter.createCommentNode(data);
    adapter.appendChild(parent, comment);
    this.locate(comment, lt);
  }

  private startTag(lt: number): void {
    const { name, attrs, end } = readStartTag(this.html, lt);
    this.pos = end;
    if (this.phase === Phase.Initial) {
      // No doctype: quirks mode.
      adapter.setDocumentMode(this.document, spec.DOCUMENT_MODE.QUIRKS);
      this.quirks = true;
      this.phase = Phase.BeforeHtml;
    }
    this.startTagAt(name, attrs, lt);
  }

  private startTagAt(name: string, attrs: Attribute[], lt: number): void {
    switch (this.phase) {
      case Phase.BeforeHtml:
        if (name !== 'html') throw GIVE_UP;
        this.open(this.document, name, attrs, lt);
        this.phase = Phase.BeforeHead;
        return;
      case Phase.BeforeHead:
        if (name !== 'head') throw GIVE_UP;
        this.open(this.current, name, attrs, lt);
        this.phase = Phase.InHead;
        return;
      case Phase.InHead:
        if (name === 'meta' || name === 'link' || name === 'base') return this.closed(name, attrs, lt);
        if (RAW.has(name)) return this.raw(name, attrs, lt);
        if (name !== 'body') throw GIVE_UP;
        this.pop(); // <body> without </head>: the head ends there
        this.phase = Phase.AfterHead;
        return this.startTagAt(name, attrs, lt);
      case Phase.AfterHead:
        if (name !== 'body') throw GIVE_UP;
        this.body = this.open(this.current, name, attrs, lt);
        this.phase = Phase.InBody;
        return;
      case Phase.InBody:
        return this.bodyStartTag(name, attrs, lt);
      default:
        throw GIVE_UP;
    }
  }

  private bodyStartTag(name: string, attrs: Attribute[], lt: number): void {
    const current = this.current;
    if (TABLE_CONTEXT.has(current.name)) {
      const parent = current.name;
      if (parent === 'table' && (name === 'tbody' || name === 'thead' || name === 'tfoot' || name === 'caption')) {
        this.open(current, name, attrs, lt);
      } else if (parent === 'table' && name === 'tr') {
        this.open(current, 'tbody', [], undefined);
        this.implied[this.stack.length - 1] = true;
        this.open(this.current, name, attrs, lt);
      } else if (name === 'tr' && parent !== 'table' && parent !== 'tr') this.open(current, name, attrs, lt);
      else if ((name === 'td' || name === 'th') && parent === 'tr') this.open(current, name, attrs, lt);
      else throw GIVE_UP; // anything else in a table is moved out of it, or closes part of it
      return;
    }
    if (RAW.has(name)) return this.raw(name, attrs, lt);
    if (name === 'meta' || name === 'link' || name === 'base') return this.closed(name, attrs, lt);
    if (!CLOSE_P.has(name) && !PLAIN.has(name) && !VOID.has(name) && name !== 'button' && !PREFIXED.test(name)) throw GIVE_UP;
    // In quirks mode (no doctype) a table opens inside a <p>; otherwise these close it, which plain nesting does not.
    if (CLOSE_P.has(name) && !(name === 'table' && this.quirks) && this.inScope('p', BUTTON_SCOPE)) throw GIVE_UP;
    if (name === 'li' && this.listItemOpen('li')) throw GIVE_UP;
    if ((name === 'dd' || name === 'dt') && (this.listItemOpen('dd') || this.listItemOpen('dt'))) throw GIVE_UP;
    if (HEADINGS.has(name) && HEADINGS.has(current.name)) throw GIVE_UP;
    if (name === 'a' && this.openSinceMarker('a')) throw GIVE_UP;
    if (name === 'form' && this.stack.some((el) => el.name === 'form')) throw GIVE_UP;
    if (name === 'button' && this.inScope('button', SCOPE)) throw GIVE_UP;
    if (VOID.has(name)) return this.closed(name, attrs, lt);
    this.open(current, name, attrs, lt);
  }

  /** An element with no content: made, attached, and closed at once. */
  private closed(name: string, attrs: Attribute[], lt: number): void {
    this.open(this.current, name, attrs, lt);
    this.pop();
  }

  /** An element whose text runs raw to its end tag (`</name` then white space, "/" or ">"). */
  private raw(name: string, attrs: Attribute[], lt: number): void {
    const element = this.open(this.current, name, attrs, lt);
    const { html } = this;
    const from = this.pos;
    let end = html.indexOf('</', from);
    for (;; end = html.indexOf('</', end + 2)) {
      if (end < 0) throw GIVE_UP;
      if (html.slice(end + 2, end + 2 + name.length).toLowerCase() !== name) continue;
      const after = html.charCodeAt(end + 2 + name.length);
      if (isSpaceCode(after) || after === 47 || after === 62) break;
      throw GIVE_UP; // "</titles": text to the spec, the end to html-depth.ts
    }
    const close = /^[\t\n\f ]*>/.exec(html.slice(end + 2 + name.length, end + 2 + name.length + 20));
    if (!close) throw GIVE_UP;
    let text = html.slice(from, end);
    if (name === 'script' && text.includes('<!--')) throw GIVE_UP;
    if (name === 'title' && text.includes('&')) text = decoded(text);
    if (text !== '') this.insertText(element, text, from);
    this.pop();
    this.pos = end + 2 + name.length + close[0].length;
  }

  private endTag(lt: number): void {
    const { html } = this;
    let at = lt + 2;
    if (!isLetter(html.charCodeAt(at))) throw GIVE_UP;
    while (at < html.length && !isSpaceCode(html.charCodeAt(at)) && html.charCodeAt(at) !== 47 && html.charCodeAt(at) !== 62) at++;
    const name = lowerName(html.slice(lt + 2, at));
    while (isSpaceCode(html.charCodeAt(at))) at++;
    if (html.charCodeAt(at) !== 62) throw GIVE_UP;
    this.pos = at + 1;
    switch (this.phase) {
      case Phase.InHead:
        if (name !== 'head') throw GIVE_UP;
        this.pop();
        this.phase = Phase.AfterHead;
        return;
      case Phase.InBody:
        if (name === 'body') {
          if (this.current !== this.body) throw GIVE_UP;
          this.phase = Phase.AfterBody;
          return;
        }
        if (name === 'table' && this.implied[this.stack.length - 1]) this.pop();
        if (this.current.name !== name || this.stack.length <= 2) throw GIVE_UP;
        this.pop();
        return;
      case Phase.AfterBody:
        if (name !== 'html') throw GIVE_UP;
        this.phase = Phase.AfterAfterBody;
        return;
      default:
        throw GIVE_UP;
    }
  }

  private open(parent: ParentNode, name: string, attrs: Attribute[], lt: number | undefined): Element {
    const element = adapter.createElement(name, spec.NS.HTML, attrs);
    this.locate(element, lt);
    adapter.appendChild(parent, element);
    this.stack.push(element);
    this.implied[this.stack.length - 1] = false;
    if (this.stack.length > this.maxDepth) throw GIVE_UP; // parse5 and the depth limit decide
    return element;
  }

  private pop(): void {
    this.stack.pop();
  }

  /** Whether an element named `name` is open with none of `boundaries` above it. */
  private inScope(name: string, boundaries: ReadonlySet<string>): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!.name;
      if (open === name) return true;
      if (boundaries.has(open)) return false;
    }
    return false;
  }

  /** Whether the spec's search for an open list item (from the current node down to a special element) finds one. */
  private listItemOpen(name: string): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!.name;
      if (open === name) return true;
      if (SPECIAL.has(open) && open !== 'address' && open !== 'div' && open !== 'p') return false;
    }
    return false;
  }

  /** Whether `name` is open above the last cell or caption (a formatting element still listed as active). */
  private openSinceMarker(name: string): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!.name;
      if (open === name) return true;
      if (open === 'td' || open === 'th' || open === 'caption') return false;
    }
    return false;
  }
}

/** The spec's default scope's boundaries (as far as this builder opens them), and its button scope's. */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'applet', 'marquee', 'object', 'template']);
const BUTTON_SCOPE = new Set([...SCOPE, 'button']);

/** The tree parse5 builds for `html`, or undefined for a page this fast path does not read (then parse5 must). */
export function fastParseHtml(source: string, lines: boolean, maxDepth: number): Document | undefined {
  if (source.includes('\0')) return undefined;
  const html = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  try {
    return new FastTree(html, lines, maxDepth).parse();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
