/**
 * A row of table 三 cut by a page break, as an office suite prints a row allowed to break across pages: the page
 * ends inside the row, and what is left of it goes on at the top of the next page — the rest of its wrapped label
 * (its figures stay on the first page), or the last digit of its 总计 broken in its cell (layout-broken-figures.ts):
 * "（七）总计 34 … 15" / "86 … 362" / [page] / "4". Modelled as the row's unit split in two, the page broken before
 * the second part. Drawn only as a careful reader can take it back (parse/layout-cut-figure.ts): the next page lays
 * its text out on a grid of its own, so the columns of the pieces on each page are known by a row on that page
 * printing its 7 figures whole (hasFullRows, checked once paginated).
 */
import { addsUp, type Broken, figureLine, isDigits, isFull } from './layout-broken-figures.ts';
import type { PLine, Piece, Unit } from './layout-tables.ts';

export interface CutUnits {
  units: Unit[];
  /** The unit (by index) that starts the next page: the rest of the cut row. */
  breakBefore: number;
}

/** The units with unit `row` replaced by two: its lines before `at`, and the rest. */
function cutAt(units: readonly Unit[], row: number, lines: PLine[], at: number): CutUnits {
  const u = units[row]!;
  return {
    units: [...units.slice(0, row), { ...u, lines: lines.slice(0, at) }, { ...u, lines: lines.slice(at) }, ...units.slice(row + 1)],
    breakBefore: row + 1,
  };
}

/** The line after a row's figures (with the last digits of its broken ones, if any). */
const afterFigures = (u: Unit): number =>
  u.lines.reduce((last, l, i) => (l.some((p) => p.figure !== undefined || p.center === true) ? i : last), -1) + 1;

/** Rows whose label goes on after their figures, cut there: one candidate each, from the `pick`th. */
export function cutLabel(units: readonly Unit[], pick: number): CutUnits[] {
  const rows = units.flatMap((u, i) => {
    if (u.table !== 'applications' || figureLine(u) < 0) return [];
    return u.lines.slice(afterFigures(u)).flatMap((l) => l.filter((p) => p.label === true)).map((p) => p.text).join('').length > 1 ? [i] : [];
  });
  return rotate(rows, pick).map((i) => cutAt(units, i, units[i]!.lines, afterFigures(units[i]!)));
}

/**
 * Rows broken on two lines whose 总计 is one of the widest figures and whose figures share a line with their label,
 * printed over three: the label line with the first digits of the other wide figures and the figures printed whole,
 * the line under with the last digits of those and the first of 总计, and the last digit of 总计 at the top of the
 * next page. Only where none of the three lines adds up as printed. One candidate each, from the `pick`th.
 */
export function cutFigure(broken: Broken, pick: number): CutUnits[] {
  const out: CutUnits[] = [];
  for (const { at: i, unit } of rotate(broken.rows, pick)) {
    const at = figureLine(unit);
    const line = unit.lines[at]!;
    const wide = (p: Piece): boolean => p.figure !== undefined && isDigits(p.text) && [...p.text].length === broken.width;
    const total = line.find((p) => p.figure === 6);
    if (total === undefined || !wide(total) || !line.some((p) => p.figure === undefined)) continue;
    const head = (p: Piece): string => [...p.text].slice(0, broken.width - 1).join('');
    const tail = (p: Piece): string => [...p.text].at(-1)!;
    const top = line.flatMap((p) => (p === total ? [] : [wide(p) ? { ...p, text: head(p) } : p]));
    const middle: PLine = [...line.filter((p) => wide(p) && p !== total).map((p) => ({ x: p.x, text: tail(p), center: true })), { x: total.x, text: head(total), center: true }];
    const next: PLine = [{ x: total.x, text: tail(total), center: true }];
    const figures = (l: PLine): string[] => l.filter((p) => p.figure !== undefined || p.center === true).map((p) => p.text);
    if ([figures(top), figures(middle)].some(addsUp)) continue;
    out.push(cutAt(broken.units, i, [...unit.lines.slice(0, at), top, middle, next, ...unit.lines.slice(at + 1)], at + 2));
  }
  return out;
}

/** Whether the pages before and after the cut (the page starting with `rest`) each print a row of 7 figures whole. */
export function hasFullRows(pages: readonly Unit[][], rest: Unit): boolean {
  const k = pages.findIndex((p) => p[0] === rest);
  const full = (page: readonly Unit[] | undefined, until: number): boolean =>
    (page ?? []).slice(0, until).some((u) => u.table === 'applications' && u.lines.some(isFull));
  return k > 0 && full(pages[k - 1], pages[k - 1]!.length - 1) && full(pages[k], Infinity);
}

const rotate = <T>(items: readonly T[], pick: number): T[] =>
  items.length === 0 ? [] : [...items.slice(pick % items.length), ...items.slice(0, pick % items.length)];

/**
 * Table 三's header (its first printing) cut by a page break: after the line of 自然人 and 总计 (the stacked words
 * 商业 / 企业 … 其他 whole on the next page), or after their first characters' line (企业 / 机构 / 公益 … on the next).
 * Both ways, from the `pick`th.
 */
export function cutHeader(units: readonly Unit[], pick: number): CutUnits[] {
  const i = units.findIndex((u) => u.table === 'applications' && u.lines.some((l) => l.some((p) => p.text === '申请人情况')));
  if (i < 0) return [];
  const at = units[i]!.lines.findIndex((l) => l.some((p) => p.text === '自然人'));
  return rotate([at + 1, at + 2], pick).map((n) => cutAt(units, i, units[i]!.lines, n));
}
