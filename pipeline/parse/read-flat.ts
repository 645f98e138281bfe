/**
 * Read the three tables from flattened page text (cell boundaries lost). Labels give the rows; each row's run of
 * figures is split into the template's cells (split-digits.ts), and the splits are chosen by the template's
 * arithmetic (table 三 jointly over its columns: solve-columns.ts; table 四 by its row totals). A cell is:
 * - `number` when the digits allow one split only (zeros stand alone, spaces mark boundaries);
 * - `inferred` when arithmetic fixed the split: `inferredBy` names the rules;
 * - `text` (an error, with the candidate splits or the reason in `note`) when several splits fit, or none does.
 * Pure; throws InputError when a table's rows cannot be aligned with the template.
 */
import { InputError } from '../errors.ts';
import type { TextCell } from '../ingest/types.ts';
import type { NarrativeFigure, TableCells } from '../model/report.ts';
import { APPEALS, APPLICATIONS, type Edition, PROACTIVE, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { alignFlat } from './flat-align.ts';
import { readFlatAppeals } from './flat-appeals.ts';
import { solveApplications } from './flat-applications.ts';
import { blanksByTotal } from './flat-blanks.ts';
import { readByCuts } from './flat-cuts.ts';
import { cellsOf, planRow } from './flat-plan.ts';
import { type FlatLine, flatLines } from './flat-rows.ts';
import type { MoneyUnit } from './stated-unit.ts';
import { Budget, REPORT_BUDGET, SEARCH_STEPS } from './split-digits.ts';

/** A section's cells as the lines of a lossy rendering (flattened text by default; raw pdftotext, Markdown rows). */
export type ToLines = (cells: readonly TextCell[], table: TableDef, edition: Edition) => FlatLine[];

function readLabelled(file: string, table: TableDef, edition: Edition, printed: readonly FlatLine[], budget: Budget, units: Record<string, MoneyUnit> = {}): TableCells {
  const aligned = alignFlat(file, table, edition, printed);
  const { lines } = aligned;
  const plans = [...aligned.rows].map(([def, line]) => planRow(table, def, edition, line, budget));
  for (const plan of plans) if (aligned.byOrder.has(plan.def)) plan.byOrder = true;
  for (const [def, reason] of aligned.unplaced) {
    plans.push({ def, line: null, columns: [], candidates: [], forced: true, rules: [], refused: reason, inDoubt: true });
  }
  if (table === APPLICATIONS) {
    solveApplications(plans, aligned.missing, budget);
    readByCuts(plans, lines, edition, budget.part(SEARCH_STEPS));
    blanksByTotal(plans, lines, edition, aligned.evidence);
  }
  const out: TableCells = {};
  for (const def of rowsOf(table, edition)) {
    const plan = plans.find((p) => p.def === def);
    if (!plan) continue;
    const codes = columnsOf(table, plan.def, edition);
    const cells = cellsOf(table, codes, plan, units);
    out[plan.def.code] = Object.fromEntries(codes.map((c, k) => [c, cells[k]!]));
  }
  return out;
}

/**
 * @param units the unit table 二 states for its money columns (stated-unit.ts).
 * @param toLines how the rendering's cells make lines (flattened text: one line a row, label and glued figures).
 * @param narrative the figures the report's text states (narrative.ts): they choose among table 四's splits.
 */
export function readFlatTables(
  file: string,
  edition: Edition,
  sections: Record<'proactive' | 'applications' | 'appeals', readonly TextCell[]>,
  units: Record<string, MoneyUnit> = {},
  toLines: ToLines = (cells) => flatLines(cells),
  narrative: readonly NarrativeFigure[] = [],
): Record<'proactive' | 'applications' | 'appeals', TableCells> {
  const budget = new Budget(REPORT_BUDGET);
  const withFile = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      if (err instanceof InputError && err.file === undefined) throw new InputError(err.message, file, err.at);
      throw err;
    }
  };
  return withFile(() => ({
    proactive: readLabelled(file, PROACTIVE, edition, toLines(sections.proactive, PROACTIVE, edition), budget, units),
    applications: readLabelled(file, APPLICATIONS, edition, toLines(sections.applications, APPLICATIONS, edition), budget),
    appeals: readFlatAppeals(file, edition, toLines(sections.appeals, APPEALS, edition), budget, narrative),
  }));
}
