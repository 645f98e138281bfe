/**
 * Table 三 in renderings that print nothing for a blank cell (layout text): a row shows fewer figures than the
 * table's 7 columns, and which columns they stand in must be decided. Each short row's placements (its figures in
 * order, blanks between) are
 * 1. kept only when the row adds up (the six applicant columns sum to 总计, blanks counting 0);
 * 2. chosen jointly by the columns' arithmetic (solve-columns.ts: received + carried over = handled + carried
 *    forward; the outcome rows add up to 总计);
 * 3. when the arithmetic leaves a row several placements, kept only when they put a figure standing under a figure
 *    whose column is settled in that column (place-anchors.ts), and when they fit the figures' printed positions
 *    about as well as the best one does (and the choice still adds up): positions are
 *    measured against the table's own columns (the nearest rows that print all 7 figures, else the header words),
 *    where they stand (nearestPlacements: only a clear fit counts).
 * A row left with one placement is placed (its figures `inferred` when the arithmetic chose among several); a row
 * left with several keeps the cells they agree on and flags the others with a note naming the placements; a row with
 * none is flagged whole. Never a guess. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { readValue } from '../ingest/read-value.ts';
import { Budget, REPORT_BUDGET, SEARCH_STEPS, SearchLimit } from './split-digits.ts';
import { anchorsOf, keptByAnchors } from './place-anchors.ts';
import { applicationEquations } from './application-equations.ts';
import { solveColumns } from './solve-columns.ts';

/** Positions choose a placement only when every other one stands this many character slots further off (summed)… */
export const POSITION_MARGIN = 2;
/** …and the figures in question stand within this many slots of their columns in it. */
const NEAR = 2;
const SHOWN = 3;

export interface RowToPlace {
  code: string;
  /** The row's printed figures, left to right. */
  values: readonly TextCell[];
  /** Column centres to measure the figures' positions against (null: positions say nothing). */
  centres: readonly number[] | null;
}

export interface PlacedRow {
  /** The row's cells in the table's columns: the printed figures, '' for blanks. */
  values: TextCell[];
  /** Columns (0-based) whose cell could not be decided, with the reason. */
  flagged: Map<number, string>;
  /** When the arithmetic chose among several placements: the rules that did. */
  inferredBy?: string[];
}

const centreOf = (c: TextCell): number => c.x! + (c.width ?? [...c.text].length) / 2;

/** Every way to put k figures, in order, into `width` columns: the chosen column of each figure. */
export function placements(k: number, width: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let c = from; c <= width - (k - chosen.length); c++) pick(c + 1, [...chosen, c]);
  };
  pick(0, []);
  return out;
}

/**
 * How far the figures stand from the columns a placement puts them in: the sum of the distances, each figure measured
 * where it stands. (Not up to a shift of the line: pdftotext lays each line out on its own grid, pushed right by a
 * long label or drawn in towards the left where the line has none, so a shift that fits one line says nothing.)
 */
export function positionCost(xs: readonly number[], centres: readonly number[], placement: readonly number[]): number {
  return placement.reduce((sum, c, j) => sum + Math.abs(xs[j]! - centres[c]!), 0);
}

/**
 * The placements the positions keep: those within POSITION_MARGIN of the best, when in the best one every figure
 * whose column is in question stands within NEAR slots of its column; else all (the positions say nothing sure).
 */
export function nearestPlacements(xs: readonly number[], centres: readonly number[], all: readonly number[][]): number[][] {
  const costs = all.map((p) => positionCost(xs, centres, p));
  const best = Math.min(...costs);
  const top = all[costs.indexOf(best)];
  if (!top) return [...all];
  const near = top.every((c, j) => all.every((q) => q[j] === c) || Math.abs(xs[j]! - centres[c]!) <= NEAR);
  return near ? all.filter((_, i) => costs[i]! < best + POSITION_MARGIN) : [...all];
}

