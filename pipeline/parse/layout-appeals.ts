/**
 * Table 四 in layout text of an office suite's PDF (`pdftotext -layout`): its 15 narrow columns wrap the leaf headers
 * one or two characters per line ("结 / 果 / 维 / 持", "总 / 计"), wrap a figure one digit per line ("1 / 7" for 17),
 * and print nothing for a blank cell. Read it from the text's own structure:
 * 1. the header columns: fragments of the leaf headers (结果维持, 结果纠正, 其他结果, 尚未审结, 总计) stacked at the
 *    same character position (±1) on successive lines, each stack spelling one header; there must be 15, in the
 *    template's order;
 * 2. the figures: the value-only lines under the header; digits stacked at the same position on several lines are one
 *    figure read top to bottom (the row is one row: a column holds one figure);
 * 3. 15 figures are the 15 cells in order. Fewer: the placements of the figures, in order, into the 15 columns that
 *    add up (each row's 总计 = its four results, blanks 0: appeals.row_total), and of those the one whose figures
 *    stand nearest their headers, when it stands clearly nearer than any other (the column positions of layout text
 *    are only roughly comparable from line to line). Otherwise the cells the placements disagree on are flagged.
 * Never a guess. Null when the section shows no such header (other layouts are read as before). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { APPEALS } from '../model/template.ts';
import { dropPageNumberLines } from './layout-lines.ts';
import { WIDTH, addsUp, choosePlacements, numberOf } from './layout-appeals-place.ts';
import type { PlacedRow } from './place-columns.ts';
import { isValueText } from '../ingest/read-value.ts';
import { type AppealsLine, centreOf, figureOf, figureStacks, lineFragments, linesOf } from './layout-appeals-stacks.ts';
import { headerColumns } from './layout-appeals-headers.ts';
import { blankRows, blankTable, figuresUnderCutHeader } from './layout-appeals-cut-header.ts';
import { columnsOnFiguresPage } from './layout-appeals-cut-columns.ts';

/** Table 四's rows (by template row code) read from layout text, or null when the section is not laid out so. */
export function layoutAppeals(printed: readonly TextCell[]): Map<string, PlacedRow> | null {
  if (printed.length === 0 || !printed.every((c) => c.at.line !== undefined && c.x !== undefined)) return null;
  // A page number ("- 10 -") between the header and the figures, or under them, is no figure.
  const cells = dropPageNumberLines(printed);
  if (cells.length === 0) return null;
  const lines = linesOf(cells);
  let header = headerColumns(lines);
  // Under leaf headers cut by a page break (placed by their pieces on the figures' page), 15 figures must add up too.
  const cut = !header;
  if (!header) {
    if (blankTable(lines)) return blankRows(cells[0]!.at);
    const figures = figuresUnderCutHeader(lines);
    if (figures) {
      const out = new Map<string, PlacedRow>();
      APPEALS.rows.forEach((row, r) => out.set(row.code, { values: figures.slice(r * 5, r * 5 + 5), flagged: new Map() }));
      return out;
    }
    header = columnsOnFiguresPage(lines);
    if (!header) return null;
  }
  // The figures: value-only lines under the header, up to the first line of text after them.
  const below = lines.filter((l) => l.line > header.lastLine);
  const figureLines: AppealsLine[] = [];
  for (const l of below) {
    if (lineFragments(l).every((f) => isValueText(f.text))) figureLines.push(l);
    else if (figureLines.length > 0) break;
    // Text between the header and the figures: not a layout this reads.
    else return null;
  }
  const stacks = figureStacks(figureLines.flatMap(lineFragments));
  const figures: TextCell[] = stacks.map(figureOf);
  const at = figures[0]?.at ?? cells[0]!.at;
  let chosen: number[][];
  let inferred = false;
  let note = '';
  const inOrder = Array.from({ length: WIDTH }, (_, c) => c);
  if (figures.length === WIDTH && (!cut || addsUp(figures.map((f) => numberOf(f.text)), inOrder))) chosen = [inOrder];
  // Nothing under the header to the section's end: a table printing no figure, every cell blank (as printed).
  else if (figures.length === 0 && below.length === 0) chosen = [[]];
  else if (figures.length > WIDTH || figures.some((f) => !isValueText(f.text))) {
    chosen = [];
    note = `layout text: ${figures.length} figures (${figures.map((f) => f.text).join(' ')}) under table 四's ${WIDTH} columns: not read`;
  } else {
    ({ chosen, inferred, note } = choosePlacements(figures.map((f) => f.text), stacks.map(centreOf), header.centres));
  }
  const placed = (p: readonly number[]): TextCell[] => {
    const out = Array.from({ length: WIDTH }, (): TextCell => ({ text: '', at }));
    p.forEach((c, j) => { out[c] = figures[j]!; });
    return out;
  };
  const first = chosen[0] ? placed(chosen[0]) : Array.from({ length: WIDTH }, (): TextCell => ({ text: '', at }));
  const others = chosen.slice(1).map(placed);
  const flagged = (c: number): boolean => chosen.length === 0 || others.some((o) => o[c]!.text !== first[c]!.text);
  const out = new Map<string, PlacedRow>();
  APPEALS.rows.forEach((row, r) => {
    const columns = [0, 1, 2, 3, 4].map((k) => r * 5 + k);
    out.set(row.code, {
      values: columns.map((c) => first[c]!),
      flagged: new Map(columns.filter(flagged).map((c) => [c - r * 5, note])),
      ...(inferred ? { inferredBy: ['appeals.row_total'] } : {}),
    });
  });
  return out;
}
