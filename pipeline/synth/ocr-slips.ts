/**
 * OCR slips, as OCR of a scanned report makes them: a character of a label read as a look-alike (沭 → 沐, 申 → 甲),
 * and a figure with a letter in it (0 → O, 1 → l). The reader tolerates the first (label alignment is fuzzy) and
 * flags the second (a figure with a letter is never guessed).
 */
import type { Rng } from './prng.ts';

const LOOK_ALIKES: Record<string, string> = {
  沭: '沐', 己: '已', 已: '己', 未: '末', 人: '入', 日: '曰', 土: '士', 千: '干', 申: '甲', 请: '清',
  开: '升', 政: '攻', 理: '埋', 事: '亊', 侯: '候', 办: '力', 制: '剬', 决: '诀', 处: '夂', 复: '夏',
};

/** One look-alike character swapped in, where the label has one (else the label as it is). */
export function slipLabel(rng: Rng, label: string): string {
  const chars = [...label];
  const at = chars.map((c, i) => (LOOK_ALIKES[c] ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return label;
  const i = rng.pick(at);
  chars[i] = LOOK_ALIKES[chars[i]!]!;
  return chars.join('');
}

/** A 0 read as O (or o), or a 1 as l (or I), where the figure has one. */
export function slipFigure(rng: Rng, figure: string): string {
  const at = [...figure].map((c, i) => (c === '0' || c === '1' ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return figure;
  const i = rng.pick(at);
  const letter = figure[i] === '0' ? rng.pick(['O', 'O', 'o']) : rng.pick(['l', 'l', 'I']);
  return figure.slice(0, i) + letter + figure.slice(i + 1);
}
