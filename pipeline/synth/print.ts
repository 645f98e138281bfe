/** How a value is printed in a cell: signs, money units, "not applicable" marks, thousands separators. */
import { type TableId, TABLES, columnDef } from '../model/template.ts';
import type { Rng } from './prng.ts';
import type { CompactValue } from './types.ts';

export interface PrintStyle {
  /** The mark printed for '-' (not applicable). */
  dash: string;
  /** Print a '+' before positive signed changes. */
  plus: boolean;
  /** 2019 edition 采购总金额 (no unit in the header): bare 万元, "…万元", or converted to "…元". */
  procurementUnit: '' | '万元' | '元';
  /** Group digits of numbers ≥ 10000 with commas. */
  thousands: boolean;
}

export const PLAIN_STYLE: PrintStyle = { dash: '-', plus: false, procurementUnit: '', thousands: false };

export function drawPrintStyle(rng: Rng): PrintStyle {
  return {
    dash: rng.weighted([['-', 8], ['—', 2], ['/', 1], ['－', 1]]),
    plus: rng.chance(0.3),
    procurementUnit: rng.weighted<PrintStyle['procurementUnit']>([['', 4], ['万元', 3], ['元', 2]]),
    thousands: rng.chance(0.1),
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

export function printValue(table: TableId, column: string, value: CompactValue, style: PrintStyle): string {
  if (value === null) return '';
  if (typeof value === 'string') return value === '-' ? style.dash : value;
  const def = columnDef(TABLES[table], column);
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
