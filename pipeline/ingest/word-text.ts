/**
 * Text copied out of Word → cells. Word puts a TAB before each table cell and a line break after it, so:
 * - a line that starts with a TAB begins a new cell (the text after the TAB; nothing after it is a blank cell '');
 * - a line with TABs inside it (not only leading) is a tab-separated row: one cell per TAB-separated piece, the
 *   last one ends the row;
 * - a line with no TAB right after a label cell (not a value) continues that cell: Word wraps labels mid-word
 *   ("结果" + "维持"), so the line is appended with no separator — unless an empty line stands between and the line
 *   opens a numbered section ("三、收到和处理…" after a table whose last cell is a note such as "单位：元");
 * - an empty line is ignored (Word leaves empty paragraphs inside cells and between rows);
 * - any other line is a paragraph of narrative: one cell that ends its row.
 * Table cells from TAB-started lines never set rowEnd: this rendering knows no rows. Pure.
 */
import { isValueText } from './read-value.ts';
import type { TextCell } from './types.ts';

const TAB = '\t';

/** A section heading's number: "三、", "四．". */
const SECTION = /^\s*[一二三四五六七八九十]+[、.．]/;

function isEmptyLine(line: string): boolean {
  return !line.includes(TAB) && line.trim() === '';
}

/** A TAB after the line's leading TABs. */
function isRowLine(line: string): boolean {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 9) i++;
  return line.indexOf(TAB, i) >= 0;
}

/** Split `line` on TABs starting at `from`, each piece located at its first character. */
function piecesFrom(line: string, from: number, lineNo: number): TextCell[] {
  const cells: TextCell[] = [];
  let start = from;
  for (const text of line.slice(from).split(TAB)) {
    cells.push({ text, at: { line: lineNo, column: start + 1 } });
    start += text.length + 1;
  }
  return cells;
}

export function readWordText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  /** The last TAB-started cell, while it may still be continued by a line with no TAB. */
  let open: TextCell | undefined;
  let afterEmpty = false;
  text.split('\n').forEach((line, index) => {
    const lineNo = index + 1;
    const empty = afterEmpty;
    afterEmpty = isEmptyLine(line);
    if (afterEmpty) return;
    if (isRowLine(line)) {
      const row = piecesFrom(line, 0, lineNo);
      const last = row[row.length - 1];
      if (last) last.rowEnd = true;
      cells.push(...row);
      open = undefined;
    } else if (line.startsWith(TAB)) {
      const started = piecesFrom(line, 1, lineNo);
      cells.push(...started);
      open = started[started.length - 1];
    } else if (open && !isValueText(open.text) && !(empty && SECTION.test(line))) {
      open.text += line;
    } else {
      cells.push({ text: line, at: { line: lineNo, column: 1 }, rowEnd: true });
      open = undefined;
    }
  });
  return cells;
}
