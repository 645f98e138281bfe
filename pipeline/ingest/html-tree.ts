/**
 * An HTML page → domhandler nodes by the HTML spec's tree building (parse5, as cheerio's load() does), with the
 * one source position the reader uses: the line a text node or an element starts on (`sourceCodeLocation.startLine`).
 * parse5's full locations copy a location object for every character run added to a text node and for every
 * element opened and closed (start, end, end tag, attributes): most of the parse. Here the tree adapter keeps only
 * the start line a node is created with and ignores the updates, reports no location for an element when parse5
 * asks (it asks only to extend an element's end), and an element is attached to the tree without first copying its
 * location; the same start lines come out, the tree is the same. Pure.
 */
import type { Document, Element, Node } from 'domhandler';
import { parse, Parser, type TreeAdapter } from 'parse5';
import { adapter, type Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter';

const lineAdapter: TreeAdapter<Htmlparser2TreeAdapterMap> = {
  ...adapter,
  setNodeSourceCodeLocation(node, location) {
    (node as Node).sourceCodeLocation = (location ? { startLine: location.startLine } : null) as Node['sourceCodeLocation'];
  },
  // parse5 asks for a location to extend its end: a text node's (then updates it: nothing to do here) and an
  // element's when it closes (none given, so no end is computed).
  getNodeSourceCodeLocation(node) {
    return node.type === 'text' ? (adapter.getNodeSourceCodeLocation(node) ?? null) : null;
  },
  updateNodeSourceCodeLocation() {},
};

class LineParser extends Parser<Htmlparser2TreeAdapterMap> {
  /** parse5's own, without the copy of the start tag's location it makes for each element (only its line is kept). */
  override _attachElementToTree(element: Element, location: Parameters<Parser<Htmlparser2TreeAdapterMap>['_attachElementToTree']>[1]): void {
    this.treeAdapter.setNodeSourceCodeLocation(element, location);
    if (this._shouldFosterParentOnInsertion()) this._fosterParentElement(element);
    else this.treeAdapter.appendChild(this.openElements.currentTmplContentOrNode ?? this.document, element);
  }
}

/** The document tree; with `lines`, text nodes and elements carry `sourceCodeLocation.startLine`. */
export function parseHtml(html: string, lines: boolean): Document {
  if (!lines) return parse(html, { treeAdapter: adapter, scriptingEnabled: true });
  return LineParser.parse(html, { treeAdapter: lineAdapter, scriptingEnabled: true, sourceCodeLocationInfo: true });
}
