/**
 * The harvester's HTTP client, polite by default: one request at a time per host, a delay between two requests to
 * the same host (the larger of the configured delay and robots.txt's Crawl-delay), robots.txt honoured (RFC 9309:
 * a 4xx robots.txt allows everything, an unreachable one disallows everything; a redirect is followed only where its
 * target's robots.txt allows it, that site's robots.txt read out of its queue), a User-Agent naming the project and
 * the operator's contact URL, and a hard cap on the requests of one run. Requests are conditional when validators
 * are given (fetch.ts). Time is injected (now, sleep) so tests do not wait on it.
 */
import robotsModule from 'robots-parser';
import { type FetchResult, fetchDocument } from './fetch.ts';

export interface PoliteOptions {
  /** Names the project and the operator's contact URL. */
  userAgent: string;
  /** Least time between two requests to one host. */
  delayMs: number;
  /** Hard cap on the requests of one run (robots.txt not counted). */
  maxRequests: number;
  limits: { timeoutMs: number; maxBytes: number; retries: number; maxHtmlDepth?: number };
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds, for the delay (default Date.now). */
  now?: () => number;
}

export type PoliteResult =
  | FetchResult
  | { status: 'disallowed'; reason: string }
  | { status: 'capped' };

export interface PoliteFetcher {
  get(url: string, validators?: { etag?: string | null; lastModified?: string | null }): Promise<PoliteResult>;
  /** Requests made so far (robots.txt not counted). */
  readonly requests: number;
}

/** The User-Agent of the harvester: the project, and where the operator can be reached. */
export function harvestUserAgent(contactUrl: string): string {
  return `xxgk-harvester/0.1 (+${contactUrl}; government information-disclosure annual reports)`;
}

interface Robots {
  allowed(url: string): boolean;
  crawlDelayMs: number;
  reason: string;
}

/** robots-parser is CommonJS: its module.exports is the function its types call `default`. */
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function politeFetcher(opts: PoliteOptions): PoliteFetcher {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? Date.now;
  const queues = new Map<string, Promise<unknown>>();
  const lastAt = new Map<string, number>();
  const robots = new Map<string, Promise<Robots>>();
  let requests = 0;

  /** Run task after the host's previous request, at least the delay after it ended. */
  function onHost<T>(host: string, extraDelay: () => number, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(host) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(async () => {
      const last = lastAt.get(host);
      if (last !== undefined) {
        const wait = last + Math.max(opts.delayMs, extraDelay()) - now();
        if (wait > 0) await sleep(wait);
      }
      try {
        return await task();
      } finally {
        lastAt.set(host, now());
      }
    });
    queues.set(host, run);
    return run;
  }

  /** The rules of a URL's site, read once; `queued` false inside a request to that host (a redirect's target). */
  function robotsFor(url: URL, queued = true): Promise<Robots> {
    let got = robots.get(url.origin);
    if (!got) {
      const robotsUrl = `${url.origin}/robots.txt`;
      const read = async (): Promise<Robots> => {
        try {
          const response = await doFetch(robotsUrl, {
            headers: { 'user-agent': opts.userAgent }, signal: AbortSignal.timeout(opts.limits.timeoutMs),
          });
          const text = await response.text();
          if (response.status >= 400 && response.status < 500) return { allowed: () => true, crawlDelayMs: 0, reason: '' };
          if (!response.ok) return { allowed: () => false, crawlDelayMs: 0, reason: `${robotsUrl} answered HTTP ${response.status}` };
          const parsed = robotsParser(robotsUrl, text);
          return {
            allowed: (u) => parsed.isAllowed(u, opts.userAgent) !== false,
            crawlDelayMs: Math.min((parsed.getCrawlDelay(opts.userAgent) ?? 0) * 1000, 60_000),
            reason: `${robotsUrl} disallows it`,
          };
        } catch (err) {
          return { allowed: () => false, crawlDelayMs: 0, reason: `${robotsUrl} could not be read (${(err as Error).message})` };
        }
      };
      got = queued ? onHost(url.host, () => 0, read) : read();
      robots.set(url.origin, got);
    }
    return got;
  }

  return {
    get requests() {
      return requests;
    },
    async get(url, validators = {}) {
      const parsed = new URL(url);
      const rules = await robotsFor(parsed);
      if (!rules.allowed(url)) return { status: 'disallowed', reason: rules.reason };
      if (requests >= opts.maxRequests) return { status: 'capped' };
      requests++;
      return onHost(parsed.host, () => rules.crawlDelayMs, () => fetchDocument(url, {
        ...opts.limits,
        userAgent: opts.userAgent,
        fetch: doFetch,
        sleep,
        // A redirect's target is asked for only when its site's robots.txt allows it.
        mayFollow: async (next) => {
          const target = await robotsFor(new URL(next), false);
          return target.allowed(next) ? null : target.reason;
        },
        ...(validators.etag ? { etag: validators.etag } : {}),
        ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
      }));
    },
  };
}
