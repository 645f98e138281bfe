/**
 * The ajv validators of the project's own schemas (schemas/<name>.schema.json). `npm run build` compiles them into
 * standalone code (dist-js/validators/<name>.cjs, scripts/compile-run-time.ts), so that the compiled CLI starts without
 * compiling a schema; run from the TypeScript sources, that code is used while dist-js is newer than every source
 * (adapters/compiled.ts), else ajv compiles them on first use, with the same options.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options, ValidateFunction } from 'ajv';
import { compiledFile } from './adapters/compiled.ts';

/**
 * The validators compiled at build time: the schema each checks (schemas/<schema>.schema.json)
 * and its ajv options (2020-12, strict). 'annual-report-check' is the report schema compiled to stop at its first
 * error (allErrors off): a yes/no answer without the error bookkeeping that allErrors does on a report that conforms
 * (an error object for every `if` that fails, the evaluated properties tracked cell after cell), run before
 * 'annual-report', which gives every error of a report that fails it (validate/schema.ts).
 */
export const VALIDATORS = {
  'annual-report': { schema: 'annual-report', options: { allErrors: true, strict: true, allowUnionTypes: true }, formats: true },
  'annual-report-check': { schema: 'annual-report', options: { allErrors: false, strict: true, allowUnionTypes: true }, formats: true },
  agencies: { schema: 'agencies', options: { allErrors: true, strict: true }, formats: false },
} as const satisfies Record<string, { schema: string; options: Options; formats: boolean }>;

export type ValidatorName = keyof typeof VALIDATORS;

const require = createRequire(import.meta.url);
const compiled = new Map<ValidatorName, ValidateFunction>();

/** The text of the schema `name` checks, from the repository's (or the package's) schemas/. */
export function schemaOf(name: ValidatorName): object {
  return JSON.parse(readFileSync(new URL(`../schemas/${VALIDATORS[name].schema}.schema.json`, import.meta.url), 'utf8')) as object;
}

/** A new ajv instance with the options of `name` (and formats when it uses them). */
export function ajvFor(name: ValidatorName, extra: Options = {}): import('ajv').default {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ ...VALIDATORS[name].options, ...extra });
  if (VALIDATORS[name].formats) {
    const formats = require('ajv-formats') as { default?: (a: unknown) => void } & ((a: unknown) => void);
    (formats.default ?? formats)(ajv);
  }
  return ajv as unknown as import('ajv').default;
}

/** The validator of schemas/<name>.schema.json: the build's standalone code when there is one, else ajv's. */
export function validatorFor(name: ValidatorName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    const built = compiledFile(`validators/${name}.cjs`);
    fn = built ? (require(fileURLToPath(built)) as ValidateFunction) : ajvFor(name).compile(schemaOf(name));
    compiled.set(name, fn);
  }
  return fn;
}
