/**
 * The pages of a synthetic PDF report: title, narrative and signature as lines of text, the three tables as rows,
 * paginated (rows never split, forced breaks inside tables if asked: a row cut by a break is two laid rows), then each page's footer page number and,
 * if asked, a running header with its rule.
 */
import { TABLES, TABLE_IDS, type TableId } from '../model/template.ts';
import type { Block, DocText } from './doc-text.ts';
import { type FlowItem, paginate } from './pdf-flow.ts';
import { textWidth, wrapEm } from './pdf-measure.ts';
import { A4, type DrawOp, type PageDraw, ruleOp, textOp } from './pdf-ops.ts';
import { drawTable, type RuleStyle, type Segment } from './pdf-table-draw.ts';
import type { TableLayout } from './pdf-table.ts';

export interface PageStyle {
  margin: { left: number; right: number; top: number; bottom: number };
  titleSize: number;
  titleLead: number;
  bodySize: number;
  bodyLead: number;
  /** Draw a line's ASCII runs (numbers) as strings of their own, as Word does when they are set in another font. */
  splitRuns: boolean;
  rules: RuleStyle;
  /** "- 3 -" or "-3-". */
  pageNumber: (n: number) => string;
  pageNumberSize: number;
  /** Baseline of the page number, from the page's bottom. */
  footerY: number;
  /** Small-type text at the top of every page, over a rule; null for none. */
  runningHeader: string | null;
}

export interface ComposeInput {
  text: DocText;
  tables: TableLayout[];
  /** Force a page break before each of these rows (a row of a table). */
  breaks?: Array<{ table: TableId; row: number }>;
}

type Item = FlowItem & { draw?: (top: number) => DrawOp[]; row?: { layout: TableLayout; index: number } };

/** A line of text whose top is at `top`: baseline placed so that the em box sits in the middle of the line. */
function lineOps(s: PageStyle, text: string, x: number, top: number, size: number, lead: number): DrawOp[] {
  const baseline = top - (lead - size) / 2 - 0.88 * size;
  if (!s.splitRuns) return [textOp(x, baseline, size, text)];
  const ops: DrawOp[] = [];
  let at = x;
  for (const run of text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? []) {
    if (run.trim() !== '') ops.push(textOp(at, baseline, size, run));
    at += textWidth(run, size);
  }
  return ops;
}

export function composePages(s: PageStyle, input: ComposeInput): PageDraw[] {
  const left = s.margin.left;
  const width = A4.width - s.margin.left - s.margin.right;
  const items: Item[] = [];
  const gap = (height: number): void => void items.push({ height, gap: true });
  const lines = (text: string, size: number, lead: number, align: 'center' | 'left' | 'right', keep: boolean, indent = 0): void => {
    const wrapped = wrapEm(text, width / size, { hang: true, firstWidth: (width - indent * size) / size });
    wrapped.forEach((line, i) => {
      const w = textWidth(line, size);
      const x = align === 'center' ? left + (width - w) / 2 : align === 'right' ? left + width - w : left + (i === 0 ? indent * size : 0);
      items.push({ height: lead, keepWithNext: keep || (i < wrapped.length - 1 && wrapped.length <= 3), draw: (top) => lineOps(s, line, x, top, size, lead) });
    });
  };
  const paragraph = (b: Block): void => lines(b.text, s.bodySize, s.bodyLead, 'left', b.kind !== 'p', 2);

  const { text } = input;
  text.heading.forEach((line, i) => lines(line, s.titleSize, s.titleLead, 'center', i < text.heading.length - 1));
  gap(s.bodyLead);
  text.before.forEach(paragraph);
  TABLE_IDS.forEach((id, k) => {
    const layout = input.tables[k]!;
    paragraph({ kind: 'h1', text: TABLES[id].zh });
    layout.heights.forEach((height, index) => {
      const forced = input.breaks?.some((b) => b.table === id && b.row === index) ?? false;
      const keep = index + 1 < layout.heights.length && !layout.breakable[index + 1];
      items.push({ height, keepWithNext: keep, breakBefore: forced, row: { layout, index } });
    });
    gap(s.bodyLead / 2);
  });
  text.after.forEach(paragraph);
  gap(s.bodyLead);
  lines(text.agency, s.bodySize, s.bodyLead, 'right', true);
  if (text.date) lines(text.date, s.bodySize, s.bodyLead, 'right', false);

  const placed = paginate(items, { top: A4.height - s.margin.top, bottom: s.margin.bottom });
  const pageCount = Math.max(...placed.map((p) => p.page)) + 1;
  // Each page in drawing order: chunks of operations. Consecutive table rows on one page form a segment, drawn into
  // its chunk once the table's segments are all known.
  const pages: DrawOp[][][] = Array.from({ length: pageCount }, () => []);
  const segments = new Map<TableLayout, Array<Segment & { chunk: DrawOp[] }>>();
  items.forEach((item, i) => {
    const { page, top } = placed[i]!;
    if (top === null) return;
    if (item.draw) pages[page]!.push(item.draw(top));
    if (!item.row) return;
    const list = segments.get(item.row.layout) ?? [];
    const last = list[list.length - 1];
    if (last && placed[i - 1]?.page === page && items[i - 1]?.row) last.to = item.row.index + 1;
    else {
      const chunk: DrawOp[] = [];
      pages[page]!.push(chunk);
      list.push({ from: item.row.index, to: item.row.index + 1, top, chunk });
    }
    segments.set(item.row.layout, list);
  });
  for (const [layout, list] of segments) {
    drawTable(layout, list, left, s.rules).forEach((ops, k) => list[k]!.chunk.push(...ops));
  }
  return pages.map((chunks, k) => ({ ops: [...chunks.flat(), ...furniture(s, k + 1, left, width)], scanned: false }));
}

/** The page number in the footer, centred; the running header and its rule at the top. */
function furniture(s: PageStyle, n: number, left: number, width: number): DrawOp[] {
  const label = s.pageNumber(n);
  const ops: DrawOp[] = [textOp(left + (width - textWidth(label, s.pageNumberSize)) / 2, s.footerY, s.pageNumberSize, label)];
  if (s.runningHeader) {
    const size = 9;
    const y = A4.height - s.margin.top / 2 - size;
    ops.unshift(textOp(left + (width - textWidth(s.runningHeader, size)) / 2, y, size, s.runningHeader), ruleOp(left, y - 4, left + width, y - 4));
  }
  return ops;
}
