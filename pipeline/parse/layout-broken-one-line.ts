/**
 * A figure of table 三 printed in layout text with a space between its thousands, as two cells on the row's line
 * ("1 020 0 0 0 62 0 1082"): joined when that is the only reading that adds up. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { joined, onlyGrouping } from './layout-thousands.ts';
import { type Joining, addsUp, figures, next } from './layout-broken-pieces.ts';

/** Join the figures broken at a thousands space on one line. */
export function joinOneLine(s: Joining): void {
  const { lines, columns, replace, joinedLines } = s;
  // One line: a figure printed with a space between its thousands, as two cells — one space apart, or wider (an
  // ideographic or no-break space: "2    304   359 … 2843") when joining is the only reading that adds up: not as
  // printed, nor with the line above or below (a row printing a figure a line off), nor joined another way.
  for (const [i, line] of lines.entries()) {
    const all = figures(line);
    if (joinedLines.has(i) || all.length < 2 || !line.slice(line.length - all.length).every((c) => all.includes(c))) continue;
    let together = all.length > columns ? joined(all) : all;
    if (together.length !== columns || !addsUp(together)) {
      const around = [lines[i - 1], lines[i + 1]].filter((l): l is TextCell[] => l !== undefined && (next(l, line) || next(line, l)));
      if (around.some((l) => !joinedLines.has(lines.indexOf(l)) && figures(l).length > 0 && addsUp([...figures(l), ...all]))) continue;
      const only = onlyGrouping(all, (g) => g.length <= columns && addsUp(g));
      if (only === undefined) continue;
      together = only;
    }
    replace.set(line, [...line.slice(0, line.length - all.length), ...together]);
    joinedLines.add(i);
  }
}
