/**
 * The time-series figures recomputed from data/observations.csv alone, for tests: the definitions written out again
 * with the template's codes, independently of pipeline/datasets/figures.ts, and the rates rounded exactly (BigInt).
 */
import { parse } from 'csv-parse/sync';

export type Observed = Record<string, number | null>;

const DENIED = ['state_secret', 'prohibited_by_law', 'security_stability', 'third_party_rights', 'internal_affairs',
  'process_information', 'enforcement_files', 'administrative_query'].map((r) => `denied.${r}`);
const UNAVAILABLE = ['not_held', 'needs_creation', 'unclear'].map((r) => `unavailable.${r}`);
const NOT_PROCESSED = ['petition', 'duplicate', 'publication', 'excessive', 'confirmation'].map((r) => `not_processed.${r}`);
const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];
const APPEALS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];

export interface ObservationRow {
  report_id: string;
  year: string;
  edition: string;
  table: string;
  row: string;
  column: string;
  value: string;
}

export function readCsv<T = Record<string, string>>(csv: string): T[] {
  return parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' }) as T[];
}

/** Every report's figures (the keys of timeseries.csv), by report id. */
export function figuresFromObservations(observationsCsv: string): Map<string, Observed> {
  const cells = new Map<string, { edition: string; at: Map<string, number | null> }>();
  for (const o of readCsv<ObservationRow>(observationsCsv)) {
    if (o.table === 'proactive') continue;
    const entry = cells.get(o.report_id) ?? { edition: o.edition, at: new Map() };
    entry.at.set(`${o.table}/${o.row}/${o.column}`, o.value === '' ? null : Number(o.value));
    cells.set(o.report_id, entry);
  }
  const out = new Map<string, Observed>();
  for (const [id, { edition, at }] of cells) {
    const get = (table: string, row: string, column = 'total') => at.get(`${table}/${row}/${column}`) ?? null;
    const sum = (table: string, rows: string[], column = 'total') => {
      const values = rows.map((r) => get(table, r, column)).filter((v): v is number => v !== null);
      return values.length ? values.reduce((a, b) => a + b, 0) : null;
    };
    const otherRow = get('applications', 'other');
    out.set(id, {
      received: get('applications', 'received'),
      carried_over: get('applications', 'carried_over'),
      handled: get('applications', 'total'),
      granted: get('applications', 'granted'),
      partially_granted: get('applications', 'partially_granted'),
      refused: sum('applications', DENIED),
      unavailable: sum('applications', UNAVAILABLE),
      not_processed: sum('applications', NOT_PROCESSED),
      other: otherRow !== null || edition !== '2021' ? otherRow : sum('applications', OTHER_PARTS),
      carried_forward: get('applications', 'carried_forward'),
      reconsiderations: get('appeals', 'reconsideration'),
      lawsuits: sum('appeals', APPEALS.slice(1)),
      appeals: sum('appeals', APPEALS),
      appeals_corrected: sum('appeals', APPEALS, 'corrected'),
    });
  }
  return out;
}

/** part / whole rounded half up to 4 decimals, exactly; null when either is null or whole is 0. */
export function exactRate(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  const [p, w] = [BigInt(part), BigInt(whole)];
  return Number((2n * p * 10_000n + w) / (2n * w)) / 10_000;
}

export function observedRates(f: Observed): Observed {
  const v = (k: string) => f[k] ?? null;
  return {
    granted_rate: exactRate(v('granted'), v('handled')),
    partially_granted_rate: exactRate(v('partially_granted'), v('handled')),
    refused_rate: exactRate(v('refused'), v('handled')),
    unavailable_rate: exactRate(v('unavailable'), v('handled')),
    appeals_corrected_rate: exactRate(v('appeals_corrected'), v('appeals')),
  };
}

/** A CSV cell as a number, or null when empty. */
export const cellNumber = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
