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

/** Whether the line is empty once trimmed (and holds no TAB); a line opening with a printable ASCII character or an ideograph is not, at once. */
function isEmptyLine(line: string): boolean {
  const c = line.length === 0 ? 0 : line.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return !line.includes(TAB) && line.trim() === '';
}

/**
 * The TAB-separated pieces of `line` from `from` on, each located at its first character, pushed to `cells`; the last
 * one. `rowEnd`: the last piece ends its row (made with `rowEnd: true` in its literal, not given the key afterwards:
 * the same object, and every cell of a Word text has one of two shapes).
 */
function pushPieces(cells: TextCell[], line: string, from: number, lineNo: number, rowEnd: boolean): TextCell {
  let start = from;
  for (;;) {
    const tab = line.indexOf(TAB, start);
    const at = { line: lineNo, column: start + 1 };
    const cell: TextCell = tab >= 0 ? { text: line.slice(start, tab), at } : rowEnd ? { text: line.slice(start), at, rowEnd: true } : { text: line.slice(start), at };
    cells.push(cell);
    if (tab < 0) return cell;
    start = tab + 1;
  }
}

/** One pass over the lines, cutting each only once (no array of lines, no array of pieces). */
export function readWordText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  /** The last TAB-started cell, while it may still be continued by a line with no TAB. */
  let open: TextCell | undefined;
  let afterEmpty = false;
  let lineNo = 0;
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(from, end);
    from = end + 1;
    lineNo++;
    const empty = afterEmpty;
    afterEmpty = isEmptyLine(line);
    if (afterEmpty) continue;
    // Leading TABs, then whether a TAB follows them (a tab-separated row).
    let lead = 0;
    while (lead < line.length && line.charCodeAt(lead) === 9) lead++;
    if (line.indexOf(TAB, lead) >= 0) {
      pushPieces(cells, line, 0, lineNo, true);
      open = undefined;
    } else if (lead > 0) {
      open = pushPieces(cells, line, 1, lineNo, false);
    } else if (open && !isValueText(open.text) && !(empty && SECTION.test(line))) {
      open.text += line;
    } else {
      cells.push({ text: line, at: { line: lineNo, column: 1 }, rowEnd: true });
      open = undefined;
    }
  }
  return cells;
}
