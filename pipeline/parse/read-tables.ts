/** Read the three tables' cells from their sections, given the edition. Pure; throws InputError on what it cannot read. */
import { InputError, describeLocation } from '../errors.ts';
import type { TextCell } from '../ingest/types.ts';
import type { Cell, TableCells } from '../model/report.ts';
import {
  APPEALS,
  APPLICATIONS,
  type Edition,
  PROACTIVE,
  type RowDef,
  type TableDef,
  columnDef,
  columnsOf,
  rowsOf,
} from '../model/template.ts';
import { alignByLabels, bestLabelScore } from './align-memo.ts';
import { checkPlaced } from './check-placed.ts';
import { isHeaderRow } from './header-row.ts';
import { widthNamedBy } from './width-named-by.ts';
import { dropLeadingBlanks } from './leading-blanks.ts';
import { PLAIN_READ, type ReadOptions, isValueText, readValue } from '../ingest/read-value.ts';
import { type MoneyUnit, statedUnits } from './stated-unit.ts';
import { type DataRow, type Segmented, rowsWithoutValues, segmentRows } from './segment.ts';
import { labelRecall, normalizeText, startsItem } from './normalize.ts';

import { layoutAppeals } from './layout-appeals.ts';
import { WIDTH as APPEALS_WIDTH, addsUp } from './layout-appeals-place.ts';
import { type PlacedRow, placeApplicationRows } from './place-columns.ts';
import { columnsOnPage, headersByPage, pageColumns } from './layout-columns.ts';
import { type SameGrid, centresFromClusters, centresFromHeader, centresFromLabels, centresFromRows, pageOf, placeByPosition, sharedGrids } from './place-by-position.ts';

/** The column headers of table 三 as layout text prints them (wrapped: 商业 / 企业), for placing blank cells. */
const HEADER_WORDS = [
  ['自然人'], ['商业', '商业企业', '商业企'], ['科研', '科研机构', '科研机'], ['社会', '社会公益', '社会公益组织'],
  ['法律', '法律服务', '法律服务机构'], ['其他'], ['总计'],
];

/** The leaf headers of table 四, whole or wrapped (结果 / 维持), which stand over its 15 columns. */
const APPEALS_HEADER_WORDS = new Set(['结果', '维持', '纠正', '其他', '尚未', '审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结']);

/** Below this, a printed label does not name the template row it was matched to. */
const MIN_LABEL_SCORE = 0.3;
/** A row of blanks is kept only when its label names a template row this well. */
const MIN_BLANK_ROW_SCORE = 0.5;

function tableName(table: TableDef): string {
  return `table ${table.zh.slice(0, 1)} (${table.zh.slice(2)})`;
}

/**
 * readValue's options for a column that holds no money and has no stated unit (readValue reads only those two). Every
 * options object readCells passes has both keys, in this order (one shape: a compiled readValue met the shape with
 * `statedUnit` only in the reports that state one, and was thrown away).
 */
const PLAIN = PLAIN_READ;

/** No stated units (readCells' default). */
const NO_UNITS: Record<string, MoneyUnit> = Object.freeze({});

/** A row's column codes in an edition and, for each, whether the column holds money (columnDef's flag, as it is). */
interface RowColumns { codes: readonly string[]; money: ReadonlyArray<boolean | undefined> }

/** RowColumns per template row and edition, made once (a row belongs to one table): asked for every row of every report. */
const rowColumns = new WeakMap<RowDef, Map<Edition, RowColumns>>();

function rowColumnsOf(table: TableDef, row: RowDef, edition: Edition): RowColumns {
  let byEdition = rowColumns.get(row);
  if (byEdition === undefined) rowColumns.set(row, (byEdition = new Map()));
  let columns = byEdition.get(edition);
  if (columns === undefined) {
    const codes = columnsOf(table, row, edition);
    byEdition.set(edition, (columns = { codes, money: codes.map((code) => columnDef(table, code).money) }));
  }
  return columns;
}

/** readValue's options `{ money, statedUnit }` (statedUnit only when stated), one object per pair (read, never kept). */
const optionsByMoney = new Map<boolean | undefined, Map<MoneyUnit | undefined, ReadOptions>>();

function readOptions(money: boolean | undefined, stated: MoneyUnit | undefined): ReadOptions {
  let byUnit = optionsByMoney.get(money);
  if (byUnit === undefined) optionsByMoney.set(money, (byUnit = new Map()));
  let options = byUnit.get(stated);
  if (options === undefined) byUnit.set(stated, (options = Object.freeze({ money, statedUnit: stated || undefined })));
  return options;
}

