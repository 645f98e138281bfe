/**
 * How deep an HTML page nests its elements, measured on the text before any parser sees it: the HTML parser's cost
 * grows with the square of the depth (each start tag looks through the stack of open elements) and the readers
 * walk the tree recursively, so a page nested deeper than a real one ever is refused up front. The scan follows
 * the parser's rules closely enough: void elements and elements whose end tag may be left out (p, li, td, …) do
 * not nest, an end tag closes up to its open element and a stray one is ignored, comments and the text of script,
 * style and the like are skipped. Linear in the text while the stack stays under the limit. Pure.
 */
import { LimitError } from './limits.ts';

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Closed implicitly by a sibling (or their parent's end): they never build up depth on their own. */
const OPTIONAL_END = new Set([
  'html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'rb', 'rt', 'rtc', 'rp', 'optgroup', 'option', 'tr', 'td', 'th',
  'tbody', 'thead', 'tfoot', 'colgroup',
]);
/** Their content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const TAG = /<(?:!--|(\/?)([a-zA-Z][^\s/>]*))/g;

/** The deepest nesting of the page, or a LimitError as soon as it passes `max`. */
export function htmlDepth(html: string, max: number): number {
  const open: string[] = [];
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2] === undefined) {
      // A comment: up to its end.
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    const close = html.indexOf('>', TAG.lastIndex);
    if (close < 0) break;
    TAG.lastIndex = close + 1;
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = TAG.lastIndex;
      const end = endTag.exec(html);
      if (!end) break;
      TAG.lastIndex = end.index;
      continue;
    }
    open.push(name);
    if (open.length > max) throw new LimitError(`HTML nested more than ${max} elements deep`, 'maxHtmlDepth', max);
    deepest = Math.max(deepest, open.length);
  }
  return deepest;
}
