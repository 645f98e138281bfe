/**
 * Layout text of table 三 printed with narrow figure columns (an office suite's PDF): a figure wider than its column
 * is broken in its cell. As the row's cells are centred, the row prints on three lines — the first digits of the
 * wide figures above ("108 … 141"), the row's other figures on the middle line ("246 0 0 87 0"), the rest of the wide
 * figures below ("0 … 3"): 1080, 246, 0, 0, 87, 0, 1413 — or on two, the row's line holding the first digits of the
 * wide figures beside the others ("238 788 0 0 0 0 317" / "6 … 4": 2386 … 3174). A figure printed with a space
 * between its thousands ("2 845") breaks at the space, or stays on one line as two cells ("1 020 0 0 0 62 0 1082").
 * Join such a row back into one line of its 7 figures when and only when
 * - (three lines) the lines above and below print the same number of figures, each pair at the same position (within
 *   a slot; full-width digits, a slot each, centred within a slot: "１６２" / "２"), in columns where the middle line prints none, and the three lines print exactly the row's 7 figures;
 *   (two lines) one line prints the row's 7 figures, the line under it figures only, each centred (within a slot)
 *   under one of them, and the 7 do not add up as printed;
 *   (one line) the line prints more than 7 figures and joining the groups one space apart ("1 020") gives 7;
 * - each upper piece of a broken figure has at least two digits, and no figure printed whole in its column on the page
 *   is wider (a figure breaks where the column is full) — unless the lower piece is a thousands group of 3 digits;
 * - the row then adds up: the six applicant columns sum to 总计.
 * Full-width digits read as digits, and a note mark may follow the lower piece ("14*"). Anything else is left as
 * printed (the rows are then read, flagged or refused as they stand). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { joinPageCutFigures } from './layout-cut-figure.ts';
import { layoutLines, withLinesReplaced } from './layout-lines.ts';
import type { Joining } from './layout-broken-pieces.ts';
import { joinThreeLines } from './layout-broken-three.ts';
import { joinTwoLines } from './layout-broken-two.ts';
import { joinOneLine } from './layout-broken-one-line.ts';
import { joinStackedDigits } from './layout-broken-stacked.ts';

/** The rows of broken figures joined: on one page (below), then a row broken at a page's foot (layout-cut-figure.ts). */
export function joinBrokenFigures(cells: readonly TextCell[], columns: number): TextCell[] {
  return joinPageCutFigures(joinOnPage(cells, columns));
}

function joinOnPage(cells: readonly TextCell[], columns: number): TextCell[] {
  if (!cells.every((c) => c.at.line !== undefined && c.x !== undefined)) return [...cells];
  const { lines, rest } = layoutLines(cells);
  if (rest.length > 0) return [...cells];
  const replace = new Map<readonly TextCell[], TextCell[]>();
  const page: Joining = { lines, columns, replace, joinedLines: new Set<number>() };
  // In this order: a line joined one way is not joined another.
  joinThreeLines(page);
  joinTwoLines(page);
  joinOneLine(page);
  // Full-width digits one per line in a column one character wide (layout-broken-stacked.ts).
  joinStackedDigits(page);
  if (replace.size === 0) return [...cells];
  return withLinesReplaced(lines, replace);
}
