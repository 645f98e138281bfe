/** How a value is printed in a cell: signs, money units, "not applicable" marks, thousands separators. */
import { type TableId, TABLES, columnDef } from '../model/template.ts';
import { IMPLAUSIBLE_10K_YUAN } from '../validate/rules-units.ts';
import { createRng, hashString, type Rng } from './prng.ts';
import type { CompactValue } from './types.ts';
import { type CellNote, type Digits, isNoteCell, styleDigits, withNote } from './variants.ts';

export interface PrintStyle {
  /** The mark printed for '-' (not applicable). */
  dash: string;
  /** Print a '+' before positive signed changes. */
  plus: boolean;
  /** 2019 edition 采购总金额 (no unit in the header): bare 万元, "…万元", or converted to "…元". */
  procurementUnit: '' | '万元' | '元';
  /** Group digits of numbers ≥ 10000 with commas. */
  thousands: boolean;
  /** Where table 二 says its amounts are in 元 (amounts then printed in 元): see StatedYuan. */
  statedYuan: StatedYuan;
  /** Table 三's header rows printed again in the middle of the table (as copied reports and page breaks leave them). */
  strayHeader: StrayHeader;
  /** Figures in full-width digits, or padded with spaces (variants.ts). */
  digits: Digits;
  /** A note printed in one cell of table 三 (variants.ts). */
  note: CellNote;
  /** Amounts above 100 万元 printed in 元 where no unit is stated (variants.ts: forced, never drawn). */
  unstatedYuan: boolean;
}

/** Where table 三's header rows are printed a second time: nowhere, before the outcome rows, or before 四、结转下年度. */
export type StrayHeader = 'none' | 'before-outcomes' | 'before-carried-forward';

/**
 * Table 二 states that its amounts are in 元 (as many real reports do): nowhere (the template's 万元), in the amount
 * column's header ("采购总金额（元）", "本年收费金额（单位：元）"), or in a note row "单位：元" above or below the table.
 */
export type StatedYuan = 'none' | 'header' | 'note-above' | 'note-below';

export const PLAIN_STYLE: PrintStyle = { dash: '-', plus: false, procurementUnit: '', thousands: false, statedYuan: 'none', strayHeader: 'none', digits: 'ascii', note: 'none', unstatedYuan: false };

/**
 * The generator of a rendering's stated unit: apart from the rendering's own generator, so that drawing it shifts
 * no other draw of existing seeds.
 */
export function unitRng(values: { agency: string; year: number; edition: string }, rendering: string, seed?: number): Rng {
  return createRng(hashString(`units|${rendering}`, seed ?? hashString(`${values.agency}|${values.year}|${values.edition}`)));
}

/**
 * @param units the generator of the stated unit and the stray header rows (unitRng); without it, amounts are in the
 * template's 万元 and no header row is repeated.
 * @param variants the digit style and the note in a cell (drawVariants); without them, plain figures and no note.
 */
export function drawPrintStyle(rng: Rng, units?: Rng, variants?: { digits: Digits; note: CellNote; unstatedYuan?: boolean }): PrintStyle {
  return {
    dash: rng.weighted([['-', 8], ['—', 2], ['/', 1], ['－', 1]]),
    plus: rng.chance(0.3),
    procurementUnit: rng.weighted<PrintStyle['procurementUnit']>([['', 4], ['万元', 3], ['元', 2]]),
    thousands: rng.chance(0.1),
    statedYuan: units ? units.weighted<StatedYuan>([['none', 14], ['header', 3], ['note-above', 2], ['note-below', 1]]) : 'none',
    // Drawn after the unit, from the same separate generator: no earlier draw of existing seeds moves.
    strayHeader: units ? units.weighted<StrayHeader>([['none', 16], ['before-outcomes', 1], ['before-carried-forward', 1]]) : 'none',
    digits: variants?.digits ?? 'ascii',
    note: variants?.note ?? 'none',
    unstatedYuan: variants?.unstatedYuan ?? false,
  };
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 万元 → 元, exactly (the amount has at most four decimals). */
function toYuan(value: number): string {
  const [int = '0', frac = ''] = String(value).split('.');
  return (int + frac.padEnd(4, '0')).replace(/^0+(?=\d)/, '');
}

/** @param row the cell's row, for the note a report prints in one cell (variants.ts). */
export function printValue(table: TableId, column: string, value: CompactValue, style: PrintStyle, row?: string): string {
  const printed = printPlain(table, column, value, style);
  if (typeof value !== 'number' || printed === '') return printed;
  const styled = styleDigits(printed, style.digits, `${table}|${row ?? ''}|${column}`);
  return value > 0 && isNoteCell(table, row, column) ? withNote(styled, value, style.note) : styled;
}

function printPlain(table: TableId, column: string, value: CompactValue, style: PrintStyle): string {
  if (value === null) return '';
  if (typeof value === 'string') return value === '-' ? style.dash : value;
  const def = columnDef(TABLES[table], column);
  // Amounts under a header or note that says 元: in 元, bare (or with 元, as some cells repeat it).
  if (def.money && style.statedYuan !== 'none') return `${toYuan(value)}${style.procurementUnit === '元' && value !== 0 ? '元' : ''}`;
  // In 元 with no unit stated, only where the size gives it away (the validator's rule, value.unit_doubtful).
  if (def.money && style.unstatedYuan && Math.abs(value) * 10_000 > IMPLAUSIBLE_10K_YUAN) return toYuan(value);
  if (column === 'procurement_amount_10k_yuan' && value !== 0) {
    if (style.procurementUnit === '元') return `${toYuan(value)}元`;
    return `${value}${style.procurementUnit}`;
  }
  const sign = value < 0 ? '-' : def.signed && style.plus && value > 0 ? '+' : '';
  const abs = String(Math.abs(value));
  const [int = '', frac] = abs.split('.');
  const digits = style.thousands && !def.signed && int.length > 4 ? group(int) : int;
  return sign + digits + (frac === undefined ? '' : `.${frac}`);
}
