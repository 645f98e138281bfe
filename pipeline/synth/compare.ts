/**
 * Compare a parsed report with the compact values it was rendered from: every cell of the edition's template,
 * null ↔ blank, '-' ↔ not applicable, a missing row ↔ absent (or derived, for 2021 （六）其他处理), and the rows that
 * table.row_missing names ↔ the rows the values leave out. For round-trip tests and the benchmark.
 */
import type { AnnualReport } from '../model/report.ts';
import { TABLE_IDS, TABLES, columnsOf, rowsOf } from '../model/template.ts';
import { rowMissing } from '../validate/rules-rows.ts';
import type { CompactReport } from './types.ts';

export interface CellMismatch {
  cell: string;
  expected: string;
  found: string;
}

export function compareCells(values: CompactReport, report: AnnualReport): CellMismatch[] {
  const out: CellMismatch[] = [];
  for (const id of TABLE_IDS) {
    const t = values.tables[id];
    for (const row of rowsOf(TABLES[id], values.edition)) {
      for (const column of columnsOf(TABLES[id], row, values.edition)) {
        const got = report.tables[id]?.[row.code]?.[column];
        const exp = t[row.code]?.[column];
        let ok: boolean;
        if (exp === undefined) ok = !got || got.kind === 'absent' || got.kind === 'derived';
        else if (exp === null) ok = got?.kind === 'blank';
        else if (exp === '-') ok = got?.kind === 'not_applicable';
        else ok = (got?.kind === 'number' || got?.kind === 'inferred') && got.value === exp;
        if (!ok) {
          out.push({
            cell: `${id}.${row.code}.${column}`,
            expected: exp === undefined ? 'absent' : exp === null ? 'blank' : exp === '-' ? 'not_applicable' : `number ${exp}`,
            found: got ? `${got.kind}${got.value === null ? '' : ` ${got.value}`}${got.raw === undefined ? '' : ` (printed ${JSON.stringify(got.raw)})`}` : 'missing',
          });
        }
      }
    }
  }
  for (const mismatch of compareMissingRows(values, report)) out.push(mismatch);
  return out;
}

/** What table.row_missing should say of the rows a compact report leaves out (（六） in either layout is not one). */
function expectedMissing(values: CompactReport): Map<string, string> {
  // Loops into array literals, not filter and map (whose arrays change kind with what they hold: the benchmark
  // counts the compiler's work on this function while it times the parser).
  const out = new Map<string, string>();
  for (const id of TABLE_IDS) {
    const t = values.tables[id];
    const defs = rowsOf(TABLES[id], values.edition);
    // （六） is derived from its sub-rows when all three are printed.
    let subRows = 0;
    let subRowsPrinted = 0;
    for (const r of defs) {
      if (!r.code.startsWith('other.')) continue;
      subRows++;
      if (t[r.code]) subRowsPrinted++;
    }
    const derived = subRows > 0 && subRowsPrinted === subRows;
    const rows: string[] = [];
    for (const { code } of defs) {
      if (!t[code] && !(code === 'other' && derived) && !(code.startsWith('other.') && t.other)) rows.push(code);
    }
    if (rows.length > 0) out.set(id, `${rows.length === 1 ? 'row' : 'rows'} not printed: ${rows.join(', ')}`);
  }
  return out;
}

function compareMissingRows(values: CompactReport, report: AnnualReport): CellMismatch[] {
  const expected = expectedMissing(values);
  const found = new Map<string, string>();
  for (const issue of rowMissing(report)) found.set(issue.table as string, String(issue.found));
  const out: CellMismatch[] = [];
  for (const id of TABLE_IDS) {
    if (expected.get(id) === found.get(id)) continue;
    out.push({ cell: `${id}: table.row_missing`, expected: expected.get(id) ?? 'no missing row', found: found.get(id) ?? 'no missing row' });
  }
  return out;
}

/** Agency, year, edition, publication date and narrative figures, as far as the rendering prints them. */
export function compareMeta(values: CompactReport, report: AnnualReport, narrative?: Record<string, number>): CellMismatch[] {
  const out: CellMismatch[] = [];
  const check = (cell: string, expected: unknown, found: unknown): void => {
    if (expected !== found) out.push({ cell, expected: JSON.stringify(expected), found: JSON.stringify(found) });
  };
  check('agency', values.agency, report.agency);
  check('year', values.year, report.year);
  check('edition', values.edition, report.edition);
  check('published', values.published ?? null, report.published);
  if (narrative) {
    const stated = Object.fromEntries(report.narrative.map((f) => [f.key, f.value]));
    for (const [key, value] of Object.entries(narrative)) check(`narrative.${key}`, value, stated[key]);
  }
  return out;
}
