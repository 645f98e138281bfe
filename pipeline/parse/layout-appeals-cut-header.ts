/**
 * Table 四 whose leaf headers are cut by a page break (the next page lays them out on another grid, so their stacks do
 * not read as 15 header columns), read when the figures under them leave no doubt: a table printing no figure at all
 * (every cell blank), or exactly the 15 figures in order. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { APPEALS } from '../model/template.ts';
import { isValueText } from '../ingest/read-value.ts';
import { WIDTH, addsUp, numberOf } from './layout-appeals-place.ts';
import type { PlacedRow } from './place-columns.ts';
import { LEAVES, allLeafHeaders, isLeafText } from './layout-appeals-headers.ts';
import { type AppealsLine, figureOf, figureStacks, lineFragments } from './layout-appeals-stacks.ts';

/**
 * A table 四 that prints its header and no figure at all, its leaf headers cut by a page break: every character of the
 * three groups' leaf headers is there (结果维持 … 总计, three times), and not one figure or dash in the section. Its
 * cells are all blank, as printed.
 */
export function blankTable(lines: readonly AppealsLine[]): boolean {
  const fragments = lines.flatMap(lineFragments);
  return !fragments.some((f) => isValueText(f.text)) && allLeafHeaders(fragments);
}

/** Table 四's rows, every cell blank. */
export function blankRows(at: TextCell['at']): Map<string, PlacedRow> {
  const out = new Map<string, PlacedRow>();
  for (const row of APPEALS.rows) out.set(row.code, { values: Array.from({ length: LEAVES.length }, (): TextCell => ({ text: '', at })), flagged: new Map() });
  return out;
}

/**
 * A table 四 whose leaf headers are cut by a page break (they do not stack), with its figures under them: every
 * character of the leaf headers is there, and after the last line holding one, the section prints figures (or dashes)
 * only, exactly 15 of them (on one line; or on several, wrapped digits stacked as under a whole header, "12 / 0", and
 * then each row's 总计 must be its four results). They are the 15 cells in order, as printed (no blank among them).
 */
export function figuresUnderCutHeader(lines: readonly AppealsLine[]): TextCell[] | null {
  const headerLines = lines.filter((l) => lineFragments(l).some((f) => isLeafText(f.text)));
  if (headerLines.length === 0 || !allLeafHeaders(headerLines.flatMap(lineFragments).filter((f) => isLeafText(f.text)))) return null;
  const below = lines.filter((l) => l.line > headerLines.at(-1)!.line);
  if (below.length === 0 || lines.some((l) => l.line <= headerLines.at(-1)!.line && lineFragments(l).some((f) => isValueText(f.text)))) return null;
  const tokens = below.flatMap(lineFragments);
  if (!tokens.every((f) => isValueText(f.text))) return null;
  const stacks = figureStacks(tokens);
  if (stacks.length !== WIDTH) return null;
  const figures = stacks.map(figureOf);
  // Read over several lines, the stacks must add up as table 四 does (each row's 总计 = its four results).
  if (below.length > 1 && !addsUp(figures.map((f) => numberOf(f.text)), Array.from({ length: WIDTH }, (_, c) => c))) return null;
  return figures;
}
