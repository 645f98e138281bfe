/**
 * The figures and rates of the time series (data/timeseries.csv, data/regions.csv, feed/agencies/*), each defined by
 * the template's codes (pipeline/model/template.ts), always from the total column (总计). Pure.
 *
 * Both editions have the same rows in tables 三 and 四, except that the 2021 edition splits 三（六）其他处理 into three
 * sub-rows; `other` is the row itself (printed, or derived by the parser when only the sub-rows are printed) and
 * falls back to the sum of the sub-rows when the row is printed blank beside printed sub-rows.
 *
 * A figure made of several cells is their sum: blank and "-" cells among printed numbers count as 0, and the figure
 * is null when none of its cells holds a number, or when one of them is in a row the source does not print (absent:
 * its figure is unknown, see table.row_missing). A rate is null when its numerator or denominator is null
 * or the denominator is 0; otherwise it is rounded half up to 4 decimal places.
 */
import type { AnnualReport } from '../model/report.ts';
import { APPLICATIONS, rowsOf } from '../model/template.ts';
import type { Figures, Rates } from './types.ts';

/** The rows of a 三（…） group (（三）, （四） and （五） have the same rows in both editions). */
const group = (prefix: string): string[] => APPLICATIONS.rows.filter((r) => r.code.startsWith(`${prefix}.`)).map((r) => r.code);

export const REFUSED_ROWS = group('denied');
export const UNAVAILABLE_ROWS = group('unavailable');
export const NOT_PROCESSED_ROWS = group('not_processed');
/** 2021 edition only: the three sub-rows of 三（六）其他处理. */
export const OTHER_SUB_ROWS = rowsOf(APPLICATIONS, '2021').filter((r) => r.code.startsWith('other.')).map((r) => r.code);
export const APPEAL_ROWS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];
export const LAWSUIT_ROWS = ['litigation_direct', 'litigation_after_reconsideration'];

export const FIGURE_KEYS = [
  'received', 'carried_over', 'handled', 'granted', 'partially_granted', 'refused', 'unavailable', 'not_processed',
  'other', 'carried_forward', 'reconsiderations', 'lawsuits', 'appeals', 'appeals_corrected',
] as const satisfies ReadonlyArray<keyof Figures>;

export const RATE_KEYS = [
  'granted_rate', 'partially_granted_rate', 'refused_rate', 'unavailable_rate', 'appeals_corrected_rate',
] as const satisfies ReadonlyArray<keyof Rates>;

/** A cell's number (printed, derived or inferred); null for blank, "-", text and absent cells. */
function cell(report: AnnualReport, table: 'applications' | 'appeals', row: string, column = 'total'): number | null {
  const c = report.tables[table][row]?.[column];
  return c && (c.kind === 'number' || c.kind === 'derived' || c.kind === 'inferred') ? c.value : null;
}

/** The sum of the numbers among values; null when there is none. */
export function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** The sum of rows' cells; null when none holds a number, or when one is a row the source does not print (absent). */
function rowsSum(report: AnnualReport, table: 'applications' | 'appeals', rows: readonly string[], column = 'total'): number | null {
  if (rows.some((row) => report.tables[table][row]?.[column]?.kind === 'absent')) return null;
  return sumOrNull(rows.map((row) => cell(report, table, row, column)));
}

function other(report: AnnualReport): number | null {
  const row = cell(report, 'applications', 'other');
  if (row !== null || report.edition !== '2021') return row;
  return rowsSum(report, 'applications', OTHER_SUB_ROWS);
}

export function figuresOf(report: AnnualReport): Figures {
  return {
    received: cell(report, 'applications', 'received'),
    carried_over: cell(report, 'applications', 'carried_over'),
    handled: cell(report, 'applications', 'total'),
    granted: cell(report, 'applications', 'granted'),
    partially_granted: cell(report, 'applications', 'partially_granted'),
    refused: rowsSum(report, 'applications', REFUSED_ROWS),
    unavailable: rowsSum(report, 'applications', UNAVAILABLE_ROWS),
    not_processed: rowsSum(report, 'applications', NOT_PROCESSED_ROWS),
    other: other(report),
    carried_forward: cell(report, 'applications', 'carried_forward'),
    reconsiderations: cell(report, 'appeals', 'reconsideration'),
    lawsuits: rowsSum(report, 'appeals', LAWSUIT_ROWS),
    appeals: rowsSum(report, 'appeals', APPEAL_ROWS),
    appeals_corrected: rowsSum(report, 'appeals', APPEAL_ROWS, 'corrected'),
  };
}

/** part / whole rounded half up to 4 decimals; null when either is null or the whole is 0. */
export function rate(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part * 10_000) / whole) / 10_000;
}

export function ratesOf(f: Figures): Rates {
  return {
    granted_rate: rate(f.granted, f.handled),
    partially_granted_rate: rate(f.partially_granted, f.handled),
    refused_rate: rate(f.refused, f.handled),
    unavailable_rate: rate(f.unavailable, f.handled),
    appeals_corrected_rate: rate(f.appeals_corrected, f.appeals),
  };
}
