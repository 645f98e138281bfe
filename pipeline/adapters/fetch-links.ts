/** The attachment links of a report page: .docx/.pdf/.doc/.wps hrefs, resolved absolute, in document order. Pure. */
import { load } from 'cheerio';

const ATTACHMENT = /\.(?:docx|pdf|doc|wps)$/i;

export function attachmentLinks(html: string, pageUrl: string): string[] {
  const $ = load(html);
  let base = pageUrl;
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // an unusable <base> is ignored, as browsers do
    }
  }
  const out: string[] = [];
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')?.trim();
    if (!href) return;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the encoded path
    }
    if (!ATTACHMENT.test(path)) return;
    url.hash = '';
    if (!out.includes(url.href)) out.push(url.href);
  });
  return out;
}
