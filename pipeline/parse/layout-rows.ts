/**
 * Layout text of a table with narrow label columns (an office suite's PDF, through `pdftotext -layout`): each label
 * is wrapped over several lines ("第三方 / 合法权 / 益"), the figures of its row stand on one of those lines (the
 * cells are centred), labels of two or three label columns share lines, and a row with every figure blank prints its
 * label alone. Rebuild the table's rows from the lines: the fragments of one label cell stand at about the same
 * character position on consecutive lines, and a cell ends where the next numbered item ("2.", "（五）", "四、")
 * starts in its column (layout-label-cells.ts); a row's figures belong to the rightmost label cell whose lines they
 * stand on. The result is one line of cells per table row — group labels (each once, on its first row), the row's own
 * label whole, its figures — as any rendering that knows rows gives them. Header lines (before the first numbered
 * item or figure) are kept as they are. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { joinCutRow } from './layout-cut-row.ts';
import { headerLines } from './layout-header.ts';
import { type LabelCell, type Line, PAGE_SLOTS, labelCells, textOf } from './layout-label-cells.ts';
import { type Fragment, layoutLines } from './layout-lines.ts';
import { isPageNumber, startsItem } from './normalize.ts';
import { isValueText, readValue } from '../ingest/read-value.ts';

/** Table 三's figure columns: the six kinds of applicant and 总计. */
const TABLE_WIDTH = 7;

/** Table 三's column headers, whole, as the wrapped header is read down its stacks (layout-header.ts). */
const COLUMN_WORDS = [['自然人'], ['商业企业'], ['科研机构'], ['社会公益组织'], ['法律服务机构'], ['其他'], ['总计']];

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

