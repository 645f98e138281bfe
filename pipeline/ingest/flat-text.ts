/**
 * Flattened page text → cells: the text of a web page as crawlers and copy-paste give it, each table row one line
 * with its cells glued together ("一、本年新收政府信息公开申请数量230 000023"). Each non-empty line is one cell that
 * ends its row; pipeline/parse/read-flat.ts splits a row's label from its run of figures and the run into cells.
 *
 * A crawler that joins a page's text nodes with nothing between them writes the whole page on one line (tables,
 * headings and narrative glued together). Such a line — one holding the numbered headings of both table 二 and 三 — is
 * cut into the rows it would have had: from the heading of table 二 on, before each section heading ("二、"… "五、"),
 * after a section heading (it ends at its first "情况"), and after each run of figures that a label follows (a row's
 * run ends where text starts again; an item number "2." glued to the run starts the next label), and — within tables
 * 二 and 三 — where the template's row labels and table 二's block headings stand (glued-labels.ts): a row that prints
 * no figure glues its label to the next row's, and is cut from it, a label alone as in flattened text. The narrative
 * before table 二 and from "五、" on is left as it is, but for the signature and date the page ends with. Pure.
 */
import { applicationRowStarts, proactiveRowStarts } from './glued-labels.ts';
import type { TextCell } from './types.ts';

/**
 * The two numbered headings whose presence on one line marks a page glued into one line (a narrative that lists the
 * sections, "本报告包括…主动公开政府信息情况、收到和处理政府信息公开申请情况…", names them without their numbers).
 */
const GLUED = [/二、\s*主动公开政府信息情况/u, /三、\s*收到和处理政府信息公开申请情况/u] as const;
/** The heading of table 二, where the cutting starts. */
const FIRST = GLUED[0];
/**
 * A row's run of figures (digits, signs, decimal points, spaces, a money unit) followed by the next label's first
 * character: an ideograph, an opening bracket, or an item number ("2.") before one.
 */
const ROW_END = /\d(?:[\d.\-−+\s\u00a0\u3000]*\d)?(?:万元|元)?\s*(?=(?:[1-9]\.)?[\u3400-\u9fff（(])/gu;
/** A section heading starting a piece (二、… to 六、). */
const HEADING = String.raw`[二三四五六]、\s*(?:主动公开|收到和处理|政府信息公开行政|(?:政府信息公开工作)?存在的主要问题|其他需要报告)`;
const SECTION = new RegExp(HEADING, 'gu');
/** The end of a page after 五、: a sentence's end, then a signature (a name: no punctuation), the date it is signed, or both. */
const SIGNED = /。\s*([^\s，。；：:,;、\d]{2,40})?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*$/u;
/** A piece that starts with a section heading. */
const SECTION_START = new RegExp(`^${HEADING}`, 'u');

/** Where a glued line is cut: offsets into it, ascending, without 0. */
function cuts(line: string): number[] {
  const first = line.search(FIRST);
  if (first < 0) return [];
  const at = new Set<number>([first]);
  let end = line.length;
  for (const m of line.slice(first).matchAll(SECTION)) {
    const start = first + m.index;
    if (line.startsWith('五、', start) || line.startsWith('六、', start)) {
      end = start;
      at.add(start);
      break;
    }
    at.add(start);
    const close = line.indexOf('情况', start);
    if (close >= 0) at.add(close + 2);
  }
  for (const m of line.slice(first, end).matchAll(ROW_END)) {
    let stop = first + m.index + m[0].length;
    // "00000002.其他…": the last digit before the point is the next label's item number.
    if (line[stop] === undefined) continue;
    if (/\d/.test(line[stop - 1] ?? '') && line[stop] === '.') stop -= 1;
    at.add(stop);
  }
  // The signature and date the page ends with ("…六、其他需要报告的事项无。某某局2021年1月5日"): the name after the last
  // sentence, short and without punctuation, and the date, each a piece, as the lines of flattened text hold them
  // (parse/metadata.ts reads the signature from the last pieces, as from the last lines).
  const signed = SIGNED.exec(line.slice(end));
  if (signed) {
    const name = end + signed.index + 1; // after the "。"
    at.add(name);
    if (signed[1]) at.add(line.indexOf(signed[1], name) + signed[1].length);
  }
  // A row that prints no figure: its label glued to the next row's, found by the template's labels.
  const sections = [...at].filter((i) => SECTION_START.test(line.slice(i))).sort((a, b) => a - b);
  const part = (heading: RegExp, read: (text: string) => number[]): void => {
    const start = sections.find((i) => heading.test(line.slice(i, i + 20)));
    if (start === undefined) return;
    const stop = sections.find((i) => i > start) ?? end;
    for (const i of read(line.slice(start, stop))) at.add(start + i);
  };
  part(/^二、/u, proactiveRowStarts);
  part(/^三、\s*收到和处理/u, applicationRowStarts);
  return [...at].filter((i) => i > 0 && i < line.length).sort((a, b) => a - b);
}

/** Whether a line holds a whole page glued together: the headings of tables 二 and 三 both. */
export function isGluedPage(line: string): boolean {
  return GLUED.every((heading) => heading.test(line));
}

export function readFlatText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    const offsets = isGluedPage(trimmed) ? [0, ...cuts(trimmed)] : [0];
    offsets.forEach((from, k) => {
      const piece = trimmed.slice(from, offsets[k + 1] ?? trimmed.length);
      if (piece.trim() === '') return;
      const lead = piece.length - piece.trimStart().length;
      cells.push({ text: piece.trim(), at: { line: index + 1, column: from + lead + 1 }, rowEnd: true });
    });
  });
  return cells;
}
