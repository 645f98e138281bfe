/** A value made once per template edition (the template's rows, columns or cells a rule walks). Pure. */
import type { Edition } from '../model/template.ts';

export function perEdition<T>(make: (edition: Edition) => T): (edition: Edition) => T {
  const made = new Map<Edition, T>();
  return (edition) => {
    let out = made.get(edition);
    if (out === undefined) {
      out = make(edition);
      // Only the template's editions are kept (a malformed report may carry anything).
      if (made.size < 8) made.set(edition, out);
    }
    return out;
  };
}
