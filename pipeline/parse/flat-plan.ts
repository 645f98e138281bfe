/**
 * One template row of a lossy rendering: the line it was read from and the ways its figures can be cut into the
 * row's cells, then its cells. A line's cells come
 * - from its run of glued figures (flattened text, raw pdftotext: split-digits.ts, checked by the row's total), or
 * - as printed, when the rendering keeps cell boundaries (Markdown tables): one candidate, no split needed.
 * A run holding a letter (O for 0, l for 1: an OCR slip) is not split: the row is flagged. Pure.
 */
import { describeLocation } from '../errors.ts';
import type { Cell } from '../model/report.ts';
import { APPLICATIONS, type Edition, PROACTIVE, type RowDef, type TableDef, columnDef, columnsOf } from '../model/template.ts';
import { type FlatLine, OCR_LETTER } from './flat-rows.ts';
import { readValue } from './read-value.ts';
import type { MoneyUnit } from './stated-unit.ts';
import { type Budget, SEARCH_STEPS, SearchLimit, type Split, type SplitColumn, showSplit, splitRun } from './split-digits.ts';

/** More candidate splits than this for one row: the row is not split (too ambiguous to search jointly). */
export const MAX_CANDIDATES = 400;
const SHOWN = 4;
/** inferredBy of a row placed by the template's row order (its label was lost). */
export const ROW_ORDER = 'row_order';

export interface RowPlan {
  def: RowDef;
  line: FlatLine | null;
  columns: SplitColumn[];
  /** Splits true to the row's own arithmetic. */
  candidates: Split[];
  /** The digits alone allow one split. */
  forced: boolean;
  rules: string[];
  /** The row has no label: it was placed by the template's row order. */
  byOrder?: boolean;
  /** Several splits are left because choosing among them by the columns' arithmetic ran out of steps. */
  searchCut?: boolean;
  /** Why the row is refused, when it is. */
  refused?: string;
}

export function tableName(table: TableDef): string {
  return `table ${table.zh.slice(0, 1)} (${table.zh.slice(2)})`;
}

export function columnSpecs(table: TableDef, codes: readonly string[]): SplitColumn[] {
  return codes.map((c) => ({ signed: columnDef(table, c).signed, money: columnDef(table, c).money }));
}

/**
 * A row's printed cells fitted to its width: Markdown keeps the empty cells of merged label columns before the
 * figures (table 三) and of a last cell spanning the rest of the row after them (table 二). Null when they do not fit.
 */
function fitCells(table: TableDef, cells: readonly string[], width: number): string[] | null {
  const extra = cells.length - width;
  if (extra < 0) return null;
  if (extra === 0) return [...cells];
  const blank = (xs: readonly string[]): boolean => xs.every((x) => x.trim() === '');
  const leading = blank(cells.slice(0, extra)) ? cells.slice(extra) : null;
  const trailing = blank(cells.slice(width)) ? cells.slice(0, width) : null;
  return table === PROACTIVE ? trailing ?? leading : leading ?? trailing;
}

