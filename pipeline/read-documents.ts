/**
 * The documents a folder read put aside in the spill, as columns (read-folder.ts): what merging renderings and the
 * cross-year rules need of each — its report's id, identity, year and body, its first source's rendering and name,
 * where it lies — a few array slots a document instead of an object with objects of its own. The identity, body and
 * rendering strings are interned (a body's reports of every year share them); the name is the file's own string.
 * Then the groups of mergeRenderings (parse/merge.ts mergedGroups: the same ids, items and order) and the index of
 * the run's reports by body and year, over those columns. Pure.
 */
import type { SpillRef } from './adapters/spill.ts';
import type { Source } from './model/report.ts';
import { mergedGroups, preferredSource } from './parse/merge.ts';

export interface Documents {
  id: string[];
  /** identityKey of its report (interned). */
  key: string[];
  year: number[];
  /** bodyKey of its report (interned). */
  body: string[];
  /** Its first source's rendering (interned) and name: which rendering a merged report keeps (preferredSource). */
  rendering: string[];
  name: string[];
  at: number[];
  bytes: number[];
  /** Its record holds an issue (a name that did not resolve): only then is it read back for the issue. */
  issued: boolean[];
}

export function documents(): Documents {
  return { id: [], key: [], year: [], body: [], rendering: [], name: [], at: [], bytes: [], issued: [] };
}

export function addDocument(docs: Documents, d: { id: string; key: string; year: number; body: string; first: Pick<Source, 'rendering' | 'name'>; at: SpillRef; issued: boolean }): void {
  docs.id.push(d.id);
  docs.key.push(d.key);
  docs.year.push(d.year);
  docs.body.push(d.body);
  docs.rendering.push(d.first.rendering);
  docs.name.push(d.first.name);
  docs.at.push(d.at.at);
  docs.bytes.push(d.at.bytes);
  docs.issued.push(d.issued);
}

export const placeOf = (docs: Documents, d: number): SpillRef => ({ at: docs.at[d]!, bytes: docs.bytes[d]! });

/**
 * The run's reports: renderings of one report merged (mergedGroups' groups, by merged id, sorted), each with its
 * documents, whether its id was given it (`renamed`), the year and body of its preferred document, and the first
 * document that had its id before merging (for the names' warnings: identifyAll keys them by that id).
 */
export interface Merged {
  /** Merged ids, sorted (the order of validation). */
  ids: string[];
  /** Report k's documents: `docs[start[k]] … docs[start[k + 1] - 1]`, in the folder's order. */
  start: Int32Array;
  docs: Int32Array;
  renamed: Uint8Array;
  year: number[];
  body: string[];
  /** The first document whose own id is report k's id, or -1; the next of each such document in `sameId`. */
  originalFirst: Int32Array;
  sameId: Int32Array;
}

export function mergeDocuments(docs: Documents): Merged {
  const n = docs.id.length;
  // Documents of one id, in order: the first of each id, and each one's next (-1 at the end).
  const firstOf = new Map<string, number>();
  const sameId = new Int32Array(n).fill(-1);
  for (let d = n - 1; d >= 0; d--) {
    const next = firstOf.get(docs.id[d]!);
    if (next !== undefined) sameId[d] = next;
    firstOf.set(docs.id[d]!, d);
  }
  // Ids in order of their first document, as mergedGroups meets them; an id whose documents have more than one
  // identity is split by mergedGroups itself (rare: ids carried by structured input, a hash that collides).
  const firstDocs = [...firstOf.values()].sort((a, b) => a - b);
  const groups = new Map<string, { first: number } | { items: number[] }>();
  for (const f of firstDocs) {
    let single = true;
    for (let d = sameId[f]!; d >= 0 && single; d = sameId[d]!) single = docs.key[d] === docs.key[f];
    if (single) {
      groups.set(docs.id[f]!, { first: f });
      continue;
    }
    const items: Array<{ id: string; key: string; year: number; d: number }> = [];
    for (let d = f; d >= 0; d = sameId[d]!) items.push({ id: docs.id[d]!, key: docs.key[d]!, year: docs.year[d]!, d });
    for (const [id, group] of mergedGroups(items)) groups.set(id, { items: group.items.map((i) => i.d) });
  }
  const ids = [...groups.keys()].sort();
  const k = ids.length;
  const start = new Int32Array(k + 1);
  const list: number[] = [];
  const renamed = new Uint8Array(k);
  const year: number[] = [];
  const body: string[] = [];
  const originalFirst = new Int32Array(k);
  for (let r = 0; r < k; r++) {
    const group = groups.get(ids[r]!)!;
    start[r] = list.length;
    if ('first' in group) {
      for (let d = group.first; d >= 0; d = sameId[d]!) list.push(d);
    } else {
      list.push(...group.items);
      renamed[r] = 1;
    }
    let best = list[start[r]!]!;
    for (let i = start[r]! + 1; i < list.length; i++) {
      const d = list[i]!;
      if (preferredSource(sourceOf(docs, d), sourceOf(docs, best)) < 0) best = d;
    }
    year.push(docs.year[best]!);
    body.push(docs.body[best]!);
    originalFirst[r] = firstOf.get(ids[r]!) ?? -1;
  }
  start[k] = list.length;
  return { ids, start, docs: Int32Array.from(list), renamed, year, body, originalFirst, sameId };
}

