/**
 * Layout text of table 三 printed with narrow figure columns (an office suite's PDF): a figure wider than its column
 * is broken in its cell, and as the row's cells are centred the row prints on three lines — the first digits of the
 * wide figures above ("108 … 141"), the row's other figures on the middle line ("246 0 0 87 0"), the rest of the wide
 * figures below ("0 … 3"): 1080, 246, 0, 0, 87, 0, 1413. Join such a row back into one line of its 7 figures, on the
 * middle line, when and only when
 * - the lines above and below print the same number of figures, each pair at the same position (within a slot), in
 *   columns where the middle line prints none, and the three lines print exactly the row's 7 figures;
 * - each upper piece has at least two digits, and no figure printed whole in its column on the page is wider (a
 *   figure breaks where the column is full);
 * - the row then adds up: the six applicant columns sum to 总计.
 * Anything else is left as printed (the rows are then read, flagged or refused as they stand). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { layoutLines } from './layout-lines.ts';
import { readValue } from './read-value.ts';

const DIGITS = /^\d+$/;
const width = (c: TextCell): number => [...c.text].length;

export function joinBrokenFigures(cells: readonly TextCell[], columns: number): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  const figures = (line: readonly TextCell[]): TextCell[] => line.filter((c) => readValue(c.text).kind === 'number');
  const replace = new Map<readonly TextCell[], TextCell[]>();
  const joinedLines = new Set<number>();
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, middle, below] = [lines[i - 1]!, lines[i]!, lines[i + 1]!];
    if (joinedLines.has(i - 1) || middle[0]!.at.line! !== above[0]!.at.line! + 1 || below[0]!.at.line! !== middle[0]!.at.line! + 1) continue;
    const [top, mid, bottom] = [figures(above), figures(middle), figures(below)];
    if (top.length === 0 || top.length !== bottom.length || mid.length === 0 || top.length + mid.length !== columns) continue;
    const paired = top.every((t, j) => {
      const b = bottom[j]!;
      return DIGITS.test(t.text) && DIGITS.test(b.text) && width(t) >= 2 && Math.abs(t.x! - b.x!) <= 1 && !mid.some((m) => Math.abs(m.x! - t.x!) <= 1);
    });
    if (!paired) continue;
    // A figure breaks only where its column is full: no figure printed whole in that column on the page is wider.
    const page = middle[0]!.page;
    const whole = lines.flatMap((l, k) => (k < i - 1 || k > i + 1) && l[0]!.page === page ? figures(l) : []);
    const overlaps = (w: TextCell, t: TextCell): boolean => w.x! <= t.x! + width(t) && w.x! + width(w) >= t.x!;
    if (top.some((t) => whole.some((w) => overlaps(w, t) && width(w) > width(t)))) continue;
    const joined: TextCell[] = [...top.map((t, j) => ({ ...t, text: t.text + bottom[j]!.text, rowEnd: false })), ...mid.map((m) => ({ ...m, rowEnd: false }))];
    joined.sort((a, b) => a.x! - b.x!);
    const values = joined.map((c) => readValue(c.text).value ?? 0);
    if (values.slice(0, -1).reduce((s, v) => s + v, 0) !== values.at(-1)) continue;
    const keep = (line: readonly TextCell[], drop: readonly TextCell[]): TextCell[] => line.filter((c) => !drop.includes(c));
    replace.set(above, keep(above, top));
    replace.set(middle, [...keep(middle, mid), ...joined]);
    replace.set(below, keep(below, bottom));
    joinedLines.add(i).add(i + 1);
  }
  if (replace.size === 0) return [...cells];
  const out: TextCell[] = [];
  for (const line of lines) {
    const kept = (replace.get(line) ?? line).map((c) => ({ ...c, rowEnd: false }));
    if (kept.length === 0) continue;
    kept[kept.length - 1] = { ...kept.at(-1)!, rowEnd: true };
    out.push(...kept);
  }
  return out;
}
