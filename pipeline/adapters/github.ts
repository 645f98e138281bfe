/**
 * GitHub client adapter: an Octokit with the throttling plugin (writes one at a time; one retry on a rate limit,
 * honouring retry-after) and the retry plugin (5xx and dropped connections, small growing delays). The token comes
 * from the environment only (GITHUB_TOKEN) and goes nowhere but the Authorization header; Octokit's RequestError
 * redacts it. GITHUB_API_URL (set by GitHub Actions) points it at a GitHub Enterprise Server.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';

export const GitHubOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface GitHubClientOptions {
  token?: string;
  /** REST API root: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl?: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  /** How a rate-limit pause is spent (tests pass one that does not sleep). */
  wait?: (ms: number) => Promise<void>;
  /** Retry delay unit for 5xx: attempt n waits n² units. Default 1000 ms; tests pass 0. */
  retryDelayMs?: number;
  /** Retries of a 5xx, a dropped connection or a timeout. Default 3. */
  retries?: number;
  /** Per request, in ms: a request that takes longer is abandoned. Default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /**
   * Pause between writes (GitHub asks for about a second); writes that notify people (a release) wait three times
   * as long. Default 1000 ms; tests pass 0.
   */
  writeSpacingMs?: number;
}

/** The longest rate-limit pause waited for before giving up (seconds). */
const MAX_RATE_LIMIT_WAIT_S = 15 * 60;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Where the environment points: GITHUB_TOKEN and GITHUB_API_URL (the only place they are read). */
export function githubEnvironment(env: NodeJS.ProcessEnv = process.env): { token?: string; baseUrl?: string } {
  const token = env.GITHUB_TOKEN?.trim();
  const baseUrl = env.GITHUB_API_URL?.trim().replace(/\/+$/, '');
  return { ...(token ? { token } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

let clients = 0;

/** How long one GitHub request may take before it is abandoned (and retried as a 5xx would be). */
export const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * The fetch Octokit is handed: the given one (else the global fetch, looked up per call), each request bounded by
 * AbortSignal.timeout(timeoutMs) (with the caller's own signal, if any), minus an explicit content-length header. Bodies are strings or bytes, whose length fetch knows and frames itself; undici 7 — the
 * global dispatcher once a dependency such as cheerio has loaded it — refuses a request that sets the header by hand
 * ("invalid content-length header"), which broke every asset upload on Node's real network stack.
 */
export function clientFetch(inner?: typeof fetch, timeoutMs = DEFAULT_TIMEOUT_MS): typeof fetch {
  return (input, init = {}) => {
    const call = inner ?? globalThis.fetch;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const headers = new Headers(init.headers);
    headers.delete('content-length');
    return call(input, { ...init, headers, signal });
  };
}

export function githubClient(options: GitHubClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => {});
  const wait = options.wait ?? sleep;
  const spacing = options.writeSpacingMs ?? 1000;
  const onLimit = (kind: string) => async (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const what = `${request.method ?? ''} ${request.url ?? ''}`.trim();
    if (retryCount >= 1 || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
      log(`github: ${kind} on ${what}; giving up after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'}`);
      return false;
    }
    log(`github: ${kind} on ${what}; waiting ${retryAfter}s (retry-after) and retrying once`);
    await wait(retryAfter * 1000);
    return true;
  };
  return new GitHubOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'xxgk-publish',
    request: { fetch: clientFetch(options.fetch, options.timeoutMs) },
    // Octokit's request log, filtered: server errors (they are retried) and warnings; never headers. A 404 or 422 is
    // an answer the caller reads (no manifest yet, someone pushed meanwhile), not news.
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => log(`github: ${m}`),
      error: (m: string) => {
        if (/ - 5\d\d with id /.test(m)) log(`github: ${m}`);
      },
    },
    throttle: {
      // Each client its own write queues: one write at a time, spaced as GitHub asks.
      id: `xxgk-${process.pid}-${++clients}`,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: spacing }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * spacing }),
      // The handlers wait (injectable); Bottleneck then adds nothing.
      retryAfterBaseValue: 0,
      fallbackSecondaryRateRetryAfter: 60,
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      onRateLimit: onLimit('rate limit'),
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: options.retryDelayMs ?? 1000 },
  });
}
