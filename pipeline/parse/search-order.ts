/**
 * The order table 三's search places a group's rows in (solve-columns-search.ts, solve-columns-plain.ts): rows with
 * one candidate (or none) first, as they were; then, one at a time, the row that closes the most sides of the
 * equations (the last row of a side still open), fewest candidates first among equals. A side placed whole bounds the
 * other side's partial sums (counts are ≥ 0), so a row such as （七）总计, which stands alone on the right of the
 * outcome rows, is placed before them and prunes each of them as it is placed, where placed last it was only checked
 * once every outcome row had been tried in every column. The order changes how many nodes the search visits, not
 * which choices satisfy the equations. Pure.
 */
import type { Equation } from './application-equations.ts';

export function searchOrder(names: readonly string[], equations: readonly Equation[], kept: ReadonlyMap<string, readonly number[]>): string[] {
  const present = new Set(names);
  const size = (r: string): number => kept.get(r)!.length;
  // Each side of each equation as its printed rows, and how many of them are still to place.
  const sides = equations.flatMap((e) => [e.left, e.right]).map((side) => side.filter((r) => present.has(r)));
  const open = sides.map((side) => side.length);
  const order: string[] = [];
  const place = (r: string): void => {
    order.push(r);
    sides.forEach((side, s) => { for (const x of side) if (x === r) open[s]!--; });
  };
  // Rows with one candidate or none, in the order of their candidate counts (as the search always began).
  for (const r of names.filter((x) => size(x) <= 1).sort((a, b) => size(a) - size(b))) place(r);
  const rest = names.filter((x) => size(x) > 1);
  while (rest.length > 0) {
    let best = 0;
    let bestCloses = -1;
    for (let j = 0; j < rest.length; j++) {
      const r = rest[j]!;
      let closes = 0;
      sides.forEach((side, s) => {
        let times = 0;
        for (const x of side) if (x === r) times++;
        if (times > 0 && open[s] === times) closes++;
      });
      if (closes > bestCloses || (closes === bestCloses && size(r) < size(rest[best]!))) [best, bestCloses] = [j, closes];
    }
    place(rest.splice(best, 1)[0]!);
  }
  return order;
}
