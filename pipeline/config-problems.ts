/**
 * How the configuration's problems are said (config.ts): an ajv error as "field: expected …" naming the field the
 * way the file writes it (sources[2].url), and secrets written into the file, which do not belong there. Pure.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

const SECRET_KEY = /token|secret|password/i;
const SECRET_VALUE = /^(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;

export type Raw = Record<string, unknown>;
export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field messages by property name (the last segment of the path), for pattern/format failures. */
const EXPECTED: Record<string, string> = {
  id: 'expected an ASCII slug (lower-case letters, digits and hyphens, e.g. "huaian-city")',
  region: 'expected a six-digit GB/T 2260 region code (e.g. "320800")',
  url: 'expected an http(s) URL',
  apiUrl: 'expected an http(s) URL',
  branch: 'expected a git branch name',
  baseUrl: "expected an absolute http(s) URL ending with '/' (e.g. \"https://OWNER.github.io/NAME/latest/\")",
  email: 'expected an email address (e.g. "opendata@example.gov.cn")',
  spatial: 'expected a six-digit GB/T 2260 region code (e.g. "320800")',
};

/** An ajv instancePath (/sources/2/url) as a field path (sources[2].url). */
export function fieldPath(pointer: string, extra?: string): string {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) segments.push(extra);
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out || '(top level)';
}

/** An ajv error as the line the user reads: the field as the file writes it, then what was expected (undefined: said by another error). */
export function describeSchemaError(e: ErrorObject): string | undefined {
  const field = fieldPath(e.instancePath);
  const last = e.instancePath.split('/').pop() ?? '';
  switch (e.keyword) {
    case 'required':
      // A source's "one of url, path, inbox" is reported once, by the oneOf error.
      if (e.schemaPath.includes('/oneOf/')) return undefined;
      return `${fieldPath(e.instancePath, (e.params as { missingProperty: string }).missingProperty)}: required`;
    case 'oneOf':
      return `${field}: expected exactly one of url, path, inbox, listing`;
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return `${fieldPath(e.instancePath, key)}: unknown field`;
    }
    case 'type':
      return `${field}: expected ${(e.params as { type: string }).type === 'integer' ? 'a whole number' : `a ${(e.params as { type: string }).type}`}`;
    case 'pattern':
      return `${field}: ${EXPECTED[last] ?? `expected a value matching ${(e.params as { pattern: string }).pattern}`}`;
    case 'minLength':
      return `${field}: expected a non-empty string`;
    case 'enum':
      return `${field}: expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'if':
      // Reported by the branch that failed (then/else).
      return undefined;
    case 'uniqueItems':
      return `${field}: expected no repeated entries`;
    case 'minItems':
      return `${field}: expected at least one entry`;
    case 'minimum':
    case 'maximum':
      return `${field}: expected a number ${e.keyword === 'minimum' ? '>=' : '<='} ${(e.params as { limit: number }).limit}`;
    default:
      return `${field}: ${e.message ?? 'invalid'}`;
  }
}

/** Secrets written into the file: keys that name a token or values that look like one. Removed from the copy checked by the schema. */
export function findSecrets(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => findSecrets(v, `${path}[${i}]`, out));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (SECRET_KEY.test(k)) {
        out.push(`${p}: a token does not belong in the config file; set GITHUB_TOKEN in the environment instead`);
        delete value[k];
      } else findSecrets(v, p, out);
    }
  } else if (typeof value === 'string' && SECRET_VALUE.test(value.trim())) {
    out.push(`${path}: looks like a GitHub token; tokens do not belong in the config file, set GITHUB_TOKEN in the environment instead`);
  }
}
