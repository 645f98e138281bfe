/**
 * Table 四 in a lossy rendering: one run of 15 figures split by its groups' totals (split-options.ts), or 15 printed
 * cells whose OCR letters the totals fix. When several splits keep the totals, the figures the report's text states
 * ("行政复议2件、行政诉讼5件": 行政复议's 总计, and the two 行政诉讼 总计 together) choose among them, if some split
 * agrees with the text (else the text is not used: the validator's narrative rules report the disagreement). Pure.
 */
import { describeLocation } from '../errors.ts';
import type { NarrativeFigure, TableCells } from '../model/report.ts';
import { APPEALS, type Edition, columnsOf } from '../model/template.ts';
import { type RowPlan, cellsFromOptions, cellsOf, columnSpecs, tableName } from './flat-plan.ts';
import { type FlatLine, OCR_LETTER } from './flat-rows.ts';
import { cellReadings, letterReadings } from './ocr-letters.ts';
import { type SplitOptions, splitOptions } from './split-options.ts';
import { type Budget, SEARCH_STEPS, SearchLimit, splitRun, tokenValue } from './split-digits.ts';

/** Table 四's total cells (each the sum of the four results before it). */
const APPEAL_TOTALS = new Set([4, 9, 14]);

function groupsAddUp(v: readonly number[]): boolean {
  return [...APPEAL_TOTALS].every((t) => v.slice(t - 4, t).reduce((s, x) => s + x, 0) === v[t]);
}

/** Table 四: one run of 15 figures (three groups of five), each group's 总计 the sum of its four results. */
export function readFlatAppeals(file: string, edition: Edition, lines: readonly FlatLine[], budget: Budget, narrative: readonly NarrativeFigure[] = []): TableCells {
  const figures = lines.filter((l) => l.run !== '' || l.cells);
  const unlabelled = figures.filter((l) => l.label === '');
  const used = unlabelled.length > 0 ? unlabelled : figures;
  const codes = APPEALS.rows.flatMap((r) => columnsOf(APPEALS, r, edition).map((c) => ({ row: r, c })));
  const columns = columnSpecs(APPEALS, codes.map((x) => x.c));
  const run = used.map((l) => l.run).join(' ');
  const at = used[0]?.at;
  const what = `${tableName(APPEALS)}${at ? ` (${describeLocation(at)})` : ''}`;
  const line = used[0] ? { ...used[0], run, ...(used.every((l) => l.cells) ? { cells: used.flatMap((l) => l.cells!) } : {}) } : null;
  const plan: RowPlan = { def: APPEALS.rows[0]!, line, columns, candidates: [codes.map(() => '')], forced: true, rules: ['appeals.row_total'] };
  let options: SplitOptions | undefined;
  try {
    if (line?.cells) {
      plan.candidates = [line.cells];
      if (line.cells.length !== codes.length) plan.refused = `expected 15 figures (行政复议 and two kinds of 行政诉讼, 5 each), found ${line.cells.length} cells: not read`;
      else {
        // A letter among the figures (OCR): every digit for it, kept where each 总计 is the sum of its results.
        const readings = cellReadings(line.cells, (tokens) => {
          const values = tokens.map((t, k) => tokenValue(t.trim(), columns[k]!));
          return values.every((v) => v !== undefined) && groupsAddUp(values.map((v) => v ?? 0));
        });
        if (readings) {
          plan.candidates = readings;
          plan.printed = readings.map(() => line.cells!);
          plan.forced = false;
        }
      }
    } else if (used.length > 0) {
      const readings = OCR_LETTER.test(run) ? letterReadings(run) : [run];
      if (!readings) plan.refused = `the figures "${run}" hold a letter (O for 0, l for 1: an OCR slip?): not read`;
      else {
        const whole = used.every((l) => l.whole);
        // Every split is summed up per cell (they may be too many to list): a cell all splits agree on is read.
        options = splitOptions(run, readings, columns, APPEAL_TOTALS, budget.part(SEARCH_STEPS), what, whole);
        const told = options.count > 1 ? byNarrative(options, narrative, (fixed) => splitOptions(run, readings, columns, APPEAL_TOTALS, budget.part(SEARCH_STEPS), what, whole, fixed)) : null;
        if (told) {
          options = told.options;
          plan.rules = [...plan.rules, ...told.rules];
        }
        plan.forced = readings.length === 1 && splitRun(run, columns, budget.part(SEARCH_STEPS), { what, whole, limit: 2 }).length === 1;
        if (options.count === 0) plan.refused = `no split of "${run}" into 15 cells makes each 总计 the sum of its four results: the printed figures do not add up`;
      }
    }
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    plan.refused = `"${run}" can be split into 15 cells in too many ways to search`;
  }
  if (plan.candidates.length === 0 && plan.refused === undefined) plan.refused = `no split of "${run}" into 15 cells makes each 总计 the sum of its four results: the printed figures do not add up`;
  const names = codes.map((x) => x.c);
  const read = options && plan.refused === undefined ? cellsFromOptions(APPEALS, names, plan, options) : cellsOf(APPEALS, names, plan);
  const out: TableCells = Object.fromEntries(APPEALS.rows.map((r) => [r.code, {}]));
  codes.forEach(({ row, c }, k) => { out[row.code]![c] = read[k]!; });
  return out;
}