const numberOf = (cell: TextCell | undefined): number => {
  if (!cell) return 0;
  const v = readValue(cell.text);
  return v.kind === 'number' ? v.value! : 0;
};

const showPlacement = (values: readonly TextCell[], p: readonly number[], width: number): string => {
  const cells = Array.from({ length: width }, () => '·');
  p.forEach((c, j) => { cells[c] = values[j]!.text; });
  return `[${cells.join(' ')}]`;
};

/** Rounds of anchoring after the positions chose (each settles rows that may anchor others). */
const ANCHOR_ROUNDS = 4;

/**
 * The rows the positions and the arithmetic settled anchor their columns in turn: a row still open whose figures
 * stand in settled columns on their page keeps the placements that put them there, and the arithmetic runs again
 * (office seed 773: （七）总计's "6", settled under 其他 once the header placed 一、本年新收, anchors the "1" under it
 * on its page; the search had hit its cap before, so no row was settled when the anchors were first taken). A round
 * whose anchors break the arithmetic is undone.
 */
function settleByAnchors(usable: readonly RowToPlace[], options: Map<string, number[][]>, solve: () => 'ok' | 'none' | 'many'): void {
  for (let round = 0; round < ANCHOR_ROUNDS; round++) {
    const before = new Map(options);
    const anchors = anchorsOf(usable.map((r) => [r.values, options.get(r.code)!] as const));
    let changed = false;
    for (const row of usable) {
      const kept = options.get(row.code)!;
      if (kept.length < 2) continue;
      const byAnchors = keptByAnchors(row.values, kept, anchors);
      if (byAnchors.length > 0 && byAnchors.length < kept.length) {
        options.set(row.code, byAnchors);
        changed = true;
      }
    }
    if (!changed) return;
    if (solve() === 'none') {
      for (const [code, all] of before) options.set(code, all);
      return;
    }
  }
}

/**
 * Place table 三's rows. `rows` holds every printed row (full rows too: they anchor the arithmetic); `missing` the
 * template rows the source does not print (equations over them are not used). Rows with all `width` figures come
 * back as printed.
 */
