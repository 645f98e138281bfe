/**
 * Layout text splits a figure printed with spaces between its thousands ("47 161", "21 171 100") into one cell per
 * group, as it cannot tell them from cells one space apart. Join them back, line by line, only where the row then
 * has exactly the figures its label's template row has (more cells than that cannot be a row of the table): groups
 * of 1–3 digits followed by groups of exactly 3, one space apart. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { widthNamedBy } from './align.ts';
import { layoutLines } from './layout-lines.ts';
import { isValueText } from '../ingest/read-value.ts';

const HEAD = /^[+\-−]?\d{1,3}$/;
const GROUP = /^\d{3}$/;

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
    const together = values.length > want ? joined(values) : values;
    if (together.length === want && together.length < values.length) {
      together[together.length - 1] = { ...together.at(-1)!, rowEnd: true };
      out.push(...line.slice(0, cut), ...together);
    } else out.push(...line);
  });
  return [...out, ...rest];
}
