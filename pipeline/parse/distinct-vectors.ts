/**
 * Candidates with the same figures (a 0 placed in one blank column or another) are one choice for a search over them:
 * the distinct vectors, and for each candidate the index of its vector. Pure (solve-columns.ts, flat-applications.ts).
 */

/** The distinct vectors of a list, and for each item the index of its vector. */
export function distinctVectors(list: readonly number[][]): { vectors: number[][]; of: number[] } {
  const index = new Map<string, number>();
  const vectors: number[][] = [];
  const of = list.map((v) => {
    const key = v.join(',');
    if (!index.has(key)) {
      index.set(key, vectors.length);
      vectors.push(v);
    }
    return index.get(key)!;
  });
  return { vectors, of };
}
