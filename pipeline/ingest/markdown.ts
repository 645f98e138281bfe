/**
 * Markdown as PDF-to-Markdown converters and OCR tools write it → cells. A pipe-table row ("| 规章 | 5 | 0 | 12 |")
 * gives one cell per pipe-separated cell, the last ending the row; delimiter rows ("|---|---|") are dropped; any
 * other non-empty line is one cell that ends its row (headings and emphasis marks removed). Converters break tables
 * at page ends, drop label cells and leave footers between rows: pipeline/parse/markdown-lines.ts reads the rows.
 * Pure.
 */
import type { TextCell } from './types.ts';

const DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const ROW = /^\s*\|.*\|\s*$/;

/** Inline marks converters add: emphasis, line breaks inside cells, escapes. */
function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\|*_#])/g, '$1')
    .trim();
}

/** Split a pipe row into its cells, each with its 1-based column; `\|` is a pipe inside a cell. */
function rowCells(line: string, lineNo: number): TextCell[] {
  const cells: TextCell[] = [];
  const open = line.indexOf('|');
  const close = line.lastIndexOf('|');
  let start = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] !== '|') continue;
    cells.push({ text: plain(line.slice(start, i)), at: { line: lineNo, column: start + 1 } });
    start = i + 1;
  }
  if (cells.length > 0) cells[cells.length - 1]!.rowEnd = true;
  return cells;
}

export function readMarkdown(text: string): TextCell[] {
  const cells: TextCell[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || DELIMITER.test(line)) return;
    if (ROW.test(line)) {
      cells.push(...rowCells(line, index + 1));
      return;
    }
    const body = plain(line.replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))/, ''));
    if (body === '') return;
    cells.push({ text: body, at: { line: index + 1, column: line.length - line.trimStart().length + 1 }, rowEnd: true });
  });
  return cells;
}
