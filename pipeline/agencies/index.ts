/**
 * The agency registry: one identity per government body across years, renderings and printed names.
 * Pure; the files are read by pipeline/adapters/registry.ts.
 */
export { buildRegistry, type RegistryInputs } from './build-registry.ts';
export { type Curated, type CuratedBody, parseCurated } from './curated.ts';
export { type Division, divisionsFromPackage, type PackageDivisions } from './divisions.ts';
export { governmentsFromDivisions } from './from-divisions.ts';
export { normalizeName } from '../model/agency-name.ts';
export { parseRegistry } from './registry.ts';
export { createResolver, type Resolution, type ResolveHint, type Resolver } from './resolve.ts';
export { type Suggestion, suggestEntries, type Unresolved } from './suggest.ts';
export { suggestionsYaml } from './suggest-yaml.ts';
export { registryYaml } from './to-yaml.ts';
