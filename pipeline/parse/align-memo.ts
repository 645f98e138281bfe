/**
 * alignRows remembered per table layout. The alignment is a function of the template rows and of each printed row's
 * label texts alone (its label, own, context and after: what labelScore reads), not of its figures; and the label texts
 * of a table recur report after report (the same template printed by every body, year after year). So the texts make
 * the key, and a table printed as one seen before is aligned without taking any bigram; texts of quickNormal's
 * characters are keyed without their spaces (rowKey). Pure (the cache is bounded).
 */
import type { RowDef } from '../model/template.ts';
import { type Alignment, alignRows } from './align.ts';
import { type LabelIndex, labelIndex, labelScores } from './label-index.ts';
import type { DataRow } from './segment.ts';
import { quickWithoutSpaces } from './normalize.ts';

/** Layouts kept per template (emptied when full): a few KB each. */
const LIMIT = 512;

const byTemplate = new WeakMap<LabelIndex, Map<string, Alignment | null>>();

/**
 * A row's label texts, each prefixed by its length (so that no two rows' texts make one key). When all four are of
 * quickNormal's characters, without their spaces (labelScore reads them through quickNormal only, which skips a space
 * and changes nothing else, see quickWithoutSpaces; it reads the label and the text after the values as printed only
 * to ask whether they are empty, which the key says): a label wrapped at another place (HTML's cells break lines
 * where the page was written) is the same layout. Otherwise the texts as printed.
 */
function rowKey(r: DataRow): string {
  const label = quickWithoutSpaces(r.label);
  const own = label === null ? null : quickWithoutSpaces(r.own);
  const context = own === null ? null : quickWithoutSpaces(r.context);
  const after = context === null ? null : quickWithoutSpaces(r.after);
  if (after === null) return `r${r.label.length},${r.label}${r.own.length},${r.own}${r.context.length},${r.context}${r.after.length},${r.after};`;
  return `q${r.label === '' ? 0 : 1}${r.after === '' ? 0 : 1}${label!.length},${label}${own!.length},${own}${context!.length},${context}${after.length},${after};`;
}

/** The rows' label texts, each prefixed by its length (so that no two lists of texts make one key). */
export function layoutKey(rows: readonly DataRow[]): string {
  let key = '';
  for (const r of rows) key += rowKey(r);
  return key;
}

const bestByTemplate = new WeakMap<LabelIndex, Map<string, number>>();

/**
 * The best of labelScores(row, defs) (how well the row's label names any template row), remembered by the row's label
 * texts: asked of every row of blanks, whose label recurs report after report as the table's does.
 */
export function bestLabelScore(row: DataRow, defs: readonly RowDef[]): number {
  const index = labelIndex(defs);
  let known = bestByTemplate.get(index);
  if (known === undefined) bestByTemplate.set(index, (known = new Map()));
  const key = rowKey(row);
  let best = known.get(key);
  if (best === undefined) {
    best = Math.max(...labelScores(row, defs));
    if (known.size >= LIMIT * 8) known.clear();
    known.set(key, best);
  }
  return best;
}

/** alignRows(rows, defs), remembered by the rows' label texts. The alignment returned is shared: only read it. */
export function alignByLabels(rows: readonly DataRow[], defs: readonly RowDef[]): Alignment | null {
  if (rows.length > defs.length) return null;
  const index = labelIndex(defs);
  let known = byTemplate.get(index);
  if (known === undefined) byTemplate.set(index, (known = new Map()));
  const key = layoutKey(rows);
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const out = alignRows(rows, defs);
  if (known.size >= LIMIT) known.clear();
  known.set(key, out);
  return out;
}
