/**
 * The pieces of markup html-fast.ts reads: a start tag with its attributes, an end tag, a name, a doctype (through
 * parse5, once per distinct declaration). Whatever the HTML spec would read otherwise than plainly (a name not plain
 * ASCII, an unquoted value holding a quote, a reference html-fast-text.ts does not decode) throws GIVE_UP. Pure.
 */
import { html as spec, parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { memoised } from '../memoised.ts';
import { decodeReferences } from './html-fast-text.ts';

/** Thrown inside, caught by fastParseHtml: the page is not one this builder reads. */
export const GIVE_UP = Symbol('give up');

export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 12;
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLowerOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

const NAME = /^[a-z][a-z0-9]*(?::[a-z][a-z0-9]*)?$/i;
const ATTRIBUTE_NAME = /^[a-z_:][a-z0-9_:.-]*$/i;

/** Lower-cased ASCII name, or a give-up for names this builder does not read (anything not plain ASCII). */
function lowerName(raw: string): string {
  if (!NAME.test(raw)) throw GIVE_UP;
  return raw.toLowerCase();
}

export function decoded(text: string): string {
  const out = decodeReferences(text);
  if (out === undefined) throw GIVE_UP;
  return out;
}

export interface Attribute { name: string; value: string }

export interface Doctype { name: string; publicId: string; systemId: string; mode: spec.DOCUMENT_MODE }
/** A `<!doctype …>` declaration (up to its first ">", where the spec ends it) as parse5 reads it, and the mode it
 * sets; remembered (a site prints one or two, always the same). */
export const doctypeOf = memoised((declaration: string): Doctype => {
  const document = parse(declaration, { treeAdapter: adapter });
  const node = document.children[0] as unknown as Record<string, string>;
  return {
    name: node['x-name']!, publicId: node['x-publicId']!, systemId: node['x-systemId']!, mode: document['x-mode'] as spec.DOCUMENT_MODE,
  };
}, 64);

export interface StartTag { name: string; attrs: Attribute[]; end: number }

/** The start tag at `lt` (its "<"): its name, its attributes (the first of a name kept, as the spec does), where it ends. */
export function readStartTag(html: string, lt: number): StartTag {
  let at = lt + 1;
  let lower = true; // the name is lower-case letters and digits only: itself, no test needed
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (isSpaceCode(code) || code === 47 || code === 62) break;
    if (!isLowerOrDigit(code)) lower = false;
    at++;
  }
  const name = lower ? html.slice(lt + 1, at) : lowerName(html.slice(lt + 1, at));
  const attrs: Attribute[] = [];
  for (;;) {
    while (isSpaceCode(html.charCodeAt(at))) at++;
    if (at >= html.length) throw GIVE_UP;
    const code = html.charCodeAt(at);
    if (code === 62) break;
    if (code === 47) {
      at++;
      continue; // "/>" or a stray "/": the same for the elements read here
    }
    const nameFrom = at;
    let plain = code >= 97 && code <= 122; // a lower-case letter, then lower-case letters, digits and "-"
    while (at < html.length) {
      const c = html.charCodeAt(at);
      if (isSpaceCode(c) || c === 47 || c === 62 || (c === 61 /* = */ && at > nameFrom)) break;
      if (!isLowerOrDigit(c) && c !== 45) plain = false;
      at++;
    }
    const rawName = html.slice(nameFrom, at);
    if (!plain && !ATTRIBUTE_NAME.test(rawName)) throw GIVE_UP;
    const attrName = plain ? rawName : rawName.toLowerCase();
    while (isSpaceCode(html.charCodeAt(at))) at++;
    let value = '';
    if (html.charCodeAt(at) === 61) {
      at++;
      while (isSpaceCode(html.charCodeAt(at))) at++;
      const quote = html.charCodeAt(at);
      if (quote === 34 || quote === 39) {
        const end = html.indexOf(quote === 34 ? '"' : "'", at + 1);
        if (end < 0) throw GIVE_UP;
        value = html.slice(at + 1, end);
        if (value.includes('<') || value.includes('>')) throw GIVE_UP; // html-depth.ts would read a tag there
        at = end + 1;
      } else {
        const from = at;
        while (at < html.length && !isSpaceCode(html.charCodeAt(at)) && html.charCodeAt(at) !== 62) at++;
        if (at >= html.length) throw GIVE_UP;
        value = html.slice(from, at);
        if (/["'<=`]/.test(value)) throw GIVE_UP; // errors the spec keeps as they are: leave them to parse5
      }
      if (value.includes('&')) value = decoded(value);
    }
    if (!attrs.some((a) => a.name === attrName)) attrs.push({ name: attrName, value });
  }
  return { name, attrs, end: at + 1 };
}

/** The end tag at `lt` (its "<"): its lower-cased name and where it ends; attributes or a stray "/" give up. */
export function readEndTag(html: string, lt: number): { name: string; end: number } {
  let at = lt + 2;
  if (!isLetter(html.charCodeAt(at))) throw GIVE_UP;
  let lower = true; // a letter, then lower-case letters and digits only: the name itself, no test needed
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (isSpaceCode(code) || code === 47 || code === 62) break;
    if (!isLowerOrDigit(code)) lower = false;
    at++;
  }
  const name = lower && isLetter(html.charCodeAt(lt + 2)) ? html.slice(lt + 2, at) : lowerName(html.slice(lt + 2, at));
  while (isSpaceCode(html.charCodeAt(at))) at++;
  if (html.charCodeAt(at) !== 62) throw GIVE_UP;
  return { name, end: at + 1 };
}
