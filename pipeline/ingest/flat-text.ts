/**
 * Flattened page text → cells: the text of a web page as crawlers and copy-paste give it, each table row one line
 * with its cells glued together ("一、本年新收政府信息公开申请数量230 000023"). Each non-empty line is one cell that
 * ends its row; pipeline/parse/read-flat.ts splits a row's label from its run of figures and the run into cells.
 * Pure.
 */
import type { TextCell } from './types.ts';

export function readFlatText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    const lead = trimmed.length - trimmed.trimStart().length;
    cells.push({ text: trimmed.trim(), at: { line: index + 1, column: lead + 1 }, rowEnd: true });
  });
  return cells;
}
