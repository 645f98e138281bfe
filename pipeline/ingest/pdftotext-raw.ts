/**
 * Raw `pdftotext` output (run without -layout) → cells: pdftotext writes a page's text block by block, so a table
 * comes out roughly one cell, or one fragment of a wrapped label, per line, with blank lines between blocks. Each
 * non-empty line is one cell; pipeline/parse/raw-lines.ts gathers a table's label fragments and the figures after
 * them into rows. Pure.
 */
import type { TextCell } from './types.ts';

export function readRawText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.replace(/[\r\f]/g, '');
    if (trimmed.trim() === '') return;
    const lead = trimmed.length - trimmed.trimStart().length;
    cells.push({ text: trimmed.trim(), at: { line: index + 1, column: lead + 1 }, rowEnd: true });
  });
  return cells;
}
