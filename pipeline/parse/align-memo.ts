/**
 * alignRows remembered per table layout. The alignment is a function of the template rows and of each printed row's
 * label texts alone (its label, own, context and after: what labelScore reads), not of its figures; and the label texts
 * of a table recur report after report (the same template printed by every body, year after year). So the texts make
 * the key, and a table printed as one seen before is aligned without taking any bigram; texts of quickNormal's
 * characters are keyed without their spaces too (spacelessKey). Pure (the cache is bounded).
 */
import type { RowDef } from '../model/template.ts';
import { type Alignment, alignRows } from './align.ts';
import { type LabelIndex, labelIndex, labelScores } from './label-index.ts';
import type { DataRow } from './segment.ts';
import { quickWithoutSpaces } from './normalize.ts';

/** Layouts kept per template (emptied when full): a few KB each. */
const LIMIT = 512;

const byTemplate = new WeakMap<LabelIndex, Map<string, Alignment | null>>();

/** A row's label texts as printed, each prefixed by its length (so that no two rows' texts make one key). */
function printedKey(r: DataRow): string {
  return `r${r.label.length},${r.label}${r.own.length},${r.own}${r.context.length},${r.context}${r.after.length},${r.after};`;
}

/**
 * The row's key without spaces: when its four texts are all of quickNormal's characters, the texts without their
 * spaces (labelScore reads them through quickNormal only, which skips a space and changes nothing else, see
 * quickWithoutSpaces; it reads the label and the text after the values as printed only to ask whether they are
 * empty, which the key says), so that a label wrapped at another place (HTML's cells break lines where the page was
 * written) is the same layout; otherwise printedKey. Both kinds share one map: two keys are equal only when their
 * rows' keys are, row by row (each is self-delimiting), and an "r" key only equals an "r" key, a "q" key a "q" key.
 */
function spacelessKey(r: DataRow): string {
  const label = quickWithoutSpaces(r.label);
  const own = label === null ? null : quickWithoutSpaces(r.own);
  const context = own === null ? null : quickWithoutSpaces(r.context);
  const after = context === null ? null : quickWithoutSpaces(r.after);
  if (after === null) return printedKey(r);
  return `q${r.label === '' ? 0 : 1}${r.after === '' ? 0 : 1}${label!.length},${label}${own!.length},${own}${context!.length},${context}${after.length},${after};`;
}

/**
 * The rows' label texts, each prefixed by its length (so that no two lists of texts make one key): as printed, or
 * (`spaceless`) without the spaces of texts of quickNormal's characters.
 */
export function layoutKey(rows: readonly DataRow[], spaceless = false): string {
  let key = '';
  for (const r of rows) key += spaceless ? spacelessKey(r) : printedKey(r);
  return key;
}

/**
 * What `compute` gives, remembered in `known` under the printed key and under the spaceless one: a table printed as
 * one seen before, character for character, is found by its printed key alone (no scan of its texts for spaces).
 */
function remembered<T>(known: Map<string, T>, limit: number, printed: string, spaceless: () => string, compute: () => T): T {
  let out = known.get(printed);
  if (out !== undefined) return out;
  const key = spaceless();
  out = key === printed ? undefined : known.get(key);
  out ??= compute();
  if (known.size + 2 > limit) known.clear();
  known.set(key, out);
  known.set(printed, out);
  return out;
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
  return remembered(known, LIMIT * 8, printedKey(row), () => spacelessKey(row), () => Math.max(...labelScores(row, defs)));
}

/** alignRows(rows, defs), remembered by the rows' label texts. The alignment returned is shared: only read it. */
export function alignByLabels(rows: readonly DataRow[], defs: readonly RowDef[]): Alignment | null {
  if (rows.length > defs.length) return null;
  const index = labelIndex(defs);
  let known = byTemplate.get(index);
  if (known === undefined) byTemplate.set(index, (known = new Map()));
  return remembered(known, LIMIT, layoutKey(rows), () => layoutKey(rows, true), () => alignRows(rows, defs));
}
