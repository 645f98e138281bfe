/**
 * A fast path for parseHtml (html-tree.ts): pages written the way sites and generators write them (a doctype or
 * none, <html><head>…</head><body>…</body></html>, every element closed where it was opened, tables of
 * tbody/tr/td) are built into the very tree parse5 builds, by one scan with indexOf instead of the spec's
 * tokenizer state machine. At the first thing whose tree the spec builds otherwise than by plain nesting (an end
 * tag that closes something else, a block inside <p>, text in a table, a reference not in html-fast-text.ts, …)
 * it gives up and returns undefined: parse5 reads the page. The nodes are made and joined by parse5's own tree
 * adapter, in the order parse5 makes them; tests/unit/html-fast.test.ts compares the trees. This file is the scan
 * and the insertion modes; html-fast-tree.ts holds the tree, html-fast-nesting.ts which tags nest plainly,
 * html-fast-tag.ts and html-fast-raw.ts read the markup. Pure.
 */
import type { Document, Element, ParentNode } from 'domhandler';
import { html as spec } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { readBogusComment, readComment, readRawText } from './html-fast-raw.ts';
import { checkBodyStartTag, RAW, TABLE_CONTEXT, tableStartTag, VOID } from './html-fast-nesting.ts';
import { type Attribute, decoded, GIVE_UP, isLetter, isSpaceCode, readEndTag, readStartTag } from './html-fast-tag.ts';
import { TreeBuilder } from './html-fast-tree.ts';

const DOCTYPE = /^<!doctype/i;
/** Where the scan is: the spec's insertion modes as far as this builder follows them. */
const enum Phase { Initial, BeforeHtml, BeforeHead, InHead, AfterHead, InBody, AfterBody, AfterAfterBody }

function isAllSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

class FastTree extends TreeBuilder {
  private phase = Phase.Initial;
  private quirks = false;
  private pos = 0;
  private body: Element | undefined;

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

  /** `<!--…-->`, `<!doctype html>`, or another `<!…>` (a bogus comment). */
  private declaration(lt: number): void {
    const { html } = this;
    let data: string;
    if (html.startsWith('<!--', lt)) {
      ({ data, end: this.pos } = readComment(html, lt));
    } else {
      const end = html.indexOf('>', lt + 2);
      if (end < 0) throw GIVE_UP;
      if (DOCTYPE.test(html.slice(lt, lt + 9))) {
        if (this.phase !== Phase.Initial) throw GIVE_UP;
        this.quirks = this.doctype(html.slice(lt, end + 1), lt);
        this.phase = Phase.BeforeHtml;
        this.pos = end + 1;
        return;
      }
      ({ data, end: this.pos } = readBogusComment(html, lt, end));
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
      if (tableStartTag(current.name, name) === 'implied tbody') {
        this.open(current, 'tbody', [], undefined);
        this.implied[this.stack.length - 1] = true;
      }
      this.open(this.current, name, attrs, lt);
      return;
    }
    if (RAW.has(name)) return this.raw(name, attrs, lt);
    if (name === 'meta' || name === 'link' || name === 'base') return this.closed(name, attrs, lt);
    checkBodyStartTag(this.stack, this.quirks, name);
    if (VOID.has(name)) return this.closed(name, attrs, lt);
    this.open(current, name, attrs, lt);
  }

  /** An element whose text runs raw to its end tag (`</name` then white space, "/" or ">"). */
  private raw(name: string, attrs: Attribute[], lt: number): void {
    const element = this.open(this.current, name, attrs, lt);
    const from = this.pos;
    const { data, end } = readRawText(this.html, from, name);
    if (data !== '') this.insertText(element, data, from);
    this.pop();
    this.pos = end;
  }

  private endTag(lt: number): void {
    const { name, end } = readEndTag(this.html, lt);
    this.pos = end;
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
}

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
