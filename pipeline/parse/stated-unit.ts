/**
 * The unit a table states for its money columns, outside the cells themselves: in the column's header
 * ("采购总金额（元）", "本年收费金额（单位：元）", "采购总金额/元"), else in a note above or below the table
 * ("单位：元", "（金额单位：万元）"). A unit printed in a cell ("8810055元") is read with the cell (read-value.ts)
 * and goes before both. Pure; throws InputError when the table states two different units for one column.
 */
import { InputError } from '../errors.ts';
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type TableDef, columnDef, columnsOf, rowsOf } from '../model/template.ts';
import { isValueText } from '../ingest/read-value.ts';

export type MoneyUnit = '元' | '万元';

const SPACES = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

/** After NFKC: "(元)", "(单位:元)", "(人民币元)", "/元", "单位:万元" right after the header's words. */
const HEADER_UNIT = String.raw`(?:\((?:金额)?(?:单位:)?(?:人民币)?(万元|元)\)|[/／](万元|元)|单位:(万元|元))`;

/** A short note (or heading) that ends naming the unit: "单位:元", "(金额单位:万元)", "表1 单位:元。". */
const NOTE = /单位:(万元|元)\)?[。.]?$/u;
const NOTE_MAX_LENGTH = 30;

/** The header's words without the template's own unit: "本年收费金额（单位：万元）" → "本年收费金额". */
function headerWords(zh: string): string[] {
  const base = zh.replace(/[（(].*$/u, '');
  return base.startsWith('本年') ? [base, base.slice(2)] : [base];
}

/**
 * The text in NFKC without spaces. A text of printable ASCII other than a space, CJK ideographs (U+4E00–U+9FFF), 、
 * and 。 is its own: NFKC changes none of those, and none is a space (the commonest label, told by a scan).
 */
function compact(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002)) {
      return text.normalize('NFKC').replace(SPACES, '');
    }
  }
  return text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** moneyColumns per table and edition (the template does not change). */
const moneyByTable = new WeakMap<TableDef, Map<Edition, readonly string[]>>();

/** Money columns of the table in this edition, in template order. */
function moneyColumns(table: TableDef, edition: Edition): readonly string[] {
  let byEdition = moneyByTable.get(table);
  let columns = byEdition?.get(edition);
  if (columns) return columns;
  const codes = new Set(rowsOf(table, edition).flatMap((r) => columnsOf(table, r, edition)));
  columns = [...codes].filter((c) => columnDef(table, c).money);
  if (!byEdition) moneyByTable.set(table, (byEdition = new Map()));
  byEdition.set(edition, columns);
  return columns;
}

/** A money column's header followed by a unit (HEADER_UNIT), per table and column; matchAll works on a copy. */
const headerPatterns = new WeakMap<TableDef, Map<string, RegExp>>();

function headerPattern(table: TableDef, code: string): RegExp {
  let byCode = headerPatterns.get(table);
  let pattern = byCode?.get(code);
  if (pattern) return pattern;
  pattern = new RegExp(`(?:${headerWords(columnDef(table, code).zh).map(escape).join('|')})${HEADER_UNIT}`, 'gu');
  if (!byCode) headerPatterns.set(table, (byCode = new Map()));
  byCode.set(code, pattern);
  return pattern;
}

/**
 * The unit stated for each money column of `table` in its section's cells; a column for which the table states
 * none is left out (the template's 万元 holds). The section's label cells are read as one text, so that a header
 * wrapped over two cells or lines ("采购总金额" / "（元）") still states its unit.
 */
export function statedUnits(file: string, table: TableDef, edition: Edition, cells: readonly TextCell[]): Record<string, MoneyUnit> {
  const columns = moneyColumns(table, edition);
  if (columns.length === 0) return {};
  // The label cells' compact texts, each read for a note and joined (one loop: no arrays between, whose kind changes
  // with what they hold and cost the compiled function a deoptimisation when a new kind came).
  const notes = new Set<MoneyUnit>();
  let joined = '';
  for (let k = 0; k < cells.length; k++) {
    if (isValueText(cells[k]!.text)) continue;
    const text = compact(cells[k]!.text);
    joined += text;
    const m = text.length <= NOTE_MAX_LENGTH ? NOTE.exec(text) : null;
    if (m && !columns.some((c) => headerWords(columnDef(table, c).zh).some((w) => text.includes(w)))) notes.add(m[1] as MoneyUnit);
  }
  if (notes.size > 1) {
    throw new InputError(`table ${table.zh.slice(0, 1)}: the notes above or below it state two units (单位：元 and 单位：万元): which one the amounts are in is unclear`, file);
  }
  const note = [...notes][0];
  const out: Record<string, MoneyUnit> = {};
  for (const code of columns) {
    const def = columnDef(table, code);
    const inHeader = new Set([...joined.matchAll(headerPattern(table, code))].map((m) => (m[1] ?? m[2] ?? m[3]) as MoneyUnit));
    if (inHeader.size > 1 || (inHeader.size === 1 && note !== undefined && !inHeader.has(note))) {
      throw new InputError(
        `table ${table.zh.slice(0, 1)}, column "${headerWords(def.zh)[0]}": the table states two units for it (${[...new Set([...inHeader, ...(note ? [note] : [])])].join(' and ')}, in its header and in a note): which one the amounts are in is unclear`,
        file,
      );
    }
    const unit = [...inHeader][0] ?? note;
    if (unit) out[code] = unit;
  }
  return out;
}
