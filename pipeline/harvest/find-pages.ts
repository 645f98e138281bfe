/**
 * The other pages of a paginated listing, from one page: links named 下一页 / 尾页 / 末页 / a page number, the
 * TRS-style `createPageHTML(count, current, "index", "html")` call, and a page-count script variable (countPage,
 * pageCount, totalPage …) with the index_1.html naming, and pages by a query parameter (?page=N). Absolute URLs on the
 * same host, in page order. Pure.
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

/** The query parameter a listing pages by (?page=2, ?pageNo=2 …): its name, from the page's own URL or its pagination links. */
const PAGE_PARAM = /^(?:page|pageno|pagenum|pageindex|page_no|pn|p|curpage|currentpage|cur_page)$/i;

function pageParam(urls: readonly string[]): string | null {
  for (const url of urls) {
    for (const name of new URL(url).searchParams.keys()) if (PAGE_PARAM.test(name) && /^\d+$/.test(new URL(url).searchParams.get(name)!)) return name;
  }
  return null;
}

/** The listing's pages 1 … last by its query parameter, on the page's own path (?page=1 … ?page=<last>). */
function queryPages(pageUrl: string, param: string, first: number, last: number): string[] {
  const out: string[] = [];
  for (let i = first; i <= Math.min(last, 500); i++) {
    const u = new URL(pageUrl);
    u.searchParams.set(param, String(i));
    out.push(u.href);
  }
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
  // Pages by a query parameter (?page=N): every page up to the highest linked (尾页) or the count a script gives.
  const param = pageParam([pageUrl, ...out]);
  if (param) {
    const numberOf = (u: string) => Number(new URL(u).searchParams.get(param) ?? NaN);
    const linked = [pageUrl, ...out].map(numberOf).filter((n) => Number.isInteger(n));
    const count = COUNT_VAR.exec(scripts);
    const last = Math.max(...linked, count ? Number(count[1]) : 0);
    // The range fills the gaps between the pages named (this one, 下一页, 尾页): a first page reached without the
    // parameter is not fetched again as ?page=1.
    const first = Math.min(...linked);
    for (const u of queryPages(pageUrl, param, first, last)) add(u);
    out.sort((a, b) => (numberOf(a) || 0) - (numberOf(b) || 0));
  } else if (created) {
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
