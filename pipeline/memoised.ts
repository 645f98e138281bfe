/**
 * A pure function of a string, memoised: the template's labels, headings, headers, the commonest figures and the
 * codes of the datasets recur in every report, and a label is matched against every template row. A cache holds a
 * bounded number of texts (memoised below); texts longer than a label or a cell are not kept (they seldom recur). Pure.
 */
const LONGEST_KEPT = 400;

/**
 * The text as one flat string of its own, one byte a character when every character fits. A label cut from a
 * document with slice() or a regular expression is, in V8, a view into the whole document: kept as a key, it would
 * keep every document whose labels were ever cached alive (about 5 KB a Word-text report). A copy made by joining and
 * cutting again (`(' ' + text).slice(1)`) is itself a slice of the joined copy — two strings — and two bytes a
 * character when the text was cut from a two-byte (Chinese) document, even where it is ASCII: a 36-character report
 * id weighed 136 bytes that way, 65 bytes this way.
 */
export function ownCopy(text: string): string {
  return LATIN1.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : Buffer.from(text, 'utf16le').toString('utf16le');
}
const LATIN1 = /^[\x00-\xff]*$/;

/**
 * V8 makes a string cut (slice, substring, a match) or joined (+) of fewer than 13 characters as a new flat string
 * of its own (SlicedString::kMinLength and ConsString::kMinLength): it holds no other string, so a key that short is
 * kept as it is (one copy fewer for every text a cache meets, most of them figures); a longer one is copied.
 */
const SHORT = 13;

/** The text to keep as a cache's key: itself when it holds no other string, else ownCopy(text). */
export function keyCopy(text: string): string {
  return text.length < SHORT ? text : ownCopy(text);
}

/**
 * `fn` memoised, holding at most `limit` texts: the cache is emptied when it is full. A value that is the text itself
 * (an escape that changed nothing) is kept as the key's copy, never as the caller's string (which may be a view into
 * a whole document, and would keep it alive as long as the cache holds it).
 */
export function memoised<T>(fn: (text: string) => T, limit = 16_384): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = fn(text);
      if (text.length <= LONGEST_KEPT) {
        if (cache.size >= limit) cache.clear();
        const key = keyCopy(text);
        cache.set(key, (out as unknown) === text ? (key as T) : out);
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