function readCells(table: TableDef, row: RowDef, edition: Edition, values: readonly TextCell[], units: Record<string, MoneyUnit> = NO_UNITS): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  const { codes, money: moneyOf } = rowColumnsOf(table, row, edition);
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!;
    const cell = values[k];
    const stated = units[code];
    const money = moneyOf[k];
    out[code] = cell ? readValue(cell.text, money || stated ? readOptions(money, stated) : PLAIN, cell.at) : { kind: 'blank', value: null, raw: '' };
  }
  return out;
}

function isBlankRow(row: DataRow): boolean {
  return row.values.every((v) => v.text.trim() === '');
}

/** Align a labelled table's data rows to the edition's rows and check what was matched. */
function matchRows(file: string, table: TableDef, edition: Edition, segmented: Segmented, cells: readonly TextCell[]): Map<RowDef, DataRow> {
  const defs = rowsOf(table, edition);
  const rows = segmented.rows;
  const kept = rows.filter((r) =>
    !isBlankRow(r) || (bestLabelScore(r, defs) >= MIN_BLANK_ROW_SCORE && !isHeaderRow(r, table)));
  const alignment = alignByLabels(kept, defs);
  if (!alignment) {
    throw new InputError(
      `${tableName(table)} has ${kept.length} rows of figures, more than the ${defs.length} rows of the ${edition} template: a layout xxgk does not know`,
      file,
      kept[defs.length]?.at,
    );
  }
  const matched = new Map<RowDef, DataRow>();
  kept.forEach((row, i) => {
    const def = defs[alignment.assigned[i]!]!;
    if (row.label !== '' && alignment.scores[i]! < MIN_LABEL_SCORE) {
      throw new InputError(
        `${tableName(table)}, ${describeLocation(row.at)}: row label "${row.label}" does not match the template row expected here ("${def.zh}")`,
        file,
        row.at,
      );
    }
    matched.set(def, row);
  });
  // Rows printed as a label alone are rows of blanks; （六）其他处理 comes last, as its label also heads its sub-rows.
  const byFallbackOrder = [...defs.filter((d) => d.code !== 'other'), ...defs.filter((d) => d.code === 'other')];
  const others = otherRows(defs);
  for (const def of byFallbackOrder) {
    if (matched.has(def) || mayBeMissing(def, matched, others)) continue;
    const blankRow = labelOnlyRow(def, defs, matched, segmented.labelOnly);
    if (blankRow) matched.set(def, blankRow);
  }
  const missing = defs.filter((def) => !matched.has(def) && !mayBeMissing(def, matched, others));
  // The section's rows without values, found once for all missing rows (most often none is missing).
  const textRows = missing.length > 0 ? rowsWithoutValues(cells) : [];
  for (const def of missing) {
    const texts = textRows.find((r) => labelRecall(r[0]!.text, def.zh) >= 0.8);
    if (texts) {
      throw new InputError(
        `${tableName(table)}, row "${def.zh}" (${describeLocation(texts[1]!.at)}): expected numbers, found text ${texts.slice(1).map((c) => `"${c.text}"`).join(', ')}`,
        file,
        texts[1]!.at,
      );
    }
  }
  if (missing.length > 0) checkPlaced({ file, table: tableName(table), edition }, { rows: kept, alignment, defs, missing });
  return matched;
}

/**
 * A template row printed as its label alone (layout text prints nothing for blank cells): a row of blanks, when the
 * label names the row clearly and stands between the rows matched before and after it.
 */
function labelOnlyRow(def: RowDef, defs: readonly RowDef[], matched: Map<RowDef, DataRow>, candidates: readonly DataRow[]): DataRow | undefined {
  const at = defs.indexOf(def);
  const before = defs.slice(0, at).reverse().find((d) => matched.has(d));
  const after = defs.slice(at + 1).find((d) => matched.has(d));
  const low = before ? matched.get(before)!.index : -1;
  const high = after ? matched.get(after)!.index : Infinity;
  return candidates.find((r, k) => {
    if (r.index <= low || r.index >= high) return false;
    // A wrapped label goes on on the next line(s), which start no new numbered item.
    let text = r.label;
    for (let n = k + 1; n < candidates.length && n <= k + 2; n++) {
      const next = candidates[n]!;
      if (next.line !== candidates[n - 1]!.line + 1 || startsItem(next.label)) break;
      text += next.label;
    }
    return labelRecall(text, def.zh) >= 0.9;
  });
}

