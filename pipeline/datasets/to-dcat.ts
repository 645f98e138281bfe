/**
 * The DCAT-AP 3 catalog of a release, for open-data portals to harvest at stable URLs: catalog.jsonld (inline
 * @context, no remote context) and catalog.ttl (the same graph as sorted Turtle), both written from one document
 * (catalogDocument), plus a schema.org Dataset for the site's pages. Pure and deterministic: no clock, no network (an
 * offline document loader refuses every URL), the same context gives byte-identical files. Sizes and checksums come
 * from ctx.files; a missing file stat throws.
 */
import type { CatalogDocument } from './dcat-graph.ts';
import { sortQuads, subjectRuns, toQuads, turtleWriter } from './dcat-rdf.ts';
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

/**
 * Nodes of the catalog's graph checked or turned into triples at a time: at national scale the catalog has thousands
 * of nodes (a distribution and a checksum a file: some 1,500 files at 100,000 reports), and jsonld.js's expansion,
 * its N-Quads and n3's triples of the whole graph at once weighed several times the document.
 */
const NODES_A_RUN = 256;

/**
 * catalog.jsonld: the document, as JSON. It is checked by catalogTurtle, which jsonld.js turns into triples in safe
 * mode (any term it would drop is an error, as expansion's safe mode): a build writes both from the same document, so
 * a document that would lose a term fails the build.
 */
export function catalogJsonLd(doc: CatalogDocument): string {
  return `${pretty(doc)}\n`;
}

/**
 * catalog.ttl: the graph of catalog.jsonld, triples sorted, written with the catalog's prefixes. The nodes are
 * turned into triples a run at a time, in the order of their subjects (subjectRuns): the same triples in the same
 * order as the whole graph's at once, sorted. Throws if jsonld.js would drop any term of the document (safe mode).
 */
export async function catalogTurtle(doc: CatalogDocument, ctx: ReleaseContext, options: CatalogOptions = {}): Promise<string> {
  const loader = options.documentLoader ?? offlineLoader();
  const writer = turtleWriter({ ...NS, catalog: `${ctx.meta.baseUrl}catalog#` });
  for (const run of subjectRuns(doc['@graph'], doc['@context'], NODES_A_RUN)) {
    const quads = await toQuads({ '@context': doc['@context'], '@graph': run.nodes }, loader);
    for (const q of quads) {
      // A triple of a subject outside the run would be out of order: a node this code does not expect (a nested node).
      if (!run.subjects.has(q.subject.value)) throw new Error(`catalog: a triple of ${q.subject.value} came from a node of another subject; the catalog's nodes must be flat`);
    }
    writer.add(sortQuads(quads));
  }
  const turtle = await writer.end();
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
  if (entries.length === 0) return `${open}${close}`;
  // The one-line form only of plain values: written for a nested object too, it wrote each level below twice (once
  // thrown away), doubling the work at every level of the catalog.
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const oneLine = `${open}${entries.map((e) => item(e, '')).join(', ')}${close}`;
    if (indent.length + oneLine.length <= 100) return oneLine;
  }
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => `${inner}${item(e, inner)}`).join(',\n')}\n${indent}${close}`;
}
