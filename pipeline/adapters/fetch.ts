/**
 * Fetch one source document over HTTP(S) with Node's fetch: conditional requests (ETag / Last-Modified; a 304 is
 * "unchanged"), redirects followed by hand (at most 5, the final URL reported), a timeout per attempt, a size cap
 * enforced while streaming, and retries with exponential backoff on 5xx and network errors. For HTML pages, the
 * .docx/.pdf/.doc/.wps attachments are listed so the job can follow the report's document — after the page's depth
 * is checked against limits.maxHtmlDepth (html-depth.ts: the parser's work grows with the square of the depth), so
 * a listing page, a report page or a URL source nested deeper than a real page is that page's InputError.
 */
import { InputError } from '../errors.ts';
import { decodeText } from '../ingest/decode.ts';
import { htmlDepth } from '../ingest/html-depth.ts';
import { LimitError, READ_LIMITS } from '../ingest/limits.ts';
import { attachmentLinks } from './fetch-links.ts';

export interface FetchOptions {
  /** The ETag of the copy already held: sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified of the copy already held: sent as If-Modified-Since. */
  lastModified?: string;
  /** Per attempt, covering headers and body. */
  timeoutMs: number;
  maxBytes: number;
  /** Deepest nesting of an HTML page (default READ_LIMITS.maxHtmlDepth). */
  maxHtmlDepth?: number;
  /** Retries after a 5xx, a timeout or a network error (0: one attempt). */
  retries: number;
  /** First backoff; doubled each retry. Default 1000 ms. */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Default: a generic xxgk User-Agent; the harvester names the operator's contact URL. */
  userAgent?: string;
  /** Asked before a redirect is followed: a reason not to (robots.txt disallows the target), or null to follow. */
  mayFollow?: (url: string) => Promise<string | null>;
}

export type FetchResult =
  | { status: 'unchanged' }
  | {
      status: 'fetched';
      bytes: Uint8Array;
      /** The final URL, after redirects. */
      url: string;
      /** The media type, lower-case, without parameters ('' when the server sent none). */
      contentType: string;
      /** The charset the Content-Type header declares, if any. */
      charset?: string;
      etag?: string;
      lastModified?: string;
      /** For HTML pages: .docx/.pdf/.doc/.wps links, absolute, in document order. */
      attachments: string[];
    };

export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'xxgk (+https://github.com/; government information-disclosure annual reports)';

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An attempt that may succeed if tried again (5xx, timeout, network). */
class Transient extends Error {}

function parseContentType(header: string | null): { contentType: string; charset?: string } {
  if (!header) return { contentType: '' };
  const [type = '', ...params] = header.split(';');
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset\s*=/i.test(p));
  const charset = charsetParam?.replace(/^charset\s*=\s*/i, '').replace(/^["']|["']$/g, '').trim();
  return { contentType: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

function isHtml(contentType: string, bytes: Uint8Array): boolean {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return true;
  if (contentType && contentType !== 'application/octet-stream' && contentType !== 'text/plain') return false;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new InputError(`${url}: the document is ${declared} bytes, larger than the limit of ${maxBytes} bytes (limits.maxBytes)`, url);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new InputError(`${url}: the document is larger than the limit of ${maxBytes} bytes (limits.maxBytes); stopped reading`, url);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** The attachments of an HTML page, once its depth is known to be within the limit. */
function pageAttachments(bytes: Uint8Array, charset: string | undefined, url: string, maxDepth: number): string[] {
  const html = decodeText(bytes, charset ? { declared: charset } : {}).text;
  try {
    htmlDepth(html, maxDepth);
  } catch (err) {
    if (err instanceof LimitError) throw new InputError(`${url}: ${err.message}`, url);
    throw err;
  }
  return attachmentLinks(html, url);
}

async function attempt(url: string, opts: FetchOptions, doFetch: typeof fetch): Promise<FetchResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? USER_AGENT, accept: '*/*' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await doFetch(current, { headers, redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => {});
        if (!location) throw new InputError(`${current}: HTTP ${response.status} redirect without a Location header`, url);
        if (hop >= MAX_REDIRECTS) throw new InputError(`${url}: more than ${MAX_REDIRECTS} redirects (last to ${location})`, url);
        const next = new URL(location, current).href;
        const refused = opts.mayFollow ? await opts.mayFollow(next) : null;
        if (refused) throw new InputError(`${current}: redirects to ${next}, not followed: ${refused}`, url);
        current = next;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { status: 'unchanged' };
      }
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => {});
        throw new Transient(`${current}: HTTP ${response.status} ${response.statusText}`.trim());
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw new InputError(`${current}: HTTP ${response.status} ${response.statusText}`.trim(), url);
      }
      const bytes = await readCapped(response, current, opts.maxBytes);
      const { contentType, charset } = parseContentType(response.headers.get('content-type'));
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      const attachments = isHtml(contentType, bytes) ? pageAttachments(bytes, charset, current, opts.maxHtmlDepth ?? READ_LIMITS.maxHtmlDepth) : [];
      return {
        status: 'fetched',
        bytes,
        url: current,
        contentType,
        ...(charset ? { charset } : {}),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
        attachments,
      };
    }
  } catch (err) {
    if (err instanceof InputError || err instanceof Transient) throw err;
    throw new Transient(`${current}: ${describeFailure(err, opts.timeoutMs)}`);
  }
}

/** Fetch a document; throws InputError when it cannot be had (after the retries, for transient failures). */
export async function fetchDocument(url: string, opts: FetchOptions): Promise<FetchResult> {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? realSleep;
  const backoff = opts.backoffMs ?? 1000;
  if (!/^https?:\/\//i.test(url)) throw new InputError(`${url}: expected an http(s) URL`, url);
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(url, opts, doFetch);
    } catch (err) {
      if (!(err instanceof Transient)) throw err;
      if (tries >= opts.retries) {
        const attempts = tries + 1;
        throw new InputError(`${err.message} (gave up after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`, url);
      }
      await sleep(backoff * 2 ** tries);
    }
  }
}