export function placeApplicationRows(rows: readonly RowToPlace[], width: number, missing: ReadonlySet<string> = new Set()): Map<string, PlacedRow> {
  const options = new Map<string, number[][]>();
  /** How many placements add up, before positions and the columns' arithmetic choose. */
  const adding = new Map<string, number>();
  const notes = new Map<string, string>();
  for (const row of rows) {
    const k = row.values.length;
    if (k === width || k === 0) {
      options.set(row.code, [k === 0 ? [] : Array.from({ length: width }, (_, c) => c)]);
      continue;
    }
    const all = k > width ? [] : placements(k, width);
    const read = row.values.map(numberOf);
    const adds = all.filter((p) => {
      let sum = 0;
      let total = 0;
      p.forEach((c, j) => { if (c === width - 1) total = read[j]!; else sum += read[j]!; });
      return sum === total;
    });
    if (adds.length === 0) {
      notes.set(row.code, `the ${k} figures (${row.values.map((v) => v.text).join(' ')}) add up to the row's 总计 in no placement into the ${width} columns: not placed`);
      continue;
    }
    adding.set(row.code, adds.length);
    options.set(row.code, adds);
  }
  // The joint choice by the columns' rules, over the rows that could be placed at all.
  const usable = rows.filter((r) => options.has(r.code));
  const printed = new Set(rows.map((r) => r.code));
  const equations = applicationEquations(printed, missing).filter((e) => [...e.left, ...e.right].every((r) => options.has(r)));
  // Each row's figures read once (a solve runs several times over the rows' placements).
  const figures = new Map(usable.map((r) => [r.code, r.values.map(numberOf)]));
  const columnValues = (row: RowToPlace, p: readonly number[]): number[] => {
    const out = new Array<number>(width).fill(0);
    const read = figures.get(row.code)!;
    p.forEach((c, j) => { out[c] = read[j]!; });
    return out;
  };
  /** Solve over the current options; when complete, each row keeps the placements some solution takes. */
  const solve = (): 'ok' | 'none' | 'many' => {
    try {
      const solved = solveColumns(new Map(usable.map((r) => [r.code, options.get(r.code)!.map((p) => columnValues(r, p))])), equations, new Budget(REPORT_BUDGET).part(SEARCH_STEPS));
      if (solved.solutions === 0) return 'none';
      if (!solved.complete) return 'many';
      for (const r of usable) options.set(r.code, [...solved.chosen.get(r.code)!].map((i) => options.get(r.code)![i]!));
      return 'ok';
    } catch (err) {
      if (!(err instanceof SearchLimit)) throw err;
      return 'many';
    }
  };
  const first = solve();
  const afterArithmetic = new Map(options);
  // Rows the arithmetic leaves open: their positions choose, if the choice still adds up.
  const open = usable.filter((r) => options.get(r.code)!.length > 1);
  if (first !== 'none' && open.length > 0) {
    const anchors = anchorsOf(usable.map((r) => [r.values, options.get(r.code)!] as const));
    for (const row of open) {
      const byAnchors = keptByAnchors(row.values, options.get(row.code)!, anchors);
      if (byAnchors.length > 0) options.set(row.code, byAnchors);
      const xs = row.values.every((v) => v.x !== undefined) ? row.values.map(centreOf) : null;
      const centres = row.centres;
      if (!xs || !centres || centres.length !== width) continue;
      options.set(row.code, nearestPlacements(xs, centres, options.get(row.code)!));
    }
    // Positions that break the columns' arithmetic are not trusted; when solutions remain beyond the count searched
    // (rows still open), the rows the positions decided keep their placement, which some solution takes.
    if (solve() === 'none') for (const [code, all] of afterArithmetic) options.set(code, all);
    else settleByAnchors(usable, options, solve);
  }
  if (first === 'none') {
    for (const r of usable) if (options.get(r.code)!.length > 1) notes.set(r.code, 'no placement of the short rows makes the table\'s columns add up: the source is inconsistent, not placed');
  }
  const out = new Map<string, PlacedRow>();
  for (const row of rows) {
    const blank = (): TextCell => ({ text: '', at: row.values[0]?.at ?? { line: 0 } });
    const note = notes.get(row.code);
    if (note !== undefined) {
      out.set(row.code, { values: Array.from({ length: width }, blank), flagged: new Map(Array.from({ length: width }, (_, c) => [c, note])) });
      continue;
    }
    const kept = options.get(row.code)!;
    const cells = (p: readonly number[]): TextCell[] => {
      const placed = Array.from({ length: width }, blank);
      p.forEach((c, j) => { placed[c] = row.values[j]!; });
      return placed;
    };
    const first = cells(kept[0]!);
    const flagged = new Map<number, string>();
    if (kept.length > 1) {
      const others = kept.slice(1).map(cells);
      const shown = kept.slice(0, SHOWN).map((p) => showPlacement(row.values, p, width)).join(', ');
      const note = `layout text prints nothing for a blank cell, and the ${row.values.length} figures fit ${kept.length} placements that the positions and the arithmetic allow (${shown}${kept.length > SHOWN ? ', …' : ''}): which column this figure stands in is not known`;
      for (let c = 0; c < width; c++) if (others.some((o) => o[c]!.text !== first[c]!.text)) flagged.set(c, note);
    }
    const decided = (adding.get(row.code) ?? 1) > 1 && kept.length === 1;
    const rules = equations.filter((e) => e.left.includes(row.code) || e.right.includes(row.code)).map((e) => e.rule);
    out.set(row.code, { values: first, flagged, ...(decided ? { inferredBy: ['applications.row_total', ...rules] } : {}) });
  }
  return out;
}
