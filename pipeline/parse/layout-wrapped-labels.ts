/**
 * Layout text of table 二 printed with a narrow label column (an office suite's PDF): a label wrapped over two lines
 * prints its row's figures on a line of their own between them ("其他对外管理服务事 / 337 0 32 / 项"), as the cells are
 * centred. Read as it stands, that line of figures has no label, and the label-only line above it (a row of blanks,
 * "行政许可") could take its figures. Join the two label pieces and the figures into one line — only when the lines
 * are consecutive, each label piece stands alone on its line, and the joined label is exactly one of the template's
 * row labels (so a row of blanks above keeps its own line). Anything else is left as printed.
 *
 * Header cells of narrow columns print one space apart ("本年新制作数 本年新公开数   对外公开总数"), which layout text
 * cannot tell from one cell: on lines without figures, a single space between two CJK characters separates cells,
 * each at its own position, so that a short row's figures are measured against their own column's header. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { type Edition, type TableDef, rowsOf } from '../model/template.ts';
import { layoutLines } from './layout-lines.ts';
import { labelKey } from './normalize.ts';
import { isValueText } from '../ingest/read-value.ts';

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** A text cell split at single spaces between CJK characters, each piece at its own position. */
function splitHeaderCell(cell: TextCell): TextCell[] {
  const out: TextCell[] = [];
  const text = cell.text;
  let start = 0;
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === ' ' && WIDE.test(text[i - 1]!) && WIDE.test(text[i + 1]!)) {
      out.push({ ...cell, text: text.slice(start, i), x: cell.x! + start, at: { ...cell.at, column: (cell.at.column ?? 1) + start }, rowEnd: false });
      start = i + 1;
    }
  }
  if (out.length === 0) return [cell];
  out.push({ ...cell, text: text.slice(start), x: cell.x! + start, at: { ...cell.at, column: (cell.at.column ?? 1) + start } });
  return out;
}

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
      out.push(...(above.some((c) => isValueText(c.text)) ? above : above.flatMap(splitHeaderCell)));
      continue;
    }
    out.push({ ...above[0]!, text: above[0]!.text.trim() + below![0]!.text.trim(), rowEnd: false }, ...middle!);
    k += 2;
  }
  return [...out, ...rest];
}
