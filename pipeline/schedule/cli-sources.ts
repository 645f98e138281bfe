/**
 * `xxgk sources check`: read each listing source once, politely, and print what the job would take (year, title,
 * URL) and every warning, without fetching the reports and without storing anything. Exit 0 when every listing
 * shows reports, 1 when one shows none (redesigned?), 2 when one cannot be read.
 */
import type { PoliteFetcher } from '../adapters/fetch-polite.ts';
import type { Source } from '../config.ts';
import { InputError } from '../errors.ts';
import { crawlListing } from '../harvest/crawl-listing.ts';
import { readConfig } from './cli-schedule.ts';
import { contactWarning, harvestFetcher } from './harvest-fetcher.ts';

export interface SourcesCheckOptions {
  config: string;
  /** Only this source. */
  source?: string;
}

export interface SourcesCheckDeps {
  env?: Record<string, string | undefined>;
  out?: (line: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

async function checkListing(source: Extract<Source, { kind: 'listing' }>, fetcher: PoliteFetcher, out: (line: string) => void): Promise<number> {
  out(`source ${source.id} (${source.name}): ${source.listing}${source.match ? ` matching ${source.match}` : ''}, from ${source.since}`);
  try {
    const crawl = await crawlListing(source.listing, fetcher, {}, { since: source.since, ...(source.match ? { match: new RegExp(source.match, 'u') } : {}), ...(source.maxPages ? { maxPages: source.maxPages } : {}) });
    for (const r of [...crawl.reports].sort((a, b) => b.year - a.year || (a.url < b.url ? -1 : 1))) {
      out(`  ${r.year}\t${r.title}\t${r.url}${r.listed ? `\t${r.listed}` : ''}`);
    }
    for (const w of crawl.warnings) out(`  warning: ${w}`);
    const pages = Object.keys(crawl.pages).length;
    out(`  ${crawl.reports.length} reports on ${pages} ${pages === 1 ? 'page' : 'pages'}`);
    if (crawl.reports.length === 0) {
      out(`  warning: source ${source.id}: the listing shows no annual-report link (has the site been redesigned?)`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    out(`  error: ${err.message}`);
    return 2;
  }
}

export async function sourcesCheckCommand(opts: SourcesCheckOptions, deps: SourcesCheckDeps = {}): Promise<number> {
  const config = await readConfig(opts.config, deps.env);
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const chosen = config.sources.filter((s) => !opts.source || s.id === opts.source);
  if (opts.source && chosen.length === 0) {
    out(`xxgk sources check: no source "${opts.source}" in ${config.file}`);
    return 2;
  }
  const noContact = contactWarning(config);
  if (noContact) out(`warning: ${noContact}`);
  const fetcher = harvestFetcher(config, { ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  let code = 0;
  for (const source of chosen) {
    if (source.kind !== 'listing') {
      out(`source ${source.id} (${source.name}): ${source.kind} ${source.kind === 'url' ? source.url : source.kind === 'path' ? source.path : source.inbox} (not a listing: nothing to check)`);
      continue;
    }
    code = Math.max(code, await checkListing(source, fetcher, out));
  }
  return code;
}
