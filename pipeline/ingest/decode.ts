/**
 * Bytes → text. Chinese government files come as UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB2312
 * (often with no charset declared anywhere). Order: BOM; valid UTF-8; a declared charset; else GB18030
 * (a superset of GBK and GB2312). Line endings become \n. Pure.
 */

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding the text was decoded from: 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', … */
  encoding: string;
}

export interface DecodeOptions {
  /** A charset declared outside the bytes, e.g. by an HTTP Content-Type header. */
  declared?: string;
}

const HEAD_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;
const XML_ENCODING = /<\?xml\b[^>]*?encoding\s*=\s*["']\s*([a-z0-9._:-]+)/i;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The bytes as UTF-8 text (a BOM stripped), or undefined when they are not valid UTF-8. */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset an HTML <meta> or an XML declaration names within the first 4 KB, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1');
  return (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1];
}

/**
 * The encoding to decode with for a declared label, or undefined when the label is unknown or cannot apply to
 * bytes that are not valid UTF-8 (a UTF-8 or UTF-16 declaration on such bytes is wrong: browsers ignore it too).
 */
function usableEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
  if (encoding === 'gbk') return 'gb18030';
  if (encoding === 'utf-8' || encoding.startsWith('utf-16') || encoding === 'replacement') return undefined;
  return encoding;
}

function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  let encoding: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = 'utf-8';
  else if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else {
    // Valid UTF-8 (no BOM): the text the check decoded is the text.
    const utf8 = utf8Text(bytes);
    if (utf8 !== undefined) return { text: normaliseLineEndings(utf8), encoding: 'utf-8' };
    encoding = usableEncoding(opts.declared) ?? usableEncoding(declaredCharset(bytes)) ?? 'gb18030';
  }
  // TextDecoder strips a BOM that matches the encoding (ignoreBOM defaults to false).
  const text = new TextDecoder(encoding).decode(bytes);
  return { text: normaliseLineEndings(text), encoding };
}
