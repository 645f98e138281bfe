/**
 * Registry entries for the printed names that did not resolve: the official name (as printed, NFKC, without
 * spaces), an id by the registry's scheme, the division its place names point to (places.ts), the level, the kind
 * (a government when nothing but 人民政府/政府/行政公署/办事处 follows the places — one character off them is a slip,
 * not a new body —, else a department) and the parent
 * (the department's government, or the government of the division above). No entry when the places point to no
 * division or to several (the divisions are listed instead), when nothing follows them, or when the body the name describes is already in the
 * registry (it is then a candidate: the printed name belongs in its aliases). Ambiguous names get their candidates.
 * Two names that describe the same new body get one entry, the second name an alias of it. Pure.
 */
import type { Agency } from '../model/agency.ts';
import type { Division } from './divisions.ts';
import { editDistance } from './close.ts';
import { governmentIdCandidates } from './from-divisions.ts';
import { IdAllocator, joinId, pinyinInitials, pinyinSlug } from './ids.ts';
import { placeFinder } from './places.ts';
import type { Resolution } from './resolve.ts';

export interface Unresolved {
  printed: string;
  /** The files that print it. */
  files: readonly string[];
  resolution: Exclude<Resolution, { status: 'resolved' }>;
}

export interface Suggestion {
  printed: string;
  files: string[];
  status: 'unknown' | 'ambiguous';
  /** Ambiguous: the bodies it may be. Unknown: close matches, and the registry body the name describes. */
  candidates: Agency[];
  /** The divisions the name's places point to. */
  divisions: Division[];
  /** A new registry entry. */
  entry?: Agency;
  /** The printed name whose entry this name joins as an alias. */
  aliasOf?: string;
}

const GOVERNMENT_RESTS = ['人民政府', '政府', '行政公署', '办事处'];

/** What follows the places names a government (政府), or is one character off it (人民政付: a slip, not a body). */
function restKind(rest: string): 'government' | 'slip' | 'department' {
  if (GOVERNMENT_RESTS.includes(rest)) return 'government';
  return GOVERNMENT_RESTS.some((g) => editDistance(rest, g, 1) <= 1) ? 'slip' : 'department';
}

export const cleanName = (printed: string): string => printed.normalize('NFKC').replace(/\s+/g, '');

export function suggestEntries(unresolved: readonly Unresolved[], divisions: readonly Division[], registry: readonly Agency[]): Suggestion[] {
  const places = placeFinder(divisions);
  const byKey = new Map(divisions.map((d) => [d.key, d]));
  const ids = new IdAllocator(registry.map((a) => a.id));
  const governments = new Map<string, Agency>();
  for (const a of registry) if (a.kind === 'government') governments.set(`${a.division}|${a.level}`, a);
  const governmentOf = (d: Division): Agency | undefined => governments.get(`${d.code}|${d.level}`);
  /** The registry id of a division's government, or the one the scheme would give it. */
  const governmentId = (d: Division): string => {
    const known = governmentOf(d);
    if (known) return known.id;
    const parent = d.parent === undefined ? undefined : byKey.get(d.parent);
    return governmentIdCandidates(parent ? governmentId(parent) : undefined, d)[0]!;
  };
  const proposed = new Map<string, Suggestion>();

  return unresolved.map(({ printed, files, resolution }): Suggestion => {
    const base = { printed, files: [...files], status: resolution.status, candidates: [...resolution.candidates] };
    const name = cleanName(printed);
    const { divisions: found, rest } = places.find(name.replace(/[\p{P}\p{S}]/gu, ''));
    if (resolution.status === 'ambiguous' || found.length !== 1 || rest === '') return { ...base, divisions: found };
    const division = found[0]!;
    const read = restKind(rest);
    const kind = read === 'department' ? 'department' : 'government';
    const parentDivision = division.parent === undefined ? undefined : byKey.get(division.parent);
    const existing = kind === 'government' ? governmentOf(division) : undefined;
    if (existing) return { ...base, candidates: [existing, ...base.candidates.filter((c) => c !== existing)], divisions: found };
    if (read === 'slip') return { ...base, divisions: found };
    const sameBody = `${division.key}|${kind}|${kind === 'government' ? '' : rest}`;
    const first = proposed.get(sameBody);
    if (first?.entry) {
      if (first.entry.name !== name && !first.entry.aliases.includes(name)) first.entry.aliases.push(name);
      return { ...base, divisions: found, aliasOf: first.printed };
    }
    const parent = kind === 'government' ? (parentDivision ? governmentOf(parentDivision) : undefined) : governmentOf(division);
    const id = kind === 'government'
      ? ids.take(governmentIdCandidates(parentDivision ? governmentId(parentDivision) : undefined, division))
      : ids.take([joinId(governmentId(division), pinyinInitials(rest)), joinId(governmentId(division), pinyinSlug(rest))]);
    const entry: Agency = {
      id,
      name,
      aliases: [],
      division: division.code,
      level: division.level,
      kind,
      ...(parent === undefined ? {} : { parent: parent.id }),
    };
    const suggestion: Suggestion = { ...base, divisions: found, entry };
    proposed.set(sameBody, suggestion);
    return suggestion;
  });
}
