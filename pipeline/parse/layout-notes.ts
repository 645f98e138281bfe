/**
 * Layout text of a narrow value cell that holds a note beside its figure ("3843（含 / 转办 / 1281 / 件）"): the
 * cell's text is wrapped over several lines, above and below the line that prints the row's other figures, in the
 * figure columns. Join such a stack back into one cell of that line, read top to bottom ("3843（含转办1281件）", a
 * figure with its note), so that the row has its figure and no stray lines. Only a stack that reads as a figure and
 * spans exactly one line of figures is joined; anything else is left as printed. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { layoutLines } from './layout-lines.ts';
import { isValueText, readValue } from './read-value.ts';

/** Pieces of one cell stand within this many character slots of each other… */
const SAME_CELL = 3;
/** …on lines at most this many apart. */
const NEXT_LINE = 2;

interface Piece {
  cell: TextCell;
  line: number;
  x: number;
}

export function joinCellNotes(cells: readonly TextCell[]): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  const values = (line: readonly TextCell[]): TextCell[] => line.filter((c) => isValueText(c.text));
  // Where the figure columns begin: the median of the first figure's position on lines of several figures.
  const firsts = lines.filter((l) => values(l).length >= 2).map((l) => values(l)[0]!.x!).sort((a, b) => a - b);
  if (firsts.length === 0) return [...cells];
  const limit = firsts[Math.floor(firsts.length / 2)]!;
  // Text in the figure columns: pieces of a note (a label never stands there), and figures alone on their line (beside a label's piece, perhaps).
  const pieces: Piece[] = [];
  for (const line of lines) {
    for (const c of line) {
      if (c.x! > limit && (!isValueText(c.text) || values(line).length === 1)) pieces.push({ cell: c, line: c.at.line!, x: c.x! });
    }
  }
  if (!pieces.some((p) => !isValueText(p.cell.text))) return [...cells];
  const stacks: Piece[][] = [];
  for (const p of pieces) {
    const s = stacks.find((st) => p.line - st.at(-1)!.line <= NEXT_LINE && p.line > st.at(-1)!.line && Math.abs(st.at(-1)!.x - p.x) <= SAME_CELL);
    if (s) s.push(p);
    else stacks.push([p]);
  }
  const drop = new Set<TextCell>();
  const insert = new Map<TextCell[], TextCell>();
  for (const stack of stacks) {
    if (stack.every((p) => isValueText(p.cell.text))) continue;
    const first = stack[0]!.line;
    const last = stack.at(-1)!.line;
    const all = stack.map((p) => p.cell);
    const text = all.map((c) => c.text.trim()).join('');
    if (readValue(text).kind !== 'number') continue;
    const target = lines.filter((l) => values(l).length >= 2 && l[0]!.at.line! > first && l[0]!.at.line! < last);
    if (target.length !== 1) continue;
    for (const c of all) drop.add(c);
    insert.set(target[0]!, { text, at: all[0]!.at, x: Math.min(...all.map((c) => c.x!)) });
  }
  const out: TextCell[] = [];
  for (const line of lines) {
    const kept: TextCell[] = line.filter((c) => !drop.has(c)).map((c) => ({ ...c, rowEnd: false }));
    const added = insert.get(line);
    if (added) {
      const at = kept.findIndex((c) => c.x! > added.x!);
      kept.splice(at < 0 ? kept.length : at, 0, added);
    }
    if (kept.length === 0) continue;
    kept[kept.length - 1] = { ...kept.at(-1)!, rowEnd: true };
    out.push(...kept);
  }
  return out;
}
