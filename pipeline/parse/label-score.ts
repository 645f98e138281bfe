/**
 * How well a printed row's label names a template row: the share of the template label's (or an alias's) character
 * bigrams found in the row's own label, in the text before and after its values, or in its wider context, each
 * weighted. The row's bigrams are taken once per row, the template row's once per row definition. Pure.
 */
import type { RowDef } from '../model/template.ts';
import { ITEM_NUMBER, bigramRecall, bigramSet, labelBigrams, normalizeText } from './normalize.ts';
import type { DataRow } from './segment.ts';

/**
 * Label text around the row's own label (a group heading in the same row, wrapped fragments before it) counts less
 * than the own label, so that a group heading ("（六）其他处理") does not pull the first row under it onto the group's
 * own row.
 */
export const CONTEXT_WEIGHT = 0.8;

/** Text after the values only carries a label on, so it counts a little less than the text before. */
export const AFTER_WEIGHT = 0.9;

/** A row's texts as labelScore reads them, as character bigrams (taken once per row, not once per template row). */
export interface RowBigrams {
  label: ReadonlySet<number> | null;
  before: ReadonlySet<number>;
  text: ReadonlySet<number>;
  /** The whole context; null when a numbered item comes before the values (then it does not count). */
  context: ReadonlySet<number> | null;
}

const taken = new WeakMap<DataRow, RowBigrams>();

/**
 * The row's label as it wrapped in layout text: the context from its last numbered item on (the lines just before the
 * values), the row's own cells, and the lines right after the values that carry it on.
 */
export function rowBigrams(row: DataRow): RowBigrams {
  let b = taken.get(row);
  if (b === undefined) {
    const text = normalizeText(row.context);
    let start = -1;
    // An item number with no label after it ("三、" of a heading printed one character per line) starts no item.
    // ITEM_NUMBER is global: exec from 0 to the end (it leaves lastIndex at 0 when it finds no more; no match is empty).
    ITEM_NUMBER.lastIndex = 0;
    for (let m = ITEM_NUMBER.exec(text); m !== null; m = ITEM_NUMBER.exec(text)) {
      if (m.index + m[0].length < text.length) start = m.index;
    }
    const before = `${text.slice(Math.max(start, 0))}${row.own}`;
    const beforeSet = bigramSet(before);
    b = {
      label: row.label === '' ? null : bigramSet(row.label),
      before: beforeSet,
      // Without text after the values (every rendering but layout text), the same text: the same bigrams.
      text: row.after === '' ? beforeSet : bigramSet(`${before}${row.after}`),
      context: start >= 0 ? null : bigramSet(row.context),
    };
    taken.set(row, b);
  }
  return b;
}

/** The bigrams of a template row's label and its aliases. */
const defBigrams = new WeakMap<RowDef, readonly (readonly number[])[]>();

export function variantsOf(def: RowDef): readonly (readonly number[])[] {
  let v = defBigrams.get(def);
  if (v === undefined) {
    v = [def.zh, ...(def.aliases ?? [])].map(labelBigrams);
    defBigrams.set(def, v);
  }
  return v;
}

/** How well `row`'s printed label names template row `def` (0 to 1): the best of its label's and aliases' bigram recall. */
export function labelScore(row: DataRow, def: RowDef): number {
  const b = rowBigrams(row);
  let best = 0;
  for (const label of variantsOf(def)) {
    // Without a numbered item before the values, the whole context may hold the label.
    const around = Math.max(
      bigramRecall(b.before, label),
      AFTER_WEIGHT * bigramRecall(b.text, label),
      b.context === null ? 0 : CONTEXT_WEIGHT * bigramRecall(b.context, label),
    );
    best = Math.max(best, b.label === null ? around : Math.max(bigramRecall(b.label, label), CONTEXT_WEIGHT * around));
  }
  return best;
}
