/**
 * Table 三 in a lossy rendering: each row's splits chosen jointly by the column rules (flat-solve.ts), and the rows
 * placed by the row order checked against every rule that reaches them. Pure.
 */
import { type RowPlan, shownCandidates } from './flat-plan.ts';
import { findSupports } from './flat-solve.ts';
import { readValue } from '../ingest/read-value.ts';
import { distinctVectors } from './distinct-vectors.ts';
import { applicationEquations } from './application-equations.ts';
import { type Budget, SEARCH_STEPS, type Split } from './split-digits.ts';

function refuse(plan: RowPlan, reason: string): void {
  plan.refused = reason;
}

/** A row read from printed cells, one of which is not a figure: its figures stay out of the arithmetic. */
function hasTextCell(plan: RowPlan): boolean {
  return plan.line?.cells !== undefined && plan.candidates.length === 1 && plan.candidates[0]!.some((t, k) => valueOf(t, plan.columns[k]!.money) === undefined);
}

export function valueOf(token: string, money?: boolean): number | undefined {
  const v = readValue(token, { money });
  return v.kind === 'number' ? v.value! : v.kind === 'text' ? undefined : 0;
}


/**
 * Choose table 三's splits jointly by its column rules; rows left with several splits are refused. A rule over a row
 * the source does not print is not used: the row's figures are unknown, not 0. Rows placed by the row order are
 * checked: a rule over them that does not hold leaves them not read; the rules that hold go into their inferredBy.
 */
export function solveApplications(plans: RowPlan[], missing: ReadonlySet<string>, budget: Budget): void {
  const printed = new Set(plans.map((p) => p.def.code));
  const usable = plans.filter((p) => p.refused === undefined && !hasTextCell(p));
  // A row not read (which row its figures are cannot be told, a text among them, …) is a row whose figures are
  // unknown counts, ≥ 0, as a row not printed: an outcome row among them still leaves the others' sum ≤ 总计.
  const known = new Set(usable.map((p) => p.def.code));
  const unknown = new Set([...missing, ...[...printed].filter((r) => !known.has(r))]);
  const equations = applicationEquations(known, unknown);
  const values = (p: RowPlan, s: Split): number[] => s.map((t, k) => valueOf(t, p.columns[k]!.money) ?? 0);
  // Splits with the same figures (they differ only in where a blank stands, which the arithmetic cannot see) are one
  // choice for the search: each row's distinct figure vectors, and the splits behind each.
  const vectors = new Map(usable.map((p) => [p.def.code, distinctVectors(p.candidates.map((s) => values(p, s)))]));
  const rows = new Map([...vectors].map(([code, v]) => [code, v.vectors]));
  const solved = findSupports(rows, equations, budget.part(SEARCH_STEPS));
  for (const plan of usable) {
    const touching = equations.filter((e) => e.left.includes(plan.def.code) || e.right.includes(plan.def.code)).map((e) => e.rule);
    if (plan.candidates.length === 1) continue;
    const { of } = vectors.get(plan.def.code)!;
    const possible = new Set(solved.possible.get(plan.def.code)!);
    const kept = plan.candidates.map((_, i) => i).filter((i) => possible.has(of[i]!));
    if (!solved.consistent) {
      refuse(plan, `"${plan.line?.run}" splits ${plan.candidates.length} ways (${shownCandidates(plan)}), and no choice of splits makes the table's columns add up (${touching.join(', ')}): the source is inconsistent`);
      continue;
    }
    // The splits some solution takes (when the search ran out of steps, the ones the columns' bounds leave): one, or
    // several whose common cells are read.
    plan.candidates = kept.map((i) => plan.candidates[i]!);
    if (plan.printed) plan.printed = kept.map((i) => plan.printed![i]!);
    plan.rules = [...plan.rules, ...touching];
    if (!solved.complete && kept.length > 1) plan.searchCut = true;
  }
  checkByOrder(plans, applicationEquations(printed, missing), values);
}

/** Rows placed by order: every rule over them that can be checked must hold (the row's own total included). */
function checkByOrder(plans: readonly RowPlan[], equations: ReturnType<typeof applicationEquations>, values: (p: RowPlan, s: Split) => number[]): void {
  const known = new Map(plans.filter((p) => p.refused === undefined && p.candidates.length === 1 && !hasTextCell(p)).map((p) => [p.def.code, values(p, p.candidates[0]!)]));
  const sum = (side: readonly string[], col: number): number => side.reduce((s, r) => s + known.get(r)![col]!, 0);
  for (const plan of plans) {
    if (!plan.byOrder || !known.has(plan.def.code)) continue;
    const own = known.get(plan.def.code)!;
    const broken: string[] = [];
    const held: string[] = [];
    (own.slice(0, -1).reduce((s, x) => s + x, 0) === own[own.length - 1] ? held : broken).push('applications.row_total');
    for (const e of equations) {
      if (![...e.left, ...e.right].includes(plan.def.code) || ![...e.left, ...e.right].every((r) => known.has(r))) continue;
      (own.every((_, col) => (e.atMost ? sum(e.left, col) <= sum(e.right, col) : sum(e.left, col) === sum(e.right, col))) ? held : broken).push(e.rule);
    }
    if (broken.length > 0) {
      refuse(plan, `a row of figures without a label, placed here by the template's row order, breaks ${broken.join(', ')}: where it belongs is not certain, not read`);
      plan.inDoubt = true;
    } else plan.rules = [...new Set([...plan.rules, ...held])];
  }
}

