/**
 * The rows of a table in flattened page text: each line is one table row whose cells were glued together
 * ("一、本年新收政府信息公开申请数量230 000023"). A line splits into its label and the run of figures at its end;
 * the label's own part starts at its last item number ("三、本年度办理结果（一）予以公开" → "（一）予以公开"), the rest
 * is context (a vertical heading or a group heading printed in the same row). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Location } from '../model/report.ts';
import { ITEM_NUMBER, labelRecall, normalizeText, startsItem } from './normalize.ts';
import type { DataRow } from './segment.ts';

/**
 * Figures, signs, separators, "not applicable" marks and money units at the end of a line; and the letters OCR
 * mistakes for figures (O for 0, l or I for 1), which no row label ends with: a run holding one is not read.
 */
const RUN = /(?:[\d\s.,+\-−—－/\u00a0\u3000OoIl|]|万元|元)+$/u;
/** A letter in a run of figures: an OCR slip (the figure is flagged, never guessed). */
export const OCR_LETTER = /[OoIl|]/;

export interface FlatLine {
  /** Label text before the run (as printed, trimmed). */
  label: string;
  /** The run of figures ('' when the line has none). */
  run: string;
  at: Location;
  index: number;
  /** The row's cells as printed, when the rendering keeps cell boundaries (Markdown tables): no split needed. */
  cells?: string[];
  /** The run's space-separated tokens are whole cells (raw pdftotext): only blank cells are unknown. */
  whole?: boolean;
}

/** Split a line into label and run; a run must hold a digit or consist of "not applicable" marks. */
export function splitLine(text: string): { label: string; run: string } {
  const m = RUN.exec(text);
  if (!m) return { label: text.trim(), run: '' };
  let run = m[0];
  // Letters only where they stand among figures or alone between spaces ("1O5", " O "), not glued to a label.
  const lead = /^[OoIl|]+(?=[^\s\dOoIl|])/u.exec(run);
  if (lead) run = run.slice(lead[0].length);
  if (!/\d|^[\s\-—－/]+$/.test(run) && !(OCR_LETTER.test(run) && /^\s/.test(run))) return { label: text.trim(), run: '' };
  if (run.trim() === '') return { label: text.trim(), run: '' };
  const label = text.slice(0, text.length - run.length);
  return { label: label.trim(), run: run.replace(/[\u00a0\u3000]/g, ' ').trim() };
}

export function flatLines(cells: readonly TextCell[]): FlatLine[] {
  return cells.map((c, index) => {
    const { label, run } = splitLine(c.text);
    const column = (c.at.column ?? 1) + c.text.trimEnd().length - run.length;
    return { label, run, at: run === '' ? c.at : { ...c.at, column: Math.max(1, column) }, index };
  });
}

/** The label's own part (from its last item number on) and the text before it. */
export function ownLabel(label: string): { own: string; before: string } {
  const text = normalizeText(label);
  let start = 0;
  for (const m of text.matchAll(ITEM_NUMBER)) if (m.index + m[0].length < text.length) start = m.index;
  return { own: text.slice(start), before: text.slice(0, start) };
}

/** Lines with a run as DataRows for the label alignment; `context` gathers label-only lines since the last row. */
export function flatDataRows(lines: readonly FlatLine[]): DataRow[] {
  const rows: DataRow[] = [];
  let context = '';
  for (const line of lines) {
    if (line.run === '' && !line.cells) {
      context += normalizeText(line.label);
      continue;
    }
    const { own, before } = ownLabel(line.label);
    // A numbered label names its row by itself: the text before it (a group heading in the same row, such as
    // "（六）其他处理" beside its first sub-row) is not matched, lest a cut-off label be pulled onto the group's row.
    rows.push({ label: own, own, context: startsItem(own) ? '' : context + before, values: [], at: line.at, index: line.index, after: '', line: line.index });
    context = '';
  }
  return rows;
}

/**
 * True when a label's own part is only a group heading of the table ("（三）不予公开", "第二十条第（五）项", table 三's
 * "三、本年度办理结果"), not a row's label: a row whose label cell was lost but whose group cell was kept. (In the 2021
 * edition "（六）其他处理" heads its three sub-rows and is a row too: as a row's only label it is taken as the heading,
 * and the row is placed by the row order.)
 */
export function isGroupHeading(label: string, groups: readonly string[]): boolean {
  const own = ownLabel(label).own;
  return own !== '' && groups.some((g) => labelRecall(own, g) >= 0.9 && labelRecall(g, own) >= 0.9);
}

/** The group headings of a table in an edition, for isGroupHeading. */
export function groupHeadings(defs: ReadonlyArray<{ group?: string }>): string[] {
  return [...new Set(defs.flatMap((d) => (d.group ? [d.group] : [])))].concat('三、本年度办理结果');
}
