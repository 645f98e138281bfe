/** Figures the report's text states about its own tables ("共收到政府信息公开申请105件"). Pure. */
import type { TextCell } from '../ingest/types.ts';
import type { NarrativeFigure } from '../model/report.ts';
import { normalizeText } from './normalize.ts';

/** One pattern per figure; the number is the last group. Clauses end at 。；, so a pattern stays in its sentence. */
const PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['received', /(?:收到|受理)[^。；;]{0,30}?申请[^。；;，,\d]{0,10}?(\d+)件/],
  ['handled', /(?:答复|办结)[^。；;，,\d]{0,20}?(\d+)件/],
  ['granted', /予以公开(\d+)件/],
  ['partially_granted', /部分公开(\d+)件/],
  ['reconsideration', /行政复议(\d+)件/],
  ['litigation', /行政诉讼(\d+)件/],
];

/** Read the figures from narrative cells (the cells outside the tables), in document order; first mention wins. */
export function readNarrative(cells: readonly TextCell[]): NarrativeFigure[] {
  // Join the text so that figures wrapped across lines are found, and remember which cell each character came from.
  let text = '';
  const owner: number[] = [];
  cells.forEach((cell, i) => {
    const t = normalizeText(cell.text);
    text += t;
    for (let k = 0; k < t.length; k++) owner.push(i);
  });
  const out: NarrativeFigure[] = [];
  for (const [key, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    out.push({ key, value: Number(m[1]), text: m[0], source: cells[owner[m.index]!]!.at });
  }
  return out;
}
