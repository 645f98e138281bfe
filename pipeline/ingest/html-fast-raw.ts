/**
 * The markup html-fast.ts reads past without looking for tags inside: a comment, a bogus comment (`<!…>`), and the
 * text of a raw text element (title, style, script, noscript) up to its end tag. Each returns what it read and where
 * the scan goes on; whatever the spec reads otherwise (an abrupt or unclosed comment, CDATA, "</titles") throws
 * GIVE_UP. Pure.
 */
import { decoded, GIVE_UP, isSpaceCode } from './html-fast-tag.ts';

export interface Skipped { data: string; end: number }

/** `<!--…-->` at `lt`: its data and the position after `-->`. */
export function readComment(html: string, lt: number): Skipped {
  const after = html.charCodeAt(lt + 4);
  if (after === 62 /* > */ || (after === 45 /* - */ && html.charCodeAt(lt + 5) === 62)) throw GIVE_UP;
  const end = html.indexOf('-->', lt + 4);
  if (end < 0) throw GIVE_UP;
  const data = html.slice(lt + 4, end);
  if (data.includes('--!') || data.includes('<!-')) throw GIVE_UP;
  return { data, end: end + 3 };
}

/** A bogus comment `<!…>` at `lt` whose `>` is at `close`: its data and the position after it. */
export function readBogusComment(html: string, lt: number, close: number): Skipped {
  if (html.startsWith('<![CDATA[', lt)) throw GIVE_UP;
  const data = html.slice(lt + 2, close);
  if (data.includes('<')) throw GIVE_UP; // html-depth.ts would read a tag there
  return { data, end: close + 1 };
}

/** The raw text of element `name` from `from` to its end tag (`</name` then white space, "/" or ">"), and the position after that tag. */
export function readRawText(html: string, from: number, name: string): Skipped {
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
  let data = html.slice(from, end);
  if (name === 'script' && data.includes('<!--')) throw GIVE_UP;
  if (name === 'title' && data.includes('&')) data = decoded(data);
  return { data, end: end + 2 + name.length + close[0].length };
}
