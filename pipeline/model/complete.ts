/**
 * Fill a report's tables to the full shape of its edition: cells the source does not print become `absent`,
 * and the 2021 edition's （六）其他处理 becomes `derived` from its sub-rows when only they are printed (all three).
 * Pure.
 */
import type { Cell, TableCells, Tables } from './report.ts';
import { type Edition, TABLE_IDS, TABLES, columnsOf, rowsOf } from './template.ts';

const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

const ABSENT: Cell = { kind: 'absent', value: null };

function isPrinted(cell: Cell | undefined): cell is Cell {
  return cell !== undefined && cell.kind !== 'absent';
}

/**
 * The sum of printed cells, blanks and marks counting 0; null when none is a number. Loops, not filter, map and
 * every: their arrays change kind with what they hold (none, whole numbers, fractions, cells, undefined), and each kind
 * first met after completeTables was compiled threw the compiled code away.
 */
function sumOf(cells: Cell[]): number | null {
  let sum: number | null = null;
  for (let k = 0; k < cells.length; k++) {
    const value = cells[k]!.value;
    if (value !== null) sum = (sum ?? 0) + (value as number);
  }
  return sum;
}

export function completeTables(edition: Edition, found: Partial<Record<keyof Tables, TableCells>>): Tables {
  const out = {} as Tables;
  for (const id of TABLE_IDS) {
    const table = TABLES[id];
    const given = found[id] ?? {};
    const cells: TableCells = {};
    for (const row of rowsOf(table, edition)) {
      const rowCells: Record<string, Cell> = {};
      // An index loop: the codes are a frozen array, whose iterator compiled code does not take apart (each step's
      // result was an object allocated, about 10 KB a report).
      const columns = columnsOf(table, row, edition);
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k]!;
        rowCells[column] = given[row.code]?.[column] ?? { ...ABSENT };
      }
      cells[row.code] = rowCells;
    }
    out[id] = cells;
  }
  if (edition === '2021') deriveOther(out.applications);
  return out;
}

function deriveOther(applications: TableCells): void {
  const other = applications.other;
  if (!other) return;
  for (const column of Object.keys(other)) {
    if (isPrinted(other[column])) continue;
    const parts: Cell[] = [];
    for (const code of OTHER_PARTS) {
      const part = applications[code]?.[column];
      // Derived only from all three sub-rows: with one not printed, （六） is not known (it stays absent).
      if (!isPrinted(part)) break;
      parts.push(part);
    }
    if (parts.length < OTHER_PARTS.length) continue;
    other[column] = { kind: 'derived', value: sumOf(parts), derivedFrom: OTHER_PARTS };
  }
}
