/** Small, fully consistent reports of both editions to break one cell at a time in rule tests. */
import { type CompactReport, type CompactTable, type CompactValue, reportFromValues } from '../../pipeline/parse/from-values.ts';
import type { Issue, ValidationResult } from '../../pipeline/model/issue.ts';
import type { AnnualReport, Cell } from '../../pipeline/model/report.ts';
import { type Edition, TABLES, type TableId, columnsOf, rowsOf } from '../../pipeline/model/template.ts';

/** Every cell of a table in an edition set to 0 (optionally leaving some rows out). */
export function zeros(table: TableId, edition: Edition, without: string[] = []): CompactTable {
  const def = TABLES[table];
  const out: CompactTable = {};
  for (const row of rowsOf(def, edition)) {
    if (without.includes(row.code)) continue;
    out[row.code] = Object.fromEntries(columnsOf(def, row, edition).map((c) => [c, 0]));
  }
  return out;
}

/** Set one cell of a compact report (in place) and return the report. */
export function set(compact: CompactReport, table: TableId, row: string, column: string, value: CompactValue): CompactReport {
  const t = (compact.tables[table] ??= {});
  (t[row] ??= {})[column] = value;
  return compact;
}

/** Remove a whole row (so that it becomes absent). */
export function drop(compact: CompactReport, table: TableId, row: string): CompactReport {
  delete compact.tables[table]?.[row];
  return compact;
}

/**
 * A consistent report: 5 natural persons and 2 legal service organisations applied; 3 granted (natural persons),
 * 4 not held (2 + 2); appeals: reconsideration 1 upheld + 1 corrected = 2, direct litigation 1 other = 1.
 * 2021 edition: （六） is given by its three sub-rows (all 0), so other is derived.
 */
export function consistent(edition: Edition, year = edition === '2019' ? 2020 : 2022): CompactReport {
  const compact: CompactReport = {
    agency: '测试市测试局',
    year,
    published: `${year + 1}-01-20`,
    edition,
    tables: {
      proactive: zeros('proactive', edition),
      applications: zeros('applications', edition, edition === '2021' ? ['other'] : []),
      appeals: zeros('appeals', edition),
    },
  };
  const cells: Array<[string, string, number]> = [
    ['received', 'natural_person', 5], ['received', 'legal_service_org', 2], ['received', 'total', 7],
    ['granted', 'natural_person', 3], ['granted', 'total', 3],
    ['unavailable.not_held', 'natural_person', 2], ['unavailable.not_held', 'legal_service_org', 2],
    ['unavailable.not_held', 'total', 4],
    ['total', 'natural_person', 5], ['total', 'legal_service_org', 2], ['total', 'total', 7],
  ];
  for (const [row, column, value] of cells) set(compact, 'applications', row, column, value);
  set(compact, 'appeals', 'reconsideration', 'upheld', 1);
  set(compact, 'appeals', 'reconsideration', 'corrected', 1);
  set(compact, 'appeals', 'reconsideration', 'total', 2);
  set(compact, 'appeals', 'litigation_direct', 'other', 1);
  set(compact, 'appeals', 'litigation_direct', 'total', 1);
  if (edition === '2019') {
    set(compact, 'proactive', 'administrative_licensing', 'items_change', -3);
    set(compact, 'proactive', 'centralized_procurement', 'procurement_amount_10k_yuan', 12.5);
  } else {
    set(compact, 'proactive', 'regulations', 'issued', 1);
    set(compact, 'proactive', 'regulations', 'in_force', 5);
    set(compact, 'proactive', 'normative_documents', 'issued', 2);
    set(compact, 'proactive', 'normative_documents', 'repealed', 1);
    set(compact, 'proactive', 'normative_documents', 'in_force', 10);
    set(compact, 'proactive', 'administrative_fees', 'fee_amount_10k_yuan', 3.25);
  }
  return compact;
}

export function build(compact: CompactReport): AnnualReport {
  return reportFromValues(compact);
}

export function issuesOf(result: ValidationResult | Issue[], rule: string): Issue[] {
  const issues = Array.isArray(result) ? result : result.issues;
  return issues.filter((i) => i.rule === rule);
}

/** A cell object as a parser would give it, with its source. */
export function printed(value: number | null, raw: string, line = 1): Cell {
  return { kind: value === null ? 'blank' : 'number', value, raw, source: { line } };
}
