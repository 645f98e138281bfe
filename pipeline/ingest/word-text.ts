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

/**
 * Whether the line text[from, end) is empty once trimmed (and holds no TAB); a line opening with a printable ASCII
 * character, an ideograph or a TAB is not, at once (nor is an empty line cut out to be told so).
 */
function isEmptyLine(text: string, from: number, end: number): boolean {
  if (from === end) return true;
  const c = text.charCodeAt(from);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || c === 9) return false;
  const line = text.slice(from, end);
  return !line.includes(TAB) && line.trim() === '';
}

/**
 * The TAB-separated pieces of the line text[lineStart, end) from `from` on, each located at its first character,
 * pushed to `cells`; the last one. Each piece is cut from the text itself (the line is never cut out). `rowEnd`: the
 * last piece ends its row (made with `rowEnd: true` in its literal, not given the key afterwards: the same object,
 * and every cell of a Word text has one of two shapes).
 */
function pushPieces(cells: TextCell[], text: string, lineStart: number, from: number, end: number, lineNo: number, rowEnd: boolean): TextCell {
  let start = from;
  for (;;) {
    let tab = text.indexOf(TAB, start);
    if (tab >= end) tab = -1;
    const at = { line: lineNo, column: start - lineStart + 1 };
    // One slice for every piece: a call site of its own per branch had no feedback when the compiled function first
    // met the branch (a TAB-separated row after many TAB-started cells), and was thrown away there.
    const piece = text.slice(start, tab >= 0 ? tab : end);
    const cell: TextCell = tab < 0 && rowEnd ? { text: piece, at, rowEnd: true } : { text: piece, at };
    cells.push(cell);
    // Before the return (unused then): met with the first piece, not first at a TAB-separated row's second piece.
    start = tab + 1;
    if (tab < 0) return cell;
  }
}

/** One pass over the lines, cutting only the cells (no array of lines, no string a line but for narrative lines). */
export function readWordText(text: string): TextCell[] {
  const cells: TextCell[] = [];
  /** The last TAB-started cell, while it may still be continued by a line with no TAB. */
  let open: TextCell | undefined;
  let afterEmpty = false;
  let lineNo = 0;
  /** The first TAB at or after the last place searched (text.length when there is none). */
  let nextTab = -1;
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const start = from;
    from = end + 1;
    lineNo++;
    const empty = afterEmpty;
    afterEmpty = isEmptyLine(text, start, end);
    if (afterEmpty) continue;
    // Leading TABs, then whether a TAB follows them (a tab-separated row).
    let lead = start;
    while (lead < end && text.charCodeAt(lead) === 9) lead++;
    if (nextTab < lead) {
      nextTab = text.indexOf(TAB, lead);
      if (nextTab < 0) nextTab = text.length;
    }
    // A tab-separated row, or a TAB-started cell: one call for both (the call site met first with the first line of
    // either kind; two sites, and the compiled reader was thrown away at the kind met later).
    const tabRow = nextTab < end;
    if (tabRow || lead > start) {
      const last = pushPieces(cells, text, start, tabRow ? start : start + 1, end, lineNo, tabRow);
      open = tabRow ? undefined : last;
    } else {
      const line = text.slice(start, end);
      // Whether the line opens a numbered section, asked of every narrative line (the test met with the first one: asked
      // only after an empty line following a label cell, it was met late and the compiled reader thrown away there).
      const opensSection = SECTION.test(line);
      if (open && !isValueText(open.text) && !(empty && opensSection)) {
        open.text += line;
      } else {
        // The line as one piece that ends its row (it holds no TAB): the literal of a TAB-separated row's last piece,
        // met with the first narrative line (first met at a TAB-separated row, late, it cost the compiled reader).
        pushPieces(cells, text, start, start, end, lineNo, true);
        open = undefined;
      }
    }
  }
  return cells;
}
