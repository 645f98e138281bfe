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
import { type LabelCell, labelCells, textOf } from './layout-label-cells.ts';
import { startsItem } from './normalize.ts';
import { TABLE_WIDTH, linesOf } from './layout-rows-lines.ts';
import { tableBody } from './layout-rows-body.ts';
import { centred, heads, xAt } from './layout-rows-labels.ts';
import { takeMarginHeading } from './layout-margin-heading.ts';
import { joinsSplitRow } from './layout-split-row.ts';
import { moveGroupStarts } from './layout-group-start.ts';

/** Table 三's column headers, whole, as the wrapped header is read down its stacks (layout-header.ts). */
const COLUMN_WORDS = [['自然人'], ['商业企业'], ['科研机构'], ['社会公益组织'], ['法律服务机构'], ['其他'], ['总计']];

/** Whether the cells come from layout text (every cell has a line and a character position). */
function isLayout(cells: readonly TextCell[]): boolean {
  return cells.length > 0 && cells.every((c) => c.at.line !== undefined && c.x !== undefined) && cells.at(-1)!.rowEnd === true;
}

export function layoutRows(cells: readonly TextCell[]): TextCell[] {
  if (!isLayout(cells)) return [...cells];
  const lines = linesOf(cells);
  const start = lines.findIndex((l) => l.values.length > 0 || l.labels.some((f) => startsItem(f.text)));
  if (start < 0) return [...cells];
  const asPrinted = tableBody(lines, start);
  // Table 三's heading printed down the margin or spaced out: a cell of its own, its pieces on no other (layout-margin-heading.ts).
  const margin = takeMarginHeading(asPrinted);
  const body = margin.body;
  const labels = [...labelCells(body), ...margin.cells].sort((a, b) => a.first - b.first);
  // The column headers wrapped over the header lines, read whole down their stacks, as a line of their own per page
  // before the table (where the columns stand on that page: a short row's figures are placed by them).
  const header = headerLines(lines, COLUMN_WORDS);
  // A table printing no figure at all (every cell blank) is rebuilt too: each label cell is then a row of blanks.
  // Rows printing their figures under their labels are read as printed, a group's number moved off a row label's
  // last line (layout-group-start.ts).
  if (!centred(body, labels) && body.some((l) => l.values.length > 0)) return [...header, ...moveGroupStarts(cells)];
  const spans = (c: LabelCell, line: number): boolean => c.first <= line && line <= c.last;
  const figureLines = new Set(body.filter((l) => l.values.length > 0).map((l) => l.line));
  const printsFigures = (c: LabelCell): boolean => [...figureLines].some((n) => spans(c, n));
  interface Row { line: number; own?: LabelCell; values: TextCell[]; raw: TextCell[] }
  const rows: Row[] = [];
  const owned = new Set<LabelCell>();
  for (const line of body.filter((l) => l.values.length > 0)) {
    const around = labels.filter((c) => spans(c, line.line)).sort((a, b) => xAt(b, line.line) - xAt(a, line.line) || b.x - a.x);
    // A figure line between two labels goes on the one whose own lines print no figures (the label above wrapped, its
    // figures printed under it, where the label under it prints its own: 2023 洪泽区's "（二）部分公开…" / "4 0 … 4" /
    // "1.属于国家秘密 1 0 … 1").
    const near = around.length > 0
      ? around
      : labels.filter((c) => (c.last === line.line - 1 || c.first === line.line + 1) && !printsFigures(c)).sort((a, b) => b.x - a.x);
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
  const out: TextCell[] = [...header, ...cells.slice(0, cells.indexOf(asPrinted[0]!.labels[0]?.cell ?? asPrinted[0]!.values[0]!))];
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