export function planRow(table: TableDef, def: RowDef, edition: Edition, line: FlatLine | null, budget: Budget): RowPlan {
  const codes = columnsOf(table, def, edition);
  const columns = columnSpecs(table, codes);
  if (!line) return { def, line, columns, candidates: [codes.map(() => '')], forced: true, rules: [] };
  if (line.cells) {
    const fitted = fitCells(table, line.cells, codes.length);
    if (fitted) return { def, line, columns, candidates: [fitted], forced: true, rules: [] };
    return { def, line, columns, candidates: [], forced: true, rules: [], refused: `${line.cells.length} cells printed (${line.cells.map((c) => c || '·').join('|')}) where the row has ${codes.length}: not read` };
  }
  if (OCR_LETTER.test(line.run)) {
    return { def, line, columns, candidates: [], forced: true, rules: [], refused: `the figures "${line.run}" hold a letter (O for 0, l for 1: an OCR slip?): not read` };
  }
  const what = `${tableName(table)}, row "${def.zh}" (${describeLocation(line.at)})`;
  const rowRule = table === APPLICATIONS ? 'applications.row_total' : undefined;
  const check = rowRule
    ? (v: readonly number[]) => v.length < codes.length || v.slice(0, -1).reduce((s, x) => s + x, 0) === v[v.length - 1]
    : undefined;
  let forced = false;
  let candidates: Split[];
  try {
    const whole = line.whole === true;
    forced = splitRun(line.run, columns, budget.part(SEARCH_STEPS), { what, whole, limit: 2 }).length === 1;
    candidates = splitRun(line.run, columns, budget.part(SEARCH_STEPS), { what, whole, check, limit: MAX_CANDIDATES + 1 });
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { def, line, columns, candidates: [], forced, rules: [], refused: `"${line.run}" can be split into ${codes.length} cells in too many ways to search` };
  }
  const plan: RowPlan = { def, line, columns, candidates, forced, rules: forced || !rowRule ? [] : [rowRule] };
  if (rowRule && candidates.length > 1) plan.rules = [rowRule];
  if (candidates.length === 0) {
    plan.refused = rowRule
      ? `no split of "${line.run}" into ${codes.length} cells makes 总计 the sum of the six applicant columns: the printed row does not add up`
      : `"${line.run}" cannot be split into ${codes.length} cells the columns can hold`;
  } else if (candidates.length > MAX_CANDIDATES) {
    plan.refused = `"${line.run}" can be split into ${codes.length} cells in more than ${MAX_CANDIDATES} ways`;
  }
  return plan;
}

export function ambiguity(plan: RowPlan, splits: readonly Split[]): string {
  const shown = splits.slice(0, SHOWN).map(showSplit).join(', ');
  const fit = plan.rules.length > 0 ? ' that fit the template\'s arithmetic' : '';
  return `"${plan.line?.run ?? ''}" splits ${splits.length} ways${fit} (${shown}${splits.length > SHOWN ? ', …' : ''}): not read`;
}

export function shownCandidates(plan: RowPlan): string {
  return plan.candidates.slice(0, SHOWN).map(showSplit).join(', ');
}

function refusedCell(plan: RowPlan, note: string): Cell {
  return { kind: 'text', value: null, raw: plan.line?.run ?? '', note, ...(plan.line ? { source: plan.line.at } : {}) };
}

function readCell(table: TableDef, code: string, token: string, plan: RowPlan, units: Record<string, MoneyUnit>): Cell {
  const at = plan.line?.at;
  const stated = units[code];
  const cell = readValue(token, { money: columnDef(table, code).money, ...(stated ? { statedUnit: stated } : {}) }, at);
  if (cell.kind === 'text') {
    const slip = OCR_LETTER.test(token) ? ' (a letter among figures: O for 0, l for 1, an OCR slip?)' : '';
    return { ...cell, note: `"${token}" is not a figure${slip}: not read` };
  }
  if (cell.kind !== 'number') return cell;
  if (plan.byOrder) return { ...cell, kind: 'inferred', inferredBy: [ROW_ORDER, ...plan.rules] };
  return plan.forced ? cell : { ...cell, kind: 'inferred', inferredBy: plan.rules };
}

/**
 * The row's cells: read from its one split; or, when several splits fit (the list complete), each cell on which every
 * split agrees is read (inferred) and the others are refused listing the splits; or every cell refused with the reason.
 */
export function cellsOf(table: TableDef, codes: readonly string[], plan: RowPlan, units: Record<string, MoneyUnit> = {}): Cell[] {
  if (plan.refused !== undefined || plan.candidates.length === 0) {
    const note = plan.refused ?? ambiguity(plan, plan.candidates);
    return codes.map(() => refusedCell(plan, note));
  }
  if (plan.candidates.length === 1) {
    const split = plan.candidates[0]!;
    return codes.map((code, k) => readCell(table, code, split[k]!, plan, units));
  }
  const note = plan.searchCut
    ? `${ambiguity(plan, plan.candidates).replace(/: not read$/, '')}, and choosing among them by the columns' arithmetic takes too many steps: not read`
    : ambiguity(plan, plan.candidates);
  const agreed = { ...plan, forced: false };
  return codes.map((code, k) => {
    const token = plan.candidates[0]![k]!;
    return plan.candidates.every((s) => s[k] === token) ? readCell(table, code, token, agreed, units) : refusedCell(plan, note);
  });
}
