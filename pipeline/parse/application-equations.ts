/**
 * The column equations of table 三 (applications) among the rows a source prints: the template's arithmetic that links
 * rows column by column (applications.balance, applications.outcome_total, applications.other_subtotal), with the
 * rows a source leaves out or that were not read turned into bounds (`atMost`). Used to choose each row's split of its
 * figures (solve-columns.ts) and to check flat readings. Pure.
 */
export interface Equation {
  rule: string;
  /** Rows whose sum equals the sum of `right`. */
  left: string[];
  right: string[];
  /** The sum of `left` is at most the sum of `right` (rows of the left side are missing from the source). */
  atMost?: true;
}

const OUTCOME = /^(granted|partially_granted|denied\.|unavailable\.|not_processed\.)/;
const OTHER_PARTS = ['other.no_correction', 'other.fee_unpaid', 'other.other'];

/**
 * The column equations among the printed rows. `missing`: template rows whose figures are unknown — not printed by
 * the source (besides the layouts of （六） the template allows), or printed but not read. Their figures are counts,
 * ≥ 0, so an equation that needs them still bounds: a side left with unknown rows is at least its known rows' sum
 * (the printed outcome rows add up to at most 总计; received alone is at most 总计 + 结转 when 上年结转 is unknown);
 * an equation with unknown rows on both sides is left out.
 */
export function applicationEquations(printed: ReadonlySet<string>, missing: ReadonlySet<string> = new Set()): Equation[] {
  const out: Equation[] = [];
  const has = (r: string): boolean => printed.has(r);
  const add = (rule: string, left: readonly string[], right: readonly string[]): void => {
    const unknownLeft = left.some((r) => missing.has(r));
    const unknownRight = right.some((r) => missing.has(r));
    const [l, r] = [left.filter(has), right.filter(has)];
    // A row neither printed nor unknown: the equation is not the template's for this layout.
    if (![...left, ...right].every((x) => has(x) || missing.has(x))) return;
    if (!unknownLeft && !unknownRight) out.push({ rule, left: l, right: r });
    else if (unknownLeft && !unknownRight && l.length > 0) out.push({ rule, left: l, right: r, atMost: true });
    else if (unknownRight && !unknownLeft && r.length > 0) out.push({ rule, left: r, right: l, atMost: true });
  };
  add('applications.balance', ['received', 'carried_over'], ['total', 'carried_forward']);
  // （六） is the row when printed (or unknown), else its sub-rows printed or unknown.
  const other = has('other') || missing.has('other') ? ['other'] : OTHER_PARTS.filter((r) => has(r) || missing.has(r));
  const outcomes = [...new Set([...printed, ...missing])].filter((r) => OUTCOME.test(r));
  add('applications.outcome_total', [...outcomes, ...other], ['total']);
  const subs = OTHER_PARTS.filter((r) => has(r) || missing.has(r));
  if (subs.some(has)) add('applications.other_subtotal', subs, ['other']);
  return out;
}
