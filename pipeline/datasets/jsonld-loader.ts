/**
 * An offline JSON-LD document loader: it serves the documents it was given (contexts kept in the repository) and
 * refuses every other URL with a clear error. Nothing is fetched at build time; jsonld.js never reaches its own
 * network loader when this one is passed as `documentLoader`.
 */

/** What jsonld.js expects a document loader to resolve to. */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A URL the offline loader does not hold. */
export class OfflineLoaderError extends Error {
  override name = 'OfflineLoaderError';
  constructor(readonly url: string, held: readonly string[]) {
    super(
      `JSON-LD: refusing to load ${url}: the build is offline and this document is not kept in the repository ` +
        `(held: ${held.length ? held.join(', ') : 'none'}); use an inline @context or add the document to the loader`,
    );
  }
}

export interface OfflineLoaderOptions {
  /** Called with every URL asked for, held or not (tests use it to prove nothing is requested). */
  onRequest?: (url: string) => void;
}

/**
 * A loader over `documents` (URL → parsed JSON). Lookup is exact, and also ignores a trailing '#…' fragment, as
 * contexts are often referenced that way. Documents are deep-copied on every load so callers cannot alter them.
 */
export function offlineLoader(
  documents: Readonly<Record<string, unknown>> = {},
  options: OfflineLoaderOptions = {},
): DocumentLoader {
  const held = Object.keys(documents).sort();
  const table = new Map(Object.entries(documents));
  return async (url: string) => {
    options.onRequest?.(url);
    const key = table.has(url) ? url : url.replace(/#.*$/, '');
    if (!table.has(key)) throw new OfflineLoaderError(url, held);
    return { contextUrl: null, documentUrl: url, document: structuredClone(table.get(key)) };
  };
}
