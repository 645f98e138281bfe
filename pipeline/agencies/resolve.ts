/**
 * Resolve a printed agency name to one registry body, or say it cannot: never a silent guess.
 *
 * In order: the exact official name; an alias; the normalized name (normalize.ts) against every body's keys
 * (keys.ts: region prefixes stripped or added, 人民政府 ↔ 政府, spacing and width), and, with a division hint, the
 * normalized name with the hint's place in front (自然资源和规划局 with hint 371500 → 聊城市自然资源和规划局). The
 * first step that finds anything decides: one body is a resolution; several are ambiguous, unless the hint (the
 * division the report comes from) leaves exactly one. A hint never overrides a name that fits one body only.
 * Nothing found: unknown, with close matches (close.ts) as candidates to suggest. Lookups are map hits; building
 * the index is linear in the registry; the forms of the project registry's bodies are computed by `npm run build`
 * (bodyForms, written into dist-js/registry.json) so that a command reading one report does not compute them. Pure.
 */
import type { Agency } from '../model/agency.ts';
import { type CloseIndex, closeIndex } from './close.ts';
import { bodyKeys, Places } from './keys.ts';
import { compactName, normalizeName } from '../model/agency-name.ts';
import { byDivisionThenId } from './sort.ts';

export type Resolution =
  | { status: 'resolved'; agency: Agency; by: 'exact' | 'alias' | 'normalized' }
  | { status: 'ambiguous'; candidates: Agency[] }
  | { status: 'unknown'; candidates: Agency[] };

export interface ResolveHint {
  /** GB/T 2260 code of the area the report comes from (a province, city or county). */
  division?: string;
}

export interface Resolver {
  resolve(printed: string, hint?: ResolveHint): Resolution;
  /** The body with this id. */
  get(id: string): Agency | undefined;
}

/** What a body answers to: its normalized keys (keys.ts), and every form the close-match index compares it with. */
export interface BodyForms {
  /** Its keys, then its names as printed (人民政府 kept), compacted; no repeats. */
  forms: string[];
  /** How many of the forms are keys. */
  keys: number;
}

function formsOfBody(agency: Agency, places: Places): BodyForms {
  const keys = bodyKeys(agency, places);
  return { forms: [...new Set([...keys, ...[agency.name, ...agency.aliases].map(compactName)])], keys: keys.length };
}

/** The forms of each body, in order. */
export function bodyForms(agencies: readonly Agency[]): BodyForms[] {
  const places = new Places(new Map(agencies.map((a) => [a.id, a])));
  return agencies.map((a) => formsOfBody(a, places));
}

/** Names whose close matches are kept (resolve). */
const CLOSE_KEPT = 4096;

function push(index: Map<string, Agency[]>, key: string, agency: Agency): void {
  const list = index.get(key);
  if (!list) index.set(key, [agency]);
  else if (!list.includes(agency)) list.push(agency);
}

/** 320800 → "3208": the code without its trailing 00 pairs; a body is in the area when its code starts with it. */
function areaPrefix(division: string | undefined): string | undefined {
  if (division === undefined || !/^\d{6}$/.test(division)) return undefined;
  return division.replace(/(?:00)+$/, '');
}

function decide(found: readonly Agency[] | undefined, by: 'exact' | 'alias' | 'normalized', area: string | undefined): Resolution | undefined {
  if (!found || found.length === 0) return undefined;
  if (found.length === 1) return { status: 'resolved', agency: found[0]!, by };
  const inArea = area === undefined ? [] : found.filter((a) => a.division.startsWith(area));
  if (inArea.length === 1) return { status: 'resolved', agency: inArea[0]!, by };
  return { status: 'ambiguous', candidates: [...(inArea.length > 1 ? inArea : found)].sort(byDivisionThenId) };
}

/**
 * `given`: the forms of the first bodies (bodyForms of a prefix of `agencies`, e.g. the project registry before the
 * extra files), when already computed; the rest are computed here.
 */
export function createResolver(agencies: readonly Agency[], given: readonly BodyForms[] = []): Resolver {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const places = new Places(byId);
  const exact = new Map<string, Agency[]>();
  const alias = new Map<string, Agency[]>();
  const normalized = new Map<string, Agency[]>();
  /** The government of each division code: the highest-level one (a township shares its county's code). */
  const governmentOf = new Map<string, Agency>();
  /** What the close-match index compares a body with: its keys, and its names as printed (人民政府 kept). */
  const formsOf: string[][] = [];
  const rank = { province: 0, city: 1, county: 2, township: 3 } as const;
  for (const [i, a] of agencies.entries()) {
    push(exact, a.name, a);
    for (const n of a.aliases) push(alias, n, a);
    const { forms, keys } = given[i] ?? formsOfBody(a, places);
    formsOf.push(forms);
    for (let k = 0; k < keys; k++) push(normalized, forms[k]!, a);
    const known = governmentOf.get(a.division);
    if (a.kind === 'government' && (!known || rank[a.level] < rank[known.level])) governmentOf.set(a.division, a);
  }
  let close: CloseIndex | undefined;
  /**
   * The close matches of names already looked up (a body's name recurs every year: the search compares it with every
   * body), by normalized and compacted name; emptied when full. Each caller gets its own copy.
   */
  const closeFound = new Map<string, readonly Agency[]>();

  return {
    get: (id) => byId.get(id),
    resolve(printed, hint) {
      const area = areaPrefix(hint?.division);
      const byName = decide(exact.get(printed), 'exact', area) ?? decide(alias.get(printed), 'alias', area);
      if (byName) return byName;
      const n = normalizeName(printed);
      const byKey = decide(normalized.get(n), 'normalized', area);
      if (byKey) return byKey;
      const government = hint?.division === undefined ? undefined : governmentOf.get(hint.division);
      if (government) {
        const own = places.placeOf(government);
        const inHintArea = (normalized.get(own + n) ?? []).filter((a) => area === undefined || a.division.startsWith(area));
        const byHint = decide(inHintArea, 'normalized', area);
        if (byHint) return byHint;
      }
      const compact = compactName(printed);
      const key = `${n}\u0000${compact}`;
      let candidates = closeFound.get(key);
      if (candidates === undefined) {
        close ??= closeIndex(agencies, formsOf);
        candidates = close.find([n, compact]);
        if (closeFound.size >= CLOSE_KEPT) closeFound.clear();
        closeFound.set(key, candidates);
      }
      return { status: 'unknown', candidates: [...candidates] };
    },
  };
}
