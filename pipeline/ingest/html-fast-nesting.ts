/**
 * Which start tags html-fast.ts may nest plainly where it stands, and which it gives up on because the HTML spec
 * would build otherwise (close a <p> or a list item, move content out of a table, reopen a formatting element). The
 * spec's element categories as far as the builder follows them, and its searches of the stack of open elements,
 * which are only read here. Pure.
 */
import type { Element } from 'domhandler';
import { GIVE_UP } from './html-fast-tag.ts';

/** Names like Word's o:p: "any other" start tag, for every prefix. */
const PREFIXED = /^[a-z][a-z0-9]*:[a-z][a-z0-9]*$/;
export const VOID = new Set(['area', 'br', 'embed', 'img', 'input', 'wbr', 'param', 'source', 'track', 'hr', 'meta', 'link', 'base']);
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
export const RAW = new Set(['title', 'style', 'script', 'noscript']);
export const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

/** The spec's default scope's boundaries (as far as this builder opens them), and its button scope's. */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'applet', 'marquee', 'object', 'template']);
const BUTTON_SCOPE = new Set([...SCOPE, 'button']);

/** Whether an element named `name` is open with none of `boundaries` above it. */
function inScope(stack: readonly Element[], name: string, boundaries: ReadonlySet<string>): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!.name;
    if (open === name) return true;
    if (boundaries.has(open)) return false;
  }
  return false;
}

/** Whether the spec's search for an open list item (from the current node down to a special element) finds one. */
function listItemOpen(stack: readonly Element[], name: string): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!.name;
    if (open === name) return true;
    if (SPECIAL.has(open) && open !== 'address' && open !== 'div' && open !== 'p') return false;
  }
  return false;
}

/** Whether `name` is open above the last cell or caption (a formatting element still listed as active). */
function openSinceMarker(stack: readonly Element[], name: string): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!.name;
    if (open === name) return true;
    if (open === 'td' || open === 'th' || open === 'caption') return false;
  }
  return false;
}

/**
 * A start tag `name` with `parent` (a table, a row group or a row) open: whether it opens there, or opens after a
 * <tbody> the spec implies (a <tr> straight in a <table>). Anything else in a table is moved out of it, or closes
 * part of it: GIVE_UP.
 */
export function tableStartTag(parent: string, name: string): 'open' | 'implied tbody' {
  if (parent === 'table' && (name === 'tbody' || name === 'thead' || name === 'tfoot' || name === 'caption')) return 'open';
  if (parent === 'table' && name === 'tr') return 'implied tbody';
  if (name === 'tr' && parent !== 'table' && parent !== 'tr') return 'open';
  if ((name === 'td' || name === 'th') && parent === 'tr') return 'open';
  throw GIVE_UP;
}

/** Throws GIVE_UP unless a start tag `name` in body, outside a table, with `stack` open, nests plainly. */
export function checkBodyStartTag(stack: readonly Element[], quirks: boolean, name: string): void {
  if (!CLOSE_P.has(name) && !PLAIN.has(name) && !VOID.has(name) && name !== 'button' && !PREFIXED.test(name)) throw GIVE_UP;
  // In quirks mode (no doctype) a table opens inside a <p>; otherwise these close it, which plain nesting does not.
  if (CLOSE_P.has(name) && !(name === 'table' && quirks) && inScope(stack, 'p', BUTTON_SCOPE)) throw GIVE_UP;
  if (name === 'li' && listItemOpen(stack, 'li')) throw GIVE_UP;
  if ((name === 'dd' || name === 'dt') && (listItemOpen(stack, 'dd') || listItemOpen(stack, 'dt'))) throw GIVE_UP;
  if (HEADINGS.has(name) && HEADINGS.has(stack[stack.length - 1]!.name)) throw GIVE_UP;
  if (name === 'a' && openSinceMarker(stack, 'a')) throw GIVE_UP;
  if (name === 'form' && stack.some((el) => el.name === 'form')) throw GIVE_UP;
  if (name === 'button' && inScope(stack, 'button', SCOPE)) throw GIVE_UP;
}