/** 行政复议's 总计 and the two 行政诉讼 总计 cells (indices in table 四's run). */
const RECONSIDERATION_TOTAL = 4;
const LITIGATION_TOTALS = [9, 14] as const;
/** The four results, in column order: a group's k-th cell (行政复议 k, 行政诉讼 5 + k and 10 + k). */
const RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
/** Most combinations of the two 行政诉讼 groups' cells tried against the sums the text states. */
const MAX_COMBINATIONS = 512;

/**
 * The splits that also agree with the figures the text states (行政复议 N件 → 行政复议 总计; 行政诉讼 N件 → the two
 * 行政诉讼 总计 together; "其中结果维持a件，结果纠正b件…" → 行政复议's results, or the two 行政诉讼 groups' results
 * together), and the narrative rules used. The results are used only when some split agrees with them and with the
 * totals; else the totals alone, as before; null when the text states neither total, or no split agrees with it.
 */
function byNarrative(
  all: SplitOptions,
  narrative: readonly NarrativeFigure[],
  split: (fixed: ReadonlyMap<number, number>) => SplitOptions,
): { options: SplitOptions; rules: string[] } | null {
  const stated = (key: string): number | undefined => narrative.find((f) => f.key === key)?.value;
  const hasResults = RESULTS.some((r) => stated(`reconsideration.${r}`) !== undefined || stated(`litigation.${r}`) !== undefined);
  return (hasResults ? choose(all, stated, split, true) : null) ?? choose(all, stated, split, false);
}

function choose(
  all: SplitOptions,
  stated: (key: string) => number | undefined,
  split: (fixed: ReadonlyMap<number, number>) => SplitOptions,
  withResults: boolean,
): { options: SplitOptions; rules: string[] } | null {
  const rules: string[] = [];
  const fixed = new Map<number, number>();
  // Sums over the two 行政诉讼 groups: [first cell, second cell, the sum the text states].
  const sums: Array<[number, number, number]> = [];
  const reconsideration = stated('reconsideration');
  if (reconsideration !== undefined) {
    fixed.set(RECONSIDERATION_TOTAL, reconsideration);
    rules.push('narrative.reconsideration');
  }
  const litigation = stated('litigation');
  if (litigation !== undefined) {
    sums.push([LITIGATION_TOTALS[0], LITIGATION_TOTALS[1], litigation]);
    rules.push('narrative.litigation');
  }
  if (withResults) {
    RESULTS.forEach((r, k) => {
      const v = stated(`reconsideration.${r}`);
      if (v !== undefined) fixed.set(k, v);
    });
    if (RESULTS.some((r) => stated(`reconsideration.${r}`) !== undefined)) rules.push('narrative.reconsideration_results');
    RESULTS.forEach((r, k) => {
      const v = stated(`litigation.${r}`);
      if (v !== undefined) sums.push([5 + k, 10 + k, v]);
    });
    if (RESULTS.some((r) => stated(`litigation.${r}`) !== undefined)) rules.push('narrative.litigation_results');
  }
  if (rules.length === 0) return null;
  // Each sum: every value its first cell may take (at most the sum), the second the rest.
  const firsts = sums.map(([a, , sum]) => [...new Set([...all.cells[a]!.values()].map((o) => tokenValue(o.token, {}) ?? 0))].filter((v) => v <= sum));
  if (firsts.reduce((n, f) => n * f.length, 1) > MAX_COMBINATIONS) return null;
  const out: SplitOptions = { cells: all.cells.map(() => new Map()), count: 0, examples: [] };
  const walk = (i: number, at: Map<number, number>): void => {
    if (i === sums.length) {
      const some = split(at);
      out.count += some.count;
      some.cells.forEach((m, k) => { for (const [t, o] of m) out.cells[k]!.set(t, o); });
      out.examples.push(...some.examples.slice(0, Math.max(0, 5 - out.examples.length)));
      return;
    }
    const [a, b, sum] = sums[i]!;
    for (const first of firsts[i]!) walk(i + 1, new Map(at).set(a, first).set(b, sum - first));
  };
  walk(0, fixed);
  if (out.count === 0) return null;
  return { options: out, rules };
}
