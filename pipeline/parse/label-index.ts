/**
 * labelScore (label-score.ts) for every template row at once: the template rows' labels indexed by character bigram,
 * a printed row's bigrams counted against the index in one pass, and the scores remembered per row and per recurring
 * bigram sets. The same figures as labelScore, to the bit. Pure (the memos are only read once made).
 */
import type { RowDef } from '../model/template.ts';
import { AFTER_WEIGHT, CONTEXT_WEIGHT, type RowBigrams, rowBigrams, variantsOf } from './label-score.ts';
import type { DataRow } from './segment.ts';

/**
 * The template rows' labels and aliases indexed by character bigram, so that a printed row is scored against every
 * template row in one pass over its own bigrams (the share of each label's bigrams found is counted, not looked up
 * label by label). The same figures as labelScore, to the bit: the hits are the same integers, divided the same way.
 */
export interface LabelIndex {
  defs: readonly RowDef[];
  /** Per template row: its variants (label, then aliases) are first[d] .. first[d + 1] - 1. */
  first: Int32Array;
  /** Per variant: its number of distinct bigrams. */
  lengths: Int32Array;
  /** Bigram → the variants that hold it (each at most once: a variant's bigrams are distinct). */
  postings: Map<number, number[]>;
}

/** Indexes by their first template row (rowsOf makes a new array per call: same rows, same index). */
const indexes = new WeakMap<RowDef, LabelIndex[]>();

export function labelIndex(defs: readonly RowDef[]): LabelIndex {
  const known = defs.length > 0 ? indexes.get(defs[0]!) : undefined;
  const found = known?.find((x) => x.defs.length === defs.length && x.defs.every((d, i) => d === defs[i]));
  if (found) return found;
  const first = new Int32Array(defs.length + 1);
  const lengths: number[] = [];
  const postings = new Map<number, number[]>();
  defs.forEach((def, d) => {
    first[d] = lengths.length;
    for (const label of variantsOf(def)) {
      const v = lengths.length;
      lengths.push(label.length);
      for (const b of label) {
        const list = postings.get(b);
        if (list) list.push(v);
        else postings.set(b, [v]);
      }
    }
  });
  first[defs.length] = lengths.length;
  const index: LabelIndex = { defs: [...defs], first, lengths: Int32Array.from(lengths), postings };
  if (defs.length > 0) indexes.set(defs[0]!, [...(known ?? []), index]);
  return index;
}

/** How many bigrams of each variant the set holds. */
function hitsOf(index: LabelIndex, have: ReadonlySet<number>): Int32Array {
  const hits = new Int32Array(index.lengths.length);
  for (const b of have) {
    const list = index.postings.get(b);
    if (list) for (let k = 0; k < list.length; k++) hits[list[k]!]!++;
  }
  return hits;
}

/**
 * hitsOf per bigram set and index. bigramSet gives one set for one text (memoised), and printed labels recur from row
 * to row and report to report: the hits of a label's set are counted once. The arrays are only read.
 */
const hitsBySet = new WeakMap<ReadonlySet<number>, Map<LabelIndex, Int32Array>>();

export function hitsFor(index: LabelIndex, have: ReadonlySet<number>): Int32Array {
  let byIndex = hitsBySet.get(have);
  let hits = byIndex?.get(index);
  if (hits !== undefined) return hits;
  hits = hitsOf(index, have);
  if (!byIndex) hitsBySet.set(have, (byIndex = new Map()));
  byIndex.set(index, hits);
  return hits;
}

/** Per DataRow, its scores against each index's template rows. */
const scored = new WeakMap<DataRow, Map<LabelIndex, Float64Array>>();

/** labelScore(row, def) for every def of `defs`, in their order (taken once per row and template). */
export function labelScores(row: DataRow, defs: readonly RowDef[]): Float64Array {
  const index = labelIndex(defs);
  let byIndex = scored.get(row);
  let out = byIndex?.get(index);
  if (out !== undefined) return out;
  const b = rowBigrams(row);
  out = knownScores(index, b);
  if (out !== undefined) {
    if (!byIndex) scored.set(row, (byIndex = new Map()));
    byIndex.set(index, out);
    return out;
  }
  const before = hitsFor(index, b.before);
  const text = hitsFor(index, b.text);
  const context = b.context === null ? null : hitsFor(index, b.context);
  const label = b.label === null ? null : hitsFor(index, b.label);
  const { first, lengths } = index;
  out = new Float64Array(defs.length);
  for (let d = 0; d < defs.length; d++) {
    let best = 0;
    for (let v = first[d]!; v < first[d + 1]!; v++) {
      const n = lengths[v]!;
      // As bigramRecall: hits / n, and 0 for a label without bigrams. (No closure here: this loop is hot.)
      const around = Math.max(
        n === 0 ? 0 : before[v]! / n,
        AFTER_WEIGHT * (n === 0 ? 0 : text[v]! / n),
        context === null ? 0 : CONTEXT_WEIGHT * (n === 0 ? 0 : context[v]! / n),
      );
      best = Math.max(best, label === null ? around : Math.max(n === 0 ? 0 : label[v]! / n, CONTEXT_WEIGHT * around));
    }
    out[d] = best;
  }
  if (!byIndex) scored.set(row, (byIndex = new Map()));
  byIndex.set(index, out);
  remember(index, b, out);
  return out;
}

/**
 * Scores per row bigrams and index: rows whose texts recur (the same label under the same heading, report after
 * report) have the very same bigram sets (bigramSet is memoised), so the same scores. Keyed by the sets themselves,
 * the text before the values first; the arrays are only read.
 */
interface KnownScores { index: LabelIndex; b: RowBigrams; out: Float64Array }
const scoresBySet = new WeakMap<ReadonlySet<number>, KnownScores[]>();
/** How many entries one set keeps (the same text before the values under different labels or contexts). */
const MAX_KNOWN = 8;

function knownScores(index: LabelIndex, b: RowBigrams): Float64Array | undefined {
  const known = scoresBySet.get(b.before);
  if (known === undefined) return undefined;
  for (const k of known) {
    if (k.index === index && k.b.text === b.text && k.b.context === b.context && k.b.label === b.label) return k.out;
  }
  return undefined;
}

function remember(index: LabelIndex, b: RowBigrams, out: Float64Array): void {
  let known = scoresBySet.get(b.before);
  if (known === undefined) scoresBySet.set(b.before, (known = []));
  if (known.length >= MAX_KNOWN) known.shift();
  known.push({ index, b, out });
}
