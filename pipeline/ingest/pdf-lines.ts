/**
 * Text runs → lines and pieces: runs on the same baseline form a line; within a line, a gap wider than a
 * character splits it into pieces (the columns of a table drawn without rules). Pure.
 */
import type { PdfText } from './pdf-content.ts';

export interface PdfLine {
  texts: PdfText[];
  baseline: number;
  /** Top of the line (baseline less the largest ascent), points from the top of the page. */
  top: number;
  size: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Join two runs of one line or cell: nothing between CJK text or touching runs, one space otherwise. */
export function joinText(left: string, right: string, gap: number, size: number): string {
  if (left === '') return right;
  const a = left.at(-1)!;
  const b = right[0]!;
  const space = gap > size * 0.25 && !CJK.test(a) && !CJK.test(b);
  return `${left}${space ? ' ' : ''}${right}`;
}

/** Group runs into lines: a run joins the line whose baseline is within 40% of its font size. Top to bottom. */
export function groupLines(texts: readonly PdfText[]): PdfLine[] {
  const sorted = [...texts].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const t of sorted) {
    const line = lines.find((l) => Math.abs(l.baseline - t.baseline) <= Math.max(l.size, t.size) * 0.4);
    if (line) {
      line.texts.push(t);
      line.size = Math.max(line.size, t.size);
      line.top = Math.min(line.top, t.baseline - t.size * 0.88);
    } else lines.push({ texts: [t], baseline: t.baseline, top: t.baseline - t.size * 0.88, size: t.size });
  }
  for (const line of lines) line.texts.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.baseline - b.baseline);
}

export interface Piece {
  text: string;
  x: number;
  width: number;
  size: number;
  baseline: number;
}

/** Runs closer than `split` × font size join into one piece; wider gaps separate pieces. */
export function pieces(line: PdfLine, split = 1.0): Piece[] {
  const out: Piece[] = [];
  for (const t of line.texts) {
    const last = out.at(-1);
    const gap = last ? t.x - (last.x + last.width) : Infinity;
    if (last && gap <= t.size * split) {
      last.text = joinText(last.text, t.text, gap, t.size);
      last.width = t.x + t.width - last.x;
    } else out.push({ text: t.text, x: t.x, width: t.width, size: t.size, baseline: t.baseline });
  }
  return out.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text !== '');
}

/** A line's text, runs joined (pieces separated by one space). */
export function lineText(line: PdfLine): string {
  return pieces(line).map((p) => p.text).join(' ');
}
