/**
 * The other pages of a paginated listing, from one page: links named 下一页 / 尾页 / 末页 / a page number, the
 * TRS-style `createPageHTML(count, current, "index", "html")` call, and a page-count script variable (countPage,
 * pageCount, totalPage …) with the index_1.html naming. Absolute URLs on the same host, in page order. Pure.
 */
import { load } from 'cheerio';
import { resolveLink } from './resolve-link.ts';

const PAGE_TEXT = /^(?:下一?页|尾页|末页|最后一?页|上一?页|\d{1,3}|>|>>|»|next|last)$/i;
const CREATE_PAGE = /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]/;
const COUNT_VAR = /\b(?:var\s+|let\s+|const\s+)?(?:countPage|pageCount|totalPage|totalPages|page_count|pageTotal)\s*[=:]\s*['"]?(\d+)/i;

/** The listing's pages named prefix.ext, prefix_1.ext … prefix_<n-1>.ext next to the page. */
function indexPages(pageUrl: string, count: number, prefix = 'index', ext = 'html'): string[] {
  const out: string[] = [];
  const n = Math.min(count, 500);
  for (let i = 0; i < n; i++) out.push(new URL(i === 0 ? `${prefix}.${ext}` : `${prefix}_${i}.${ext}`, pageUrl).href);
  return out;
}

/** Origin and folder of a URL: http://h/a/b/index_2.html → http://h/a/b/ */
const folderOf = (url: string): string => {
  const u = new URL(url);
  return u.origin + u.pathname.replace(/[^/]*$/, '');
};

export function findPages(html: string, pageUrl: string): string[] {
  const $ = load(html);
  const base = $('base[href]').first().attr('href');
  const folder = folderOf(pageUrl);
  const out: string[] = [];
  const add = (url: string | null) => {
    if (!url || out.includes(url)) return;
    // A listing's pages sit in its folder: a breadcrumb or a site menu leads elsewhere.
    if (folderOf(url) !== folder) return;
    out.push(url);
  };
  $('a[href]').each((_, el) => {
    const a = $(el);
    const text = a.text().replace(/\s+/g, '');
    if (!PAGE_TEXT.test(text) && !PAGE_TEXT.test((a.attr('title') ?? '').trim())) return;
    add(resolveLink(a.attr('href') ?? '', pageUrl, base));
  });
  const scripts = $('script').map((_, el) => $(el).text()).get().join('\n');
  const created = CREATE_PAGE.exec(scripts);
  if (created) {
    for (const u of indexPages(pageUrl, Number(created[1]), created[3] || 'index', created[4] || 'html')) add(u);
  } else {
    const count = COUNT_VAR.exec(scripts);
    if (count) {
      // The page's own name tells the naming: list.html → list_1.html; a folder → index_1.html.
      const file = new URL(pageUrl).pathname.split('/').pop() ?? '';
      const m = /^([^_/]+?)(?:_\d+)?\.(s?html?)$/i.exec(file);
      for (const u of indexPages(pageUrl, Number(count[1]), m?.[1] ?? 'index', m?.[2] ?? 'html')) add(u);
    }
  }
  const self = new URL(pageUrl).href;
  return out.filter((u) => u !== self);
}
