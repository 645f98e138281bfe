/**
 * Collect a source's documents: a path (file or glob) or an inbox folder is read every time (a missing inbox is empty;
 * a file where it should be is the source's InputError); a URL is fetched conditionally with the validators kept in
 * the run state (a 304 reuses the documents held), following the page's first .docx/.pdf/.doc/.wps attachment. Every
 * document is put in the raw store; the caller compares hashes.
 */
import { basename, dirname, join } from 'node:path';
import type { Source } from '../config.ts';
import type { Config } from '../config.ts';
import { fetchDocument } from '../adapters/fetch.ts';
import { isDirectory, listFiles, listInbox, readInput } from '../adapters/fs.ts';
import { InputError } from '../errors.ts';
import { pageDate } from '../harvest/page-date.ts';
import { decodeText } from '../ingest/decode.ts';
import type { RawStore } from '../adapters/raw-store.ts';
import type { SourceValidators } from './state.ts';

/** One document of a source: its name (source id / file name, which keeps the extension) and its hash in the raw store. */
export interface HeldDocument {
  name: string;
  sha256: string;
  /** The date the report's web page says it was published (a URL source's page; data/coverage.csv). */
  posted?: string | null;
}

export interface Collected {
  documents: HeldDocument[];
  /** The new validators of a URL source (null for path and inbox sources). */
  validators: SourceValidators | null;
  /** True when a URL answered 304 and the held documents were reused. */
  notModified: boolean;
  /** Files of a path or inbox source that could not be read (permissions, over limits.maxBytes): each its own error. */
  unreadable?: Array<{ name: string; message: string }>;
}

const GLOB = /[*?[]/;

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&').replace('[', '\\[');
  }
  return new RegExp(`^${re}$`);
}

/** The files a path source names: itself, or the files matching its glob (sorted). */
export async function expandPath(path: string): Promise<string[]> {
  if (!GLOB.test(path)) return [path];
  const parts = path.split('/');
  const first = parts.findIndex((p) => GLOB.test(p));
  const base = parts.slice(0, first).join('/') || '/';
  const pattern = globToRegExp(parts.slice(first).join('/'));
  if (!(await isDirectory(base))) return [];
  return (await listFiles(base)).filter((f) => pattern.test(f)).map((f) => join(base, f));
}

const nameFor = (source: Source, file: string): string => `${source.id}/${file.replace(/\//g, '_')}`;

async function putFiles(source: Source, files: Array<{ path: string; name: string }>, store: RawStore, maxBytes: number): Promise<Collected> {
  const documents: HeldDocument[] = [];
  const unreadable: Array<{ name: string; message: string }> = [];
  for (const f of files) {
    const name = nameFor(source, f.name);
    try {
      documents.push({ name, sha256: await store.put(await readInput(f.path, name, maxBytes)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      unreadable.push({ name, message: err.message });
    }
  }
  return { documents, validators: null, notModified: false, ...(unreadable.length ? { unreadable } : {}) };
}

export async function collectSource(
  source: Exclude<Source, { kind: 'listing' }>,
  held: { validators: SourceValidators | undefined; documents: HeldDocument[] },
  store: RawStore,
  limits: Config['limits'],
  fetchImpl?: typeof fetch,
): Promise<Collected> {
  if (source.kind === 'inbox') {
    const files = await listInbox(source.inbox);
    return putFiles(source, files.map((f) => ({ path: join(source.inbox, f), name: f })), store, limits.maxBytes);
  }
  if (source.kind === 'path') {
    const files = await expandPath(source.path);
    const common = dirname(source.path.split('/').filter((p) => !GLOB.test(p)).join('/'));
    const named = files.map((path) => ({ path, name: GLOB.test(source.path) ? path.slice(common.length + 1) : basename(path) }));
    return putFiles(source, named, store, limits.maxBytes);
  }
  const v = held.validators;
  const base = { timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes, maxHtmlDepth: limits.maxHtmlDepth, retries: limits.retries, ...(fetchImpl ? { fetch: fetchImpl } : {}) };
  const canRevalidate = held.documents.length > 0;
  const page = await fetchDocument(source.url, {
    ...base,
    ...(canRevalidate && v?.etag ? { etag: v.etag } : {}),
    ...(canRevalidate && v?.lastModified ? { lastModified: v.lastModified } : {}),
  });
  if (page.status === 'unchanged') return { documents: held.documents, validators: v ?? null, notModified: true };
  let doc = page;
  const attachment = page.attachments.find((a) => /\.(docx|pdf|doc|wps)(?:$|[?#])/i.test(a));
  if (attachment) {
    const followed = await fetchDocument(attachment, base);
    if (followed.status === 'fetched') doc = followed;
  }
  const file = decodeURIComponent(basename(new URL(doc.url).pathname)) || 'index.html';
  const name = nameFor(source, doc === page && page.contentType === 'text/html' && !/\.html?$/i.test(file) ? `${file}.html` : file);
  const sha = await store.put(doc.bytes);
  // The page (not its attachment) carries the CMS's publication date.
  const posted = page.contentType === 'text/html' ? pageDate(decodeText(page.bytes, page.charset ? { declared: page.charset } : {}).text) : null;
  return {
    documents: [{ name, sha256: sha, posted }],
    validators: { etag: page.etag ?? null, lastModified: page.lastModified ?? null, sha256: sha },
    notModified: false,
  };
}
