/**
 * The lines of table 三's layout text (`pdftotext -layout`), each cut into its label fragments and its figures: where
 * a line's figures start, telling apart label pieces that read like figures (an item's number wrapped apart from its
 * mark, a lone "无" or dash, a page number in dashes). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Line, PAGE_SLOTS } from './layout-label-cells.ts';
import { type Fragment, layoutLines } from './layout-lines.ts';
import { isPageNumber } from './normalize.ts';
import { isValueText, readValue } from '../ingest/read-value.ts';

/** Table 三's figure columns: the six kinds of applicant and 总计. */
export const TABLE_WIDTH = 7;

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** A piece's label fragments: pieces are split at runs of 2+ spaces; next to CJK text one space separates cells too. */
function fragments(cell: TextCell, line: number): Fragment[] {
  const out: Fragment[] = [];
  const x0 = cell.x ?? 0;
  let start = 0;
  const text = cell.text;
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === ' ' && (WIDE.test(text[i - 1]!) || WIDE.test(text[i + 1]!))) {
      out.push({ text: text.slice(start, i), x: x0 + start, line, cell });
      start = i + 1;
    }
  }
  out.push({ text: text.slice(start), x: x0 + start, line, cell });
  return out.filter((f) => f.text.trim() !== '');
}

/**
 * An item's number wrapped apart from its mark ("2 / 、其 / 他…", numbering "2、" in a label column one or two
 * characters wide): the line's first figure-like cell, a number of one or two digits, with a piece starting "、" under
 * it (within a slot) on the next line. It is label text, not a figure.
 */
function wrappedNumber(first: TextCell, next: readonly TextCell[] | undefined, values: readonly TextCell[]): boolean {
  const figures = values.length;
  if (!/^\d{1,2}$/.test(first.text.trim()) || next?.[0] === undefined) return false;
  if (next[0].at.line === (first.at.line ?? 0) + 1) return next.some((c) => c.text.startsWith('、') && Math.abs((c.x ?? 0) - (first.x ?? 0)) <= 1);
  // At a page's foot, its mark first on the next page ("4   0 0 0 0 0 0 0" / [page break] / "、无正"): only when the
  // line then prints one figure more than the table has columns (the number read as a figure makes 8), or all 7 with
  // the number, which do not add up so ("2   16 0 0 18 0 217": the row's 自然人 figure went on to the next page).
  const pageBreak = first.page !== undefined && next[0].page !== undefined && next[0].page !== first.page;
  const notARow = figures === TABLE_WIDTH + 1 || (figures === TABLE_WIDTH && !addsUp(values));
  return pageBreak && notARow && next[0].text.startsWith('、') && Math.abs((next[0].x ?? 0) - (first.x ?? 0)) <= PAGE_SLOTS;
}

const DASHED_PAGE_NUMBER = /^[-—–－]\s*\d{1,3}\s*[-—–－]$/;

/** Whether 7 figures add up as a row: the six applicant columns to 总计. */
function addsUp(values: readonly TextCell[]): boolean {
  const vs = values.map((c) => readValue(c.text));
  return vs.every((v) => v.kind === 'number') && vs.slice(0, -1).reduce((sum, v) => sum + v.value!, 0) === vs.at(-1)!.value;
}

/** The section's layout lines, each cut into label fragments and figures (page numbers in dashes left out). */
export function linesOf(cells: readonly TextCell[]): Line[] {
  const lines: Line[] = [];
  const all = layoutLines(cells).lines;
  for (const [k, row] of all.entries()) {
    // A page number in dashes alone on its line ("- 5-") is no label piece (it went on the label after the break).
    if (row.length === 1 && DASHED_PAGE_NUMBER.test(row[0]!.text.trim())) continue;
    let cut = row.length;
    // An enumeration comma ("、", a label's piece wrapped onto a line of its own) reads as a dash but is never a figure.
    while (cut > 0 && row[cut - 1]!.text.trim() !== '' && row[cut - 1]!.text.trim() !== '、' && isValueText(row[cut - 1]!.text)) cut--;
    // (The line after it: a page number at the page's foot ("- 5-") is none.)
    const after = all.slice(k + 1).find((l) => !isPageNumber(l.map((c) => c.text).join('')));
    if (cut < row.length && wrappedNumber(row[cut]!, after, row.slice(cut))) cut++;
    // A lone "无" or dash on a line is a piece of a label printed one character per line ("（四）无法提供"), not a row.
    if (cut === row.length - 1 && !/[\d０-９]/.test(row[cut]!.text)) cut = row.length;
    // So is one before a row's 7 figures ("无       108   42   0 …": 8 values with it).
    else if (row.length - cut > TABLE_WIDTH && !/[\d０-９]/.test(row[cut]!.text)) cut++;
    const line = row[0]!.at.line ?? 0;
    lines.push({ line, page: row[0]!.page, labels: row.slice(0, cut).flatMap((c) => fragments(c, line)), values: row.slice(cut) });
  }
  return lines;
}
