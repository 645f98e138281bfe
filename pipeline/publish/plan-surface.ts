/**
 * The "surface" of a release's schemas: every field and every code a user of the data can rely on, as strings.
 * A string of the previous release missing from the next one is an incompatible change (a field or code removed or
 * renamed: MAJOR); a new string is a compatible addition (MINOR). Pure.
 *
 * - schemas/*.json: every property name (as a JSON pointer into the schema) and every enum value;
 * - datapackage.json: every resource, its field names and their enum values (the code lists of the CSVs).
 */

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Property pointers and enum values of one JSON Schema. */
export function jsonSchemaSurface(file: string, schema: unknown): string[] {
  const out: string[] = [];
  const walk = (node: Json, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, k) => walk(item, `${pointer}/${k}`));
      return;
    }
    if (!isObject(node)) return;
    const props = node.properties;
    if (isObject(props)) for (const key of Object.keys(props)) out.push(`${file}#${pointer}/properties/${escape(key)}`);
    const values = node.enum;
    if (Array.isArray(values)) for (const v of values) out.push(`${file}#${pointer}/enum ${JSON.stringify(v)}`);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'enum' || key === 'const' || key === 'examples' || key === 'default') continue;
      walk(child, `${pointer}/${escape(key)}`);
    }
  };
  walk(schema as Json, '');
  return out;
}

/** Resources, field names and enum values of a Frictionless Data Package. */
export function dataPackageSurface(file: string, data: unknown): string[] {
  const out: string[] = [];
  const pkg = data as Json;
  const resources = isObject(pkg) && Array.isArray(pkg.resources) ? pkg.resources : [];
  for (const resource of resources) {
    if (!isObject(resource) || typeof resource.name !== 'string') continue;
    const at = `${file}#resource ${resource.name}`;
    out.push(at);
    const schema = resource.schema;
    const fields = isObject(schema) && Array.isArray(schema.fields) ? schema.fields : [];
    for (const field of fields) {
      if (!isObject(field) || typeof field.name !== 'string') continue;
      out.push(`${at} field ${field.name}`);
      const constraints = field.constraints;
      const values = isObject(constraints) && Array.isArray(constraints.enum) ? constraints.enum : [];
      for (const v of values) out.push(`${at} field ${field.name} enum ${JSON.stringify(v)}`);
    }
  }
  return out;
}

/** Files of a release that make up its surface. */
export const isSurfaceFile = (path: string): boolean => path === 'datapackage.json' || /^schemas\/[^/]+\.json$/.test(path);

/**
 * The surface of a release from its surface files (path → text; a file that is not JSON counts as empty: its
 * removal then shows as the removal of everything it held). Sorted, unique.
 */
export function releaseSurface(files: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const [path, text] of files) {
    let json: Json;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    const items = path === 'datapackage.json' ? dataPackageSurface(path, json) : jsonSchemaSurface(path, json);
    for (const item of items) out.add(item);
  }
  return [...out].sort();
}
