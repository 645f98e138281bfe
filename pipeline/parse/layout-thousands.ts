/**
 * Layout text splits a figure printed with spaces between its thousands ("47 161", "21 171 100") into one cell per
 * group, as it cannot tell them from cells one space apart. Join them back, line by line, only where the row then
 * has exactly the figures its label's template row has (more cells than that cannot be a row of the table): groups
 * of 1–3 digits followed by groups of exactly 3, one space apart — or, apart by more (an ideographic or no-break space
 * between the groups prints wide: "21 171      100", "2    304"), when only one way of joining them gives the row's
 * cells (a row of one cell: every group one figure). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { widthNamedBy } from './width-named-by.ts';
import { layoutLines } from './layout-lines.ts';
import { isValueText } from '../ingest/read-value.ts';

const HEAD = /^[+\-−]?\d{1,3}$/;
const GROUP = /^\d{3}$/;
/** A figure's first group, where groups stand apart: no leading zero ("001 100" is no figure). */
const FIRST = /^[+\-−]?(?:[1-9]\d{0,2})$/;
/** A figure's last group may carry its decimals ("4 612.09" 万元). */
const LAST_GROUP = /^\d{3}\.\d+$/;
/** More cells than that on one line are no row of figures to regroup. */
const MAX_CELLS = 16;

/**
 * Every reading of the cells, left to right, as figures whose thousands groups layout text split into cells, however
 * far apart: each run of a head (1–3 digits, no leading zero, a sign) and groups of exactly 3 digits may be one figure. The first
 * reading is the cells as printed.
 */
function* groupings(values: readonly TextCell[]): Generator<TextCell[]> {
  if (values.length > MAX_CELLS) {
    yield [...values];
    return;
  }
  function* walk(k: number, acc: readonly TextCell[]): Generator<TextCell[]> {
    if (k === values.length) {
      yield [...acc];
      return;
    }
    const head = values[k]!;
    yield* walk(k + 1, [...acc, head]);
    if (!FIRST.test(head.text)) return;
    let text = head.text;
    for (let j = k + 1; j < values.length; j++) {
      const group = values[j]!.text;
      if (!GROUP.test(group) && !LAST_GROUP.test(group)) break;
      text += ` ${group}`;
      yield* walk(j + 1, [...acc, { ...head, text }]);
      if (LAST_GROUP.test(group)) break;
    }
  }
  yield* walk(0, []);
}

/**
 * The one reading of the cells with groups joined that `fits` (a row's width, its arithmetic), when the cells as
 * printed do not fit: undefined when they do, or when no joined reading fits, or more than one does (the readings
 * are made one at a time, and no more once a second one fits).
 */
export function onlyGrouping(values: readonly TextCell[], fits: (cells: readonly TextCell[]) => boolean): TextCell[] | undefined {
  const readings = groupings(values);
  const printed = readings.next();
  if (printed.done || fits(printed.value)) return undefined;
  let found: TextCell[] | undefined;
  for (const reading of readings) {
    if (!fits(reading)) continue;
    if (found) return undefined;
    found = reading;
  }
  return found;
}

/** The line's trailing value cells with the thousands groups joined: runs of cells one space apart. */
export function joined(values: readonly TextCell[]): TextCell[] {
  const out: TextCell[] = [];
  for (const cell of values) {
    const last = out.at(-1);
    const adjacent = last?.x !== undefined && cell.x !== undefined && cell.x === last.x + [...last.text].length + 1;
    const head = last?.text.replace(/ \d{3}/g, '');
    if (last && adjacent && GROUP.test(cell.text) && HEAD.test(head ?? '')) out[out.length - 1] = { ...last, text: `${last.text} ${cell.text}` };
    else out.push(cell);
  }
  return out;
}

export function joinThousands(cells: readonly TextCell[], table: TableDef, edition: Edition): TextCell[] {
  const maxValues = Math.max(...rowsOf(table, edition).map((r) => columnsOf(table, r, edition).length));
  const namedWidth = widthNamedBy(table, edition);
  const widthOf = (label: string): number => namedWidth(label) ?? maxValues;
  const { lines, rest } = layoutLines(cells);
  const labelOf = (line: readonly TextCell[] | undefined): string =>
    line && !line.some((c) => isValueText(c.text)) ? line.map((c) => c.text).join('') : '';
  const out: TextCell[] = [];
  lines.forEach((line, k) => {
    let cut = line.length;
    while (cut > 0 && isValueText(line[cut - 1]!.text)) cut--;
    const values = line.slice(cut);
    // A row's label wrapped around its figures ("行政事业性收 / 21 171 100 / 费") stands on the lines about them.
    const label = cut > 0 ? line[cut - 1]!.text : labelOf(lines[k - 1]) + labelOf(lines[k + 1]);
    const want = widthOf(label);
    let together = values.length > want ? joined(values) : values;
    // Groups apart by more than a space: joined only when that is the one reading with the row's cells.
    if (together.length !== want && values.length > want) together = onlyGrouping(values, (g) => g.length === want) ?? together;
    if (together.length === want && together.length < values.length) {
      together[together.length - 1] = { ...together.at(-1)!, rowEnd: true };
      out.push(...line.slice(0, cut), ...together);
    } else out.push(...line);
  });
  return [...out, ...rest];
}
