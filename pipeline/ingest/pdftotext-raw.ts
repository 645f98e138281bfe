/**
 * Raw `pdftotext` output (run without -layout) → cells: pdftotext writes a page's text block by block, so a table
 * comes out roughly one cell, or one fragment of a wrapped label, per line, with blank lines between blocks. Each
 * non-empty line is one cell; pipeline/parse/raw-lines.ts gathers a table's label fragments and the figures after
 * them into rows. A web page's text stored a cell a line (a crawler's) writes the same, and keeps a blank cell's
 * &nbsp; as a line of its own: such a line among figures (a figure or another such line before or after it, empty
 * lines and page numbers aside) is a blank cell (text ''); elsewhere (between paragraphs) it is nothing, as an empty line. Pure.
 */
import { isPageNumberText } from './pdf-furniture.ts';
import { isValueText } from './read-value.ts';
import type { TextCell } from './types.ts';

/** A line of white space with a no-break space in it: what a blank cell's &nbsp; prints. */
const NBSP_LINE = /^[ \t\u3000]*\u00a0[ \t\u00a0\u3000]*$/;

export function readRawText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  const lines = text.split('\n').map((line) => line.replace(/[\r\f]/g, ''));
  const kinds = lines.map((l) => (NBSP_LINE.test(l) ? 'nbsp' : l.trim() === '' ? 'empty' : isValueText(l.trim()) ? 'figure' : 'text'));
  /** The kind of the nearest line from i stepping by `step` that is not empty nor a page number ("-3-", "第3页"). */
  const near = (i: number, step: number): string | undefined => {
    for (let k = i + step; k >= 0 && k < lines.length; k += step) {
      if (kinds[k] !== 'empty' && !(kinds[k] === 'text' && isPageNumberText(lines[k]!))) return kinds[k];
    }
    return undefined;
  };
  lines.forEach((line, index) => {
    if (kinds[index] === 'nbsp') {
      const inTable = (k: string | undefined): boolean => k === 'figure' || k === 'nbsp';
      if (inTable(near(index, -1)) || inTable(near(index, 1))) cells.push({ text: '', at: { line: index + 1, column: 1 }, rowEnd: true });
      return;
    }
    if (kinds[index] === 'empty') return;
    const lead = line.length - line.trimStart().length;
    cells.push({ text: line.trim(), at: { line: index + 1, column: lead + 1 }, rowEnd: true });
  });
  return cells;
}
