/**
 * Widths and line breaks of text set in the PDF's one CJK font: printable ASCII is half an em wide (CIDs 1–95,
 * /W [1 95 500]), every other character a full em (/DW 1000). Lines break between characters, as Word and WPS
 * break Chinese text, with their kinsoku rules: a closing mark never starts a line, an opening mark never ends one,
 * and a run of ASCII (a number, "1.") stays whole.
 */

const ASCII = /^[\x20-\x7e]$/;
const CLOSING = /^[，。、；：？！）》」』”’〕】．,.;:?!)\]%]$/;
const OPENING = /^[（《「『“‘〔【(\[]$/;

export const charEm = (ch: string): number => (ASCII.test(ch) ? 0.5 : 1);

/** Width in em of a string. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charEm(ch);
  return w;
}

/** Width in points at a font size. */
export const textWidth = (text: string, size: number): number => emWidth(text) * size;

/** Unbreakable pieces: a run of ASCII letters, digits and marks (no spaces), else one character. */
function tokens(text: string): string[] {
  return text.match(/[\x21-\x7e]+|[\s\S]/gu) ?? [];
}

export interface WrapRules {
  /** Let a closing mark hang past the line end (Word's body text) rather than pull a character down with it (cells). */
  hang: boolean;
  /** Width of the first line when it differs (a first-line indent). */
  firstWidth?: number;
}

/**
 * Break text into lines no wider than `width` em. A token wider than a whole line stands alone on its line.
 */
export function wrapEm(text: string, width: number, rules: WrapRules): string[] {
  const lines: string[][] = [[]];
  let used = 0;
  let limit = rules.firstWidth ?? width;
  for (const tok of tokens(text)) {
    const line = lines[lines.length - 1]!;
    const w = emWidth(tok);
    if (used + w <= limit + 1e-9 || line.length === 0) {
      line.push(tok);
      used += w;
      continue;
    }
    if (CLOSING.test(tok) && rules.hang) {
      line.push(tok);
      used += w;
      continue;
    }
    const next: string[] = [];
    // A closing mark may not start the next line, nor an opening mark end this one: carry characters down.
    if (CLOSING.test(tok) && line.length > 1) next.unshift(line.pop()!);
    while (line.length > 1 && OPENING.test(line[line.length - 1]!)) next.unshift(line.pop()!);
    next.push(tok);
    lines.push(next);
    used = emWidth(next.join(''));
    limit = width;
  }
  return lines.map((l) => l.join('').trimEnd()).filter((l, i) => l !== '' || i === 0);
}

/** One character per line, down a narrow column; a mark stays with the character before it ("三、"). */
export function verticalLines(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (CLOSING.test(ch) && out.length > 0) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}
