/**
 * The font of a synthetic PDF: STSong-Light as a non-embedded Type0/CIDFontType0 font of Adobe-GB1, the way many
 * Chinese PDFs reference it. Text is shown as hex strings in the font's CMap: UTF-16BE codes with UniGB-UCS2-H, or
 * GBK bytes with GBK-EUC-H. No glyphs and no ToUnicode map are in the file: a reader needs the predefined CMaps
 * (pdfjs: cMapUrl) to turn the codes into characters.
 */
import { type PDFContext, PDFHexString, type PDFRef, PDFString } from 'pdf-lib';
import { encodeText } from './encode.ts';

export type PdfFont = 'ucs2' | 'gbk';

const CMAP: Record<PdfFont, string> = { ucs2: 'UniGB-UCS2-H', gbk: 'GBK-EUC-H' };
/**
 * Half-width CIDs: UniGB-UCS2-H maps U+0020–U+007E to CIDs 1–95; GBK-EUC-H maps bytes 21–7E to CIDs 814–907 and
 * the space (20) to CID 7716. Everything else is full width (/DW 1000).
 */
const WIDTHS: Record<PdfFont, number[]> = { ucs2: [1, 95, 500], gbk: [814, 907, 500, 7716, 7716, 500] };
export const FONT_NAME = 'STSong-Light';

/** Register the font's three objects; returns the Type0 font's reference. */
export function registerFont(context: PDFContext, font: PdfFont): PDFRef {
  const descriptor = context.register(context.obj({
    Type: 'FontDescriptor',
    FontName: FONT_NAME,
    Flags: 6,
    FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 880,
    StemV: 93,
  }));
  const cidFont = context.register(context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType0',
    BaseFont: FONT_NAME,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
    FontDescriptor: descriptor,
    DW: 1000,
    W: WIDTHS[font],
  }));
  return context.register(context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: FONT_NAME,
    Encoding: CMAP[font],
    DescendantFonts: [cidFont],
  }));
}

const hex = (bytes: Iterable<number>): string => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');

/** A string's codes in the font's CMap, as a PDF hex string: <4E2D6587> (UCS-2) or <D6D0CEC4> (GBK). */
export function showString(text: string, font: PdfFont): PDFHexString {
  if (font === 'gbk') return PDFHexString.of(hex(encodeText(text, 'gbk') as Uint8Array));
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) throw new Error(`"${ch}" is outside the BMP: UniGB-UCS2-H cannot show it`);
    out += code.toString(16).padStart(4, '0').toUpperCase();
  }
  return PDFHexString.of(out);
}
