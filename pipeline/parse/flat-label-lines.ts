/**
 * Lines of a lossy table that hold a label alone: which template row a label names, a label wrapped over several
 * lines, the rows of blank cells a rendering that keeps its table rows prints (Markdown), and what raw pdftotext's
 * text tells about its rows (which labels stand in the table at all, which stand alone in their place). Pure.
 */
import type { RowDef } from '../model/template.ts';
import { type FlatLine, isGroupHeading, ownLabel } from './flat-rows.ts';
import { labelRecall, normalizeText, startsItem } from './normalize.ts';
import type { GapEvidence } from './place-unlabelled.ts';
import type { DataRow } from './segment.ts';

/** Below this, a row's label does not match the template row it is aligned with. */
export const MIN_LABEL_SCORE = 0.3;

/**
 * A label alone names a row when it holds most of that row's label, and no other's as much: between the rows placed
 * around it, most (OCR slips lose a few bigrams); as a row among the rows placed by order, nearly all.
 */
const BLANK_ROW_RECALL = 0.6;
export const ANCHOR_RECALL = 0.9;

export function namesRow(label: string, defs: readonly RowDef[], min = BLANK_ROW_RECALL): RowDef | undefined {
  const scored = defs.map((d) => ({ d, r: Math.max(...[d.zh, ...(d.aliases ?? [])].map((z) => labelRecall(label, z))) })).sort((a, b) => b.r - a.r);
  const [best, second] = scored;
  return best && best.r >= min && (!second || second.r < best.r) ? best.d : undefined;
}

/**
 * A label-only line's own label with the label-only lines after it that carry it on (no new item, not a row's label
 * by itself): a wrapped label.
 */
export function wrappedLabel(lines: readonly FlatLine[], line: FlatLine, defs: readonly RowDef[]): string {
  let text = ownLabel(line.label).own;
  for (let k = line.index + 1; k < lines.length && k <= line.index + 2; k++) {
    const next = lines[k]!;
    if (next.run !== '' || next.cells || startsItem(next.label)) break;
    if (defs.some((d) => labelRecall(next.label, d.zh) >= 0.9)) break;
    text += normalizeText(next.label);
  }
  return text;
}

/**
 * Lines of a label alone that name a template row clearly, in a rendering that keeps its table rows (Markdown): rows
 * whose cells are all blank. They stand among the rows when rows without a label are placed by order. Not a group heading, nor the first part of a
 * label whose figures follow on the next line.
 */
export function blankRows(lines: readonly FlatLine[], defs: readonly RowDef[], headings: readonly string[]): DataRow[] {
  // Only where rows keep their order (Markdown's table rows): raw pdftotext writes moved labels after the figures.
  if (!lines.some((l) => l.cells)) return [];
  return lines.flatMap((l) => {
    if (l.run !== '' || l.cells || isGroupHeading(l.label, headings)) return [];
    // Not the first part of a label whose figures follow on the next line — unless it names a row whole by itself,
    // joining the next line's label names no other row, and that label alone names another row ("行政处罚" before
    // "行攻强制 | 2", a row OCR garbled: its figures are not 行政处罚's).
    const next = lines[l.index + 1];
    const alone = namesRow(ownLabel(l.label).own, defs, ANCHOR_RECALL);
    const nextRow = next ? namesRow(ownLabel(next.label).own, defs, MIN_LABEL_SCORE) : undefined;
    const whole = alone !== undefined && nextRow !== undefined && nextRow !== alone &&
      namesRow(ownLabel(l.label).own + normalizeText(next!.label), defs, ANCHOR_RECALL) === alone;
    if (!whole && next && (next.run !== '' || next.cells) && next.label !== '' && !startsItem(next.label)) return [];
    // Nor the end of a label whose figures stand on the row before (that row's label names no row by itself).
    const before = lines[l.index - 1];
    if (before && (before.run !== '' || before.cells) && !startsItem(l.label) && !namesRow(ownLabel(before.label).own, defs)) return [];
    const label = wrappedLabel(lines, l, defs);
    if (!namesRow(label, defs, ANCHOR_RECALL)) return [];
    return [{ label, own: label, context: '', values: [], at: l.at, index: l.index, after: '', line: l.index }];
  });
}

/** Minimum share of a template label's bigrams found in one line of a table for the label to count as printed there. */
const PRINTED_RECALL = 0.8;

/**
 * Raw pdftotext writes every text of the page: a template row whose label stands on no line of the table is not printed,
 * and a label alone that names a row clearly is a row of blank cells (its figures print nothing) standing in place
 * when it stands between the rows placed around it (placeUnlabelled keeps only those).
 */
export function rawEvidence(lines: readonly FlatLine[], defs: readonly RowDef[], headings: readonly string[]): GapEvidence {
  // Each line's label (a label alone with the fragments that carry it on): a template label counts as printed when
  // one line holds nearly all of it (pdftotext writes labels exactly, a wrapped one joined on its line) — not the
  // table's text pooled, whose common words would make any label printed.
  const texts = lines.map((l) => (l.run === '' && !l.cells ? wrappedLabel(lines, l, defs) : normalizeText(l.label)));
  const anchors = lines.flatMap((l) => {
    if (l.run !== '' || l.cells || isGroupHeading(l.label, headings)) return [];
    const def = namesRow(wrappedLabel(lines, l, defs), defs, ANCHOR_RECALL);
    return def ? [{ index: l.index, def }] : [];
  });
  return { printed: (d) => [d.zh, ...(d.aliases ?? [])].some((z) => texts.some((t) => labelRecall(t, z) >= PRINTED_RECALL)), anchors };
}