/**
 * 2021 edition: （六）其他处理 may be printed as one row without its sub-rows, or as its sub-rows only (then its label
 * heads them and it is derived from the printed ones).
 */
function mayBeMissing(def: RowDef, matched: Map<RowDef, DataRow>, { other, subRows }: OtherRows): boolean {
  if (subRows.length === 0) return false;
  if (def === other) return subRows.some((d) => matched.has(d));
  if (subRows.includes(def)) return matched.has(other!);
  return false;
}

/** （六）其他处理 and its sub-rows among the edition's rows (none in the 2019 edition), found once per table read. */
interface OtherRows { other: RowDef | undefined; subRows: readonly RowDef[] }

function otherRows(defs: readonly RowDef[]): OtherRows {
  const subRows = defs.filter((d) => d.code.startsWith('other.'));
  return { subRows, other: subRows.length === 0 ? undefined : defs.find((d) => d.code === 'other') };
}

/** The row (at `at`) has `want` values, or more of which the ones past `want` are blank. */
function expectCount(file: string, table: TableDef, def: RowDef, at: DataRow['at'], values: readonly TextCell[], want: number): void {
  let extra = false;
  for (let k = want; k < values.length && !extra; k++) extra = values[k]!.text.trim() !== '';
  if (values.length < want || extra) {
    throw new InputError(
      `${tableName(table)}, row "${def.zh}" (${describeLocation(at)}): expected ${want} values, found ${values.length}`,
      file,
      at,
    );
  }
}

/** The most values a row of the table has in the edition, per table and edition (made once: asked for every table read). */
const maxValues = new WeakMap<TableDef, Map<Edition, number>>();

function maxValuesOf(table: TableDef, edition: Edition): number {
  let byEdition = maxValues.get(table);
  if (byEdition === undefined) maxValues.set(table, (byEdition = new Map()));
  let most = byEdition.get(edition);
  if (most === undefined) byEdition.set(edition, (most = Math.max(...rowsOf(table, edition).map((r) => columnsOf(table, r, edition).length))));
  return most;
}

/**
 * Whether the row's figures are the pieces of one TAB-separated line (Word text, a page's text copied with its
 * cells TAB-separated) that start right after a label on that line — or start the line — and end it: TABs keep each
 * piece in its column, a blank cell is an empty piece, and only the blank cells at the end of the line can have been
 * lost (trimmed with the line's trailing white space).
 */
function isTrimmedTabRow(row: DataRow, cells: readonly TextCell[]): boolean {
  const first = row.values[0];
  const last = row.values.at(-1);
  if (!first || !last?.rowEnd || row.values.some((v) => v.at.line !== first.at.line)) return false;
  const before = cells[row.index - 1];
  if (first.at.column === 1) return before === undefined || before.at.line !== first.at.line;
  return before !== undefined && before.at.line === first.at.line && !isValueText(before.text) && before.text.trim() !== '';
}

/**
 * The row completed with blank cells up to `want`, at the end of its line (see isTrimmedTabRow). A loop into a
 * literal: the spread of the two arrays was at times an array with holes, another kind, and readLabelledTable
 * compiled for rows of packed cells was thrown away when one came.
 */
function padTrimmed(values: readonly TextCell[], want: number): TextCell[] {
  const last = values.at(-1)!;
  const out: TextCell[] = [];
  for (let k = 0; k < values.length; k++) out.push(values[k]!);
  while (out.length < want) out.push({ text: '', at: last.at });
  return out;
}

/**
 * The row with other values: a literal with segmentRows' keys in its order, not `{ ...row, values }`, whose copy had
 * a shape of its own that compiled readers of rows met late (a TAB row trimmed) and were thrown away at.
 */
function withValues(row: DataRow, values: TextCell[]): DataRow {
  return { label: row.label, own: row.own, context: row.context, values, at: row.at, index: row.index, after: row.after, line: row.line };
}

/**
 * @param units the unit the table states for its money columns (header or note); by default read from `cells`.
 * @param tabbed the cells are Word text (rows may be TAB-separated lines whose trailing blank cells were trimmed).
 */
