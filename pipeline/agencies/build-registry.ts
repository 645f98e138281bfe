/**
 * The registry scripts/write-agencies.ts writes: the people's government of every division of the package
 * (from-divisions.ts), plus the curated bodies and facts (curated.ts), merged with the registry as it was. Pure.
 *
 * The registry only grows: every id of the existing registry is kept (a body is matched by its division, level and
 * kind, and by name when several share those), and so is every name it had (a renamed body's former name becomes an
 * alias). Existing entries that nothing generates any more (an abolished division, an entry added by hand) are kept
 * as they are, so their ids are never handed out again.
 */
import type { Agency } from '../model/agency.ts';
import { ConfigError } from '../errors.ts';
import type { Curated, CuratedBody } from './curated.ts';
import type { Division } from './divisions.ts';
import { governmentsFromDivisions } from './from-divisions.ts';
import { IdAllocator, joinId, pinyinInitials, pinyinSlug } from './ids.ts';
import { byDivisionThenId } from './sort.ts';

export interface RegistryInputs {
  divisions: readonly Division[];
  curated: Curated;
  existing: readonly Agency[];
}

const names = (a: Agency): string[] => [a.name, ...a.aliases];

/** Finds the existing entry a new body continues; each existing entry is used once. */
class Existing {
  private readonly byKey = new Map<string, Agency[]>();
  readonly used = new Set<Agency>();

  constructor(existing: readonly Agency[]) {
    for (const a of existing) {
      const key = `${a.division}|${a.level}|${a.kind}`;
      const list = this.byKey.get(key);
      if (list) list.push(a);
      else this.byKey.set(key, [a]);
    }
  }

  match(division: string, level: Agency['level'], kind: Agency['kind'], bodyNames: readonly string[]): Agency | undefined {
    const pool = (this.byKey.get(`${division}|${level}|${kind}`) ?? []).filter((a) => !this.used.has(a));
    const byName = pool.find((a) => names(a).some((n) => bodyNames.includes(n)));
    // One government per division and level (not so for townships): it is the same body whatever its name now.
    const found = byName ?? (kind === 'government' && level !== 'township' && pool.length === 1 ? pool[0] : undefined);
    if (found) this.used.add(found);
    return found;
  }
}

/** What a department's name says after its government's place: 聊城市自然资源和规划局 → 自然资源和规划局. */
function departmentPart(name: string, government: Agency): string {
  const place = government.name.replace(/(?:人民政府|行政公署|办事处)$/, '');
  const starts = [0, ...[...place.matchAll(/[省市区县州盟旗]/g)].map((m) => m.index + 1)].filter((i) => i < place.length);
  for (const start of starts) {
    const prefix = place.slice(start);
    if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
  }
  return name;
}

function addCurated(body: CuratedBody, all: Agency[], ids: IdAllocator, existing: Existing, problems: string[], at: string): void {
  if (body.government === undefined) {
    const target = all.find((a) => a.name === body.name);
    if (!target) {
      problems.push(`${at}: no generated body is named ${body.name}; give a department its government, or use a body's official name`);
      return;
    }
    target.aliases.push(...body.aliases);
    if (body.uscc !== undefined) target.uscc = body.uscc;
    return;
  }
  const governments = all.filter((a) => a.name === body.government && a.kind === 'government');
  if (governments.length !== 1) {
    problems.push(`${at}.government: expected the official name of one people's government in the registry, found ${governments.length} named ${body.government}`);
    return;
  }
  const government = governments[0]!;
  const kept = existing.match(government.division, government.level, 'department', [body.name, ...body.aliases]);
  const part = departmentPart(body.name, government);
  const id = kept?.id ?? ids.take([joinId(government.id, pinyinInitials(part)), joinId(government.id, pinyinSlug(part))]);
  all.push({
    id,
    name: body.name,
    aliases: [...body.aliases],
    division: government.division,
    level: government.level,
    kind: 'department',
    parent: government.id,
    ...(body.uscc === undefined ? {} : { uscc: body.uscc }),
  });
}

export function buildRegistry(inputs: RegistryInputs): Agency[] {
  const { curated } = inputs;
  const ids = new IdAllocator(inputs.existing.map((a) => a.id));
  const existing = new Existing(inputs.existing);
  const problems: string[] = [];

  const generated = governmentsFromDivisions(inputs.divisions, {
    ids,
    existingId: (d, name) => existing.match(d.code, d.level, 'government', [name])?.id,
  });
  const omit = new Set(curated.omit);
  for (const name of omit) if (!generated.some((a) => a.name === name)) problems.push(`omit: no generated government is named ${name}`);
  const omitted = new Set(generated.filter((a) => omit.has(a.name)).map((a) => a.id));
  const all = generated.filter((a) => !omitted.has(a.id));
  for (const a of all) if (a.parent !== undefined && omitted.has(a.parent)) problems.push(`omit: ${a.name} still has its parent ${a.parent} omitted`);

  curated.bodies.forEach((body, i) => addCurated(body, all, ids, existing, problems, `bodies[${i}] (${body.name})`));
  if (problems.length > 0) throw new ConfigError(curated.file, problems);

  // What each existing entry knew stays known: its former official name and its aliases, its USCC.
  const previous = new Map([...inputs.existing].map((a) => [a.id, a]));
  const out = all.map((a) => {
    const before = previous.get(a.id);
    const aliases = new Set([...a.aliases, ...(before ? names(before) : [])]);
    aliases.delete(a.name);
    const uscc = a.uscc ?? before?.uscc;
    return { ...a, aliases: [...aliases].sort(), ...(uscc === undefined ? {} : { uscc }) };
  });
  const made = new Set(out.map((a) => a.id));
  for (const a of inputs.existing) if (!made.has(a.id)) out.push(a);
  return out.sort(byDivisionThenId);
}
