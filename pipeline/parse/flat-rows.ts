/**
 * The rows of a table in flattened page text: each line is one table row whose cells were glued together
 * ("一、本年新收政府信息公开申请数量230 000023"). A line splits into its label and the run of figures at its end;
 * the label's own part starts at its last item number ("三、本年度办理结果（一）予以公开" → "（一）予以公开"), the rest
 * is context (a vertical heading or a group heading printed in the same row). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Location } from '../model/report.ts';
import { ITEM_NUMBER, normalizeText } from './normalize.ts';
import type { DataRow } from './segment.ts';

/** Figures, signs, separators, "not applicable" marks and money units at the end of a line. */
const RUN = /(?:[\d\s.,+\-−—－/\u00a0\u3000]|万元|元)+$/u;

export interface FlatLine {
  /** Label text before the run (as printed, trimmed). */
  label: string;
  /** The run of figures ('' when the line has none). */
  run: string;
  at: Location;
  index: number;
}

/** Split a line into label and run; a run must hold a digit or consist of "not applicable" marks. */
export function splitLine(text: string): { label: string; run: string } {
  const m = RUN.exec(text);
  if (!m) return { label: text.trim(), run: '' };
  const run = m[0];
  if (!/\d|^[\s\-—－/]+$/.test(run) || run.trim() === '') return { label: text.trim(), run: '' };
  const label = text.slice(0, m.index);
  return { label: label.trim(), run: run.replace(/[\u00a0\u3000]/g, ' ').trim() };
}

export function flatLines(cells: readonly TextCell[]): FlatLine[] {
  return cells.map((c, index) => {
    const { label, run } = splitLine(c.text);
    const column = (c.at.column ?? 1) + c.text.length - c.text.trimEnd().length - run.length;
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
    if (line.run === '') {
      context += normalizeText(line.label);
      continue;
    }
    const { own, before } = ownLabel(line.label);
    rows.push({ label: own, own, context: context + before, values: [], at: line.at, index: line.index, after: '', line: line.index });
    context = '';
  }
  return rows;
}
