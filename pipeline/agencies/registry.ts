/**
 * Read a registry file (agencies.yaml, or an extra one): YAML → checked against schemas/agencies.schema.json (ajv,
 * 2020-12, allErrors, compiled once) → the rules a schema cannot say: ids unique, every parent an id, no cycle of
 * parents, no alias that is another body's official name. Every problem is collected and thrown at once as a
 * ConfigError naming the file, the entry (index and id) and what was expected. Pure: the caller reads the file.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.ts';
import type { Agency } from '../model/agency.ts';
import { validatorFor } from '../validators.ts';

function validator(): ValidateFunction {
  return validatorFor('agencies');
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const EXPECTED: Record<string, string> = {
  id: 'expected an ASCII id: lower-case letters and digits in hyphen-separated segments, at most 64 characters (e.g. "jiangsu-huaian-hongze")',
  parent: 'expected the id of another entry (e.g. "jiangsu-huaian")',
  division: 'expected a six-digit GB/T 2260 code as a string (e.g. "320813")',
  name: 'expected a name without leading or trailing spaces',
  aliases: 'expected names without leading or trailing spaces',
  uscc: 'expected an 18-character unified social credit code',
  level: 'expected one of province, city, county, township',
  kind: 'expected one of government, department',
};

/** "agencies[3] (id jiangsu-huaian)" for an entry, from the parsed data. */
function entryLabel(entries: unknown[], index: number): string {
  const raw = entries[index];
  const id = isObject(raw) && typeof raw.id === 'string' ? ` (id ${raw.id})` : '';
  return `agencies[${index}]${id}`;
}

function describe(e: ErrorObject, entries: unknown[]): string {
  const [, top, index, field, sub] = e.instancePath.split('/');
  const where = top === 'agencies' && index !== undefined ? entryLabel(entries, Number(index)) : top === undefined || top === '' ? '(top level)' : top;
  const params = e.params as { missingProperty?: string; additionalProperty?: string; type?: string };
  const path = `${where}${field !== undefined ? `.${field}` : ''}${sub !== undefined ? `[${sub}]` : ''}`;
  switch (e.keyword) {
    case 'required':
      return `${path}.${params.missingProperty}: required`;
    case 'additionalProperties':
      return `${path}.${params.additionalProperty}: unknown field${where === '(top level)' ? ' (expected agencies)' : ' (expected id, name, aliases, division, level, kind, parent, uscc)'}`;
    case 'type':
      return `${path}: expected ${params.type === 'array' ? 'a list' : params.type === 'object' ? 'a mapping' : `a ${params.type}`}`;
    case 'uniqueItems':
      return `${path}: expected each alias once`;
    case 'pattern':
    case 'maxLength':
    case 'minLength':
    case 'enum':
      return `${path}: ${EXPECTED[field ?? ''] ?? e.message ?? 'invalid'}`;
    default:
      return `${path}: ${e.message ?? 'invalid'}`;
  }
}

/** The rules beyond the schema, over this file's entries and those already loaded (`base`). */
function semanticProblems(agencies: readonly Agency[], base: readonly Agency[]): string[] {
  const problems: string[] = [];
  const label = (i: number): string => `agencies[${i}] (id ${agencies[i]!.id})`;
  const where = new Map<string, string>(base.map((a) => [a.id, `an earlier registry file`]));
  const parentOf = new Map<string, string | undefined>(base.map((a) => [a.id, a.parent]));
  agencies.forEach((a, i) => {
    const first = where.get(a.id);
    if (first !== undefined) problems.push(`${label(i)}: id ${a.id} is already used by ${first}`);
    else where.set(a.id, `agencies[${i}]`);
    parentOf.set(a.id, a.parent);
  });
  const official = new Map<string, string>();
  for (const a of base) official.set(a.name, a.id);
  agencies.forEach((a, i) => {
    if (!official.has(a.name)) official.set(a.name, a.id);
    if (a.parent !== undefined && !parentOf.has(a.parent)) problems.push(`${label(i)}.parent: ${a.parent} is not the id of any entry`);
  });
  agencies.forEach((a, i) => {
    const seen = new Set([a.id]);
    for (let p = a.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        problems.push(`${label(i)}.parent: the parents form a cycle (${[...seen, p].join(' → ')}); expected a chain up to a body without parent`);
        break;
      }
      seen.add(p);
    }
    for (const alias of a.aliases) {
      const owner = official.get(alias);
      if (owner !== undefined && owner !== a.id) problems.push(`${label(i)}.aliases: ${alias} is the official name of ${owner}; an alias must not name another body`);
    }
  });
  return problems;
}

/**
 * Parse and check one registry file. `base` holds the entries of files read before it (agencies.yaml when this is
 * an extra file): ids must be unique across them all, and parents may be any of them.
 */
export function parseRegistry(text: string, file: string, base: readonly Agency[] = []): Agency[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  const data: unknown = doc.toJS() ?? {};
  if (!isObject(data)) throw new ConfigError(file, ['(top level): expected a mapping with agencies: a list of bodies']);
  const entries = Array.isArray(data.agencies) ? (data.agencies as unknown[]) : [];
  // A division written without quotes arrives as a number: take it as the code it is.
  for (const e of entries) if (isObject(e) && typeof e.division === 'number' && Number.isInteger(e.division)) e.division = String(e.division);
  const validate = validator();
  if (!validate(data)) {
    const problems = [...new Set((validate.errors ?? []).map((e) => describe(e, entries)))];
    throw new ConfigError(file, problems);
  }
  const agencies = (entries as Array<Omit<Agency, 'aliases'> & { aliases?: string[] }>).map(({ id, name, aliases, division, level, kind, parent, uscc }) => ({
    id,
    name,
    aliases: aliases ?? [],
    division,
    level,
    kind,
    ...(parent === undefined ? {} : { parent }),
    ...(uscc === undefined ? {} : { uscc }),
  }));
  const problems = semanticProblems(agencies, base);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return agencies;
}
