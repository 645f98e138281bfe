/**
 * Text runs → lines and pieces: runs on the same baseline form a line; within a line, a gap wider than a
 * character splits it into pieces (the columns of a table drawn without rules). Pure.
 */
import { AFTER_LABEL, isRowLabel } from './layout-text.ts';
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

const FIGURE = /^(?:[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-—–－])$/;
/** Figure runs further apart than this (in ems; a space is 0.25–0.33 em) are figures of two cells. */
const FIGURES_APART = 0.4;
/** Figures or amounts with their unit only ("20793100元"; layout-text.ts AFTER_LABEL). */
const afterLabel = (text: string): boolean => text.trim() !== '' && text.normalize('NFKC').trim().split(/\s+/).every((t) => AFTER_LABEL.test(t));
/** Figures only, full-width digits too ("１０"). */
const isFigures = (text: string): boolean => text.trim() !== '' && text.normalize('NFKC').trim().split(/\s+/).every((t) => FIGURE.test(t));

/**
 * Where a piece's runs end in figures glued to a row label: a browser prints a label as wide as its column a few
 * points before the next column's figure ("行政规范性文件" 3 pt "88", 0.25 em), closer than the gap between columns.
 * The index of the first figure run, when the runs before it are a row label, set apart from it by more than a
 * touching run (0.15 em), and every run after it is a figure; else -1. A sentence's figure ("规章 13 件") is followed
 * by text: no split.
 */
function gluedFigures(runs: readonly PdfText[]): number {
  for (let i = runs.length - 1; i > 0 && isFigures(runs[i]!.text); i--) {
    const before = runs[i - 1]!;
    if (isFigures(before.text)) continue;
    const gap = runs[i]!.x - (before.x + before.width);
    const label = runs.slice(0, i).map((r) => r.text).join('').trim();
    return gap > runs[i]!.size * 0.15 && isRowLabel(label) ? i : -1;
  }
  return -1;
}

function piece(runs: readonly PdfText[]): Piece {
  const first = runs[0]!;
  let text = first.text;
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    text = joinText(text, b.text, b.x - (a.x + a.width), b.size);
  }
  const last = runs.at(-1)!;
  return { text, x: first.x, width: last.x + last.width - first.x, size: first.size, baseline: first.baseline };
}

/**
 * Runs closer than `split` × font size join into one piece; wider gaps separate pieces. Between lines of a table
 * drawn without rules (a finite `split`), the figures glued to a row label (the line's last piece of text) are pieces
 * of their own (gluedFigures).
 */
export function pieces(line: PdfLine, split = 1.0): Piece[] {
  const groups: PdfText[][] = [];
  for (const t of line.texts) {
    const last = groups.at(-1)?.at(-1);
    const gap = last ? t.x - (last.x + last.width) : Infinity;
    // Two figures further apart than a space are two cells (narrow columns of a table without rules: 12, 6.7 pt, 0).
    const apart = last !== undefined && Number.isFinite(split) && gap > t.size * FIGURES_APART && isFigures(last.text) && isFigures(t.text);
    if (last && gap <= t.size * split && !apart) groups.at(-1)!.push(t);
    else groups.push([t]);
  }
  const out: Piece[] = [];
  // Only the line's last piece of text, with figures alone after it (a row label's cell ends where its figures start).
  let lastText = groups.length - 1;
  while (lastText >= 0 && groups[lastText]!.every((t) => afterLabel(t.text))) lastText--;
  for (const [k, runs] of groups.entries()) {
    const at = Number.isFinite(split) && k === lastText ? gluedFigures(runs) : -1;
    if (at > 0) out.push(piece(runs.slice(0, at)), piece(runs.slice(at)));
    else out.push(piece(runs));
  }
  return out.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text !== '');
}

/** A line's text, runs joined (pieces separated by one space). */
export function lineText(line: PdfLine): string {
  return pieces(line).map((p) => p.text).join(' ');
}
