/**
 * Ruled tables: rebuild a table's grid from its ruling lines. Rows are the bands between horizontal rules,
 * columns the bands between vertical rules; a cell is the box its own borders enclose, found from a point inside
 * it (so merged cells — rowspan, colspan — come out as one box, reported in the first band they cover, as an
 * HTML table lists them). Text runs belong to the box around their centre; the runs of one box, wrapped over
 * several lines, join into one cell text. Empty boxes are blank cells. Pure.
 */
import type { PdfText, Rule } from './pdf-content.ts';
import { groupLines, joinText, pieces } from './pdf-lines.ts';

const SNAP = 1.5;
const REACH = 2;

interface HRule { y: number; x1: number; x2: number }
interface VRule { x: number; y1: number; y2: number }

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface TableCell {
  box: Box;
  text: string;
  /** Where the text starts (the first run), or the box's corner for a blank cell. */
  x: number;
  y: number;
}

export interface RuledTable {
  box: Box;
  /** Rows top to bottom; each lists the cells that start in it, left to right. */
  rows: TableCell[][];
  /** The runs this table took. */
  taken: Set<PdfText>;
}

/** Merge collinear segments that overlap or touch into one rule. */
function mergeH(rules: HRule[]): HRule[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HRule[] = [];
  for (const r of sorted) {
    const same = out.find((o) => Math.abs(o.y - r.y) <= SNAP && r.x1 <= o.x2 + REACH && r.x2 >= o.x1 - REACH);
    if (same) {
      same.x1 = Math.min(same.x1, r.x1);
      same.x2 = Math.max(same.x2, r.x2);
    } else out.push({ ...r });
  }
  return out;
}

function mergeV(rules: VRule[]): VRule[] {
  const swapped = mergeH(rules.map((r) => ({ y: r.x, x1: r.y1, x2: r.y2 })));
  return swapped.map((r) => ({ x: r.y, y1: r.x1, y2: r.x2 }));
}

function touches(h: HRule, v: VRule): boolean {
  return v.x >= h.x1 - REACH && v.x <= h.x2 + REACH && h.y >= v.y1 - REACH && h.y <= v.y2 + REACH;
}

/** Group rules into tables: sets of horizontal and vertical rules that cross or touch each other. */
function components(hs: HRule[], vs: VRule[]): Array<{ hs: HRule[]; vs: VRule[] }> {
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (touches(h, v)) parent[find(i)] = find(hs.length + j);
  }));
  const groups = new Map<number, { hs: HRule[]; vs: VRule[] }>();
  const group = (i: number) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { hs: [], vs: [] });
    return groups.get(root)!;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, j) => group(hs.length + j).vs.push(v));
  return [...groups.values()].filter(isTable);
}

/**
 * Rules that make a table: two each way, or one rule crossed by at least three that stop at it on one side (a row
 * of a table with one side unruled, alone on a page: the bottom rule and the column borders hanging from it).
 */
function isTable(g: { hs: HRule[]; vs: VRule[] }): boolean {
  if (g.hs.length >= 2 && g.vs.length >= 2) return true;
  if (g.hs.length === 1 && g.vs.length >= 3) {
    const y = g.hs[0]!.y;
    return g.vs.every((v) => Math.abs(v.y1 - y) <= REACH) || g.vs.every((v) => Math.abs(v.y2 - y) <= REACH);
  }
  if (g.vs.length === 1 && g.hs.length >= 3) {
    const x = g.vs[0]!.x;
    return g.hs.every((h) => Math.abs(h.x1 - x) <= REACH) || g.hs.every((h) => Math.abs(h.x2 - x) <= REACH);
  }
  return false;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > SNAP) out.push(v);
  return out;
}

/**
 * The box enclosing a point: the nearest rules on each side that pass by it. A side with no rule takes the table's
 * edge (a merged cell cut by a page break has no border there). Null outside the table.
 */
function boxAt(x: number, y: number, hs: readonly HRule[], vs: readonly VRule[], table: Box): Box | null {
  if (x < table.left || x > table.right || y < table.top || y > table.bottom) return null;
  let top = -Infinity;
  let bottom = Infinity;
  let left = -Infinity;
  let right = Infinity;
  for (const h of hs) {
    if (x < h.x1 - REACH || x > h.x2 + REACH) continue;
    if (h.y < y && h.y > top) top = h.y;
    if (h.y > y && h.y < bottom) bottom = h.y;
  }
  for (const v of vs) {
    if (y < v.y1 - REACH || y > v.y2 + REACH) continue;
    if (v.x < x && v.x > left) left = v.x;
    if (v.x > x && v.x < right) right = v.x;
  }
  return {
    top: Number.isFinite(top) ? top : table.top,
    bottom: Number.isFinite(bottom) ? bottom : table.bottom,
    left: Number.isFinite(left) ? left : table.left,
    right: Number.isFinite(right) ? right : table.right,
  };
}

const boxKey = (b: Box): string => `${b.top.toFixed(1)},${b.left.toFixed(1)},${b.bottom.toFixed(1)},${b.right.toFixed(1)}`;

/** A box's text: its runs as lines top to bottom, joined without breaks (a label wrapped inside its cell). */
function cellText(texts: readonly PdfText[]): string {
  let text = '';
  for (const line of groupLines(texts)) for (const p of pieces(line, Infinity)) text = joinText(text, p.text, 0, p.size);
  return text.trim();
}

/**
 * A table drawn with no rule on one side (office suites let a side's border be turned off): the other side's rules
 * run on to where that border would be. Put the missing border there, so the outer column or row stays in the table.
 */
