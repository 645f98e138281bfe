/**
 * Collect a listing source: crawl its pages (crawl-listing.ts), then fetch each report link it shows that is new,
 * and revalidate (conditional request) the ones already held; a report page's .docx/.pdf/.doc/.wps attachment is
 * followed as for a URL source. A report that left the listing, or that cannot be had today, keeps the documents
 * held: nothing is withdrawn by a site's redesign. A listing that shows no report link is a warning naming the source.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { PoliteFetcher } from '../adapters/fetch-polite.ts';
import type { RawStore } from '../adapters/raw-store.ts';
import type { Source } from '../config.ts';
import { crawlListing } from '../harvest/crawl-listing.ts';
import { pageDate } from '../harvest/index.ts';
import type { ReportLink } from '../harvest/pick-reports.ts';
import { decodeText } from '../ingest/decode.ts';
import { type HarvestedReport, type ListingState, emptyListing } from './harvest-store.ts';
import type { HeldDocument } from './job-sources.ts';

type ListingSource = Extract<Source, { kind: 'listing' }>;

export interface ListingCollected {
  documents: HeldDocument[];
  state: ListingState;
  warnings: string[];
  /** Report links fetched afresh (200) this run. */
  fetched: number;
  /** Report links that answered 304 or were otherwise kept. */
  unchanged: number;
}

const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 10);

/** A document's name in the job: <source>/<year>-<hash of the report's URL>-<file>, unique per report. */
function documentName(source: ListingSource, link: ReportLink, url: string, html: boolean): string {
  let file = basename(new URL(url).pathname) || 'index.html';
  try {
    file = decodeURIComponent(file);
  } catch {
    // keep the encoded name
  }
  if (html && !/\.s?html?$/i.test(file)) file = `${file}.html`;
  return `${source.id}/${link.year}-${shortHash(link.url)}-${file.replace(/[/\\]/g, '_')}`;
}

async function fetchReport(
  source: ListingSource,
  link: ReportLink,
  before: HarvestedReport | undefined,
  fetcher: PoliteFetcher,
  store: RawStore,
): Promise<{ report: HarvestedReport; fresh: boolean } | { warning: string }> {
  // A report held without validators is not asked for again: a published report does not change by itself.
  if (before?.documents.length && !before.etag && !before.lastModified) return { report: before, fresh: false };
  const got = await fetcher.get(link.url, before?.documents.length ? before : {});
  if (got.status === 'disallowed') return { warning: `${link.url}: not fetched, ${got.reason}` };
  if (got.status === 'capped') return { warning: `${link.url}: not fetched, the run reached its cap of requests (harvest.maxPages)` };
  if (got.status === 'unchanged') return { report: before!, fresh: false };
  const isHtml = got.attachments.length > 0 || got.contentType === 'text/html' || got.contentType === 'application/xhtml+xml';
  const html = isHtml ? decodeText(got.bytes, got.charset ? { declared: got.charset } : {}).text : '';
  let doc: { bytes: Uint8Array; url: string; html: boolean } = { bytes: got.bytes, url: got.url, html: isHtml };
  const attachment = got.attachments.find((a) => /\.(docx|pdf|doc|wps)(?:$|[?#])/i.test(a));
  if (attachment) {
    const followed = await fetcher.get(attachment);
    if (followed.status === 'fetched') doc = { bytes: followed.bytes, url: followed.url, html: false };
  }
  const sha256 = await store.put(doc.bytes);
  return {
    fresh: true,
    report: {
      etag: got.etag ?? null,
      lastModified: got.lastModified ?? null,
      title: link.title,
      year: link.year,
      posted: (html ? pageDate(html) : null) ?? link.listed ?? null,
      documents: [{ name: documentName(source, link, doc.url, doc.html), sha256 }],
    },
  };
}

export async function collectListing(
  source: ListingSource,
  held: ListingState | undefined,
  store: RawStore,
  fetcher: PoliteFetcher,
): Promise<ListingCollected> {
  const before = held ?? emptyListing();
  const match = source.match ? new RegExp(source.match, 'u') : undefined;
  const crawl = await crawlListing(source.listing, fetcher, before.pages, { since: source.since, ...(match ? { match } : {}), ...(source.maxPages ? { maxPages: source.maxPages } : {}) });
  const warnings = crawl.warnings.map((w) => `source ${source.id}: ${w}`);
  if (crawl.reports.length === 0 && Object.keys(crawl.pages).length > 0) {
    warnings.push(`source ${source.id}: the listing ${source.listing} shows no annual-report link${match ? ` matching ${source.match}` : ''} (has the site been redesigned?)`);
  }
  const state: ListingState = { pages: crawl.pages, reports: { ...before.reports } };
  let fetched = 0;
  let unchanged = 0;
  for (const link of crawl.reports) {
    try {
      const got = await fetchReport(source, link, before.reports[link.url], fetcher, store);
      if ('warning' in got) {
        warnings.push(`source ${source.id}: ${got.warning}`);
        continue;
      }
      state.reports[link.url] = got.report;
      if (got.fresh) fetched++;
      else unchanged++;
    } catch (err) {
      warnings.push(`source ${source.id}: ${(err as Error).message}`);
    }
  }
  const documents = Object.keys(state.reports).sort().flatMap((u) => state.reports[u]!.documents);
  return { documents, state, warnings, fetched, unchanged };
}
