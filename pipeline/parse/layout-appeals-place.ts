/**
 * Table 四 in layout text (layout-appeals.ts): fewer than its 15 figures printed (blanks print nothing), which columns
 * they stand in. The placements, in order, that add up (each row's 总计 = its four results, blanks 0:
 * appeals.row_total), and of those the one whose figures stand nearest their headers when it stands clearly nearer than
 * any other; else the cells the placements disagree on are flagged. Pure.
 */
import { placements } from './place-columns.ts';
import { readValue } from '../ingest/read-value.ts';

export const WIDTH = 15;
/**
 * In the nearest placement, each figure whose column is in question stands within this many slots of its header, or
 * within FAR of it when every other header stands at least CLEARLY slots further from the figure (the last column's
 * figure of a group printed three slots right of its header "总 / 计", the other headers eight slots off)…
 */
const NEAR = 2;
const FAR = 4;
/** …and every other placement that adds up stands at least this many slots further off (summed over the figures). */
const CLEARLY = 2;
/** A figure within this many slots of its header's centre stands exactly under it. */
const EXACT = 0.5;
/** Header columns standing closer than this are drawn in: their figures' positions place none of them. */
const TIGHT = 3;

export const numberOf = (text: string): number => {
  const v = readValue(text);
  return v.kind === 'number' ? v.value! : 0;
};

/** Whether each of the three rows' 总计 is the sum of its four results, blanks (and dashes) counting 0. */
export function addsUp(figures: readonly number[], placement: readonly number[]): boolean {
  const cells = new Array<number>(WIDTH).fill(0);
  placement.forEach((c, j) => { cells[c] = figures[j]!; });
  for (let r = 0; r < WIDTH; r += 5) if (cells[r]! + cells[r + 1]! + cells[r + 2]! + cells[r + 3]! !== cells[r + 4]!) return false;
  return true;
}

const show = (texts: readonly string[], p: readonly number[]): string => {
  const cells = Array.from({ length: WIDTH }, () => '·');
  p.forEach((c, j) => { cells[c] = texts[j]!; });
  return `[${cells.join(' ')}]`;
};

export interface Choice {
  /** The placements kept: one (placed), several (the cells they disagree on are flagged) or none (all flagged). */
  chosen: number[][];
  /** The arithmetic (and positions) placed the figures: their cells are `inferred`. */
  inferred: boolean;
  /** Why cells are flagged. */
  note: string;
}

/** The placements of the figures (their texts and centres, left to right) into the 15 columns (`centres`). */
export function choosePlacements(texts: readonly string[], xs: readonly number[], centres: readonly number[]): Choice {
  let chosen: number[][];
  let inferred = false;
  let note = '';
  const values = texts.map(numberOf);
  const adding = placements(texts.length, WIDTH).filter((p) => addsUp(values, p));
  // A header drawn in ("结 结 其 尚", one space apart: seed 629) stands its columns closer than its figures stand:
  // two slots nearer one of them says nothing, so a figure among such columns is not placed by its position (it
  // counts in no placement's cost; the placements that differ in it only are flagged).
  const tight = (c: number): boolean => [c - 1, c + 1].some((d) => d >= 0 && d < WIDTH && Math.abs(centres[d]! - centres[c]!) < TIGHT);
  // (A figure line drawn in as its header is, its figures as close as the columns, keeps its positions.)
  const amidTight = (x: number): boolean => centres.some((h, c) => Math.abs(x - h) <= NEAR + 1 && tight(c));
  const wider = (j: number): boolean => [j - 1, j + 1].some((k) => k >= 0 && k < xs.length && Math.abs(xs[k]! - xs[j]!) >= TIGHT && Math.abs(xs[k]! - xs[j]!) < 2 * TIGHT);
  // A figure line standing exactly under its headers, every figure within half a slot of its own header's centre in
  // a placement that adds up (pdftotext drew them on one grid: "0 0 0 0" at 28.5, 31.5, 33.5, 36.5 under headers at
  // 28.5, 31.5, 33.5, 36.5; seeds 400, 557), keeps its positions among tight headers too; a line stretched against
  // them (seed 629: 23.5, 26.5, 29.5 under 23.5, 25.5, 27.5, 29.5) stands so in no placement.
  const exact = adding.some((p) => p.every((c, j) => Math.abs(xs[j]! - centres[c]!) <= EXACT));
  const free = new Set(exact ? [] : xs.flatMap((x, j) => (amidTight(x) && wider(j) ? [j] : [])));
  const off = (p: readonly number[], j: number): number => (free.has(j) ? 0 : Math.abs(xs[j]! - centres[p[j]!]!));
  const costs = adding.map((p) => p.reduce((sum, _, j) => sum + off(p, j), 0));
  const best = Math.min(...costs);
  const top = adding[costs.indexOf(best)];
  const nearest = adding.filter((_, i) => costs[i]! < best + CLEARLY);
  // The figures whose column is in question must stand near it in the best placement, and those the arithmetic
  // places in a row (group of 5 columns) where one may stand within FAR of theirs: they show whether the line's
  // positions can be trusted there (a figure line pdftotext stretched, "2 … 1 … 3" with the 3 of 总计 six slots right
  // of "总 / 计", puts the 1 two columns right of its own; seed 794).
  const alone = (p: readonly number[], j: number): boolean =>
    off(p, j) <= FAR && centres.every((x, c) => c === p[j] || Math.abs(xs[j]! - x) >= off(p, j) + CLEARLY);
  const settled = (j: number): boolean => adding.every((q) => q[j] === adding[0]![j]);
  const open = new Set(xs.flatMap((_, j) => (settled(j) || free.has(j) ? [] : adding.map((q) => Math.floor(q[j]! / 5)))));
  // And each must stand nearer its own header than any other: halfway between two, its position says nothing
  // (LibreOffice's PDF of a web page, its layout text: "5 … 2 … 7" with the 7 of 总计 as near 尚未 as 总计 and the 2
  // under 其他 — it is 尚未's; a real report, 上海市人民政府办公厅 2019, read wrong).
  const ownNearest = (p: readonly number[], j: number): boolean => centres.every((x, c) => c === p[j] || Math.abs(xs[j]! - x) > off(p, j));
  const near = top !== undefined && top.every((c, j) => free.has(j) || (settled(j) ? !open.has(Math.floor(c / 5)) || (off(top, j) <= FAR && ownNearest(top, j)) : (off(top, j) <= NEAR && ownNearest(top, j)) || alone(top, j)));
  if (adding.length === 0) {
    chosen = [];
    note = `layout text prints nothing for a blank cell, and the ${texts.length} figures (${texts.join(' ')}) make each row's 总计 the sum of its results in no placement into table 四's ${WIDTH} columns: not placed`;
  } else if (adding.length === 1 || (nearest.length === 1 && near)) {
    chosen = adding.length === 1 ? adding : nearest;
    inferred = true;
  } else {
    chosen = near ? nearest : adding;
    note = `layout text prints nothing for a blank cell, and the ${texts.length} figures fit ${chosen.length} placements that add up (${chosen.slice(0, 3).map((p) => show(texts, p)).join(', ')}${chosen.length > 3 ? ', …' : ''}): which column this figure stands in is not known`;
  }
  return { chosen, inferred, note };
}
