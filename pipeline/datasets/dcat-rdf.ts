/**
 * JSON-LD → RDF for the catalog: jsonld.js in safe mode (any term it would silently drop is an error), an offline
 * document loader, quads sorted for a stable order, Turtle written by n3 with readable prefixes.
 */
import jsonld from 'jsonld';
import { Parser, Writer, type Quad, type Term } from 'n3';
import { OfflineLoaderError, type DocumentLoader } from './jsonld-loader.ts';

/** The part of jsonld.js used here (its published typings predate the `safe` option). */
interface JsonLdApi {
  expand(input: object, options: { documentLoader: DocumentLoader; safe: boolean }): Promise<unknown[]>;
  toRDF(input: object, options: { documentLoader: DocumentLoader; safe: boolean; format: 'application/n-quads' }): Promise<string>;
}
const api = jsonld as unknown as JsonLdApi;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Expand in safe mode: throws if any key or value would be dropped (an undefined term, a relative IRI, …). */
export async function expandSafely(doc: object, documentLoader: DocumentLoader): Promise<unknown[]> {
  try {
    return await api.expand(doc, { documentLoader, safe: true });
  } catch (e) {
    throw explain(e);
  }
}

/** The document's triples, parsed by n3 from jsonld.js's N-Quads (safe mode, as above). */
export async function toQuads(doc: object, documentLoader: DocumentLoader): Promise<Quad[]> {
  let nquads: string;
  try {
    nquads = await api.toRDF(doc, { documentLoader, safe: true, format: 'application/n-quads' });
  } catch (e) {
    throw explain(e);
  }
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

type JsonLdError = Error & { details?: { cause?: unknown; event?: { message?: string; details?: unknown } } };

/** jsonld.js wraps errors: surface the loader's refusal as is, and say what safe mode would have dropped. */
function explain(e: unknown): Error {
  for (let cause: unknown = e; cause instanceof Error; cause = (cause as JsonLdError).details?.cause ?? cause.cause) {
    if (cause instanceof OfflineLoaderError) return cause;
  }
  if (!(e instanceof Error)) return new Error(`catalog: JSON-LD processing failed: ${String(e)}`);
  const event = (e as JsonLdError).details?.event;
  if (event) {
    return new Error(`catalog: JSON-LD would lose data: ${event.message ?? e.message} ${JSON.stringify(event.details ?? {})}`, { cause: e });
  }
  return new Error(`catalog: JSON-LD processing failed: ${e.message}`, { cause: e });
}

function key(t: Term): string {
  if (t.termType === 'Literal') return `"${t.value}"@${t.language}^^${t.datatype.value}`;
  return `${t.termType}:${t.value}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Subjects in IRI order; within a subject rdf:type first, then predicates and objects in order. */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  const pred = (q: Quad) => (q.predicate.value === RDF_TYPE ? '' : q.predicate.value);
  return [...quads].sort(
    (a, b) => cmp(key(a.subject), key(b.subject)) || cmp(pred(a), pred(b)) || cmp(key(a.object), key(b.object)),
  );
}

/** Turtle for triples in the default graph, with the given prefixes. Blank nodes are refused: every node has an IRI. */
export function writeTurtle(quads: readonly Quad[], prefixes: Record<string, string>): Promise<string> {
  for (const q of quads) {
    if (q.graph.termType !== 'DefaultGraph') throw new Error(`catalog: unexpected named graph ${q.graph.value}`);
    if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') {
      throw new Error(`catalog: a node has no IRI (blank node in ${q.subject.value} ${q.predicate.value}); give every node an @id`);
    }
  }
  const writer = new Writer({ format: 'Turtle', prefixes });
  writer.addQuads(sortQuads(quads));
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
