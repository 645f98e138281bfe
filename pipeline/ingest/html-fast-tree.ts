/**
 * The tree html-fast.ts builds as it scans: parse5's own tree adapter makes and joins the nodes, a stack holds the
 * open elements, and each node gets its start line (when lines are asked for) from a newline count that only moves
 * forward. FastTree (html-fast.ts) extends this with the scan; this part knows nothing of tags' meanings. Pure.
 */
import type { Document, Element, ParentNode } from 'domhandler';
import { html as spec } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { type Attribute, doctypeOf, GIVE_UP } from './html-fast-tag.ts';

export class TreeBuilder {
  readonly document: Document = adapter.createDocument();
  protected readonly stack: Element[] = [];
  /** stack[i] is a <tbody> the spec implied (no tag of its own): </table> closes it. */
  protected readonly implied: boolean[] = [];
  private line = 1;
  private nextNewline: number;

  constructor(
    protected readonly html: string,
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

  protected locate(node: { sourceCodeLocation?: unknown }, at: number | undefined): void {
    if (this.lines) node.sourceCodeLocation = at === undefined ? null : { startLine: this.lineAt(at) };
  }

  protected get current(): Element {
    return this.stack[this.stack.length - 1]!;
  }

  /** Sets the document's type and mode from `declaration` (a `<!doctype …>` at `lt`); whether it is quirks mode. */
  protected doctype(declaration: string, lt: number): boolean {
    const doctype = doctypeOf(declaration);
    adapter.setDocumentType(this.document, doctype.name, doctype.publicId, doctype.systemId);
    this.locate(this.document.children[this.document.children.length - 1]!, lt);
    adapter.setDocumentMode(this.document, doctype.mode);
    return doctype.mode === spec.DOCUMENT_MODE.QUIRKS;
  }

  protected insertText(parent: ParentNode, text: string, at: number): void {
    const last = parent.children[parent.children.length - 1];
    if (last && last.type === 'text') {
      adapter.insertText(parent, text);
      return;
    }
    adapter.insertText(parent, text);
    this.locate(parent.children[parent.children.length - 1]!, at);
  }

  protected open(parent: ParentNode, name: string, attrs: Attribute[], lt: number | undefined): Element {
    const element = adapter.createElement(name, spec.NS.HTML, attrs);
    this.locate(element, lt);
    adapter.appendChild(parent, element);
    this.stack.push(element);
    this.implied[this.stack.length - 1] = false;
    if (this.stack.length > this.maxDepth) throw GIVE_UP; // parse5 and the depth limit decide
    return element;
  }

  /** An element with no content: made, attached, and closed at once. */
  protected closed(name: string, attrs: Attribute[], lt: number): void {
    this.open(this.current, name, attrs, lt);
    this.pop();
  }

  protected pop(): void {
    this.stack.pop();
  }
}
