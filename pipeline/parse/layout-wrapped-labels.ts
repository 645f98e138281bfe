/**
 * Layout text of table 二 printed with a narrow label column (an office suite's PDF): a label wrapped over two lines
 * prints its row's figures on a line of their own between them ("其他对外管理服务事 / 337 0 32 / 项"), as the cells are
 * centred. Read as it stands, that line of figures has no label, and the label-only line above it (a row of blanks,
 * "行政许可") could take its figures. Join the two label pieces and the figures into one line — only when the lines
 * are consecutive, each label piece stands alone on its line, and the joined label is exactly one of the template's
 * row labels (so a row of blanks above keeps its own line). Anything else is left as printed. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type TableDef, rowsOf } from '../model/template.ts';
import { layoutLines } from './layout-lines.ts';
import { labelKey } from './normalize.ts';
import { isValueText } from './read-value.ts';

export function joinWrappedLabels(cells: readonly TextCell[], table: TableDef, edition: Edition): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const labels = new Set(rowsOf(table, edition).flatMap((r) => [r.zh, ...(r.aliases ?? [])]).map(labelKey));
  const { lines, rest } = layoutLines(cells);
  const lineOf = (line: readonly TextCell[] | undefined): number => line?.[0]?.at.line ?? -Infinity;
  const labelOnly = (line: readonly TextCell[] | undefined): boolean => line?.length === 1 && !isValueText(line[0]!.text);
  const out: TextCell[] = [];
  for (let k = 0; k < lines.length; k++) {
    const [above, middle, below] = [lines[k]!, lines[k + 1], lines[k + 2]];
    const joins =
      labelOnly(above) && labelOnly(below) && middle !== undefined && middle.every((c) => isValueText(c.text)) &&
      lineOf(middle) === lineOf(above) + 1 && lineOf(below) === lineOf(middle) + 1 &&
      labels.has(labelKey(above[0]!.text + below![0]!.text));
    if (!joins) {
      out.push(...above);
      continue;
    }
    out.push({ ...above[0]!, text: above[0]!.text.trim() + below![0]!.text.trim(), rowEnd: false }, ...middle!);
    k += 2;
  }
  return [...out, ...rest];
}
