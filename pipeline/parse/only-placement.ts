/**
 * The one way to give each item, in order, one of its candidate columns, each right of the one before (header pieces
 * to the columns they may end or name); null when there is none, or more than one. Candidates in ascending order.
 * Pure.
 */
export function onlyPlacement(candidates: ReadonlyArray<readonly number[]>): number[] | null {
  const ways: number[][] = [];
  const place = (k: number, from: number, chosen: number[]): void => {
    if (ways.length > 1) return;
    if (k === candidates.length) {
      ways.push(chosen);
      return;
    }
    for (const c of candidates[k]!) if (c >= from) place(k + 1, c + 1, [...chosen, c]);
  };
  place(0, 0, []);
  return ways.length === 1 ? ways[0]! : null;
}
