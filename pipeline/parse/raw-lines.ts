/**
 * The rows of a table in raw pdftotext output (one cell or label fragment per line): the label fragments since the
 * last figure make a label, the figures after them its run. A run longer than the row it follows holds the rows
 * after it too, whose labels pdftotext moved away (a label wrapped over several lines is often written after the
 * table's figures): it is cut by the template's widths, in row order, into that row and rows without a label,
 * which the reader places by the row order and checks by the arithmetic. Blank cells print nothing, so a row may
 * have fewer figures than cells: its run is split like flattened text's (split-digits.ts) — unless they print as
 * blank cells of their own (a page's text stored a cell a line, &nbsp; kept) and fill the rows. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type RowDef, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { type FlatLine, groupHeadings, isGroupHeading, ownLabel } from './flat-rows.ts';
import { labelRecall, startsItem } from './normalize.ts';

/** One printed figure on a line of its own: a number (signs, separators, decimals, a money unit) or a dash. */
const FIGURE = /^(?:[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元)?|[-—－/])$/u;
const MIN_LABEL = 0.8;
/** A line that names a template row on its own this well starts a new label. */
const WHOLE_LABEL = 0.9;
/** Closing brackets and quotes alone on a line: the end of the label before them. */
const CLOSING = /^[）)】」』”’\]]+$/u;
/** A block heading of table 二: "第二十条第（一）项". */
const BLOCK = /^第[一二三四五六七八九十]+条/;

export function isRawFigure(text: string): boolean {
  return FIGURE.test(text.replace(/[\s\u00a0\u3000]/g, ''));
}

/** The template row a label names clearly, if any. */
function rowNamed(label: string, defs: readonly RowDef[]): RowDef | undefined {
  const own = ownLabel(label).own;
  let best: RowDef | undefined;
  let score = 0;
  for (const d of defs) {
    const s = Math.max(labelRecall(own, d.zh), ...(d.aliases ?? []).map((a) => labelRecall(own, a)));
    if (s > score) [best, score] = [d, s];
  }
  return score >= MIN_LABEL ? best : undefined;
}

/**
 * Cut `n` figures after the row `def` into the widths of the rows from `def` on; null when the widths do not add up
 * to `n` exactly (the run is then left whole, and read — or refused — as one row).
 */
function cut(n: number, def: RowDef | undefined, table: TableDef, edition: Edition): number[] | null {
  const defs = rowsOf(table, edition);
  const widths = defs.map((d) => columnsOf(table, d, edition).length);
  const uniform = widths.every((w) => w === widths[0]);
  if (uniform) return n % widths[0]! === 0 ? Array.from({ length: n / widths[0]! }, () => widths[0]!) : null;
  if (!def) return null;
  const out: number[] = [];
  let left = n;
  for (let i = defs.indexOf(def); i < defs.length && left > 0; i++) {
    out.push(widths[i]!);
    left -= widths[i]!;
  }
  return left === 0 ? out : null;
}

/**
 * Cut a run of table 三's figures that holds several rows, some of whose blank cells print nothing, into rows by the
 * template's arithmetic: each row is at most `width` figures, its last (总计) the sum of the others (a row of one figure
 * is "0": blanks and zeros). Only when exactly one cut does so; null otherwise (the run is then read — or refused — as
 * one row). The rows after the first are placed by the row order and checked again by the table's rules.
 */
/** A row's figures add up when its last is the sum of the others (blank cells print nothing, so weigh 0). */
function addsUp(figures: readonly string[]): boolean {
  const values = figures.map(figureValue);
  if (values.some((v) => Number.isNaN(v))) return true;
  return values.slice(0, -1).reduce((s, v) => s + v, 0) === values.at(-1);
}

