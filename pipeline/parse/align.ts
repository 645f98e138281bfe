/**
 * Match data rows to the template's rows: in order, each data row to a distinct template row, maximising how
 * well the printed labels match (a monotone alignment, by dynamic programming). Rows whose label cannot be read
 * (values on a line of their own) fall into place by order. Pure.
 */
import { InputError, describeLocation } from '../errors.ts';
import { type Edition, type RowDef, type TableDef, columnsOf, rowsOf } from '../model/template.ts';
import { ITEM_NUMBER, bigramRecall, bigramSet, labelBigrams, labelRecall, normalizeText } from './normalize.ts';
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
    for (const m of text.matchAll(ITEM_NUMBER)) if (m.index + m[0].length < text.length) start = m.index;
    const before = `${text.slice(Math.max(start, 0))}${row.own}`;
    b = {
      label: row.label === '' ? null : bigramSet(row.label),
      before: bigramSet(before),
      text: bigramSet(`${before}${row.after}`),
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

export interface Alignment {
  /** For each data row, the index of its template row. */
  assigned: number[];
  scores: number[];
}

/** Align rows to defs; null when there are more data rows than template rows. */
export function alignRows(rows: readonly DataRow[], defs: readonly RowDef[]): Alignment | null {
  const n = rows.length;
  const m = defs.length;
  if (n > m) return null;
  if (n === 0) return { assigned: [], scores: [] };
  const score = rows.map((r) => defs.map((d) => labelScore(r, d)));
  // best[i][j]: best total with row i matched to def j; from[i][j]: the def of row i-1.
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-Infinity));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = score[0]![j]! - SKIP * j;
  for (let i = 1; i < n; i++) {
    for (let j = i; j < m; j++) {
      for (let k = i - 1; k < j; k++) {
        const total = best[i - 1]![k]! - SKIP * (j - k - 1) + score[i]![j]!;
        if (total > best[i]![j]!) {
          best[i]![j] = total;
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
    const rival = a.defs.find((d) => d !== def && labelScore(row, d) > score);
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

/**
 * The number of figures of the template row a printed label names (its best match, when that recalls at least 0.8 of
 * the template label), or undefined: how segmenting and layout text know a row's width from its label.
 */
export function widthNamedBy(table: TableDef, edition: Edition): (label: string) => number | undefined {
  const defs = rowsOf(table, edition);
  return (label) => {
    const [best] = defs.map((d) => ({ d, score: labelRecall(label, d.zh) })).sort((a, b) => b.score - a.score);
    return best && best.score >= 0.8 ? columnsOf(table, best.d, edition).length : undefined;
  };
}
