/** The official DCAT-AP 3.0.1 SHACL shapes (../shared/validators) and a readable list of what they report. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { SHARED } from './shared.ts';

export const DCAT_SHAPES = ['dcat-ap-SHACL.ttl', 'ranges.ttl'] as const;

export async function loadShapes(): Promise<Map<string, Store>> {
  const shapes = new Map<string, Store>();
  for (const name of DCAT_SHAPES) {
    const text = await readFile(join(SHARED, 'validators', 'dcat-ap-3.0.1', name), 'utf8');
    shapes.set(name, new Store(new Parser().parse(text)));
  }
  return shapes;
}

/** The SHACL results for data against one shapes graph, one line each. */
export async function shaclResults(data: readonly Quad[], shapes: Store): Promise<string[]> {
  const report = await new SHACLValidator(shapes).validate(new Store([...data]));
  return report.results.map((r) => [
    r.severity?.value.replace(/.*#/, ''), `focus ${r.focusNode?.value}`, `path ${r.path?.value}`,
    r.value ? `value ${r.value.value}` : '', r.sourceConstraintComponent?.value.replace(/.*#/, ''),
    r.message.map((m) => m.value).join('; '),
  ].filter(Boolean).join(' | '));
}
