/**
 * The build's second step (npm run build, after tsc -p tsconfig.build.json): what the compiled CLI would otherwise
 * compute at every start. Writes into dist-js/:
 *   validators/<name>.cjs  ajv standalone code of the project's schemas (pipeline/validators.ts loads them);
 *   registry.json          agencies.yaml read and checked, with its bodies' name forms (agencies/resolve.ts bodyForms;
 *                          pipeline/adapters/registry.ts uses it while it is newer than agencies.yaml);
 *   .built                 the stamp bin/xxgk.js compares with the sources' modification times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { loadRegistry } from '../pipeline/adapters/registry.ts';
import { bodyForms } from '../pipeline/agencies/resolve.ts';
import { VALIDATORS, type ValidatorName, ajvFor, schemaOf } from '../pipeline/validators.ts';

const out = new URL('../dist-js/', import.meta.url);
mkdirSync(new URL('validators/', out), { recursive: true });
const standalone = ((standaloneCode as unknown as { default?: unknown }).default ?? standaloneCode) as unknown as (
  ajv: unknown,
  validate: unknown,
) => string;
for (const name of Object.keys(VALIDATORS) as ValidatorName[]) {
  const ajv = ajvFor(name, { code: { source: true } });
  writeFileSync(new URL(`validators/${name}.cjs`, out), standalone(ajv, ajv.compile(schemaOf(name))));
}
const agencies = await loadRegistry([], undefined, { compiled: false });
writeFileSync(new URL('registry.json', out), JSON.stringify({ agencies, forms: bodyForms(agencies) }));
writeFileSync(new URL('.built', out), '');
