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
 * catalog.jsonld in pieces (their concatenation is catalogJsonLd's text): the document's top level and its @graph
 * piece by piece, a node of the graph at a time, so that the file is written without its whole text held at once
 * (4 MB of JSON at 100,000 reports, a two-byte string: the catalog's names are Chinese).
 */
export function* catalogJsonLdChunks(doc: CatalogDocument): Generator<string> {
  yield* prettyChunks(doc, '', 2);
  yield '\n';
}

/**
 * catalog.ttl: the graph of catalog.jsonld, triples sorted, written with the catalog's prefixes. The nodes are
 * turned into triples a run at a time, in the order of their subjects (subjectRuns): the same triples in the same
 * order as the whole graph's at once, sorted. Throws if jsonld.js would drop any term of the document (safe mode).
 */
export async function catalogTurtle(doc: CatalogDocument, ctx: ReleaseContext, options: CatalogOptions = {}): Promise<string> {
  let text = '';
  for await (const chunk of catalogTurtleChunks(doc, ctx, options)) text += chunk;
  return text;
}

/**
 * catalog.ttl in pieces, as its runs of nodes are turned into Turtle (their concatenation is catalogTurtle's text),
 * so that the file is written without its whole text held at once.
 */
export async function* catalogTurtleChunks(doc: CatalogDocument, ctx: ReleaseContext, options: CatalogOptions = {}): AsyncGenerator<string> {
  const loader = options.documentLoader ?? offlineLoader();
  const writer = turtleWriter({ ...NS, catalog: `${ctx.meta.baseUrl}catalog#` });
  const spaced = turtleBlankLines();
  for (const run of subjectRuns(doc['@graph'], doc['@context'], NODES_A_RUN)) {
    const quads = await toQuads({ '@context': doc['@context'], '@graph': run.nodes }, loader);
    for (const q of quads) {
      // A triple of a subject outside the run would be out of order: a node this code does not expect (a nested node).
      if (!run.subjects.has(q.subject.value)) throw new Error(`catalog: a triple of ${q.subject.value} came from a node of another subject; the catalog's nodes must be flat`);
    }
    const out = spaced.add(writer.add(sortQuads(quads)));
    if (out) yield out;
  }
  const out = spaced.end(await writer.end());
  if (out) yield out;
}

/**
 * n3 ends every statement with ".\n" and escapes newlines inside literals: a blank line between subjects. Over the
 * text as it comes, the same as over the whole text at once: the prefixes (up to the first blank line n3 writes) as
 * they are, then in the rest every ".\n" followed by a character that is not white space gets a second newline. A
 * piece is given out only as far as it is decided: a "." or ".\n" at its end waits for the next character.
 */
export function turtleBlankLines(): { add(text: string): string; end(text: string): string } {
  let pending = '';
  let inBody = false;
  const spaced = (s: string) => s.replace(/\.\n(?=\S)/g, '.\n\n');
  const add = (text: string): string => {
    pending += text;
    let out = '';
    if (!inBody) {
      const at = pending.indexOf('\n\n');
      if (at < 0) return '';
      out = pending.slice(0, at + 2);
      pending = pending.slice(at + 2);
      inBody = true;
    }
    const hold = pending.endsWith('.') ? 1 : pending.endsWith('.\n') ? 2 : 0;
    out += spaced(pending.slice(0, pending.length - hold));
    pending = pending.slice(pending.length - hold);
    return out;
  };
  return {
    add,
    end(text) {
      const out = add(text);
      // No blank line at all: the whole text is the prefixes, and an empty body follows them.
      const rest = inBody ? spaced(pending) : `${pending}\n\n`;
      pending = '';
      return out + rest;
    },
  };
}

/** pretty(value, indent) in pieces: the first `depth` levels of objects and arrays an entry at a time. */
function* prettyChunks(value: unknown, indent: string, depth: number): Generator<string> {
  // A flat value (pretty may make it one line) or the levels below `depth`: pretty's text whole.
  if (depth === 0 || value === null || typeof value !== 'object' || isFlat(value)) {
    yield pretty(value, indent);
    return;
  }
  yield* entryLines(value, indent, (v, inner) => prettyChunks(v, inner, depth - 1));
}

/** Whether every entry of an object or array is a plain value (pretty's one-line candidates; an empty one too). */
function isFlat(value: object): boolean {
  return Object.values(value).every((v) => v === null || typeof v !== 'object');
}

/** An object or array over several lines, an entry a line at `indent` + two spaces, each value's text from `text`. */
function* entryLines(value: object, indent: string, text: (v: unknown, inner: string) => Iterable<string>): Generator<string> {
  const entries = Array.isArray(value) ? value.map((v) => [null, v] as const) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const inner = `${indent}  `;
  yield `${open}\n`;
  for (const [k, [key, v]] of entries.entries()) {
    yield `${k > 0 ? ',\n' : ''}${inner}${key === null ? '' : `${JSON.stringify(key)}: `}`;
    yield* text(v, inner);
  }
  yield `\n${indent}${close}`;
}

/** JSON indented by two spaces, except that an object or array of plain values that fits in 100 columns is one line. */
function pretty(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v) => [null, v] as const) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const item = ([k, v]: readonly [string | null, unknown], inner: string) =>
    `${k === null ? '' : `${JSON.stringify(k)}: `}${pretty(v, inner)}`;
  if (entries.length === 0) return `${open}${close}`;
  // Only a flat value may be one line: its one-line form is made only then (making it for every value rendered each
  // subtree once more at every level above it, exponential in the depth).
  if (isFlat(value)) {
    const oneLine = `${open}${entries.map((e) => item(e, '')).join(', ')}${close}`;
    if (indent.length + oneLine.length <= 100) return oneLine;
  }
  let text = '';
  for (const piece of entryLines(value, indent, (v, inner) => [pretty(v, inner)])) text += piece;
  return text;
}
