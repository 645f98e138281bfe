/** The job's polite fetcher, from the configuration: its contact URL, delay, cap and the fetch limits. */
import { type PoliteFetcher, harvestUserAgent, politeFetcher } from '../adapters/fetch-polite.ts';
import { type Config, DEFAULTS } from '../config.ts';

export function harvestFetcher(config: Config, deps: { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {}): PoliteFetcher {
  const { timeoutMs, maxBytes, retries, maxHtmlDepth } = config.limits;
  return politeFetcher({
    userAgent: harvestUserAgent(config.harvest.contact),
    delayMs: config.harvest.delayMs,
    maxRequests: config.harvest.maxPages,
    limits: { timeoutMs, maxBytes, retries, maxHtmlDepth },
    ...deps,
  });
}

/**
 * A warning when listing sources will be read with no operator contact in the User-Agent (neither harvest.contact
 * nor the dataset: section names one): site operators could only reach the project, not whoever runs the harvester.
 */
export function contactWarning(config: Pick<Config, 'harvest' | 'sources' | 'file'>): string | null {
  if (config.harvest.contact !== DEFAULTS.contact || !config.sources.some((s) => s.kind === 'listing')) return null;
  return `${config.file}: no contact for the harvester's User-Agent (set harvest.contact, or dataset.publisher.url); site operators are shown ${DEFAULTS.contact}`;
}