function closeOpenSides(hs: HRule[], vs: VRule[]): void {
  const [top, bottom] = [Math.min(...hs.map((h) => h.y)), Math.max(...hs.map((h) => h.y))];
  const [left, right] = [Math.min(...vs.map((v) => v.x)), Math.max(...vs.map((v) => v.x))];
  const [x1, x2] = [Math.min(...hs.map((h) => h.x1)), Math.max(...hs.map((h) => h.x2))];
  const [y1, y2] = [Math.min(...vs.map((v) => v.y1)), Math.max(...vs.map((v) => v.y2))];
  if (x2 > right + 3 * SNAP) vs.push({ x: x2, y1: top, y2: bottom });
  if (x1 < left - 3 * SNAP) vs.push({ x: x1, y1: top, y2: bottom });
  if (y2 > bottom + 3 * SNAP) hs.push({ y: y2, x1, x2 });
  if (y1 < top - 3 * SNAP) hs.push({ y: y1, x1, x2 });
}

/**
 * Where a run's height is taken to be: its middle, or, when a horizontal rule runs through the run's glyphs (text
 * that overflows its cell: an office suite may print the rest of a row cut by a page break lower than the row's
 * bottom border, "维" in the header and "持" across the rule under it), just above that rule: text runs on downwards,
 * so a run cut by a rule belongs to the cell above it, never to the blank cell below.
 */
function anchorY(t: PdfText, cx: number, hs: readonly HRule[]): number {
  const [top, bottom] = [t.baseline - t.size * 0.68, t.baseline - t.size * 0.2];
  const crossing = hs.filter((h) => h.y > top && h.y < bottom && cx >= h.x1 - REACH && cx <= h.x2 + REACH);
  return crossing.length > 0 ? Math.min(...crossing.map((h) => h.y)) - 0.5 : t.baseline - t.size * 0.35;
}

function buildTable(hs: HRule[], vs: VRule[], texts: readonly PdfText[]): RuledTable {
  closeOpenSides(hs, vs);
  const box: Box = {
    top: Math.min(...hs.map((h) => h.y)), bottom: Math.max(...hs.map((h) => h.y)),
    left: Math.min(...vs.map((v) => v.x)), right: Math.max(...vs.map((v) => v.x)),
  };
  const inBox = new Map<string, PdfText[]>();
  const taken = new Set<PdfText>();
  for (const t of texts) {
    const cx = t.x + t.width / 2;
    const b = boxAt(cx, anchorY(t, cx, hs), hs, vs, box);
    if (!b) continue;
    const key = boxKey(b);
    const list = inBox.get(key);
    if (list) list.push(t);
    else inBox.set(key, [t]);
    taken.add(t);
  }
  const ys = distinct(hs.map((h) => h.y));
  const xs = distinct(vs.map((v) => v.x));
  const rows: TableCell[][] = [];
  const seen = new Set<string>();
  for (let r = 1; r < ys.length; r++) {
    const [ya, yb] = [ys[r - 1]!, ys[r]!];
    const row: TableCell[] = [];
    for (let c = 1; c < xs.length; c++) {
      const [xa, xb] = [xs[c - 1]!, xs[c]!];
      const b = boxAt((xa + xb) / 2, (ya + yb) / 2, hs, vs, box);
      if (!b) continue;
      const key = boxKey(b);
      if (seen.has(key)) continue;
      seen.add(key);
      const runs = inBox.get(key) ?? [];
      const first = [...runs].sort((p, q) => p.baseline - q.baseline || p.x - q.x)[0];
      row.push({
        box: b,
        text: cellText(runs),
        x: first?.x ?? b.left,
        y: first ? first.baseline - first.size * 0.88 : b.top,
      });
    }
    if (row.length > 0) rows.push(row);
  }
  return { box, rows: withoutLabelBlanks(rows), taken };
}

const FIGURE = /^[+\-−]?\d[\d,]*(?:\.\d+)?$/;

/**
 * Drop the blank cells of the label columns: an empty sub-label cell beside a label that has no sub-rows
 * ("（六）其他处理"), or the part of a merged label cell that goes on after a page break. The label columns end
 * where the labels of the rows with figures end. Blank cells among the figures stay: they are blank values (a
 * table with no labels, like 四's value row alone on a page, keeps every blank).
 */
function withoutLabelBlanks(rows: TableCell[][]): TableCell[][] {
  let labelEnd = -Infinity;
  for (const row of rows) {
    const first = row.findIndex((c) => FIGURE.test(c.text.replace(/\s/g, '')));
    if (first <= 0) continue;
    for (const c of row.slice(0, first)) if (c.text !== '') labelEnd = Math.max(labelEnd, c.box.right);
  }
  if (labelEnd === -Infinity) return rows;
  return rows
    .map((row) => row.filter((c) => c.text !== '' || c.box.right > labelEnd + SNAP))
    .filter((row) => row.length > 0);
}
/** The ruled tables of a page, top to bottom. */
export function ruledTables(rules: readonly Rule[], texts: readonly PdfText[]): RuledTable[] {
  const hs = mergeH(rules.filter((r) => r.y1 === r.y2).map((r) => ({ y: r.y1, x1: r.x1, x2: r.x2 })));
  const vs = mergeV(rules.filter((r) => r.x1 === r.x2 && r.y1 !== r.y2).map((r) => ({ x: r.x1, y1: r.y1, y2: r.y2 })));
  return components(hs, vs)
    .map((g) => buildTable(g.hs, g.vs, texts))
    .filter((t) => t.rows.length > 0)
    .sort((a, b) => a.box.top - b.box.top);
}
