/** The job's polite fetcher, from the configuration: its contact URL, delay, cap and the fetch limits. */
import { type PoliteFetcher, harvestUserAgent, politeFetcher } from '../adapters/fetch-polite.ts';
import type { Config } from '../config.ts';

export function harvestFetcher(config: Config, deps: { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {}): PoliteFetcher {
  const { timeoutMs, maxBytes, retries } = config.limits;
  return politeFetcher({
    userAgent: harvestUserAgent(config.harvest.contact),
    delayMs: config.harvest.delayMs,
    maxRequests: config.harvest.maxPages,
    limits: { timeoutMs, maxBytes, retries },
    ...deps,
  });
}
