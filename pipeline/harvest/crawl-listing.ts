/**
 * Walk a listing's pages through a fetcher: the first page, then every page its pagination names (breadth first,
 * each once), collecting the report links of every page. A page answering 304 gives the links it gave last time.
 * Problems are returned as warnings naming the page; only an unreadable first page throws.
 */
import type { PoliteFetcher } from '../adapters/fetch-polite.ts';
import { decodeText } from '../ingest/decode.ts';
import { findPages } from './find-pages.ts';
import { type PickOptions, type ReportLink, pickReports } from './pick-reports.ts';

export interface CrawlPage {
  etag: string | null;
  lastModified: string | null;
  reports: ReportLink[];
  pages: string[];
}

export interface Crawl {
  /** Every report link, unique by URL, in page order. */
  reports: ReportLink[];
  /** The pages read (or revalidated), by URL. */
  pages: Record<string, CrawlPage>;
  warnings: string[];
  /** True when a page was fetched afresh (not every page answered 304). */
  changed: boolean;
}

/** Listing pages read per listing at most, whatever the pagination says, unless the source sets maxPages. */
export const MAX_LISTING_PAGES = 50;

export async function crawlListing(
  start: string,
  fetcher: PoliteFetcher,
  held: Readonly<Record<string, CrawlPage>>,
  options: PickOptions = {},
): Promise<Crawl> {
  const queue = [start];
  const seen = new Set(queue);
  const pages: Record<string, CrawlPage> = {};
  const reports: ReportLink[] = [];
  const warnings: string[] = [];
  let changed = false;
  const cap = options.maxPages ?? MAX_LISTING_PAGES;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (Object.keys(pages).length >= cap) {
      warnings.push(`${start}: more than ${cap} listing pages; the rest were not read (the source's maxPages)`);
      break;
    }
    const before = held[url];
    let page: CrawlPage;
    try {
      const got = await fetcher.get(url, before ?? {});
      if (got.status === 'disallowed') {
        warnings.push(`${url}: not read, ${got.reason}`);
        continue;
      }
      if (got.status === 'capped') {
        warnings.push(`${url}: not read, the run reached its cap of requests (harvest.maxPages)`);
        break;
      }
      if (got.status === 'unchanged' && before) page = before;
      else if (got.status === 'fetched') {
        changed = true;
        const html = decodeText(got.bytes, got.charset ? { declared: got.charset } : {}).text;
        page = {
          etag: got.etag ?? null,
          lastModified: got.lastModified ?? null,
          reports: pickReports(html, got.url, options),
          pages: findPages(html, got.url),
        };
      } else continue;
    } catch (err) {
      if (url === start) throw err;
      warnings.push((err as Error).message);
      continue;
    }
    pages[url] = page;
    for (const r of page.reports) if (!reports.some((k) => k.url === r.url)) reports.push(r);
    for (const p of page.pages) {
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return { reports, pages, warnings, changed };
}
