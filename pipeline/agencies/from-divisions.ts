/**
 * The people's government of every division (divisions.ts), with names by naming.ts, ids by ids.ts and parent ids
 * (township → county → city → province). A former division with a successor (长泰县 → 长泰区) is not a body of its
 * own: its government's names become aliases of the successor's government. Pure.
 */
import type { Agency } from '../model/agency.ts';
import type { Division } from './divisions.ts';
import { IdAllocator, joinId, pinyinInitials, pinyinSlug } from './ids.ts';
import { governmentName, placeCore } from './naming.ts';

export interface FromDivisionsOptions {
  /** The ids already handed out (kept ids, other bodies): new ids avoid them. */
  ids?: IdAllocator;
  /** The id a division's government already has (a regenerated registry keeps every id). */
  existingId?: (division: Division, name: string) => string | undefined;
}

/** The id candidates of a government under `parentId`, best first. */
export function governmentIdCandidates(parentId: string | undefined, division: Division): string[] {
  const { core, generic } = placeCore(division.name);
  const segment = pinyinSlug(core) || pinyinInitials(core) || division.key;
  const genericSegment = pinyinSlug(generic);
  return [
    joinId(parentId ?? '', segment),
    ...(genericSegment ? [joinId(parentId ?? '', `${segment}-${genericSegment}`)] : []),
    joinId(parentId ?? '', `${segment}-${division.key}`),
  ];
}

/** Divisions come in key order, so every parent comes before its children. */
export function governmentsFromDivisions(divisions: readonly Division[], options: FromDivisionsOptions = {}): Agency[] {
  const ids = options.ids ?? new IdAllocator();
  const byKey = new Map(divisions.map((d) => [d.key, d]));
  const idByKey = new Map<string, string>();
  const folded = new Map<string, string[]>();
  for (const d of divisions) {
    if (d.successor === undefined) continue;
    const { name, aliases } = governmentName(d, d.parent === undefined ? undefined : byKey.get(d.parent));
    const list = folded.get(d.successor);
    if (list) list.push(name, ...aliases);
    else folded.set(d.successor, [name, ...aliases]);
  }
  const out: Agency[] = [];
  for (const division of [...divisions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (division.successor !== undefined) continue;
    const parentDivision = division.parent === undefined ? undefined : byKey.get(division.parent);
    const parent = division.parent === undefined ? undefined : idByKey.get(division.parent);
    const own = governmentName(division, parentDivision);
    const name = own.name;
    const aliases = [...new Set([...own.aliases, ...(folded.get(division.key) ?? [])])].filter((a) => a !== name).sort();
    const kept = options.existingId?.(division, name);
    const id = kept ?? ids.take(governmentIdCandidates(parent, division));
    if (kept !== undefined) ids.reserve(kept);
    idByKey.set(division.key, id);
    out.push({
      id,
      name,
      aliases,
      division: division.code,
      level: division.level,
      kind: 'government',
      ...(parent === undefined ? {} : { parent }),
    });
  }
  return out;
}
