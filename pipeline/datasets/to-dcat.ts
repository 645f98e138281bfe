/**
 * The DCAT-AP 3 catalog of a release, for open-data portals to harvest at stable URLs: catalog.jsonld (inline
 * @context, no remote context) and catalog.ttl (the same graph as sorted Turtle), plus a schema.org Dataset for the
 * site's pages. Pure and deterministic: no clock, no network (an offline document loader refuses every URL), the
 * same context gives byte-identical files. Sizes and checksums come from ctx.files; a missing file stat throws.
 */
import { catalogDocument, type CatalogDocument } from './dcat-graph.ts';
import { expandSafely, toQuads, writeTurtle } from './dcat-rdf.ts';
import { NS } from './dcat-vocab.ts';
import { offlineLoader, type DocumentLoader } from './jsonld-loader.ts';
import type { ReleaseContext } from './types.ts';

export { catalogDocument, type CatalogDocument } from './dcat-graph.ts';
export { catalogIris } from './dcat-iris.ts';
export { schemaOrgDataset, type DataDownload, type SchemaOrgDataset } from './dcat-schema-org.ts';

export interface CatalogOptions {
  /** The JSON-LD document loader (default: an offline loader holding nothing; the catalog needs no remote document). */
  documentLoader?: DocumentLoader;
}

/** catalog.jsonld. Throws if jsonld.js would drop any term of it. */
export async function catalogJsonLd(ctx: ReleaseContext, options: CatalogOptions = {}): Promise<string> {
  const doc = catalogDocument(ctx);
  await expandSafely(doc, options.documentLoader ?? offlineLoader());
  return `${pretty(doc)}\n`;
}

/** catalog.ttl: the graph of catalog.jsonld, triples sorted, written with the catalog's prefixes. */
export async function catalogTurtle(ctx: ReleaseContext, options: CatalogOptions = {}): Promise<string> {
  const doc: CatalogDocument = catalogDocument(ctx);
  const quads = await toQuads(doc, options.documentLoader ?? offlineLoader());
  const turtle = await writeTurtle(quads, { ...NS, catalog: `${ctx.meta.baseUrl}catalog#` });
  // n3 ends every statement with ".\n" and escapes newlines inside literals: a blank line between subjects.
  const [prefixes, body = ''] = splitOnce(turtle, '\n\n');
  return `${prefixes}\n\n${body.replace(/\.\n(?=\S)/g, '.\n\n')}`;
}

function splitOnce(s: string, separator: string): [string, string?] {
  const at = s.indexOf(separator);
  return at < 0 ? [s] : [s.slice(0, at), s.slice(at + separator.length)];
}

/** JSON indented by two spaces, except that an object or array of plain values that fits in 100 columns is one line. */
function pretty(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v) => [null, v] as const) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const item = ([k, v]: readonly [string | null, unknown], inner: string) =>
    `${k === null ? '' : `${JSON.stringify(k)}: `}${pretty(v, inner)}`;
  const flat = entries.every(([, v]) => v === null || typeof v !== 'object');
  const oneLine = `${open}${entries.map((e) => item(e, '')).join(', ')}${close}`;
  if (entries.length === 0 || (flat && indent.length + oneLine.length <= 100)) return oneLine;
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => `${inner}${item(e, inner)}`).join(',\n')}\n${indent}${close}`;
}