export function readLabelledTable(
  file: string,
  table: TableDef,
  edition: Edition,
  cells: readonly TextCell[],
  units: Record<string, MoneyUnit> = statedUnits(file, table, edition, cells),
  tabbed = false,
): TableCells {
  const segmented = segmentRows(cells, maxValuesOf(table, edition), { fixedWidth: table === APPLICATIONS, widthOf: widthNamedBy(table, edition) });
  const matched = matchRows(file, table, edition, segmented, cells);
  // A TAB-separated row short of figures lost its trailing blank cells: the pieces it prints are in their columns.
  if (tabbed) {
    for (const [def, row] of matched) {
      const want = columnsOf(table, def, edition).length;
      if (row.values.length > 0 && row.values.length < want && isTrimmedTabRow(row, cells)) matched.set(def, withValues(row, padTrimmed(row.values, want)));
    }
  }
  // The rows printed with all their values, and where the first matched row starts (one pass, in matched's order).
  const reference: DataRow[] = [];
  let firstRow = Infinity;
  for (const [d, r] of matched) {
    if (r.values.length === columnsOf(table, d, edition).length) reference.push(r);
    if (r.index < firstRow) firstRow = r.index;
  }
  const header = table.id === 'applications' ? centresFromHeader(cells.slice(0, firstRow), HEADER_WORDS) : null;
  // The header's positions say where the columns stand on its own page only (layout text lays out each page anew).
  const headerPage = pageOf(cells.slice(0, firstRow));
  // Layout text (its figures know their pages): each page's columns from its own figures or the header on that page
  // (layout-columns.ts); positions on one page say nothing of another's.
  const paged = [...matched.values()].some((r) => r.values.some((v) => v.page !== undefined));
  const sameGrid: SameGrid = paged ? (a, b) => a === b : sharedGrids([...matched.values()]);
  const onPages = paged && table.id === 'applications' ? pageColumns([...matched.values()].map((r) => r.values), 7) : null;
  const pageHeaders = onPages ? headersByPage(cells.slice(0, firstRow), HEADER_WORDS) : new Map<number, number[]>();
  const headerFor = (row: DataRow, width: number): number[] | null =>
    onPages && width === 7
      ? columnsOnPage(pageOf(row.values), onPages, pageHeaders)
      : header?.length === width && sameGrid(pageOf(row.values), headerPage) ? header : null;
  const out: TableCells = {};
  const placed = table.id === 'applications' ? placeShortRows(table, edition, matched, reference, headerFor, sameGrid) : null;
  for (const [def, row] of matched) {
    const want = columnsOf(table, def, edition).length;
    const place = placed?.get(def.code);
    if (place) {
      out[def.code] = placedCells(table, def, edition, place);
      continue;
    }
    const short = row.values.length > 0 && row.values.length < want;
    const centres = !short
      ? null
      : table.id === 'proactive'
        ? centresFromLabels(cells.slice(0, row.index), columnsOf(table, def, edition).map((c) => columnDef(table, c).zh))
        : centresFromRows(row, reference, want, sameGrid) ?? headerFor(row, want);
    const values =
      row.values.length === 0
        ? Array.from({ length: want }, () => ({ text: '', at: row.at }))
        : short ? placeByPosition(row, centres) ?? row.values : row.values;
    expectCount(file, table, def, row.at, values, want);
    out[def.code] = readCells(table, def, edition, values, units);
  }
  return out;
}

/**
 * Table 三 with short rows (layout text prints nothing for a blank cell): every row placed jointly by positions and
 * the arithmetic (place-columns.ts). Null when every row prints all its figures.
 */
function placeShortRows(
  table: TableDef, edition: Edition, matched: Map<RowDef, DataRow>, reference: readonly DataRow[],
  headerFor: (row: DataRow, width: number) => number[] | null, sameGrid: SameGrid,
): Map<string, PlacedRow> | null {
  const want = (def: RowDef): number => columnsOf(table, def, edition).length;
  const rows = [...matched.entries()];
  if (!rows.some(([def, r]) => r.values.length > 0 && r.values.length < want(def))) return null;
  const width = Math.max(...rows.map(([def]) => want(def)));
  // （六） printed as its sub-rows only, or as the row alone, is no row missing (the template allows both).
  const defs = rowsOf(table, edition);
  const others = otherRows(defs);
  const missing = new Set(defs.filter((d) => !matched.has(d) && !mayBeMissing(d, matched, others)).map((d) => d.code));
  return placeApplicationRows(rows.map(([def, r]) => ({
    code: def.code,
    values: r.values,
    centres: r.values.length < width ? centresFromRows(r, reference, width, sameGrid) ?? headerFor(r, width) : null,
  })), width, missing);
}

/** A placed row's cells: undecided columns flagged (text, with the note), figures the arithmetic placed inferred. */
function placedCells(table: TableDef, def: RowDef, edition: Edition, place: PlacedRow): Record<string, Cell> {
  const cells = readCells(table, def, edition, place.values);
  columnsOf(table, def, edition).forEach((code, k) => {
    const note = place.flagged.get(k);
    const cell = cells[code]!;
    if (note !== undefined) cells[code] = { kind: 'text', value: null, raw: cell.raw ?? '', note, ...(cell.source ? { source: cell.source } : {}) };
    else if (place.inferredBy && cell.kind === 'number') cells[code] = { ...cell, kind: 'inferred', inferredBy: place.inferredBy };
  });
  return cells;
}

