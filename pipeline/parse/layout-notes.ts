/**
 * Layout text of a narrow value cell that holds a note beside its figure ("3843（含 / 转办 / 1281 / 件）"): the
 * cell's text is wrapped over several lines, above and below the line that prints the row's other figures, in the
 * figure columns. Join such a stack back into one cell of that line, read top to bottom ("3843（含转办1281件）", a
 * figure with its note), so that the row has its figure and no stray lines. Only a stack that reads as a figure and
 * spans exactly one line of figures is joined; anything else is left as printed.
 *
 * The cell may also start on the row's line itself (its figure or the figure's first digits there: "377 / 5（含 /
 * 转办 / 1259 / 件）", "7（含 / 转办 3 / 件）"), and a page break may cut it: the rest stands at the top of the next
 * page, where pdftotext lays the columns out anew (a few slots off). A stack that ends the figure columns of a page
 * goes on with the one that starts those of the next, when each is the only one there. Such a join is kept only when
 * the row then adds up (its figures before the last sum to the last, 总计). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { layoutLines } from './layout-lines.ts';
import { isValueText, readValue } from '../ingest/read-value.ts';
import { sumsToLast } from './layout-centres.ts';

/** Pieces of one cell stand within this many character slots of each other… */
const SAME_CELL = 3;
/** …on lines at most this many apart. */
const NEXT_LINE = 2;

interface Piece {
  cell: TextCell;
  line: number;
  x: number;
  /** The row's own figure (or its first digits) on a line of figures, that the cell's text goes on under. */
  top?: boolean;
}

/** Whether a line's figures before the last add up to the last (the six applicant columns to 总计). */
function addsUp(line: readonly TextCell[]): boolean {
  const values = line.map((c) => readValue(c.text)).filter((v) => v.kind === 'number').map((v) => v.value!);
  return values.length >= 2 && sumsToLast(values);
}

export function joinCellNotes(cells: readonly TextCell[]): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  // Each line's value cells, taken once (asked for every cell of the line and again for every stack).
  const valuesOf = new Map(lines.map((l) => [l as readonly TextCell[], l.filter((c) => isValueText(c.text))]));
  const values = (line: readonly TextCell[]): TextCell[] => valuesOf.get(line)!;
  // Where the figure columns begin: the median of the first figure's position on lines of several figures.
  const firsts = lines.filter((l) => values(l).length >= 2).map((l) => values(l)[0]!.x!).sort((a, b) => a - b);
  if (firsts.length === 0) return [...cells];
  const limit = firsts[Math.floor(firsts.length / 2)]!;
  const rowLine = (l: readonly TextCell[]): boolean => values(l).length >= 2;
  // Text in the figure columns: pieces of a note (a label never stands there), and figures alone on their line (beside a label's piece, perhaps).
  const pieces: Piece[] = [];
  for (const [k, line] of lines.entries()) {
    for (const c of line) {
      if (c.x! <= limit) continue;
      if (!isValueText(c.text) || values(line).length === 1) {
        pieces.push({ cell: c, line: c.at.line!, x: c.x!, ...(rowLine(line) ? { top: true } : {}) });
        continue;
      }
      // The row's last figure with a piece of note text right under it: the top of a wrapped cell.
      const below = lines[k + 1];
      const last = values(line).at(-1) === c && line.at(-1) === c;
      if (last && below && below[0]!.at.line === c.at.line! + 1 && below.some((b) => !isValueText(b.text) && b.x! > limit && Math.abs(b.x! - c.x!) <= SAME_CELL)) {
        pieces.push({ cell: c, line: c.at.line!, x: c.x!, top: true });
      }
    }
  }
  if (!pieces.some((p) => !isValueText(p.cell.text))) return [...cells];
  const stacks: Piece[][] = [];
  for (const p of pieces) {
    // The row's own figure starts a stack; note text on the row's line goes on one above it, if any.
    const figure = p.top && isValueText(p.cell.text);
    const s = figure ? undefined : stacks.find((st) => p.line - st.at(-1)!.line <= NEXT_LINE && p.line > st.at(-1)!.line && Math.abs(st.at(-1)!.x - p.x) <= SAME_CELL);
    if (s) s.push({ ...p, top: false });
    else stacks.push([p]);
  }
  // A page break cutting a cell: the only stack after the last line of figures of a page goes on with the only one
  // before the first line of figures of the next page.
  const pageOf = (p: Piece): number | undefined => p.cell.page;
  const rowLines = lines.filter(rowLine).map((l) => ({ line: l[0]!.at.line!, page: l[0]!.page }));
  const crossed = new Set<Piece[]>();
  for (const page of new Set(pieces.map(pageOf))) {
    if (page === undefined) continue;
    const lastRow = Math.max(...rowLines.filter((r) => r.page === page).map((r) => r.line));
    const firstNext = Math.min(...rowLines.filter((r) => r.page === page + 1).map((r) => r.line));
    const ending = stacks.filter((st) => pageOf(st.at(-1)!) === page && st.at(-1)!.line >= lastRow);
    const starting = stacks.filter((st) => pageOf(st[0]!) === page + 1 && st.at(-1)!.line < firstNext && !st[0]!.top);
    if (ending.length !== 1 || starting.length !== 1) continue;
    ending[0]!.push(...starting[0]!);
    stacks.splice(stacks.indexOf(starting[0]!), 1);
    crossed.add(ending[0]!);
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
    const top = stack[0]!.top === true;
    // A row printing one figure beside the note's middle piece ("7（含转" / "7 … 办3" / "件）": 7, 7（含转办3件）) is a
    // line of figures too, when the row then adds up.
    const holds = (l: readonly TextCell[]): boolean => !rowLine(l) && values(l).length === 1 && l.some((c) => all.includes(c));
    const between = (l: readonly TextCell[]): boolean => l[0]!.at.line! > first && l[0]!.at.line! < last;
    const rows = lines.filter((l) => rowLine(l) && between(l));
    const target = top
      ? lines.filter((l) => l[0]!.at.line === first && rowLine(l))
      : rows.length > 0 ? rows : lines.filter((l) => holds(l) && between(l));
    if (target.length !== 1) continue;
    // It stands where its pieces stand on the row's page (the next page's grid is another).
    const page = target[0]![0]!.page;
    const here = all.filter((c) => c.page === page).map((c) => c.x!);
    const x = top || here.length === 0 ? stack[0]!.x : Math.min(...here);
    const joined: TextCell = { text, at: all[0]!.at, x, ...(all[0]!.page === undefined ? {} : { page: all[0]!.page }) };
    if (top || crossed.has(stack) || holds(target[0]!)) {
      const row = [...target[0]!.filter((c) => !all.includes(c)), joined].sort((a, b) => a.x! - b.x!);
      if (!addsUp(row)) continue;
    }
    for (const c of all) drop.add(c);
    insert.set(target[0]!, joined);
  }
  const out: TextCell[] = [];
  for (const line of lines) {
    const kept: TextCell[] = line.filter((c) => !drop.has(c));
    const added = insert.get(line);
    if (added) {
      const at = kept.findIndex((c) => c.x! > added.x!);
      kept.splice(at < 0 ? kept.length : at, 0, added);
    }
    // The line's last cell ends the row, the others do not (a joined cell is marked only when last); a cell already
    // marked so is kept as it is, not copied.
    const last = kept.length - 1;
    for (const [j, c] of kept.entries()) {
      const end = j === last;
      if (c === added) out.push(end ? { ...c, rowEnd: true } : c);
      else out.push(c.rowEnd === end ? c : { ...c, rowEnd: end });
    }
  }
  return out;
}
