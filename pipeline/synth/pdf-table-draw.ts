/**
 * A laid-out table drawn in segments, one per page it occupies: every cell border a ruled segment (no line inside a
 * merged cell), each line of a cell's text a string of its own, centred or left-aligned, vertically centred. A
 * merged cell that a page break cuts is drawn in two parts, each ruled; its text stands in the first part when it
 * fits there, else it runs on into the next part. With `openSide`, the table's outer border on that side is not drawn
 * (on every page it occupies), as office suites allow.
 */
import { type DrawOp, ruleOp, textOp } from './pdf-ops.ts';
import { textWidth } from './pdf-measure.ts';
import type { LaidCell, TableLayout } from './pdf-table.ts';

/** Rows [from, to) of the table on one page, the first row's top at `top`. */
export interface Segment {
  from: number;
  to: number;
  top: number;
}

export type RuleStyle = 'cell' | 'run';

interface Part { segment: number; x1: number; x2: number; top: number; bottom: number; endsSegment: boolean }

interface Edge { vertical: boolean; at: number; from: number; to: number }

function partsOf(layout: TableLayout, c: LaidCell, segments: Segment[], x: number): Part[] {
  const parts: Part[] = [];
  segments.forEach((seg, i) => {
    const from = Math.max(c.row, seg.from);
    const to = Math.min(c.row + c.cell.rowspan, seg.to);
    if (from >= to) return;
    const y = (r: number): number => seg.top - layout.heights.slice(seg.from, r).reduce((a, b) => a + b, 0);
    parts.push({
      segment: i, x1: x + layout.edges[c.col]!, x2: x + layout.edges[c.col + c.cell.colspan]!, top: y(from), bottom: y(to), endsSegment: to === seg.to,
    });
  });
  return parts;
}

/** Which lines of the cell each part shows: all in the first part if they fit, else as many as fit, in order. */
function distribute(layout: TableLayout, lines: string[], parts: Part[]): string[][] {
  const { lineHeight, padY } = layout.style;
  const room = (p: Part): number => Math.max(0, Math.floor((p.top - p.bottom - 2 * padY + 1e-6) / lineHeight));
  if (parts.length <= 1 || room(parts[0]!) >= lines.length) return parts.map((_, i) => (i === 0 ? lines : []));
  let next = 0;
  return parts.map((p, i) => {
    const take = i === parts.length - 1 ? lines.length - next : Math.min(room(p), lines.length - next);
    next += take;
    return lines.slice(next - take, next);
  });
}

function cellStrings(layout: TableLayout, c: LaidCell, p: Part, lines: string[]): DrawOp[] {
  const { size, lineHeight, padX } = layout.style;
  const block = lines.length * lineHeight;
  const top = p.top - (p.top - p.bottom - block) / 2;
  return lines.map((line, i) => {
    const baseline = top - i * lineHeight - (lineHeight - size) / 2 - 0.88 * size;
    const x = c.align === 'left' ? p.x1 + padX : p.x1 + (p.x2 - p.x1 - textWidth(line, size)) / 2;
    return textOp(x, baseline, size, line);
  });
}

/** Join collinear edges that touch or overlap into one segment. */
function mergeEdges(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((a, b) => Number(a.vertical) - Number(b.vertical) || a.at - b.at || a.from - b.from);
  const out: Edge[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.vertical === e.vertical && Math.abs(last.at - e.at) < 0.01 && e.from <= last.to + 0.01) last.to = Math.max(last.to, e.to);
    else out.push({ ...e });
  }
  return out;
}

/** The table on each of its pages: one list of operations per segment. */
export function drawTable(layout: TableLayout, segments: Segment[], x: number, rules: RuleStyle): DrawOp[][] {
  const right = x + layout.edges[layout.edges.length - 1]!;
  const edges: Edge[][] = segments.map(() => []);
  const texts: DrawOp[][] = segments.map(() => []);
  for (const c of layout.cells) {
    const parts = partsOf(layout, c, segments, x);
    const shown = distribute(layout, c.lines, parts);
    parts.forEach((p, i) => {
      // Each part draws its top and left edges, the right edge at the table's right, the bottom at the page's last row.
      const own = edges[p.segment]!;
      own.push({ vertical: false, at: p.top, from: p.x1, to: p.x2 }, { vertical: true, at: p.x1, from: p.bottom, to: p.top });
      if (Math.abs(p.x2 - right) < 0.01) own.push({ vertical: true, at: p.x2, from: p.bottom, to: p.top });
      if (p.endsSegment) own.push({ vertical: false, at: p.bottom, from: p.x1, to: p.x2 });
      texts[p.segment]!.push(...cellStrings(layout, c, p, shown[i]!));
    });
  }
  const open = layout.style.openSide;
  const outer = (e: Edge, i: number): boolean => {
    const seg = segments[i]!;
    const bottom = seg.top - layout.heights.slice(seg.from, seg.to).reduce((a, b) => a + b, 0);
    if (e.vertical) return (open === 'left' && Math.abs(e.at - x) < 0.01) || (open === 'right' && Math.abs(e.at - right) < 0.01);
    return (open === 'top' && Math.abs(e.at - seg.top) < 0.01) || (open === 'bottom' && Math.abs(e.at - bottom) < 0.01);
  };
  return segments.map((_, i) => {
    const drawn = open ? edges[i]!.filter((e) => !outer(e, i)) : edges[i]!;
    const own = rules === 'run' ? mergeEdges(drawn) : drawn;
    const lines = own.map((e) => (e.vertical ? ruleOp(e.at, e.to, e.at, e.from) : ruleOp(e.from, e.at, e.to, e.at)));
    return [...lines, ...texts[i]!];
  });
}
