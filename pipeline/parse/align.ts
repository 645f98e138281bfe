/**
 * Match data rows to the template's rows: in order, each data row to a distinct template row, maximising how
 * well the printed labels match (a monotone alignment, by dynamic programming). Rows whose label cannot be read
 * (values on a line of their own) fall into place by order. Pure.
 */
import { InputError, describeLocation } from '../errors.ts';
import { type Edition, type RowDef, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { ITEM_NUMBER, bigramRecall, bigramSet, labelBigrams, normalizeText } from './normalize.ts';
import type { DataRow } from './segment.ts';

/** The cost of leaving a template row unmatched: small, so that labels decide and order breaks ties. */
const SKIP = 0.15;
/**
 * Label text around the row's own label (a group heading in the same row, wrapped fragments before it) counts less
 * than the own label, so that a group heading ("（六）其他处理") does not pull the first row under it onto the group's
 * own row.
 */
const CONTEXT_WEIGHT = 0.8;

/** Text after the values only carries a label on, so it counts a little less than the text before. */
const AFTER_WEIGHT = 0.9;

/** A row's texts as labelScore reads them, as character bigrams (taken once per row, not once per template row). */
interface RowBigrams {
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
function rowBigrams(row: DataRow): RowBigrams {
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

function variantsOf(def: RowDef): readonly (readonly number[])[] {
  let v = defBigrams.get(def);
  if (v === undefined) {
    v = [def.zh, ...(def.aliases ?? [])].map(labelBigrams);
    defBigrams.set(def, v);
  }
  return v;
}

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

/**
 * The template rows' labels and aliases indexed by character bigram, so that a printed row is scored against every
 * template row in one pass over its own bigrams (the share of each label's bigrams found is counted, not looked up
 * label by label). The same figures as labelScore, to the bit: the hits are the same integers, divided the same way.
 */
interface LabelIndex {
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

function labelIndex(defs: readonly RowDef[]): LabelIndex {
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

function hitsFor(index: LabelIndex, have: ReadonlySet<number>): Int32Array {
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

export interface Alignment {
  /** For each data row, the index of its template row. */
  assigned: number[];
  scores: number[];
}

/**
 * Align rows to defs; null when there are more data rows than template rows. Row i can only go to a template row in
 * i .. i + (m - n) (the rows after it need rows of their own), so only that band is scored and searched: the same
 * alignment as the search over every pair (the entries outside the band lie on no complete alignment), and with every
 * template row printed (n = m) no search at all.
 */
export function alignRows(rows: readonly DataRow[], defs: readonly RowDef[]): Alignment | null {
  const n = rows.length;
  const m = defs.length;
  if (n > m) return null;
  if (n === 0) return { assigned: [], scores: [] };
  const slack = m - n;
  // Every template row printed: row i is row i, and only its own score is needed (labelScore's is the same number).
  if (slack === 0) return { assigned: rows.map((_, i) => i), scores: rows.map((r, i) => labelScore(r, defs[i]!)) };
  const score = rows.map((r) => labelScores(r, defs));
  // best[i][j]: best total with row i matched to def j; from[i][j]: the def of row i-1.
  const best = Array.from({ length: n }, () => new Float64Array(m).fill(-Infinity));
  const from = Array.from({ length: n }, () => new Int32Array(m).fill(-1));
  for (let j = 0; j <= slack; j++) best[0]![j] = score[0]![j]! - SKIP * j;
  for (let i = 1; i < n; i++) {
    const prev = best[i - 1]!;
    const row = best[i]!;
    for (let j = i; j <= i + slack; j++) {
      for (let k = i - 1; k < j; k++) {
        const total = prev[k]! - SKIP * (j - k - 1) + score[i]![j]!;
        if (total > row[j]!) {
          row[j] = total;
          from[i]![j] = k;
        }
      }
    }
  }
  let end = n - 1;
  for (let j = n - 1; j < m; j++) {
    if (best[n - 1]![j]! - SKIP * (m - 1 - j) > best[n - 1]![end]! - SKIP * (m - 1 - end)) end = j;
  }
  const assigned = new Array<number>(n);
  for (let i = n - 1, j = end; i >= 0; i--) {
    assigned[i] = j;
    j = from[i]![j]!;
  }
  return { assigned, scores: assigned.map((j, i) => score[i]![j]!) };
}

/** Below this, a row's label does not place it when the template rows around it are not all printed. */
const MIN_PLACED_SCORE = 0.5;

/**
 * Rows the source does not print are left absent (validate warns: table.row_missing), but only when every printed row
 * is placed by its own label: each names its template row well, and no other row better. Otherwise where the gap is
 * would be a guess: throws an InputError that names the file, the table, the row and why.
 */
export function checkPlaced(
  where: { file: string; table: string; edition: Edition },
  a: { rows: readonly DataRow[]; alignment: Alignment; defs: readonly RowDef[]; missing: readonly RowDef[] },
): void {
  const names = a.missing.map((d) => `"${d.zh}"`).join(', ');
  if (a.rows.length === 0) {
    throw new InputError(`${where.table}: no row of figures found (expected the rows of the ${where.edition} template)`, where.file);
  }
  a.rows.forEach((row, i) => {
    const def = a.defs[a.alignment.assigned[i]!]!;
    const score = a.alignment.scores[i]!;
    const scores = labelScores(row, a.defs);
    const rival = a.defs.find((d, j) => d !== def && scores[j]! > score);
    if (score >= MIN_PLACED_SCORE && !rival) return;
    const printed = row.label !== '' ? `row "${row.label}"` : 'a row of figures without a label';
    throw new InputError(
      `${where.table}: the rows ${names} of the ${where.edition} template are not printed, and ${printed} (${describeLocation(row.at)}) ` +
        `cannot be placed by its label (${rival ? `its text fits "${rival.zh}" better than "${def.zh}"` : `it does not clearly name "${def.zh}"`}): ` +
        'the table cannot be aligned with the template',
      where.file,
      row.at,
    );
  });
}

/** widthNamedBy's answers per table and edition, by label (printed labels recur from report to report). */
const widths = new WeakMap<TableDef, Map<string, Map<string, number | undefined>>>();
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
    if (cache.has(label)) return cache.get(label);
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
    cache.set(label, width);
    return width;
  };
}
