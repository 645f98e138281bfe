/** Where printed labels break: Word wraps inside cells, pdftotext keeps the breaks. */
import type { Rng } from './prng.ts';

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d\u2014]/.test(ch) ? 2 : 1;
  return w;
}

/** Can the text break between a and b (never inside a number or right after its numbering "5.")? */
function breakable(a: string, b: string): boolean {
  return !/[\d.、（(]/.test(a) && !/[\d）)，。、]/.test(b);
}

/** Split text into lines of at most `width` characters, breaking only where allowed. */
export function wrapChars(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (chars.length - start > width) {
    let cut = start + width;
    while (cut > start + 1 && !breakable(chars[cut - 1]!, chars[cut]!)) cut--;
    if (cut <= start + 1) cut = start + width;
    lines.push(chars.slice(start, cut).join(''));
    start = cut;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

/** Maybe wrap a header or label the way a narrow Word cell does. */
export function maybeWrap(rng: Rng, text: string, p: number): string[] {
  const n = [...text].length;
  if (n < 4 || !rng.chance(p)) return [text];
  const width = n <= 6 ? Math.ceil(n / 2) : rng.int(Math.max(6, Math.ceil(n / 3)), Math.max(6, n - 3));
  return wrapChars(text, width);
}
