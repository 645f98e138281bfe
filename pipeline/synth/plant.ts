/** Plant named errors in a consistent synthetic report, recording the cells changed and the findings they cause. */
import { APPLICANT_COLUMNS, checkConsistency, OUTCOME_ROWS } from './check.ts';
import type { Rng } from './prng.ts';
import type { CompactReport, Finding, NarrativeFigures, NarrativeKey, Planted, PlantSpec } from './types.ts';
import type { TableId } from '../model/template.ts';
import { NARRATIVE_CHECKS } from '../validate/rules-narrative.ts';

/** The table cells (total column) each narrative figure restates: the validator's own list. */
const NARRATIVE_ROWS: Record<NarrativeKey, { table: TableId; rows: string[] }> = NARRATIVE_CHECKS;

const key = (f: Finding): string => `${f.rule}|${f.row ?? ''}|${f.column ?? ''}`;

export function plantErrors(rng: Rng, report: CompactReport, narrative: NarrativeFigures, specs: readonly PlantSpec[]): Planted[] {
  const planted: Planted[] = [];
  let before = new Set(checkConsistency(report).map(key));
  for (const spec of specs) {
    const changed: Planted['changed'] = [];
    const k = spec.delta ?? rng.int(1, 3);
    const add = (table: TableId, row: string, column: string, delta: number): void => {
      const cells = report.tables[table][row];
      if (!cells) throw new Error(`cannot plant ${spec.rule}: ${table}.${row} is not printed`);
      const from = cells[column] ?? null;
      const to = (typeof from === 'number' ? from : 0) + delta;
      if (to < 0) throw new Error(`cannot plant ${spec.rule}: ${table}.${row}.${column} would be negative`);
      cells[column] = to;
      changed.push({ table, row, column, from, to });
    };
    const apps = report.tables.applications;
    const total = (row: string): number => {
      const v = apps[row]?.total;
      return typeof v === 'number' ? v : 0;
    };
    const column = spec.column ?? rng.pick(APPLICANT_COLUMNS);
    switch (spec.rule) {
      case 'applications.balance':
        add('applications', 'received', column, k);
        if (column !== 'total') add('applications', 'received', 'total', k);
        break;
      case 'applications.outcome_total':
        add('applications', 'granted', column, k);
        if (column !== 'total') add('applications', 'granted', 'total', k);
        break;
      case 'applications.other_subtotal':
        if (report.edition !== '2021' || !apps.other || !apps['other.no_correction']) {
          throw new Error('applications.other_subtotal can only be planted in a 2021 report printing （六） and its sub-rows');
        }
        add('applications', 'other.no_correction', column, k);
        if (column !== 'total') add('applications', 'other.no_correction', 'total', k);
        break;
      case 'applications.row_total': {
        // Move k between the total cells of two rows of the same column rule, so that only row totals break.
        const row = spec.row ?? rng.pick(OUTCOME_ROWS);
        add('applications', row, 'total', k);
        const group = OUTCOME_ROWS.includes(row) ? OUTCOME_ROWS : ['received', 'carried_over'];
        const partner = group.filter((r) => r !== row && total(r) >= k).sort((a, b) => total(b) - total(a))[0];
        if (partner) add('applications', partner, 'total', -k);
        break;
      }
      case 'appeals.row_total':
        add('appeals', spec.row ?? 'reconsideration', 'total', k);
        break;
      default: {
        const figure = spec.rule.slice('narrative.'.length) as NarrativeKey;
        const rows = NARRATIVE_ROWS[figure];
        // The text contradicts a printed figure: a blank total (0) is printed as 0 first (the values stay consistent).
        for (const row of rows.rows) {
          const cells = report.tables[rows.table][row];
          if (cells && cells.total === null) add(rows.table, row, 'total', 0);
        }
        const from = narrative[figure];
        const delta = from >= k && rng.chance(0.5) ? -k : k;
        narrative[figure] = from + delta;
        changed.push({ table: 'narrative', row: figure, column: 'value', from, to: from + delta });
        const at = { table: rows.table, ...(rows.rows.length === 1 ? { row: rows.rows[0] } : {}), column: 'total' };
        planted.push({ spec, changed, findings: [{ rule: spec.rule, ...at, expected: from, found: from + delta }] });
        continue;
      }
    }
    const after = checkConsistency(report);
    planted.push({ spec, changed, findings: after.filter((f) => !before.has(key(f))) });
    before = new Set(after.map(key));
  }
  return planted;
}

