/** Text renderings in UTF-8 (returned as a string) or GBK (returned as bytes, with no charset declared anywhere). */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gbk';

/** Characters GBK lacks, as a GBK file would have them. */
const GBK_SUBSTITUTES: Array<[RegExp, string]> = [[/\u00a0/g, ' ']];

export function encodeText(text: string, encoding: TextEncoding = 'utf-8'): string | Uint8Array {
  if (encoding === 'utf-8') return text;
  let gbk = text;
  for (const [from, to] of GBK_SUBSTITUTES) gbk = gbk.replace(from, to);
  const bytes = iconv.encode(gbk, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== gbk) throw new Error('text has characters GBK cannot encode');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The bytes of a rendering, whatever it returned. */
export function toBytes(out: string | Uint8Array): Uint8Array {
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}
