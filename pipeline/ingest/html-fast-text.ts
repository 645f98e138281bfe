/**
 * The character references the fast HTML tree builder (html-fast.ts) decodes itself: numeric references and the
 * named ones pages use, each closed by ";". Anything else (a name not listed here, a reference without its ";", a
 * code point the HTML spec replaces) gives `undefined`, and the page goes to parse5. A listed name closed by ";" is
 * always read as itself: the spec takes the longest name in its table, and no name there runs on past a ";". Pure.
 */

const NAMED = new Map(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae', middot: '\u00b7',
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', mdash: '\u2014', ndash: '\u2013',
  hellip: '\u2026', times: '\u00d7', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', yen: '\u00a5', deg: '\u00b0',
  plusmn: '\u00b1', sect: '\u00a7', laquo: '\u00ab', raquo: '\u00bb', bull: '\u2022', trade: '\u2122',
}));

/** Whether a code unit is an ASCII letter or digit (what may follow "&" to make a reference). */
function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The character of `&#…;` / `&#x…;` (digits between `from` and the ";" at `end`), or undefined to leave it to parse5. */
function numeric(text: string, from: number, end: number): string | undefined {
  const hex = text.charCodeAt(from) === 120 || text.charCodeAt(from) === 88;
  const digits = text.slice(hex ? from + 1 : from, end);
  if (digits === '' || digits.length > 7 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  // The spec replaces NUL, C1 controls, surrogates and code points past U+10FFFF; controls are errors: leave them all.
  if (code < 32 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  return String.fromCodePoint(code);
}

/** Text (or an attribute's value) with its character references decoded, or undefined if one is not handled here. */
export function decodeReferences(text: string): string | undefined {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const next = text.charCodeAt(at + 1);
    if (next === 35 /* # */ || isAlnum(next)) {
      const end = text.indexOf(';', at + 1);
      if (end < 0 || end - at > 12) return undefined;
      const decoded = next === 35 ? numeric(text, at + 2, end) : NAMED.get(text.slice(at + 1, end));
      if (decoded === undefined) return undefined;
      out += text.slice(from, at) + decoded;
      from = end + 1;
      at = text.indexOf('&', from);
    } else at = text.indexOf('&', at + 1); // "&" before anything else is itself
  }
  return out + text.slice(from);
}
