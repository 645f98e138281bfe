/**
 * Table 三's rows not read for their row (which row a line of figures is cannot be told: a label moved away, rows of
 * figures without a label): their cells are not all unknown. The outcome rows add up to （七）总计 in every column
 * (applications.outcome_total) and count applications (≥ 0); a column whose 总计 the rows read already make up leaves
 * 0 for every row not read. Those rows' figures are the figures no row read took: when none of them is a 0, a 0 cannot
 * be printed there, so in every reading of the rows the cell is blank — read as blank (inferredBy
 * applications.outcome_total). The rest of those rows stays flagged. Raw pdftotext only (below). Pure.
 */
import { APPLICATIONS, type Edition, columnsOf } from '../model/template.ts';
import type { FlatLine } from './flat-rows.ts';
import type { GapEvidence } from './place-unlabelled.ts';
import type { RowPlan } from './flat-plan.ts';
import { valueOf } from './flat-applications.ts';

const OUTCOME = /^(granted|partially_granted|denied\.|unavailable\.|not_processed\.)/;

/** A printed figure a 0 may hide in: a whole token of 0, a Markdown cell of 0, or any 0 digit in a glued run. */
function mayPrintZero(line: FlatLine): boolean {
  if (line.cells) return line.cells.some((c) => c.trim() !== '' && valueOf(c.trim()) === 0);
  if (line.whole) return line.run.split(/\s+/).some((t) => t !== '' && valueOf(t) === 0);
  return line.run.includes('0');
}

/** The value a read row's cell has in every candidate, or undefined when the candidates differ there. */
function agreed(plan: RowPlan, k: number): number | undefined {
  const values = new Set(plan.candidates.map((s) => valueOf(s[k]!, plan.columns[k]!.money) ?? 0));
  return values.size === 1 ? [...values][0]! : undefined;
}

/**
 * Set `blanks` on the plans of outcome rows not read for their row (`inDoubt`) where their column's 总计 is made up.
 * @param lines every line of the table (the figures no read row took are those the rows in doubt share).
 * @param evidence what raw pdftotext's labels tell (flat-align.ts Aligned), absent for other renderings.
 */
export function blanksByTotal(plans: readonly RowPlan[], lines: readonly FlatLine[], edition: Edition, evidence: GapEvidence | undefined): void {
  // Only where the text tells which rows are printed (raw pdftotext writes every label: a row in doubt whose label
  // stands in the table is printed; elsewhere a row in doubt may be one the source leaves out, not blank).
  if (!evidence) return;
  const { printed } = evidence;
  const doubt = plans.filter((p) => p.inDoubt && p.refused !== undefined && printed(p.def));
  if (doubt.length === 0) return;
  const read = (p: RowPlan): boolean => p.refused === undefined && p.candidates.length > 0;
  const total = plans.find((p) => p.def.code === 'total');
  if (!total || !read(total)) return;
  // （六） is the row when printed, else its sub-rows (applications.outcome_total over them); when plans stand for both,
  // which is printed is not certain: neither counts (the rest bound the column from below) nor is read as blank.
  const hasOther = plans.some((p) => p.def.code === 'other');
  const subs = plans.filter((p) => p.def.code.startsWith('other.')).map((p) => p.def.code);
  const other = hasOther && subs.length > 0 ? [] : hasOther ? ['other'] : subs;
  const outcome = plans.filter((p) => OUTCOME.test(p.def.code) || other.includes(p.def.code));
  const taken = new Set(plans.filter((p) => read(p) && p.line).map((p) => p.line!.index));
  if (lines.some((l) => (l.run !== '' || l.cells) && !taken.has(l.index) && mayPrintZero(l))) return;
  const width = columnsOf(APPLICATIONS, total.def, edition).length;
  const full = new Set<number>();
  for (let k = 0; k < width; k++) {
    const sum = agreed(total, k);
    if (sum === undefined) continue;
    // Rows whose figure here is not known count ≥ 0: the known ones bound what is left.
    const known = outcome.filter((p) => read(p)).reduce((s, p) => s + (agreed(p, k) ?? 0), 0);
    if (known > sum) return; // the source does not add up: nothing is read from it
    if (known === sum) full.add(k);
  }
  if (full.size > 0) for (const plan of doubt) if (outcome.includes(plan)) plan.blanks = full;
}