function linesOf(cells: readonly TextCell[]): Line[] {
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

/** Whether the cells come from layout text (every cell has a line and a character position). */
function isLayout(cells: readonly TextCell[]): boolean {
  return cells.length > 0 && cells.every((c) => c.at.line !== undefined && c.x !== undefined) && cells.at(-1)!.rowEnd === true;
}

/**
 * Where a label cell stands at a line: its last fragment up to that line (a cell that goes on across a page break
 * stands where the next page draws its column: labels are compared on one grid).
 */
function xAt(c: LabelCell, line: number): number {
  let x = c.fragments[0]!.x;
  for (const f of c.fragments) {
    if (f.line > line) break;
    x = f.x;
  }
  return x;
}

/** A label cell that heads others: a cell further right starts within its lines. */
function heads(c: LabelCell, cells: readonly LabelCell[]): boolean {
  return cells.some((d) => d.x > c.x + 1 && d.first >= c.first && d.first <= c.last);
}

/**
 * Whether the table is printed the office-suite way: labels wrapped around their row's figures (the figures stand on
 * an inner line of a row label's lines) in at least two rows. Other layouts are left to the rows as they are.
 */
function centred(body: readonly Line[], cells: readonly LabelCell[]): boolean {
  const leaves = cells.filter((c) => c.last - c.first >= 2 && !heads(c, cells));
  const inner = body.filter((l) => l.values.length > 0 && leaves.some((c) => c.first < l.line && l.line < c.last));
  return inner.length >= 2;
}

/** A row's figures this many character slots apart from the other line's at least, to tell their order. */
const APART = 3;

/**
 * A row printed on two lines next to each other inside its label's lines (the figure of a narrow column a line below
 * the others: "39 … 224" / "信息公开申请数量 185" for 185, 39, 224): the two lines' figures are one row when together
 * they are at most the table's 7 figures, those of one line stand all left of the other's (APART slots clear, so their
 * order is known), and in that order the figures before the last add up to it (the last is 总计, which every row
 * printing a figure fills). Else the lines are left as they are.
 */
function joinsSplitRow(a: readonly TextCell[], b: readonly TextCell[]): boolean {
  if (a.length === 0 || b.length === 0 || a.length + b.length > TABLE_WIDTH) return false;
  if ([...a, ...b].some((c) => c.x === undefined || readValue(c.text).kind !== 'number')) return false;
  const edges = (cells: readonly TextCell[]): [number, number] => [Math.min(...cells.map((c) => c.x!)), Math.max(...cells.map((c) => c.x! + [...c.text].length))];
  const [aFrom, aTo] = edges(a);
  const [bFrom, bTo] = edges(b);
  if (!(aTo + APART <= bFrom || bTo + APART <= aFrom)) return false;
  const values = [...a, ...b].sort((p, q) => p.x! - q.x!).map((c) => readValue(c.text).value!);
  return values.slice(0, -1).reduce((sum, v) => sum + v, 0) === values.at(-1);
}

export function layoutRows(cells: readonly TextCell[]): TextCell[] {
  if (!isLayout(cells)) return [...cells];
  const lines = linesOf(cells);
  const start = lines.findIndex((l) => l.values.length > 0 || l.labels.some((f) => startsItem(f.text)));
  if (start < 0) return [...cells];
  // The header repeated at the top of a page (its lines as printed above the first row) is no part of any row.
  const signature = (l: Line): string => [...l.labels.map((f) => f.text), ...l.values.map((v) => v.text)].join('|').replace(/\s+/g, '');
  // A line of one piece is such a header line only at the top of a page (before any other line of it): a row's label
  // piece that reads as a header word ("（七） / 51 2 53 / 总计") is part of its row.
  const repeated = new Set(lines.slice(0, start).map(signature).filter((t) => t.length >= 2));
  let topOfPage = false;
  // A note under the table ("注：*含上级机关转办的申请。") ends it: its text is no label's (it went on （七）总计 above it,
  // and took the row under that's figures).
  const note = lines.findIndex((l, k) => k > start && l.values.length === 0 && /^注[：:]/.test(l.labels[0]?.text.trim() ?? ''));
  const table = lines.slice(start, note < 0 ? undefined : note);
  const isHeader = table.map((l, k, all) => {
    if (k > 0 && l.page !== undefined && l.page !== all[k - 1]!.page) topOfPage = true;
    const matches = repeated.has(signature(l));
    if (!matches) topOfPage = false;
    return matches && (topOfPage || l.labels.length + l.values.length >= 2);
  });
  // The header printed again inside the table (a stray header row): a line of one piece that reads as a header line,
  // where that line stands (a slot), is part of it when a line next to it is ("法人或其他组织" / "第二项之和，等于" /
  // "自然人 …"; not "总计" under "（七）" in the label column, the header printed after it).
  const firstX = (l: Line): number => l.labels[0]?.x ?? l.values[0]?.x ?? 0;
  // The lines before the table, read once (they do not change while the loop runs).
  const aboveTable = lines.slice(0, start).map((h) => ({ text: signature(h), x: firstX(h) }));
  for (let changed = true; changed;) {
    changed = false;
    for (const [k, l] of table.entries()) {
      if (isHeader[k] || !repeated.has(signature(l)) || !aboveTable.some((h) => h.text === signature(l) && Math.abs(h.x - firstX(l)) <= 1)) continue;
      if (!(table[k - 1]?.line === l.line - 1 && isHeader[k - 1]) && !(table[k + 1]?.line === l.line + 1 && isHeader[k + 1])) continue;
      isHeader[k] = true;
      changed = true;
    }
  }
  const body = table.filter((_, k) => !isHeader[k]);
  const labels = labelCells(body);
  // The column headers wrapped over the header lines, read whole down their stacks, as a line of their own per page
  // before the table (where the columns stand on that page: a short row's figures are placed by them).
  const header = headerLines(lines, COLUMN_WORDS);
  // A table printing no figure at all (every cell blank) is rebuilt too: each label cell is then a row of blanks.
  if (!centred(body, labels) && body.some((l) => l.values.length > 0)) return [...header, ...cells];
  const spans = (c: LabelCell, line: number): boolean => c.first <= line && line <= c.last;
  interface Row { line: number; own?: LabelCell; values: TextCell[]; raw: TextCell[] }
  const rows: Row[] = [];
  const owned = new Set<LabelCell>();
  for (const line of body.filter((l) => l.values.length > 0)) {
    const around = labels.filter((c) => spans(c, line.line)).sort((a, b) => xAt(b, line.line) - xAt(a, line.line) || b.x - a.x);
    const near = around.length > 0 ? around : labels.filter((c) => c.last === line.line - 1 || c.first === line.line + 1).sort((a, b) => b.x - a.x);
    // A row whose last figure (总计) is printed on the line under it, with no label around that line ("（七）总计 136 0 3
    // 0 0 0" / "139"): the line goes on the row above when the two add up as one row, even when a label cell starts on
    // the line after (a header repeated under the row, "申请人情况", would take it).
    const above = around.length > 0 ? undefined : rows.find((r) => r.own && r.own.last === line.line - 1 && r.line === line.line - 1);
    const splitFirst = above !== undefined && joinsSplitRow(above.raw, line.values);
    const own = !splitFirst && near[0] && !owned.has(near[0]) ? near[0] : undefined;
    if (own) owned.add(own);
    // Figures on a line without label text (the label wrapped around them) keep their positions: on the page's own
    // grid they stand under their columns as those of a labelled line do (within a slot of the header's centres, on
    // 200 generated reports); only positions on one page are compared (layout-columns.ts).
    const values = line.values;
    const split = splitFirst ? above : own ? undefined : rows.find((r) => r.own && (spans(r.own, line.line) || near.includes(r.own)) && Math.abs(r.line - line.line) === 1);
    if (split && joinsSplitRow(split.raw, line.values)) {
      const order = [...split.raw, ...line.values];
      const cells = [...split.values, ...values];
      const sorted = order.map((c, i) => [c, cells[i]!] as const).sort((a, b) => a[0].x! - b[0].x!);
      split.raw = sorted.map(([c]) => c);
      split.values = sorted.map(([, c]) => c);
      continue;
    }
    // The rest of a row cut by a page break, beside its label's lines on the next page (layout-cut-row.ts).
    const cut = own || split ? undefined : rows.find((r) => r.own && spans(r.own, line.line) && r.own === around[0] && r.values[0]?.page !== line.values[0]?.page);
    const full = cut && rows.filter((r) => r.values.length === TABLE_WIDTH && r.values[0]?.page === cut.values[0]?.page).at(-1);
    const joined = cut && full ? joinCutRow(cut.values, line.values, full.values) : null;
    if (cut && joined) {
      cut.values = joined;
      cut.raw = joined;
      continue;
    }
    rows.push({ line: line.line, own, values, raw: line.values });
  }
  // A label cell with no figures: a row of blanks, unless a cell further right starts within its lines (then it heads
  // a group of rows).
  for (const c of labels) {
    if (owned.has(c)) continue;
    const covers = rows.some((r) => r.own && r.own.x > c.x && spans(c, r.line));
    if (!heads(c, labels) && !covers) rows.push({ line: c.first, own: c, values: [], raw: [] });
  }
  rows.sort((a, b) => a.line - b.line || (a.own?.x ?? 0) - (b.own?.x ?? 0));
  const out: TextCell[] = [...header, ...cells.slice(0, cells.indexOf(body[0]!.labels[0]?.cell ?? body[0]!.values[0]!))];
  const shown = new Set<LabelCell>(owned);
  for (const r of rows) if (r.values.length === 0 && r.own) shown.add(r.own);
  const printed = new Set<LabelCell>();
  for (const r of rows) {
    const first = r.own?.first ?? r.line;
    const groups = labels
      .filter((c) => !shown.has(c) && !printed.has(c) && (r.own ? xAt(c, r.line) < xAt(r.own, r.line) : true) && c.first <= Math.max(r.line, r.own?.last ?? r.line))
      .sort((a, b) => a.first - b.first || a.x - b.x);
    const row: TextCell[] = [];
    for (const g of groups) {
      printed.add(g);
      row.push({ text: textOf(g), at: g.fragments[0]!.cell.at, x: g.x });
    }
    if (r.own) row.push({ text: textOf(r.own), at: { ...r.own.fragments[0]!.cell.at, line: first }, x: r.own.x });
    row.push(...r.values.map((v) => ({ ...v, rowEnd: false })));
    if (row.length === 0) continue;
    row[row.length - 1] = { ...row[row.length - 1]!, rowEnd: true };
    out.push(...row);
  }
  return out;
}
