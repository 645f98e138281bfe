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

/** Turtle written as its triples come: `add` a run of triples at a time, sorted, and get the text n3 wrote for it; `end` gives the rest. */
export interface TurtleWriter {
  add(quads: readonly Quad[]): string;
  end(): Promise<string>;
}

/**
 * A Turtle writer for triples in the default graph, with the given prefixes. Blank nodes are refused: every node has
 * an IRI. One n3 writer over every run, so that the runs' triples read as one sequence (a subject continued with ';'):
 * the text of all the runs and of `end`, in order, is the Turtle of every triple. Each run's text is made one flat
 * string: n3's pieces are often slices of the terms' strings, which are slices of the run's N-Quads text (n3's
 * parser), so that a text made by appending them kept every run's N-Quads alive (+18 MiB over 1,200 reports' catalog
 * in tests/unit/aggregate-memory.test.ts).
 */
export function turtleWriter(prefixes: Record<string, string>): TurtleWriter {
  let pieces: string[] = [];
  const taken = () => {
    const text = pieces.join('');
    pieces = [];
    return text;
  };
  const output = {
    write(chunk: string, _encoding: unknown, done?: () => void) {
      pieces.push(chunk);
      done?.();
    },
    end(done?: (error: Error | null, result: string) => void) {
      done?.(null, taken());
    },
  };
  // n3 writes the prefixes as it is made: they are the first run's text.
  const writer = new Writer(output as unknown as NodeJS.WritableStream, { format: 'Turtle', prefixes });
  return {
    add(quads) {
      for (const q of quads) {
        if (q.graph.termType !== 'DefaultGraph') throw new Error(`catalog: unexpected named graph ${q.graph.value}`);
        if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') {
          throw new Error(`catalog: a node has no IRI (blank node in ${q.subject.value} ${q.predicate.value}); give every node an @id`);
        }
      }
      writer.addQuads(quads as Quad[]);
      return taken();
    },
    end: () => new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result)))),
  };
}

/** Turtle for triples in the default graph, with the given prefixes, sorted (sortQuads). */
export async function writeTurtle(quads: readonly Quad[], prefixes: Record<string, string>): Promise<string> {
  const writer = turtleWriter(prefixes);
  const text = writer.add(sortQuads(quads));
  return text + (await writer.end());
}

/** A node of a JSON-LD document's flat @graph (an @id, and its types and properties). */
type GraphNode = { '@id'?: unknown } & Record<string, unknown>;

/**
 * The IRI a node's @id expands to under a context of prefixes (JSON-LD 1.1, IRI expansion): a compact IRI whose
 * prefix the context defines (and whose suffix does not begin with '//') is the prefix's IRI and the suffix; any
 * other id is taken as it is (an absolute IRI).
 */
export function expandedId(id: string, context: Readonly<Record<string, string>>): string {
  const colon = id.indexOf(':');
  if (colon > 0 && !id.startsWith('//', colon + 1)) {
    const prefix = id.slice(0, colon);
    if (Object.hasOwn(context, prefix)) return `${context[prefix]}${id.slice(colon + 1)}`;
  }
  return id;
}

/**
 * A document's nodes in runs of about `size`, sorted by the subject IRI their @id expands to (stable: nodes of the same
 * subject keep their order and are never split between two runs), each run with the subjects it holds. Turned into
 * triples and sorted a run at a time, they give sortQuads' order of the whole document's triples, since that order
 * is by subject first — while holding one run's triples, not the document's.
 */
export function* subjectRuns(nodes: readonly GraphNode[], context: Readonly<Record<string, string>>, size: number): Generator<{ nodes: GraphNode[]; subjects: Set<string> }> {
  const keyed = nodes.map((node) => {
    const id = node['@id'];
    if (typeof id !== 'string') throw new Error(`catalog: a node has no IRI (${JSON.stringify(node).slice(0, 200)}); give every node an @id`);
    return { node, subject: expandedId(id, context) };
  }).sort((a, b) => cmp(a.subject, b.subject));
  let run: GraphNode[] = [];
  let subjects = new Set<string>();
  for (const [k, { node, subject }] of keyed.entries()) {
    if (run.length >= size && subject !== keyed[k - 1]!.subject) {
      yield { nodes: run, subjects };
      run = [];
      subjects = new Set();
    }
    run.push(node);
    subjects.add(subject);
  }
  if (run.length > 0) yield { nodes: run, subjects };
}
