/**
 * A yes/no check of a value against a JSON Schema, for the keywords schemas/annual-report.schema.json uses, with ajv's
 * semantics for each (the same type tests, `u` patterns, code-point lengths, ajv-formats' `date`): schema.ts asks it
 * first and calls ajv only for a report it does not pass, so a report that conforms costs no error bookkeeping (ajv's
 * allErrors code makes error objects for every `if` that fails and tracks evaluated properties, cell after cell).
 * It must never pass what ajv rejects; rejecting more only costs ajv's time. A schema holding any keyword not known
 * here does not compile (compileCheck throws, and schema.ts uses ajv alone). The check is JavaScript written from the
 * schema (one function per definition and per `if`), as ajv's own code is, without the errors. Pure.
 */
import { createRequire } from 'node:module';

export type Check = (data: unknown) => boolean;

const require = createRequire(import.meta.url);
const ucs2length = (require('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;
const FORMATS: Record<string, (s: string) => boolean> = {
  date: (require('ajv-formats/dist/formats') as { fullFormats: { date: { validate: (s: string) => boolean } } })
    .fullFormats.date.validate,
};

/** Keywords that do not constrain a value. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'title', 'description']);
const KNOWN = new Set([
  ...ANNOTATIONS, '$ref', 'type', 'properties', 'required', 'additionalProperties', 'enum', 'const', 'pattern',
  'minLength', 'minimum', 'maximum', 'minItems', 'items', 'allOf', 'if', 'then', 'format',
]);

type Schema = boolean | Record<string, unknown>;

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** ajv's type tests, as expressions of `v` (number and integer are finite). */
const TYPES: Record<string, (v: string) => string> = {
  object: (v) => `(${v} !== null && typeof ${v} === "object" && !Array.isArray(${v}))`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `(typeof ${v} === "string")`,
  number: (v) => `(typeof ${v} === "number" && isFinite(${v}))`,
  integer: (v) => `(typeof ${v} === "number" && isFinite(${v}) && ${v} % 1 === 0)`,
  boolean: (v) => `(typeof ${v} === "boolean")`,
  null: (v) => `(${v} === null)`,
};

function fail(why: string): never {
  throw new Error(`schema-check: ${why}`);
}

const isPrimitive = (x: unknown): boolean => x === null || typeof x === 'string' || typeof x === 'boolean'
  || (typeof x === 'number' && Number.isFinite(x));

/** The check of `root` (a schema with local `#/$defs/…` references only). Throws on anything it does not know. */
export function compileCheck(root: Record<string, unknown>): Check {
  const defs = (isObject(root.$defs) ? root.$defs : {}) as Record<string, Schema>;
  /** Values the code refers to as K[i]: patterns, sets of names, formats, ucs2length. */
  const held: unknown[] = [];
  const hold = (value: unknown): string => `K[${held.push(value) - 1}]`;
  const functions: string[] = [];
  const byRef = new Map<string, string>();
  let names = 0;
  const fresh = (): string => `v${names++}`;

  /** A function of one argument that returns whether it passes `schema`; its name. */
  function fn(schema: Schema): string {
    const name = `f${functions.length}`;
    functions.push('');
    functions[functions.length - 1] = `function ${name}(v) {\n${statements(schema, 'v')}return true;\n}`;
    return name;
  }

  function ref(target: unknown): string {
    if (typeof target !== 'string') fail('a $ref that is not a string');
    let name = byRef.get(target);
    if (name === undefined) {
      const def = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(target)?.[1];
      if (!def || !Object.hasOwn(defs, def)) fail(`an unknown $ref ${target}`);
      name = `f${functions.length}`;
      byRef.set(target, name);
      functions.push('');
      const at = functions.length - 1;
      functions[at] = `function ${name}(v) {\n${statements(defs[def]!, 'v')}return true;\n}`;
    }
    return name;
  }

  /** Statements that return false when the value in variable `v` does not pass `schema`. */
  function statements(schema: Schema, v: string): string {
    if (schema === true) return '';
    if (schema === false) return 'return false;\n';
    if (!isObject(schema)) fail('a schema that is neither an object nor a boolean');
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) fail(`the keyword ${k}`);
    let out = '';
    if (schema.$ref !== undefined) out += `if (!${ref(schema.$ref)}(${v})) return false;\n`;
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const tests = types.map((t) => (typeof t === 'string' && Object.hasOwn(TYPES, t) ? TYPES[t]!(v) : fail(`the type ${String(t)}`)));
      out += `if (!(${tests.join(' || ')})) return false;\n`;
    }
    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum) || schema.enum.length === 0 || !schema.enum.every(isPrimitive)) fail('an enum of other than primitives');
      out += `if (!(${schema.enum.map((e) => `${v} === ${JSON.stringify(e)}`).join(' || ')})) return false;\n`;
    }
    if (schema.const !== undefined) {
      if (!isPrimitive(schema.const)) fail('a const that is not a primitive');
      out += `if (${v} !== ${JSON.stringify(schema.const)}) return false;\n`;
    }
    out += objectStatements(schema, v);
    out += stringStatements(schema, v);
    for (const [keyword, op] of [['minimum', '<'], ['maximum', '>']] as const) {
      const limit = schema[keyword];
      if (limit === undefined) continue;
      if (typeof limit !== 'number' || !Number.isFinite(limit)) fail(keyword);
      out += `if (typeof ${v} === "number" && (${v} ${op} ${limit} || isNaN(${v}))) return false;\n`;
    }
    if (schema.minItems !== undefined || schema.items !== undefined) {
      let inner = '';
      if (schema.minItems !== undefined) {
        if (!Number.isInteger(schema.minItems)) fail('minItems');
        inner += `if (${v}.length < ${schema.minItems as number}) return false;\n`;
      }
      if (schema.items !== undefined) {
        // A loop, not every(): a hole is undefined to ajv, and every() would skip it.
        const i = fresh();
        const item = fresh();
        inner += `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${item} = ${v}[${i}];\n${statements(schema.items as Schema, item)}}\n`;
      }
      out += `if (Array.isArray(${v})) {\n${inner}}\n`;
    }
    if (schema.allOf !== undefined) {
      if (!Array.isArray(schema.allOf)) fail('allOf');
      for (const part of schema.allOf as Schema[]) out += statements(part, v);
    }
    if (schema.if !== undefined && schema.then !== undefined) {
      out += `if (${fn(schema.if as Schema)}(${v})) {\n${statements(schema.then as Schema, v)}}\n`;
    } else if (schema.then !== undefined) statements(schema.then as Schema, fresh());
    return out;
  }

  function objectStatements(schema: Record<string, unknown>, v: string): string {
    const properties = schema.properties === undefined ? {} : schema.properties;
    if (!isObject(properties)) fail('properties');
    const required = schema.required === undefined ? [] : schema.required;
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) fail('required');
    const additional = schema.additionalProperties;
    if (additional !== undefined && additional !== false) fail('additionalProperties other than false');
    const names = Object.keys(properties);
    if (names.length === 0 && required.length === 0 && additional === undefined) return '';
    let inner = '';
    for (const r of required as string[]) inner += `if (${v}[${JSON.stringify(r)}] === undefined) return false;\n`;
    for (const name of names) {
      const p = fresh();
      const check = statements(properties[name] as Schema, p);
      if (check) inner += `{\nconst ${p} = ${v}[${JSON.stringify(name)}];\nif (${p} !== undefined) {\n${check}}\n}\n`;
    }
    if (additional === false) {
      const key = fresh();
      const known = names.length <= 16 ? names.map((n) => `${key} === ${JSON.stringify(n)}`).join(' || ') || 'false'
        : `${hold(new Set(names))}.has(${key})`;
      inner += `for (const ${key} in ${v}) if (!(${known})) return false;\n`;
    }
    return `if (${TYPES.object!(v)}) {\n${inner}}\n`;
  }

  function stringStatements(schema: Record<string, unknown>, v: string): string {
    let out = '';
    if (schema.pattern !== undefined) {
      if (typeof schema.pattern !== 'string') fail('pattern');
      out += `if (typeof ${v} === "string" && !${hold(new RegExp(schema.pattern, 'u'))}.test(${v})) return false;\n`;
    }
    if (schema.minLength !== undefined) {
      if (!Number.isInteger(schema.minLength)) fail('minLength');
      out += `if (typeof ${v} === "string" && ${hold(ucs2length)}(${v}) < ${schema.minLength as number}) return false;\n`;
    }
    if (schema.format !== undefined) {
      if (typeof schema.format !== 'string' || !Object.hasOwn(FORMATS, schema.format)) fail(`the format ${String(schema.format)}`);
      out += `if (typeof ${v} === "string" && !${hold(FORMATS[schema.format])}(${v})) return false;\n`;
    }
    return out;
  }

  const main = fn(root);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code written above from the schema, as ajv does
  return new Function('K', `"use strict";\n${functions.join('\n')}\nreturn ${main};`)(held) as Check;
}