const sourceOf = (docs: Documents, d: number): Pick<Source, 'rendering' | 'name'> =>
  ({ rendering: docs.rendering[d] as Source['rendering'], name: docs.name[d]! });

/** Report k's documents. */
export function documentsOf(merged: Merged, k: number): Int32Array {
  return merged.docs.subarray(merged.start[k]!, merged.start[k + 1]!);
}

/**
 * The run's reports by body and year (validate/index.ts byBodyYear: the first in the run's order wins, years equal as
 * its keys are: as strings), as numbers: `previous(k)` is the report of k's body for k's year - 1, or undefined.
 * A body's reports are looked through in order (a body has one a year); a body with many has its years indexed.
 */
export function previousInRun(merged: Merged): (k: number) => number | undefined {
  const n = merged.ids.length;
  const bodyIndex = new Map<string, number>();
  const bodyOf = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let b = bodyIndex.get(merged.body[k]!);
    if (b === undefined) bodyIndex.set(merged.body[k]!, (b = bodyIndex.size));
    bodyOf[k] = b;
  }
  // Each body's reports in the run's order (a counting sort by body).
  const bodies = bodyIndex.size;
  bodyIndex.clear();
  const start = new Int32Array(bodies + 1);
  for (let k = 0; k < n; k++) start[bodyOf[k]! + 1]! += 1;
  for (let b = 0; b < bodies; b++) start[b + 1]! += start[b]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, bodies);
  for (let k = 0; k < n; k++) order[fill[bodyOf[k]!]!++] = k;
  const indexed = new Map<number, Map<string, number>>();
  const year = merged.year;
  const same = (a: unknown, want: number): boolean =>
    a === want || ((typeof a !== 'number' || Number.isNaN(want)) && String(a) === String(want));
  return (k) => {
    const b = bodyOf[k]!;
    const want = year[k]! - 1;
    if (start[b + 1]! - start[b]! <= SCANNED) {
      for (let i = start[b]!; i < start[b + 1]!; i++) if (same(year[order[i]!], want)) return order[i];
      return undefined;
    }
    let years = indexed.get(b);
    if (!years) {
      years = new Map();
      for (let i = start[b]!; i < start[b + 1]!; i++) if (!years.has(String(year[order[i]!]))) years.set(String(year[order[i]!]), order[i]!);
      indexed.set(b, years);
    }
    return years.get(String(want));
  };
}

/** A body with more reports in the run than this has its years indexed. */
const SCANNED = 32;

/** Where `id` is among `count` ids sorted by code units (as Array.prototype.sort sorts strings), `idAt(i)` the i-th; or -1. */
export function indexOfSorted(count: number, idAt: (i: number) => string, id: string): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (idAt(mid) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < count && idAt(lo) === id ? lo : -1;
}

/** What missingInRun needs of the history's reports: year, body, and the run's report of the same id (or -1). */
export interface HistoryColumns {
  year: number[];
  body: string[];
  inRun: number[];
}
