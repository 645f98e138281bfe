/**
 * Close matches for a name that resolves to nothing: suggestions, never a resolution. A bigram index over every
 * body's keys picks the bodies sharing the most character pairs with the name (pairs that half the registry shares,
 * like 政府, are left out), then the edit distance to their keys decides: at most 1 for names of up to 5
 * characters, 2 up to 10, 3 beyond. No scan of the registry per name. Pure.
 */
import type { Agency } from '../model/agency.ts';

/** Pairs more common than this say nothing about which body a name means. */
const MAX_POSTINGS = 1500;
/** How many of the best-scoring bodies get an edit distance. */
const SHORTLIST = 24;
/** How many candidates a name gets at most. */
const MAX_CANDIDATES = 10;

export const maxDistance = (length: number): number => (length <= 5 ? 1 : length <= 10 ? 2 : 3);

/** Each pair of neighbouring code points of `s` (the code point itself when it is the only one), repeats included. */
function eachBigram(s: string, visit: (gram: string) => void): void {
  let previous = '';
  let count = 0;
  for (const ch of s) {
    if (count++ > 0) visit(previous + ch);
    previous = ch;
  }
  if (count === 1) visit(previous);
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  eachBigram(s, (g) => out.add(g));
  return out;
}

/** Levenshtein distance over code points, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[y.length]!;
}

export interface CloseIndex {
  /** Close matches to a name, given in its forms: normalized first, then as printed without spaces and punctuation. */
  find(forms: readonly string[]): Agency[];
}

/** `formsOf[i]`: the strings body i is compared with (its keys, and its names as printed). */
export function closeIndex(agencies: readonly Agency[], formsOf: readonly (readonly string[])[]): CloseIndex {
  const postings = new Map<string, number[]>();
  formsOf.forEach((keys, body) => {
    // Bodies come in order: a list that already ends with this body has it.
    const post = (g: string): void => {
      const list = postings.get(g);
      if (!list) postings.set(g, [body]);
      else if (list[list.length - 1] !== body) list.push(body);
    };
    for (const k of keys) eachBigram(k, post);
  });
  for (const [g, list] of postings) if (list.length > MAX_POSTINGS) postings.set(g, []);
  const score = new Int32Array(agencies.length);

  return {
    find(forms: readonly string[]): Agency[] {
      const queries = [...new Set(forms.filter((f) => f !== ''))];
      if (queries.length === 0) return [];
      const touched: number[] = [];
      const grams = new Set(queries.flatMap((q) => [...bigrams(q)]));
      for (const g of grams) {
        for (const body of postings.get(g) ?? []) {
          if (score[body] === 0) touched.push(body);
          score[body]!++;
        }
      }
      const shortlist = touched.sort((a, b) => score[b]! - score[a]! || a - b).slice(0, SHORTLIST);
      for (const body of touched) score[body] = 0;
      // The allowance follows the normalized name (the first form), whatever form comes closer.
      const limit = maxDistance([...queries[0]!].length);
      const found: Array<{ agency: Agency; distance: number }> = [];
      for (const body of shortlist) {
        let distance = Infinity;
        for (const q of queries) {
          for (const k of formsOf[body]!) {
            const d = editDistance(q, k, limit);
            if (d <= limit) distance = Math.min(distance, d);
          }
        }
        if (distance !== Infinity) found.push({ agency: agencies[body]!, distance });
      }
      found.sort((a, b) => a.distance - b.distance || (a.agency.id < b.agency.id ? -1 : 1));
      return found.slice(0, MAX_CANDIDATES).map((f) => f.agency);
    },
  };
}
