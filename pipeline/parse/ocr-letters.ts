/**
 * A letter among figures in OCR text (O or o for 0, l or I for 1) is an unknown digit: every digit is tried, and the
 * template's arithmetic, not the look-alike, decides. A cell holding one is read only when every reading that the
 * arithmetic allows gives it the same figure, and that figure is the look-alike's (read-flat.ts, flat-plan.ts:
 * kind `inferred`, `ocr_letter` first in inferredBy, the printed text in `raw`); else it is flagged. Pure.
 */
import type { Split } from './split-digits.ts';

const LOOK_ALIKE: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };
const LETTER = /[OoIl]/g;
/** More letters than this in one row: not tried (10^n readings), the row is flagged. */
export const MAX_LETTERS = 2;
/** inferredBy of a figure read through a letter. */
export const OCR_LETTER_RULE = 'ocr_letter';

/** Every reading of `text` with its letters as digits; null when it holds too many letters or a '|'. */
export function letterReadings(text: string): string[] | null {
  if (text.includes('|')) return null;
  const at = [...text.matchAll(LETTER)].map((m) => m.index);
  if (at.length > MAX_LETTERS) return null;
  let out = [text];
  for (const i of at) out = out.flatMap((t) => Array.from({ length: 10 }, (_, d) => t.slice(0, i) + String(d) + t.slice(i + 1)));
  return out;
}

/** The look-alike reading of a printed token (O → 0, l → 1). */
export function lookAlike(token: string): string {
  return token.replace(LETTER, (c) => LOOK_ALIKE[c]!);
}

export function hasLetter(token: string): boolean {
  return /[OoIl]/.test(token);
}

/**
 * The printed tokens of a split of one reading of `printed` (the reading has the same length: a letter is one digit):
 * the same spans, blanks as ''. Tokens stand in order, separated by white space or nothing.
 */
export function printedTokens(printed: string, split: Split): Split {
  const text = printed.trim();
  let pos = 0;
  return split.map((token) => {
    if (token === '') return '';
    while (/\s/.test(text[pos] ?? '')) pos++;
    const out = text.slice(pos, pos + token.length);
    pos += token.length;
    return out;
  });
}

/**
 * The readings of a row's printed cells (Markdown) whose letters are digits, the arithmetic's `check` applied to the
 * figures; null when the row holds no letter or too many.
 */
export function cellReadings(cells: readonly string[], check: ((tokens: Split) => boolean) | undefined): Split[] | null {
  if (!cells.some(hasLetter)) return null;
  const letters = cells.reduce((n, c) => n + (c.match(LETTER)?.length ?? 0), 0);
  if (letters > MAX_LETTERS || cells.some((c) => c.includes('|'))) return null;
  let out: Split[] = [[]];
  for (const cell of cells) {
    const readings = letterReadings(cell) ?? [cell];
    out = out.flatMap((s) => readings.map((r) => [...s, r]));
  }
  return check ? out.filter(check) : out;
}
