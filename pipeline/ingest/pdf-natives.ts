/**
 * pdfjs-dist's legacy build (the one that runs on Node 20) bundles core-js, which on loading replaces, for the whole
 * process, built-ins it finds wanting on this V8 — among them Array.prototype.push (its polyfill is about ten times
 * slower: every push of every module after the first PDF read), JSON.parse (some 40% slower) and
 * Function.prototype.toString. This module is imported before pdf.js (pdf-load.ts): it keeps those built-ins as they
 * were, and restoreBuiltIns() puts them back once pdf.js and its worker have loaded. What V8 lacks (Promise.withResolvers,
 * the Set methods, …) stays as pdf.js added it.
 */
const KEPT: ReadonlyArray<readonly [object, string]> = [[Array.prototype, 'push'], [JSON, 'parse'], [Function.prototype, 'toString']];
const kept = KEPT.map(([on, key]) => [on, key, Object.getOwnPropertyDescriptor(on, key)] as const);

export function restoreBuiltIns(): void {
  for (const [on, key, descriptor] of kept) if (descriptor) Object.defineProperty(on, key, descriptor);
}
