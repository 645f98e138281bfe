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
  const { text, starts } = joined(cells);
  const out: NarrativeFigure[] = [];
  for (const [key, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    out.push({ key, value: Number(m[1]), text: m[0], source: cells[ownerOf(starts, m.index)]!.at });
  }
  return out;
}

/**
 * The cells' text joined (normalised), so that figures wrapped across lines are found, and where each cell's text
 * starts in it.
 */
function joined(cells: readonly TextCell[]): { text: string; starts: Int32Array } {
  let text = '';
  const starts = new Int32Array(cells.length);
  cells.forEach((cell, i) => {
    starts[i] = text.length;
    text += normalizeText(cell.text);
  });
  return { text, starts };
}

/**
 * The cell the character at `index` of the joined text came from: the last cell starting at or before it (an empty
 * cell starts where the next one does, so the last of them is the one that holds the character).
 */
function ownerOf(starts: Int32Array, index: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= index) i++;
  return i;
}

/** Table 四's four results as the text names them, in column order. */
const RESULTS: ReadonlyArray<[string, RegExp]> = [
  ['upheld', /结果维持(\d+)件/],
  ['corrected', /结果纠正(\d+)件/],
  ['other', /其他结果(\d+)件/],
  ['pending', /尚未审结(\d+)件/],
];

/** The clause after 其中 that states the results of 行政复议 (reconsideration) and of 行政诉讼 (litigation). */
const CLAUSES: ReadonlyArray<readonly [string, RegExp]> = [
  ['reconsideration', /行政复议\d+件[，,]?其中([^。；;]*)/],
  ['litigation', /行政诉讼\d+件[，,]?其中([^。；;]*)/],
];

/**
 * The results the text states for 行政复议 and 行政诉讼 ("政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，
 * 其他结果178件，尚未审结37件；…行政诉讼46件，其中结果维持25件…"): keys reconsideration.upheld … litigation.pending (行政
 * 诉讼's, the two kinds together), each read only within its own clause (up to ；or 。) after 其中. Not part of
 * report.narrative: a lossy rendering's table 四 uses them to choose among splits (flat-appeals.ts). Pure.
 */
export function readAppealResults(cells: readonly TextCell[]): NarrativeFigure[] {
  const { text, starts } = joined(cells);
  const out: NarrativeFigure[] = [];
  for (const [key, clause] of CLAUSES) {
    const m = clause.exec(text);
    if (!m) continue;
    for (const [result, pattern] of RESULTS) {
      const r = pattern.exec(m[1]!);
      if (r) out.push({ key: `${key}.${result}`, value: Number(r[1]), text: r[0], source: cells[ownerOf(starts, m.index)]!.at });
    }
  }
  return out;
}
