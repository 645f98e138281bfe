/**
 * The curated input of scripts/write-agencies.ts (scripts/agencies-curated.yaml): the facts about real bodies that
 * no package has. Pure: text in, entries out, a ConfigError naming the file and the entry otherwise.
 *
 * ```yaml
 * bodies:
 *   - name: 聊城市自然资源和规划局      # a department: `government` is the official name of its government
 *     government: 聊城市人民政府
 *   - name: 沭阳县人民政府             # a generated body: more names (older names, OCR slips), its USCC
 *     aliases: [沐阳县人民政府]
 * omit: [金门县人民政府]              # generated governments that publish nothing (with the reason in a comment)
 * ```
 */
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.ts';

export interface CuratedBody {
  name: string;
  /** For a department: the official name of its people's government. */
  government?: string;
  aliases: string[];
  uscc?: string;
}

export interface Curated {
  file: string;
  bodies: CuratedBody[];
  omit: string[];
}

export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const BODY_KEYS = new Set(['name', 'government', 'aliases', 'uscc']);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v === v.trim();

function readBody(raw: unknown, i: number, problems: string[]): CuratedBody | undefined {
  const at = `bodies[${i}]${isObject(raw) && typeof raw.name === 'string' ? ` (${raw.name})` : ''}`;
  if (!isObject(raw)) {
    problems.push(`${at}: expected a mapping with name and, for a department, government`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) if (!BODY_KEYS.has(key)) problems.push(`${at}.${key}: unknown field (expected name, government, aliases, uscc)`);
  if (!isName(raw.name)) problems.push(`${at}.name: expected the body's official name`);
  if (raw.government !== undefined && !isName(raw.government)) problems.push(`${at}.government: expected the official name of its people's government`);
  const aliases = raw.aliases ?? [];
  if (!Array.isArray(aliases) || !aliases.every(isName)) problems.push(`${at}.aliases: expected a list of names`);
  if (raw.uscc !== undefined && (typeof raw.uscc !== 'string' || !USCC_PATTERN.test(raw.uscc))) {
    problems.push(`${at}.uscc: expected an 18-character unified social credit code`);
  }
  if (problems.length > before) return undefined;
  return {
    name: raw.name as string,
    ...(raw.government === undefined ? {} : { government: raw.government as string }),
    aliases: aliases as string[],
    ...(raw.uscc === undefined ? {} : { uscc: raw.uscc as string }),
  };
}

export function parseCurated(text: string, file: string): Curated {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  const data: unknown = doc.toJS() ?? {};
  if (!isObject(data)) throw new ConfigError(file, ['(top level): expected a mapping with bodies and omit']);
  const problems: string[] = [];
  for (const key of Object.keys(data)) if (key !== 'bodies' && key !== 'omit') problems.push(`${key}: unknown field (expected bodies, omit)`);
  const rawBodies = data.bodies ?? [];
  if (!Array.isArray(rawBodies)) problems.push('bodies: expected a list');
  const bodies = (Array.isArray(rawBodies) ? rawBodies : []).flatMap((b, i) => readBody(b, i, problems) ?? []);
  const omit = data.omit ?? [];
  if (!Array.isArray(omit) || !omit.every(isName)) problems.push('omit: expected a list of official names');
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { file, bodies, omit: omit as string[] };
}
