/**
 * The annual-report links of a listing page: links whose title attribute or text names a report, resolved against
 * the page (or its <base>), narrowed by the source's `match:` pattern and first year, unique by URL in page order.
 * Links to documents (.pdf/.doc/.docx) are kept: some columns list the report only as an attachment. Pure.
 */
import { load } from 'cheerio';
import { readReportTitle } from './report-title.ts';
import { resolveLink } from './resolve-link.ts';

export interface ReportLink {
  url: string;
  title: string;
  year: number;
  /** A date printed next to the link (YYYY-MM-DD), if the listing shows one. */
  listed?: string;
}

export interface PickOptions {
  /** Only links whose title matches (a listing of several bodies' reports narrowed to one body). */
  match?: RegExp;
  /** Earliest report year taken. */
  since?: number;
  /** Listing pages read at most (crawlListing; default MAX_LISTING_PAGES). */
  maxPages?: number;
}

const DATE = /(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

export function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function pickReports(html: string, pageUrl: string, options: PickOptions = {}): ReportLink[] {
  const $ = load(html);
  const base = $('base[href]').first().attr('href');
  const out: ReportLink[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = resolveLink(a.attr('href') ?? '', pageUrl, base);
    if (!url || seen.has(url)) return;
    const named = readReportTitle(a.attr('title') ?? '') ?? readReportTitle(a.text());
    if (!named) return;
    if (options.match && !options.match.test(named.title)) return;
    if (options.since !== undefined && named.year < options.since) return;
    seen.add(url);
    // A listing row shows the date next to the link: in the link's parent (li, tr), outside the title.
    const row = a.closest('li, tr, dd, p').first();
    const rowText = (row.length ? row.text() : '').replace(a.text(), ' ');
    const d = DATE.exec(rowText);
    out.push({ url, title: named.title, year: named.year, ...(d ? { listed: isoDate(d[1]!, d[2]!, d[3]!) } : {}) });
  });
  return out;
}
