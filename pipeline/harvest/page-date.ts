/**
 * The date a report page says it was published: the CMS's <meta> (PubDate, publishdate, …) or a 发布日期/发布时间
 * line in the text. Pure.
 */
import { load } from 'cheerio';
import { isoDate } from './pick-reports.ts';

const META_NAMES = ['pubdate', 'publishdate', 'firstpublishedtime', 'publish_date', 'article:published_time', 'dcterms.issued'];
const DATE = /(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const POSTED = /(?:发布|公开|成文)(?:时间|日期)\s*[:：]?\s*(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

export function pageDate(html: string): string | null {
  const $ = load(html);
  for (const el of $('meta[name], meta[property]').toArray()) {
    const name = ($(el).attr('name') ?? $(el).attr('property') ?? '').toLowerCase();
    if (!META_NAMES.includes(name)) continue;
    const m = DATE.exec($(el).attr('content') ?? '');
    if (m) return isoDate(m[1]!, m[2]!, m[3]!);
  }
  const m = POSTED.exec($('body').text().replace(/\s+/g, ''));
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}
