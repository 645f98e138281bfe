/** The three tables of a synthetic report, consistent by construction (see check.ts for the rules). */
import { APPLICATIONS, type Edition, rowsOf } from '../model/template.ts';
import { allocate } from './alloc.ts';
import type { Agency } from './agencies.ts';
import { APPEAL_PARTS, APPLICANT_COLUMNS, OTHER_PARTS, OUTCOME_ROWS } from './check.ts';
import type { Rng } from './prng.ts';
import type { CompactTable, CompactValue } from './types.ts';

export type Scale = 'none' | 'small' | 'medium' | 'large';
export type OtherRows = 'sub-rows' | 'single' | 'both';
export type BlankStyle = 'zeros' | 'blank-outcomes' | 'blank-all' | 'mixed';

export interface TableOptions {
  edition: Edition;
  agency: Agency;
  scale: Scale;
  otherRows: OtherRows;
  carriedOver?: Partial<Record<string, number>>;
  previousInForce?: { regulations: number; normative_documents: number };
}

const OUTCOME_WEIGHTS: Record<string, number> = {
  granted: 30, partially_granted: 8,
  'denied.state_secret': 0.3, 'denied.prohibited_by_law': 0.6, 'denied.security_stability': 0.4,
  'denied.third_party_rights': 1.2, 'denied.internal_affairs': 0.8, 'denied.process_information': 1.2,
  'denied.enforcement_files': 0.8, 'denied.administrative_query': 2,
  'unavailable.not_held': 20, 'unavailable.needs_creation': 3, 'unavailable.unclear': 2,
  'not_processed.petition': 4, 'not_processed.duplicate': 3, 'not_processed.publication': 0.5,
  'not_processed.excessive': 0.8, 'not_processed.confirmation': 0.8,
  other: 6, 'other.no_correction': 3, 'other.fee_unpaid': 0.3, 'other.other': 4,
};

const ACTIVE: Record<Scale, number> = { none: 0, small: 0.25, medium: 0.55, large: 0.85 };

export function received(rng: Rng, scale: Scale): number {
  switch (scale) {
    case 'none': return 0;
    case 'small': return rng.int(1, 20);
    case 'medium': return rng.int(21, 300);
    case 'large': return rng.int(301, 4000);
  }
}

export function generateApplications(rng: Rng, o: TableOptions): CompactTable {
  const n = received(rng, o.scale);
  const others = rng.next() * 0.3;
  const applicantWeights = [
    1 - others,
    rng.chance(0.6) ? others * 0.6 : 0,
    rng.chance(0.1) ? others * 0.05 : 0,
    rng.chance(0.1) ? others * 0.05 : 0,
    rng.chance(0.35) ? others * 0.2 : 0,
    rng.chance(0.25) ? others * 0.1 : 0,
  ];
  const rec = allocate(rng, n, applicantWeights);
  const co = APPLICANT_COLUMNS.map((c, i) =>
    o.carriedOver ? (o.carriedOver[c] ?? 0) : rng.chance(0.4) ? Math.floor(rec[i]! * rng.next() * 0.08) + (rec[i]! > 0 && rng.chance(0.3) ? 1 : 0) : 0,
  );
  const cf = APPLICANT_COLUMNS.map((_, i) => {
    const open = rec[i]! + co[i]!;
    return rng.chance(0.45) ? Math.min(open, Math.floor(open * rng.next() * 0.06) + (open > 0 && rng.chance(0.3) ? 1 : 0)) : 0;
  });
  const handled = APPLICANT_COLUMNS.map((_, i) => rec[i]! + co[i]! - cf[i]!);

  // Rows that take part in the allocation: the outcome rows plus （六）其他处理 as printed in this edition.
  const otherRows = o.edition === '2019' || o.otherRows === 'single' ? ['other'] : [...OTHER_PARTS];
  const rows = [...OUTCOME_ROWS, ...otherRows];
  const p = ACTIVE[o.scale];
  let weights = rows.map((r) => {
    const always = r === 'granted' || r === 'unavailable.not_held';
    const active = rng.chance(always ? Math.min(1, p + 0.5) : p * Math.min(1, 0.3 + OUTCOME_WEIGHTS[r]! / 4));
    return active ? OUTCOME_WEIGHTS[r]! * (0.5 + rng.next()) : 0;
  });
  if (weights.every((w) => w === 0)) weights = rows.map((r) => (r === 'granted' ? 1 : 0));
  const byRow: Record<string, number[]> = {};
  for (const r of rows) byRow[r] = APPLICANT_COLUMNS.map(() => 0);
  APPLICANT_COLUMNS.forEach((_, i) => {
    allocate(rng, handled[i]!, weights).forEach((k, j) => (byRow[rows[j]!]![i] = k));
  });
  byRow.received = rec;
  byRow.carried_over = co;
  byRow.carried_forward = cf;
  byRow.total = handled;
  if (o.edition === '2021' && o.otherRows === 'both') {
    byRow.other = APPLICANT_COLUMNS.map((_, i) => OTHER_PARTS.reduce((s, r) => s + byRow[r]![i]!, 0));
  }

  const table: CompactTable = {};
  for (const row of rowsOf(APPLICATIONS, o.edition)) {
    const values = byRow[row.code];
    if (!values) continue; // not printed in this layout (（六）其他处理 or its sub-rows)
    const cells: Record<string, CompactValue> = {};
    APPLICANT_COLUMNS.forEach((c, i) => (cells[c] = values[i]!));
    cells.total = values.reduce((s, v) => s + v, 0);
    table[row.code] = cells;
  }
  return table;
}

export function generateAppeals(rng: Rng, handledTotal: number): CompactTable {
  const rates = { reconsideration: 0.04, litigation_direct: 0.02, litigation_after_reconsideration: 0.01 };
  const table: CompactTable = {};
  for (const [row, rate] of Object.entries(rates)) {
    let n = rng.chance(0.5) ? Math.round(handledTotal * rate * rng.next() * 2) : 0;
    if (handledTotal === 0 && rng.chance(0.08)) n = 1; // an appeal about last year's requests
    const parts = allocate(rng, n, [5, 1.2, 2, 1.5]);
    const cells: Record<string, CompactValue> = {};
    APPEAL_PARTS.forEach((c, i) => (cells[c] = parts[i]!));
    cells.total = n;
    table[row] = cells;
  }
  return table;
}

/** Turn some zeros into blanks, as many reports print them. */
export function blankZeros(rng: Rng, style: BlankStyle, apps: CompactTable, appeals: CompactTable, proactive: CompactTable): void {
  const blank = (table: CompactTable, pick: (row: string, column: string) => boolean): void => {
    for (const [row, cells] of Object.entries(table)) {
      for (const [column, v] of Object.entries(cells)) if (v === 0 && pick(row, column)) cells[column] = null;
    }
  };
  const outcome = (row: string): boolean => !['received', 'carried_over'].includes(row);
  switch (style) {
    case 'zeros':
      return;
    case 'blank-outcomes':
      return blank(apps, (row, column) => outcome(row) && !(row === 'carried_forward' && column === 'total'));
    case 'blank-all':
      blank(apps, () => true);
      blank(appeals, () => true);
      return blank(proactive, () => rng.chance(0.5));
    case 'mixed':
      blank(apps, () => rng.chance(0.4));
      return blank(appeals, () => rng.chance(0.2));
  }
}
