/**
 * value.unit_doubtful: an amount that reads as 万元 only because the table does not say it is in 元. The parser converts
 * every amount whose unit the table states (cell, header or note); an amount with no unit stated is read in the
 * template's 万元, and flagged here, never converted by guess, when its size says 元:
 * - above 1,000,000 万元 (10 billion yuan) — more than one body's procurement or fees;
 * - or a whole number of 10,000 万元 or more where the same amount elsewhere is printed in 万元 with decimals — another
 *   money cell of the report, or the same cell of the body's report of the year before — and is 1,000 times smaller.
 * Pure.
 */
import type { Issue } from '../model/issue.ts';
import type { AnnualReport, Cell } from '../model/report.ts';
import { TABLES, TABLE_IDS, type TableId, columnsOf, rowsOf } from '../model/template.ts';
import { cellAt } from './terms.ts';
import { perEdition } from './per-edition.ts';

/** 10^6 万元: more than any one body's procurement or fees in a year. */
export const IMPLAUSIBLE_10K_YUAN = 1_000_000;
/** A whole number from here on is 元-like when the same amount elsewhere prints 万元 decimals … */
const YUAN_LIKE_FROM = 10_000;
/** … and is at least this many times smaller. */
const YUAN_LIKE_RATIO = 1_000;

interface MoneyCell {
  table: TableId;
  row: string;
  column: string;
  cell: Cell;
}

type Place = Omit<MoneyCell, 'cell'>;

/** The template's money cells of an edition, in template order. */
const placesOf = perEdition((edition): readonly Place[] => {
  const made: Place[] = [];
  for (const table of TABLE_IDS) {
    const def = TABLES[table];
    for (const row of rowsOf(def, edition)) {
      for (const column of columnsOf(def, row, edition)) {
        if (def.columns.find((c) => c.code === column)?.money) made.push({ table, row: row.code, column });
      }
    }
  }
  return made;
});

function moneyCells(report: AnnualReport): MoneyCell[] {
  const out: MoneyCell[] = [];
  for (const { table, row, column } of placesOf(report.edition)) {
    const cell = cellAt(report, table, row, column);
    if (cell && (cell.kind === 'number' || cell.kind === 'inferred') && cell.value !== null) out.push({ table, row, column, cell });
  }
  return out;
}

/** The printed figure without its note, spaces and separators ("8,810,055" → "8810055"). */
function figure(cell: Cell): string {
  return (cell.raw ?? '').normalize('NFKC').replace(/[\s,]/g, '').replace(/\(.*$/, '');
}

/** Printed in 万元 with decimals: "123.45", "0.5万元". */
function hasDecimals(cell: Cell): boolean {
  return cell.unit !== '元' && /\d\.\d/.test(figure(cell));
}

/** value / 10,000, exactly, as a decimal string (what the amount is in 万元 if it was printed in 元). */
export function asYuan(value: number): string {
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return String(value / 10_000);
  const [int = '0', frac = ''] = text.split('.');
  let point = int.length - 4;
  let padded = int + frac;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + padded;
    point = 1;
  }
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(point).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

function why(m: MoneyCell, references: readonly MoneyCell[], previous: AnnualReport | undefined): { zh: string; en: string } | null {
  const value = Math.abs(m.cell.value!);
  if (value > IMPLAUSIBLE_10K_YUAN) {
    return { zh: '超过 1,000,000 万元（100 亿元），一个机关一年的金额不会这么大', en: 'above 1,000,000 万元 (10 billion yuan), more than one body spends or collects in a year' };
  }
  if (value < YUAN_LIKE_FROM || /\./.test(figure(m.cell))) return null;
  const ref = references.find((r) => r !== m && hasDecimals(r.cell) && Math.abs(r.cell.value!) * YUAN_LIKE_RATIO <= value);
  if (!ref) return null;
  const where = ref.table === m.table && ref.row === m.row && ref.column === m.column
    ? { zh: `上一年度报告（${previous?.id ?? ''}）同一栏印为“${ref.cell.raw}”`, en: `the report of the year before (${previous?.id ?? ''}) prints "${ref.cell.raw}" in the same cell` }
    : { zh: `本报告 ${ref.table}.${ref.row}.${ref.column} 印为“${ref.cell.raw}”`, en: `${ref.table}.${ref.row}.${ref.column} of this report prints "${ref.cell.raw}"` };
  return {
    zh: `为没有小数的整数，而${where.zh}（万元、带小数），数量级相差 1000 倍以上`,
    en: `a whole number, where ${where.en} (万元, with decimals): 1,000 times or more smaller`,
  };
}

export function unitDoubtful(report: AnnualReport, previous?: AnnualReport): Issue[] {
  if (typeof report.tables !== 'object' || report.tables === null) return [];
  const own = moneyCells(report);
  const before = previous && typeof previous.tables === 'object' && previous.tables !== null && previous.edition === report.edition ? moneyCells(previous) : [];
  const issues: Issue[] = [];
  for (const m of own) {
    if (m.cell.unit === '元') continue; // stated, and converted
    const sameCellBefore = before.filter((b) => b.table === m.table && b.row === m.row && b.column === m.column);
    const reason = why(m, [...own, ...sameCellBefore], previous);
    if (!reason) continue;
    const raw = m.cell.raw ?? String(m.cell.value);
    const ref = `${m.table}.${m.row}.${m.column}`;
    const yuan = asYuan(m.cell.value!);
    issues.push({
      rule: 'value.unit_doubtful',
      severity: 'warning',
      report: report.id,
      table: m.table,
      row: m.row,
      column: m.column,
      expected: `${yuan} (if printed in 元)`,
      found: m.cell.value,
      cells: [`${m.row}.${m.column}`],
      message: {
        zh: `${ref}：表格未注明金额以元计，“${raw}”按万元读为 ${m.cell.value} 万元，${reason.zh}；若单位实为元，应为 ${yuan} 万元。请核对原文`,
        en: `${ref}: the table does not say the amount is in 元, so "${raw}" reads as ${m.cell.value} 万元, ${reason.en}; if it is in 元 it is ${yuan} 万元. Check the source`,
      },
      ...(m.cell.source ? { source: m.cell.source } : {}),
    });
  }
  return issues;
}
