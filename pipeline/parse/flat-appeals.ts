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

/**
 * The splits that also agree with the figures the text states (行政复议 N件 → 行政复议 总计; 行政诉讼 N件 → the two
 * 行政诉讼 总计 together), and the narrative rules used; null when the text states neither, or no split agrees with it.
 */
function byNarrative(
  all: SplitOptions,
  narrative: readonly NarrativeFigure[],
  split: (fixed: ReadonlyMap<number, number>) => SplitOptions,
): { options: SplitOptions; rules: string[] } | null {
  const stated = (key: string): number | undefined => narrative.find((f) => f.key === key)?.value;
  const reconsideration = stated('reconsideration');
  const litigation = stated('litigation');
  if (reconsideration === undefined && litigation === undefined) return null;
  // 行政诉讼 N件 is a sum of two cells: each value the first may take, the second the rest.
  const firsts = litigation === undefined ? [undefined] : [...new Set([...all.cells[LITIGATION_TOTALS[0]]!.values()].map((o) => tokenValue(o.token, {}) ?? 0))];
  const out: SplitOptions = { cells: all.cells.map(() => new Map()), count: 0, examples: [] };
  for (const first of firsts) {
    const fixed = new Map<number, number>();
    if (reconsideration !== undefined) fixed.set(RECONSIDERATION_TOTAL, reconsideration);
    if (litigation !== undefined && first !== undefined) {
      if (first > litigation) continue;
      fixed.set(LITIGATION_TOTALS[0], first).set(LITIGATION_TOTALS[1], litigation - first);
    }
    const some = split(fixed);
    out.count += some.count;
    some.cells.forEach((m, k) => { for (const [t, o] of m) out.cells[k]!.set(t, o); });
    out.examples.push(...some.examples.slice(0, Math.max(0, 5 - out.examples.length)));
  }
  if (out.count === 0) return null;
  return { options: out, rules: [...(reconsideration !== undefined ? ['narrative.reconsideration'] : []), ...(litigation !== undefined ? ['narrative.litigation'] : [])] };
}
