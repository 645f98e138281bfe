/**
 * A pure function of a string, memoised: the template's labels, headings, headers, the commonest figures and the
 * codes of the datasets recur in every report, and a label is matched against every template row. The cache is emptied when it is full (bounded
 * memory); texts longer than a label or a cell are not kept (they seldom recur). Pure.
 */
const LONGEST_KEPT = 400;

/**
 * The text as a string of its own. A label cut from a document with slice() or a regular expression is, in V8, a
 * view into the whole document: kept as a key, it would keep every document whose labels were ever cached alive
 * (about 5 KB a Word-text report). Joining and cutting again makes V8 copy the characters into a new string.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

export function memoised<T>(fn: (text: string) => T, limit = 16_384): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (text.length <= LONGEST_KEPT) {
        if (cache.size >= limit) cache.clear();
        cache.set(ownCopy(text), out);
      }
    }
    return out;
  };
}

/**
 * One string for each distinct value: the names, editions, dates and series keys a body's reports of every year
 * repeat are kept once instead of once a report. What is kept is a copy (ownCopy), never the string first seen: a name
 * cut from a document would otherwise keep that document alive for the whole build.
 */
export function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let held = seen.get(s);
    if (held === undefined) {
      // The copy is the key too: a Map keeps its keys alive as much as its values.
      held = ownCopy(s);
      seen.set(held, held);
    }
    return held;
  };
}
