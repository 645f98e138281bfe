/**
 * Raw pdftotext, table 三: rows not read for their row (which row a line of figures is cannot be told) read where the
 * text leaves one way only. The table's figures are one sequence; the rows read keep their own lines; the rows in
 * doubt share the figures no row read took, in the template's order, each at most its width and its last figure the
 * sum of the others (applications.row_total), and true to where its label stands: a label in its place stands right
 * before its row's figures, a label pdftotext moved stands after them. Every such cut is listed; a cell of a row in
 * doubt that reads the same in every cut and every split of its figures is read (inferred: row_order, then
 * applications.row_total). Cuts that no row total allows are none; a table with too many is left as it is. Pure.
 */
import { APPLICATIONS, type Edition, type RowDef, columnsOf, rowsOf } from '../model/template.ts';
import { ANCHOR_RECALL, namesRow, wrappedLabel } from './flat-label-lines.ts';
import { ROW_ORDER, type RowPlan } from './flat-plan.ts';
import { type FlatLine, ownLabel } from './flat-rows.ts';
import { listSplits } from './split-options.ts';
import { type Budget, SearchLimit, type Split } from './split-digits.ts';

/** More cuts than this: the rows in doubt stay as they are. */
const MAX_CUTS = 2_000;
const ROW_TOTAL = 'applications.row_total';

interface Slot {
  plan: RowPlan;
  /** A row read: its figures' span in the sequence ([start, end); a blank row [-1, 0]: none, anywhere). */
  pinned?: [number, number];
  /** Where the row's label stands in the sequence (figures before it), when it stands once. */
  label?: number;
}

export function readByCuts(plans: readonly RowPlan[], lines: readonly FlatLine[], edition: Edition, budget: Budget): void {
  if (!lines.some((l) => l.whole) || !plans.some((p) => p.inDoubt && p.refused !== undefined)) return;
  // A row not read for another reason (its figures more than it holds, a split no total allows, …): whose figures its
  // line holds is not certain either; nothing is cut.
  if (plans.some((p) => p.refused !== undefined && !p.inDoubt)) return;
  // （六） and its sub-rows both among the rows: which is printed is not certain.
  if (plans.some((p) => p.def.code === 'other') && plans.some((p) => p.def.code.startsWith('other.'))) return;
  const defs = rowsOf(APPLICATIONS, edition);
  const tokens: string[] = [];
  const startOf = new Map<number, number>();
  const labels = new Map<RowDef, number[]>();
  for (const l of lines) {
    if (l.label !== '') {
      const d = namesRow(l.run === '' ? wrappedLabel(lines, l, defs) : ownLabel(l.label).own, defs, ANCHOR_RECALL);
      if (d) labels.set(d, [...(labels.get(d) ?? []), tokens.length]);
    }
    startOf.set(l.index, tokens.length);
    if (l.run !== '') tokens.push(...l.run.split(/\s+/));
  }
  const slots: Slot[] = defs.flatMap((d) => {
    const plan = plans.find((p) => p.def === d);
    if (!plan) return [];
    const at = labels.get(d);
    const label = at?.length === 1 ? at[0] : undefined;
    if (plan.inDoubt && plan.refused !== undefined) return [{ plan, label }];
    if (!plan.line || plan.line.run === '') return [{ plan, pinned: [-1, 0] as [number, number], label }];
    const start = startOf.get(plan.line.index)!;
    return [{ plan, pinned: [start, start + plan.line.run.split(/\s+/).length] as [number, number], label }];
  });
  const width = columnsOf(APPLICATIONS, defs[0]!, edition).length;
  const splits = new Map<string, Split[]>();
  const splitsOf = (slot: Slot, a: number, b: number): Split[] => {
    const key = `${a}:${b}`;
    if (!splits.has(key)) {
      const run = tokens.slice(a, b).join(' ');
      const columns = slot.plan.columns.length > 0 ? slot.plan.columns : plans.find((p) => p.columns.length > 0)!.columns;
      splits.set(key, b - a > width ? [] : run === '' ? [columns.map(() => '')] : listSplits(run, columns, new Set([width - 1]), budget, 'table 三', true, 400));
    }
    return splits.get(key)!;
  };
  const ends = (slot: Slot, at: number): number[] => {
    if (slot.pinned) return slot.pinned[0] === -1 ? [at] : slot.pinned[0] === at ? [slot.pinned[1]] : [];
    const out: number[] = [];
    for (let end = at; end <= Math.min(tokens.length, at + width); end++) {
      // In its place: the row's figures start at its label; moved: they end before it.
      if (slot.label !== undefined && slot.label !== at && slot.label < end) continue;
      if (splitsOf(slot, at, end).length > 0) out.push(end);
    }
    return out;
  };
  const memo = new Map<string, boolean>();
  const completes = (i: number, at: number): boolean => {
    const key = `${i}:${at}`;
    if (!memo.has(key)) memo.set(key, i === slots.length ? at === tokens.length : ends(slots[i]!, at).some((e) => completes(i + 1, e)));
    return memo.get(key)!;
  };
  // Per row in doubt, the spans some cut gives it.
  const spans = new Map<RowPlan, Set<string>>();
  let cuts = 0;
  const walk = (i: number, at: number, taken: Array<[number, number]>): void => {
    if (cuts > MAX_CUTS || !completes(i, at)) return;
    if (i === slots.length) {
      cuts++;
      slots.forEach((s, k) => {
        if (!s.pinned) spans.set(s.plan, (spans.get(s.plan) ?? new Set()).add(taken[k]!.join(':')));
      });
      return;
    }
    for (const end of ends(slots[i]!, at)) walk(i + 1, end, [...taken, [at, end]]);
  };
  try {
    walk(0, 0, []);
  } catch (err) {
    if (err instanceof SearchLimit) return;
    throw err;
  }
  if (cuts === 0 || cuts > MAX_CUTS) return;
  for (const [plan, set] of spans) {
    const all = [...set].flatMap((key) => splits.get(key)!);
    const agreed = new Map<number, string>();
    for (let k = 0; k < width; k++) {
      const tokensAt = new Set(all.map((s) => s[k]!));
      if (tokensAt.size === 1) agreed.set(k, [...tokensAt][0]!);
    }
    if (agreed.size === 0) continue;
    plan.agreed = { tokens: agreed, by: [ROW_ORDER, ROW_TOTAL] };
  }
}