export function readProactive(file: string, edition: Edition, cells: readonly TextCell[], units?: Record<string, MoneyUnit>, tabbed = false): TableCells {
  return readLabelledTable(file, PROACTIVE, edition, cells, units, tabbed);
}

export function readApplications(file: string, edition: Edition, cells: readonly TextCell[], tabbed = false): TableCells {
  return readLabelledTable(file, APPLICATIONS, edition, cells, undefined, tabbed);
}

/** Table 四's 15 cells in their own columns (layout-appeals-place.ts addsUp's placement of figures in order). */
const IN_ORDER = Array.from({ length: APPEALS_WIDTH }, (_, c) => c);

/** Whether each of table 四's three groups' four results add up to its 总计, a blank counted as 0. */
function appealsAddUp(values: readonly TextCell[]): boolean {
  if (values.length !== APPEALS_WIDTH) return false;
  const figures: number[] = [];
  for (const c of values) {
    const cell = readValue(c.text);
    const figure = cell.kind === 'blank' ? 0 : cell.kind === 'number' ? cell.value : null;
    if (figure === null) return false;
    figures.push(figure);
  }
  return addsUp(figures, IN_ORDER);
}

/**
 * Table 四 has one row of 15 figures and no row labels: the figures after its header, in template order. `layout`:
 * the cells are layout text, whose wrapped headers and figures layout-appeals.ts reads first.
 */
export function readAppeals(file: string, edition: Edition, cells: readonly TextCell[], layout = false, tabbed = false): TableCells {
  const placed = layout ? layoutAppeals(cells) : null;
  if (placed) {
    const out: TableCells = {};
    for (const row of APPEALS.rows) out[row.code] = placedCells(APPEALS, row, edition, placed.get(row.code)!);
    return out;
  }
  const want = APPEALS.rows.length * APPEALS.columns.length;
  let rows = segmentRows(cells, want).rows.filter((r) => !isBlankRow(r) || r.values.length === want);
  // Rows of blanks beside the row of figures are layout (Word's hidden trailer row), not data.
  rows = rows.some((r) => !isBlankRow(r)) ? rows.filter((r) => !isBlankRow(r)) : rows.slice(0, 1);
  let values = dropLeadingBlanks(rows.flatMap((r) => r.values), want);
  // Layout text prints nothing for a blank cell: place a short row of figures under its column headers, and read
  // a table that prints its header but no figure at all as a row of blanks.
  if (rows.length <= 1 && values.length < want) {
    const first = rows[0];
    const header = cells.slice(0, first?.index ?? cells.length).filter((c) => APPEALS_HEADER_WORDS.has(normalizeText(c.text)));
    const centres = centresFromClusters(header, want);
    if (first) values = placeByPosition(first, centres) ?? values;
    else if (centres && header[0]) values = centres.map(() => ({ text: '', at: header[0]!.at }));
  }
  // Word text: one TAB-separated line of figures whose trailing blank cells were trimmed, read from the first
  // column on — only when the three groups then add up (an empty piece before the figures, which Word copies for a
  // header merged down, would shift every figure by one).
  if (tabbed && rows.length === 1 && values.length < want && values.length > 0 && isTrimmedTabRow(withValues(rows[0]!, values), cells)) {
    const padded = padTrimmed(values, want);
    if (appealsAddUp(padded)) values = padded;
  }
  // …and a line of blank cells only is trimmed to nothing: a header over no figure at all is a row of blanks.
  const lastHeader = tabbed && rows.length === 0 ? [...cells].reverse().find((c) => APPEALS_HEADER_WORDS.has(normalizeText(c.text))) : undefined;
  if (lastHeader) values = Array.from({ length: want }, () => ({ text: '', at: lastHeader.at }));
  if (values.length !== want) {
    throw new InputError(
      `${tableName(APPEALS)}: expected ${want} figures (行政复议 and two kinds of 行政诉讼, 5 each), found ${values.length}`,
      file,
      rows[0]?.at,
    );
  }
  const out: TableCells = {};
  APPEALS.rows.forEach((row, r) => {
    out[row.code] = readCells(APPEALS, row, edition, values.slice(r * 5, r * 5 + 5));
  });
  return out;
}
