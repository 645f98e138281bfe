/**
 * The normalized keys a body answers to. Each of its names (official and aliases), normalized, is cut into the
 * places above the body (the region prefix) and its core (洪泽区政府; 聊城市自然资源和规划局 — a department keeps
 * its own government's place); the keys are the core with every in-order selection of those places in front:
 * 洪泽区政府, 淮安市洪泽区政府, 江苏省洪泽区政府, 江苏省淮安市洪泽区政府. Pure.
 */
import type { Agency } from '../model/agency.ts';
import { GOVERNMENT_SUFFIX, normalizeName } from '../model/agency-name.ts';

const MAX_DEPTH = 16;

/** Places of governments (normalized, 洪泽区) and the places above each body (outermost first), memoized. */
export class Places {
  private readonly byId: ReadonlyMap<string, Agency>;
  private readonly place = new Map<string, string>();
  private readonly above = new Map<string, readonly string[]>();

  constructor(byId: ReadonlyMap<string, Agency>) {
    this.byId = byId;
  }

  /** The nearest government at or above a body (itself, for a government). */
  government(agency: Agency): Agency | undefined {
    let a: Agency | undefined = agency;
    for (let depth = 0; a && a.kind !== 'government' && depth < MAX_DEPTH; depth++) a = a.parent === undefined ? undefined : this.byId.get(a.parent);
    return a?.kind === 'government' ? a : undefined;
  }

  /** The places of the governments above a government, outermost first (江苏省, 淮安市 for 洪泽区). */
  chain(government: Agency, depth = 0): readonly string[] {
    const known = this.above.get(government.id);
    if (known) return known;
    const parent = government.parent === undefined ? undefined : this.byId.get(government.parent);
    const up = parent && depth < MAX_DEPTH ? this.government(parent) : undefined;
    const chain = up ? [...this.chain(up, depth + 1), this.placeOf(up, depth + 1)] : [];
    this.above.set(government.id, chain);
    return chain;
  }

  /** A government's own place: its normalized name without the places above and without 政府 (洪泽区). */
  placeOf(government: Agency, depth = 0): string {
    const known = this.place.get(government.id);
    if (known !== undefined) return known;
    const place = stripPrefix(normalizeName(government.name), this.chain(government, depth)).replace(GOVERNMENT_SUFFIX, '');
    this.place.set(government.id, place);
    return place;
  }

  /** The places above a body: for a government, its chain; for a department, its government's chain. */
  prefixes(agency: Agency): { above: readonly string[]; own: string } {
    const government = this.government(agency);
    if (!government) return { above: [], own: '' };
    return { above: this.chain(government), own: this.placeOf(government) };
  }
}

/** Removes the leading places that are there, in order (江苏省淮安市洪泽区政府 → 洪泽区政府). */
export function stripPrefix(name: string, places: readonly string[]): string {
  let rest = name;
  for (const p of places) if (p !== '' && rest.startsWith(p) && rest.length > p.length) rest = rest.slice(p.length);
  return rest;
}

/** Every in-order selection of `places` (2^n of them) in front of `core`. */
function withPrefixes(core: string, places: readonly string[]): string[] {
  let keys = [core];
  for (let i = places.length - 1; i >= 0; i--) keys = [...keys, ...keys.map((k) => places[i]! + k)];
  return keys;
}

/** The keys of one body. A name whose core is only a suffix (政府) gives none; one that does not carry the body's own place gets no prefixes. */
export function bodyKeys(agency: Agency, places: Places): string[] {
  const { above, own } = places.prefixes(agency);
  const keys = new Set<string>();
  for (const name of [agency.name, ...agency.aliases]) {
    const core = stripPrefix(normalizeName(name), above);
    if (core === '' || core.replace(GOVERNMENT_SUFFIX, '') === '') continue;
    const placed = agency.kind === 'government' || own === '' || core.startsWith(own);
    for (const key of placed ? withPrefixes(core, above) : [core]) keys.add(key);
  }
  return [...keys];
}
