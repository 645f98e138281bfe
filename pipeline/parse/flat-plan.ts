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
import { readValue } from '../ingest/read-value.ts';
import type { MoneyUnit } from './stated-unit.ts';
import { OCR_LETTER_RULE, cellReadings, hasLetter, letterReadings, lookAlike, printedTokens } from './ocr-letters.ts';
import { type SplitOptions, listSplits } from './split-options.ts';
import { type Budget, SEARCH_STEPS, SearchLimit, type Split, type SplitColumn, showSplit, splitRun, tokenValue } from './split-digits.ts';

/** More candidate splits than this for one row: the row is not split (too ambiguous to search jointly). */
export const MAX_CANDIDATES = 400;
const SHOWN = 4;
/** inferredBy of a blank cell of a row in doubt whose column's （七）总计 the rows read make up (flat-blanks.ts). */
export const BLANK_BY_TOTAL = 'applications.outcome_total';
/** inferredBy of a row placed by the template's row order (its label was lost). */
export const ROW_ORDER = 'row_order';

export interface RowPlan {
  def: RowDef;
  line: FlatLine | null;
  columns: SplitColumn[];
  /** Splits true to the row's own arithmetic. */
  candidates: Split[];
  /** The cells as printed, beside each candidate, when they differ from it (a letter read as a digit: OCR). */
  printed?: Split[];
  /** The digits alone allow one split. */
  forced: boolean;
  rules: string[];
  /** The row has no label: it was placed by the template's row order. */
  byOrder?: boolean;
  /** Several splits are left because choosing among them by the columns' arithmetic ran out of steps. */
  searchCut?: boolean;
  /** Why the row is refused, when it is. */
  refused?: string;
  /** The row is not read because which row its figures are (or whether it has any) cannot be told. */
  inDoubt?: boolean;
  /** Of a row in doubt, the cells blank in every reading (flat-blanks.ts): read as blank. */
  blanks?: ReadonlySet<number>;
  /** Of a row in doubt, the cells every cut of the table's figures reads the same (flat-cuts.ts), and the rules. */
  agreed?: { tokens: ReadonlyMap<number, string>; by: string[] };
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
  const rowRule = table === APPLICATIONS ? 'applications.row_total' : undefined;
  const check = rowRule
    ? (v: readonly number[]) => v.length < codes.length || v.slice(0, -1).reduce((s, x) => s + x, 0) === v[v.length - 1]
    : undefined;
  if (line.cells) {
    const fitted = fitCells(table, line.cells, codes.length);
    if (!fitted) return { def, line, columns, candidates: [], forced: true, rules: [], refused: `${line.cells.length} cells printed (${line.cells.map((c) => c || '·').join('|')}) where the row has ${codes.length}: not read` };
    // A letter among a cell's figures (OCR): every digit for it, kept where the row's total holds (when every other
    // cell is a figure: a row with text in it stays out of the arithmetic).
    const figures = fitted.every((c, k) => hasLetter(c) || tokenValue(c.trim(), columns[k]!) !== undefined);
    const readings = figures
      ? cellReadings(fitted, (tokens) => {
          const values = tokens.map((t, k) => tokenValue(t.trim(), columns[k]!));
          if (values.some((v, k) => v === undefined && hasLetter(fitted[k]!))) return false;
          return !check || check(values.map((v) => v ?? 0));
        })
      : null;
    if (!readings) return { def, line, columns, candidates: [fitted], forced: true, rules: [] };
    return { def, line, columns, candidates: readings, printed: readings.map(() => fitted), forced: false, rules: rowRule ? [rowRule] : [] };
  }
  const letters = OCR_LETTER.test(line.run) ? letterReadings(line.run) : undefined;
  if (letters === null) {
    return { def, line, columns, candidates: [], forced: true, rules: [], refused: `the figures "${line.run}" hold a letter (O for 0, l for 1: an OCR slip?): not read` };
  }
  const what = `${tableName(table)}, row "${def.zh}" (${describeLocation(line.at)})`;
  let forced = false;
  let candidates: Split[];
  try {
    const whole = line.whole === true;
    // Table 三's splits keep the row total: listed by the memoised count of valid completions (split-options.ts),
    // which visits only states that lead to one; table 二's (no arithmetic) by splitRun.
    const split = (run: string, part: Budget, limit: number): Split[] => rowRule
      ? listSplits(run, columns, new Set([codes.length - 1]), part, what, whole, limit)
      : splitRun(run, columns, part, { what, whole, limit });
    if (letters) {
      // Each reading of the letters as digits, split in turn within one search's steps.
      const part = budget.part(SEARCH_STEPS);
      candidates = [];
      for (const reading of letters) {
        if (candidates.length > MAX_CANDIDATES) break;
        candidates.push(...split(reading, part, MAX_CANDIDATES + 1 - candidates.length));
      }
    } else {
      forced = splitRun(line.run, columns, budget.part(SEARCH_STEPS), { what, whole, limit: 2 }).length === 1;
      candidates = split(line.run, budget.part(SEARCH_STEPS), MAX_CANDIDATES + 1);
    }
  } catch (err) {
    if (!(err instanceof SearchLimit)) throw err;
    return { def, line, columns, candidates: [], forced, rules: [], refused: `"${line.run}" can be split into ${codes.length} cells in too many ways to search` };
  }
  const plan: RowPlan = { def, line, columns, candidates, forced, rules: forced || !rowRule ? [] : [rowRule] };
  if (letters) plan.printed = candidates.map((c) => printedTokens(line.run, c));
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

function refusedCell(plan: RowPlan, note: string, raw = plan.line?.run ?? ''): Cell {
  return { kind: 'text', value: null, raw, note, ...(plan.line ? { source: plan.line.at } : {}) };
}

function readCell(table: TableDef, code: string, token: string, plan: RowPlan, units: Record<string, MoneyUnit>, printed = token): Cell {
  const at = plan.line?.at;
  const stated = units[code];
  const cell = readValue(token, { money: columnDef(table, code).money, ...(stated ? { statedUnit: stated } : {}) }, at);
  if (cell.kind === 'text') {
    const slip = OCR_LETTER.test(token) ? ' (a letter among figures: O for 0, l for 1, an OCR slip?)' : '';
    return { ...cell, note: `"${token}" is not a figure${slip}: not read` };
  }
  if (printed !== token) {
    // A letter read as the digit the arithmetic requires: kept only when that digit is the letter's look-alike.
    if (cell.kind !== 'number' || lookAlike(printed).trim() !== token.trim()) {
      return { kind: 'text', value: null, raw: printed, note: `"${printed}" holds a letter (an OCR slip?); the template's arithmetic makes it "${token}", which it does not look like: not read`, ...(at ? { source: at } : {}) };
    }
    return { ...cell, raw: printed, kind: 'inferred', inferredBy: [OCR_LETTER_RULE, ...(plan.byOrder ? [ROW_ORDER] : []), ...plan.rules] };
  }
  if (cell.kind !== 'number') return cell;
  if (plan.byOrder) return { ...cell, kind: 'inferred', inferredBy: [ROW_ORDER, ...plan.rules] };
  return plan.forced ? cell : { ...cell, kind: 'inferred', inferredBy: plan.rules };
}

/**
 * The row's cells: read from its one split; or, when several splits fit (the list complete), each cell on which every
 * split agrees is read (inferred) and the others are refused listing the splits; or every cell refused with the reason.
 * A cell printed with a letter (OCR) is read only when the splits agree on it.
 */
export function cellsOf(table: TableDef, codes: readonly string[], plan: RowPlan, units: Record<string, MoneyUnit> = {}): Cell[] {
  if (plan.refused !== undefined || plan.candidates.length === 0) {
    const note = plan.refused ?? ambiguity(plan, plan.candidates);
    return codes.map((code, k) => {
      const token = plan.agreed?.tokens.get(k);
      if (token !== undefined) return readCell(table, code, token, { ...plan, byOrder: false, forced: false, rules: plan.agreed!.by }, units);
      return plan.blanks?.has(k) ? { kind: 'blank', value: null, raw: '', inferredBy: [BLANK_BY_TOTAL] } : refusedCell(plan, note);
    });
  }
  const printedAt = (k: number): string => plan.printed?.[0]?.[k] ?? plan.candidates[0]![k]!;
  if (plan.candidates.length === 1) {
    const split = plan.candidates[0]!;
    return codes.map((code, k) => readCell(table, code, split[k]!, plan, units, printedAt(k)));
  }
  const note = plan.searchCut
    ? `${ambiguity(plan, plan.candidates).replace(/: not read$/, '')}, and choosing among them by the columns' arithmetic takes too many steps: not read`
    : ambiguity(plan, plan.candidates);
  // Cells the digits alone fix (no rule was needed for the row) are numbers; the rest inferred by the row's rules.
  const agreed = { ...plan, forced: plan.rules.length === 0 };
  return codes.map((code, k) => {
    const token = plan.candidates[0]![k]!;
    const printed = plan.printed ? new Set(plan.printed.map((p) => p[k]!)) : new Set([token]);
    if (printed.size === 1 && plan.candidates.every((s) => s[k] === token)) return readCell(table, code, token, agreed, units, [...printed][0]!);
    const letter = [...printed].find(hasLetter);
    if (letter !== undefined) {
      const why = `"${letter}" holds a letter (O for 0, l for 1: an OCR slip?) that the template's arithmetic does not fix`;
      return plan.line?.cells ? refusedCell(plan, `${why}: not read`, letter) : refusedCell(plan, `${why}; ${note}`);
    }
    return refusedCell(plan, note);
  });
}

/**
 * The cells of a run whose splits were not listed but summed up per cell (split-options.ts): a cell with one option
 * is read (inferred by the plan's rules, or a number when the digits alone fix the split), the others flagged with
 * the count of splits and a few of them.
 */
export function cellsFromOptions(table: TableDef, codes: readonly string[], plan: RowPlan, options: SplitOptions): Cell[] {
  const shown = options.examples.slice(0, SHOWN).map(showSplit).join(', ');
  const fit = plan.rules.length > 0 ? ' that fit the template\'s arithmetic' : '';
  const note = `"${plan.line?.run ?? ''}" splits ${options.count} ways${fit} (${shown}${options.count > SHOWN ? ', …' : ''}): not read`;
  return codes.map((code, k) => {
    const cell = options.cells[k]!;
    if (cell.size === 1) {
      const { token, printed } = [...cell.values()][0]!;
      return readCell(table, code, token, plan, {}, printed);
    }
    const letter = [...cell.values()].map((o) => o.printed).find(hasLetter);
    return refusedCell(plan, letter === undefined ? note : `"${letter}" holds a letter (O for 0, l for 1: an OCR slip?) that the template's arithmetic does not fix; ${note}`);
  });
}
