/**
 * The arithmetic the consistency rules share: look cells up defensively, sum a side of an equation with blanks and
 * "-" counted as 0 (and remembered), remember the cells of rows the source does not print (absent), and skip what
 * cannot or need not be checked. Pure.
 */
import { CELL_KINDS, type AnnualReport, type Cell } from '../model/report.ts';
import type { TableId } from '../model/template.ts';

/** One operand of a rule's equation: a cell of a report (or a figure stated in its text). */
export interface Term {
  /** "row.column", prefixed "<report id>:" when the cell is another report's. */
  ref: string;
  /** How messages name it. */
  label: { zh: string; en: string };
  cell: Cell | undefined;
  sign: 1 | -1;
}

/** An equation that does not hold: the left side is what the rule expects, the right side what is printed. */
export interface Mismatch {
  expected: number;
  found: number;
  /** Cells counted as 0 because they were blank or "-" (or missing from a malformed report). */
  blanks: string[];
  /**
   * Cells of rows the source does not print (kind absent): their value is unknown, so the equation cannot be checked.
   * A rule that touches one and does not hold with them as 0 is reported as information only, never as a warning.
   */
  absent: string[];
}

const KINDS: readonly string[] = CELL_KINDS;

export function isCell(value: unknown): value is Cell {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, value: v } = value as { kind?: unknown; value?: unknown };
  return typeof kind === 'string' && KINDS.includes(kind) && (v === null || (typeof v === 'number' && Number.isFinite(v)));
}

const MALFORMED: Cell = Object.freeze({ kind: 'text', value: null, raw: '(malformed cell)' }) as Cell;

/** True for the stand-in cellAt returns when a report holds something that is not a cell. */
export function isMalformed(cell: Cell | undefined): boolean {
  return cell === MALFORMED;
}

/**
 * The cell at table/row/column of a report: undefined when the report has no such cell,
 * a 'text' stand-in when what is there is not a cell at all (the schema reports that).
 */
export function cellAt(report: AnnualReport, table: TableId, row: string, column: string): Cell | undefined {
  const tables = (report as { tables?: unknown }).tables;
  if (typeof tables !== 'object' || tables === null) return undefined;
  const rows = (tables as Record<string, unknown>)[table];
  if (typeof rows !== 'object' || rows === null) return undefined;
  const cells = (rows as Record<string, unknown>)[row];
  if (typeof cells !== 'object' || cells === null) return undefined;
  const cell = (cells as Record<string, unknown>)[column];
  if (cell === undefined) return undefined;
  return isCell(cell) ? cell : MALFORMED;
}

/** A number the rule can use: printed, derived from printed cells, or inferred from a glued run of figures. */
export function numberOf(cell: Cell | undefined): number | null {
  if (!cell || (cell.kind !== 'number' && cell.kind !== 'derived' && cell.kind !== 'inferred')) return null;
  return cell.value;
}

export function isText(cell: Cell | undefined): boolean {
  return cell?.kind === 'text';
}

function sum(terms: Term[]): number {
  return terms.reduce((acc, t) => acc + t.sign * (numberOf(t.cell) ?? 0), 0);
}

/** Round away binary noise from sums of decimals (counts are integers anyway). */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Compare two sides. null when the equation holds, or when it cannot be checked: a cell is text, or no cell on
 * either side holds a number (nothing printed, nothing to check).
 */
export function compareSides(left: Term[], right: Term[]): Mismatch | null {
  const all = [...left, ...right];
  if (all.some((t) => isText(t.cell))) return null;
  if (!all.some((t) => numberOf(t.cell) !== null)) return null;
  const expected = tidy(sum(left));
  const found = tidy(sum(right));
  if (expected === found) return null;
  const unread = all.filter((t) => numberOf(t.cell) === null);
  return {
    expected,
    found,
    blanks: unread.filter((t) => t.cell?.kind !== 'absent').map((t) => t.ref),
    absent: unread.filter((t) => t.cell?.kind === 'absent').map((t) => t.ref),
  };
}

/**
 * Whether compareSides would find nothing (null) for terms of sign +1 on these cells, without making the terms: the
 * same tests, the same sums in the same order. A rule asks this first and makes its terms only when it is false.
 */
export function cellsAgree(left: readonly (Cell | undefined)[], right: readonly (Cell | undefined)[]): boolean {
  let anyNumber = false;
  for (const side of [left, right]) {
    for (const cell of side) {
      if (cell?.kind === 'text') return true;
      if (numberOf(cell) !== null) anyNumber = true;
    }
  }
  if (!anyNumber) return true;
  return tidy(sumOf(left)) === tidy(sumOf(right));
}

function sumOf(cells: readonly (Cell | undefined)[]): number {
  let acc = 0;
  for (const cell of cells) acc = acc + 1 * (numberOf(cell) ?? 0);
  return acc;
}

/** True when at least one term holds a number. */
export function anyNumber(terms: Term[]): boolean {
  return terms.some((t) => numberOf(t.cell) !== null);
}
