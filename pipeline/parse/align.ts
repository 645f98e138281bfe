/**
 * Match data rows to the template's rows: in order, each data row to a distinct template row, maximising how
 * well the printed labels match (a monotone alignment, by dynamic programming). Rows whose label cannot be read
 * (values on a line of their own) fall into place by order. Pure.
 */
import type { RowDef } from '../model/template.ts';
import { labelScores } from './label-index.ts';
import { labelScore } from './label-score.ts';
import type { DataRow } from './segment.ts';

/** The cost of leaving a template row unmatched: small, so that labels decide and order breaks ties. */
const SKIP = 0.15;

export interface Alignment {
  /** For each data row, the index of its template row. */
  assigned: number[];
  scores: number[];
}

/**
 * An empty array whose elements are doubles (a fraction's literal, emptied), to push scores to: every alignment's
 * scores are then the same kind of array, whole or fractional (map made whole numbers one kind and fractions another,
 * and a reader compiled for one was thrown away when the other came).
 */
function scoreArray(): number[] {
  const scores = [0.5];
  scores.pop();
  return scores;
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
  // The scores' array, made first for every path (its call met with the first table; made in the path of an empty
  // table only, that call was met late and the compiled alignRows thrown away there).
  const scores = scoreArray();
  const slack = m - n;
  // Every template row printed: row i is row i, and only its own score is needed (labelScore's is the same number).
  // No row at all takes the same path (nothing assigned, no score): a path of its own was met late, and the compiled
  // alignRows thrown away there.
  if (slack === 0 || n === 0) {
    for (let i = 0; i < n; i++) scores.push(labelScore(rows[i]!, defs[i]!));
    return { assigned: rows.map((_, i) => i), scores };
  }
  // A loop into a literal, not map: map's array was of another kind by when it was made, and alignRows compiled for one
  // was thrown away at the other.
  const score: Float64Array[] = [];
  for (let i = 0; i < n; i++) score.push(labelScores(rows[i]!, defs));
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
  for (let i = 0; i < n; i++) scores.push(score[i]![assigned[i]!]!);
  return { assigned, scores };
}
