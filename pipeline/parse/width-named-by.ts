/**
 * The number of figures of the template row a printed label names: how segmenting and layout text know a row's width
 * from its label. Answers are remembered per table, edition and label. Pure.
 */
import { type Edition, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { hitsFor, labelIndex } from './label-index.ts';
import { bigramSet } from './normalize.ts';

/** widthNamedBy's answers per table and edition, by label (printed labels recur from report to report); NONE for none. */
const widths = new WeakMap<TableDef, Map<string, Map<string, number>>>();
/** A label that names no row's width (kept as a number: one look-up tells a label not seen from one that names none). */
const NONE = -1;
const MAX_WIDTHS = 4096;

/**
 * The number of figures of the template row a printed label names (its best match, the first of equals, when that
 * recalls at least 0.8 of the template label), or undefined: how segmenting and layout text know a row's width from
 * its label.
 */
export function widthNamedBy(table: TableDef, edition: Edition): (label: string) => number | undefined {
  const defs = rowsOf(table, edition);
  let byEdition = widths.get(table);
  if (!byEdition) widths.set(table, (byEdition = new Map()));
  let known = byEdition.get(edition);
  if (!known) byEdition.set(edition, (known = new Map()));
  const cache = known;
  return (label) => {
    const hit = cache.get(label);
    if (hit !== undefined) return hit === NONE ? undefined : hit;
    const index = labelIndex(defs);
    const hits = hitsFor(index, bigramSet(label));
    let best = -1;
    let bestScore = -Infinity;
    defs.forEach((_, d) => {
      // The template label itself: the first of the row's variants.
      const v = index.first[d]!;
      const n = index.lengths[v]!;
      const score = n === 0 ? 0 : hits[v]! / n;
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    });
    const width = best >= 0 && bestScore >= 0.8 ? columnsOf(table, defs[best]!, edition).length : undefined;
    if (cache.size >= MAX_WIDTHS) cache.clear();
    cache.set(label, width ?? NONE);
    return width;
  };
}
