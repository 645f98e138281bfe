/**
 * The divisions a name's leading place names point to: 江苏省淮安市洪泽区高良涧街道办事处 → 高良涧街道 (320813…),
 * rest 办事处. Each place must lie inside the one before it; a name may start at any level (洪泽区…). When the
 * places fit several divisions (鼓楼区…), all of them are returned. Pure.
 */
import type { Division } from './divisions.ts';

export interface PlaceMatch {
  /** The innermost divisions the places point to (one, unless the name does not say which). */
  divisions: Division[];
  /** What follows the places (人民政府, 自然资源和规划局). */
  rest: string;
}

export interface PlaceFinder {
  find(name: string): PlaceMatch;
}

export function placeFinder(divisions: readonly Division[]): PlaceFinder {
  const byName = new Map<string, Division[]>();
  const byKey = new Map(divisions.map((d) => [d.key, d]));
  let longest = 0;
  for (const d of divisions) {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
    longest = Math.max(longest, d.name.length);
  }
  const within = (d: Division, outer: Division): boolean => {
    for (let p = d.parent; p !== undefined; p = byKey.get(p)?.parent) if (p === outer.key) return true;
    return false;
  };
  const at = (name: string, start: number): Array<{ division: Division; end: number }> => {
    const out: Array<{ division: Division; end: number }> = [];
    for (let end = start + 2; end <= Math.min(name.length, start + longest); end++) {
      for (const division of byName.get(name.slice(start, end)) ?? []) out.push({ division, end });
    }
    return out;
  };

  return {
    find(name) {
      let paths = at(name, 0);
      if (paths.length === 0) return { divisions: [], rest: name };
      for (;;) {
        const next = paths.flatMap((p) => at(name, p.end).filter((n) => within(n.division, p.division)));
        if (next.length === 0) break;
        paths = next;
      }
      const end = Math.max(...paths.map((p) => p.end));
      const deepest = [...new Set(paths.filter((p) => p.end === end).map((p) => p.division))];
      return { divisions: deepest, rest: name.slice(end) };
    },
  };
}