function figureValue(f: string): number {
  const t = f.replace(/[\s\u00a0\u3000]/g, '');
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

export function cutByTotals(figures: readonly string[], width: number): number[] | null {
  const values = figures.map(figureValue);
  if (values.some((v) => Number.isNaN(v))) return null;
  const n = values.length;
  // ways[i]: the number of cuts of values[i..] (capped at 2), and the first row's size of one of them.
  const ways: number[] = Array(n + 1).fill(0);
  const first: number[] = Array(n + 1).fill(0);
  ways[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    let sum = 0;
    for (let size = 1; size <= width && i + size <= n; size++) {
      const last = values[i + size - 1]!;
      if (last === sum && ways[i + size]! > 0) {
        ways[i] = Math.min(2, ways[i]! + ways[i + size]!);
        first[i] = size;
      }
      sum += last;
    }
  }
  if (ways[0] !== 1) return null;
  const sizes: number[] = [];
  for (let i = 0; i < n; i += first[i]!) sizes.push(first[i]!);
  return sizes.length > 1 ? sizes : null;
}

export function rawLines(cells: readonly TextCell[], table: TableDef, edition: Edition): FlatLine[] {
  const lines: FlatLine[] = [];
  const defs = rowsOf(table, edition);
  const headings = groupHeadings(defs);
  let label: TextCell[] = [];
  let figures: TextCell[] = [];
  const push = (text: string, run: string, at: TextCell['at'], printed?: string[]): void => {
    lines.push({ label: text, run, at, index: lines.length, whole: true, ...(printed ? { cells: printed } : {}) });
  };
  const runOf = (part: readonly TextCell[]): string => part.filter((c) => c.text !== '').map((c) => c.text.replace(/[\s\u00a0\u3000]/g, '')).join(' ');
  const flush = (): void => {
    const text = label.map((c) => c.text).join('');
    // Blank cells printed (a page's &nbsp;, pdftotext-raw.ts): when they fill the rows exactly (table 四's 15, a
    // row's width, or whole rows cut by the template's widths), every figure is in its place — the rows are read as
    // printed cells. Otherwise the blanks say nothing and the figures are read as raw pdftotext's.
    const explicit = figures.some((c) => c.text === '');
    const named = defs.length > 0 ? rowNamed(text, defs) : undefined;
    const full = !explicit ? null
      : table.id === 'appeals' ? (figures.length === 15 ? [15] : null)
      : figures.length === columnsOf(table, named ?? defs[0]!, edition).length && (named || figures.length === 7) ? [figures.length]
      : figures.length > 7 ? cut(figures.length, named, table, edition) : null;
    if (full && figures.length > 0) {
      const heading = isGroupHeading(text, headings);
      if (heading) push(text, '', label[0]!.at);
      let k = 0;
      for (const size of full) {
        const part = figures.slice(k, k + size);
        push(k === 0 && !heading ? text : '', runOf(part), part[0]!.at, part.map((c) => c.text.trim()));
        k += size;
      }
      label = [];
      figures = [];
      return;
    }
    if (explicit) figures = figures.filter((c) => c.text !== '');
    if (figures.length === 0) {
      if (label.length > 0) push(text, '', label[0]!.at);
    } else {
      const width = defs.length > 0 ? columnsOf(table, rowNamed(text, defs) ?? defs[0]!, edition).length : figures.length;
      // Table 四's one row of 15 figures is read whole. A run of table 三 no longer than its row that does not add up
      // (its last figure not the sum of the others) may hold the next row's figures too, that row's label printed
      // after them: cut by the totals too.
      const texts = figures.map((c) => c.text);
      const sizes = table.id === 'appeals'
        ? null
        : figures.length > width
          ? cut(figures.length, rowNamed(text, defs), table, edition) ?? (table.id === 'applications' ? cutByTotals(texts, width) : null)
          : table.id === 'applications' && !addsUp(texts) ? cutByTotals(texts, width) : null;
      // A group heading alone before figures is no row's label: the row's own label was moved away.
      const heading = isGroupHeading(text, headings);
      if (heading) push(text, '', label[0]!.at);
      let k = 0;
      for (const size of sizes ?? [figures.length]) {
        const part = figures.slice(k, k + size);
        push(k === 0 && !heading ? text : '', part.map((c) => c.text.replace(/[\s\u00a0\u3000]/g, '')).join(' '), part[0]!.at);
        k += size;
      }
    }
    label = [];
    figures = [];
  };
  // A label starts a new item: the label text before it is a row of its own (its cells blank: nothing printed).
  const startsLabel = (text: string): boolean =>
    startsItem(text) || BLOCK.test(text) || defs.some((d) => labelRecall(text, d.zh) >= WHOLE_LABEL);
  // A label that already names a row in full is complete: the next line of text starts another.
  const complete = (): boolean => {
    const text = label.map((c) => c.text).join('');
    return !isGroupHeading(text, headings) && defs.some((d) => labelRecall(ownLabel(text).own, d.zh) >= WHOLE_LABEL);
  };
  for (const cell of cells) {
    if (cell.text === '' || isRawFigure(cell.text)) figures.push(cell);
    else {
      // A closing bracket alone ends the label before it (a narrow cell wraps "…其他情形）" as "…其他情形" and "）").
      const closing = CLOSING.test(cell.text);
      if (figures.length > 0 || (label.length > 0 && !closing && (startsLabel(cell.text) || complete()))) flush();
      label.push(cell);
    }
  }
  flush();
  return lines;
}
