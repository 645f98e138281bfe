/**
 * Score office-suite PDFs of synthetic reports cell by cell: each report read from its bytes (the PDF itself, or its
 * `pdftotext -layout` text) and compared with the values it was generated from. Every cell of the edition's template
 * is exact, flagged (the report says it could not read it: a `text` cell with a note, or a row left absent with
 * table.row_missing), refused (the whole report refused, with its reason), or WRONG (read as a different value
 * without a flag — must never happen). For the office-PDF round-trip test and `npm run bench -- --office-pdf`.
 */
import { ingest } from '../ingest/index.ts';
import { TABLE_IDS, TABLES, columnsOf, rowsOf } from '../model/template.ts';
import { parseDocument } from '../parse/index.ts';
import { compareCells } from './compare.ts';
import type { CompactReport } from './types.ts';

export interface CellScore {
  reports: number;
  refusedReports: number;
  cells: number;
  exact: number;
  flagged: number;
  refused: number;
  wrong: number;
  /** The first few wrong cells and refusals, for a failing test's message. */
  examples: string[];
}

export const emptyScore = (): CellScore => ({ reports: 0, refusedReports: 0, cells: 0, exact: 0, flagged: 0, refused: 0, wrong: 0, examples: [] });

/** The cells of the edition's template: what a report is scored on. */
export function templateCells(values: CompactReport): number {
  let n = 0;
  for (const id of TABLE_IDS) for (const row of rowsOf(TABLES[id], values.edition)) n += columnsOf(TABLES[id], row, values.edition).length;
  return n;
}

/** Read one file and add its cells to the score. */
export async function scoreFile(score: CellScore, values: CompactReport, bytes: Uint8Array, name: string): Promise<void> {
  const cells = templateCells(values);
  score.reports++;
  score.cells += cells;
  let mismatches;
  try {
    mismatches = compareCells(values, parseDocument(await ingest(bytes, name))).filter((m) => !m.cell.endsWith('table.row_missing'));
  } catch (err) {
    score.refusedReports++;
    score.refused += cells;
    if (score.examples.length < 6) score.examples.push(`${name} refused: ${(err as Error).message}`);
    return;
  }
  const wrong = mismatches.filter((m) => !/^(?:text|absent|missing)\b/.test(m.found));
  score.wrong += wrong.length;
  score.flagged += mismatches.length - wrong.length;
  score.exact += cells - mismatches.length;
  for (const m of wrong.slice(0, 2)) if (score.examples.length < 6) score.examples.push(`${name} WRONG: ${m.cell} expected ${m.expected}, found ${m.found}`);
}

const pct = (n: number, of: number): string => `${of === 0 ? '0.00' : ((100 * n) / of).toFixed(2)}%`;

export function formatCellScore(rendering: string, s: CellScore): string {
  return `${rendering}: ${s.reports} reports (${s.refusedReports} refused), ${s.cells} cells — exact ${pct(s.exact, s.cells)}, ` +
    `flagged ${pct(s.flagged, s.cells)}, refused ${pct(s.refused, s.cells)}, WRONG ${s.wrong} (${pct(s.wrong, s.cells)})`;
}
