/**
 * Building lines of `pdftotext -layout` output. pdftotext gives every character one slot of its grid, CJK included
 * (the real reports' columns line up by character count, not by display width), so pieces are placed at character
 * columns.
 */
import { displayWidth } from './wrap.ts';

const slots = (text: string): number => [...text].length;

/** One output line under construction: pieces placed left to right. */
export class LayoutLine {
  private text = '';

  /** Place `piece` starting at character column `x` (or one space after what is there already). */
  at(x: number, piece: string): this {
    if (piece === '') return this;
    const w = slots(this.text);
    this.text += w < x ? ' '.repeat(x - w) : w > 0 ? ' ' : '';
    this.text += piece;
    return this;
  }

  /** Place `piece` centred on character column `center`. */
  centered(center: number, piece: string): this {
    return this.at(Math.max(0, center - Math.floor(slots(piece) / 2)), piece);
  }

  toString(): string {
    return this.text.replace(/\s+$/, '');
  }
}

export const line = (): LayoutLine => new LayoutLine();

/** pdftotext sets a space between Chinese text and runs of ASCII (digits, Latin): "2024 年", "第 711 号". */
export function spaceAscii(text: string): string {
  return text
    .replace(/(\p{Script=Han})([0-9A-Za-z])/gu, '$1 $2')
    .replace(/([0-9A-Za-z])(\p{Script=Han})/gu, '$1 $2');
}

/** Wrap narrative at `width` display columns; ASCII runs stay whole, closing punctuation stays on its line. */
export function wrapNarrative(text: string, width: number, firstIndent: number): string[] {
  const tokens = spaceAscii(text).match(/[\x21-\x7e]+ ?| |[^\x20-\x7e]/g) ?? [];
  const lines: string[] = [];
  let cur = '';
  let limit = width - firstIndent;
  for (const tok of tokens) {
    const closing = /^[，。、；：）》”！？]/.test(tok);
    if (cur !== '' && displayWidth(cur + tok.trimEnd()) > limit && !closing) {
      lines.push(cur.trimEnd());
      cur = tok.trimStart();
      limit = width;
    } else {
      cur += tok;
    }
  }
  if (cur.trim() !== '') lines.push(cur.trimEnd());
  return lines;
}
