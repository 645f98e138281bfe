/**
 * A listing source against a real local website: pagination, mixed links, a GBK page, relative and absolute links,
 * a redirect, .docx and legacy .doc attachments, robots.txt, a listing that changes between runs (one new report →
 * exactly one new fetch), a redesigned listing (a warning naming the source), politeness (User-Agent, delay, cap).
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { harvestUserAgent, politeFetcher } from '../../pipeline/adapters/fetch-polite.ts';
import { rawStore } from '../../pipeline/adapters/raw-store.ts';
import type { Source } from '../../pipeline/config.ts';
import { InputError } from '../../pipeline/errors.ts';
import { crawlListing } from '../../pipeline/harvest/crawl-listing.ts';
import { collectListing } from '../../pipeline/schedule/job-listing.ts';
import { deepHtml } from '../helpers/hostile.ts';
import { listingHtml, serveSite } from '../helpers/listing-site.ts';
import { scratchDir } from '../helpers/scratch.ts';

type ListingSource = Extract<Source, { kind: 'listing' }>;
const limits = { timeoutMs: 5000, maxBytes: 1_000_000, retries: 0 };
const CONTACT = 'https://example.org/xxgk-operator';

function site(origin: string) {
  const page1 = (extra: Array<{ href: string; text: string; date?: string }> = []) => listingHtml([
    ...extra,
    { href: 'a2023.html', text: '清河市生态环境局2023年政府信息公开工作年度报告', date: '2024-01-29' },
    { href: `${origin}/xxgk/ndbg/a2022.html`, text: '清河市生态环境局2022年政府信息公开工作年度报告', date: '2023-02-10' },
    { href: '/files/2021.pdf', text: '清河市生态环境局2021年政府信息公开工作年度报告（附件）' },
    { href: 'n1.html', text: '关于报送2023年度政府信息公开工作年度报告的通知' },
    { href: 'edu2023.html', text: '清河市教育局2023年政府信息公开工作年度报告' },
    { href: 'a2016.html', text: '清河市生态环境局2016年政府信息公开工作年度报告' },
    { href: '/private/a2020.html', text: '清河市生态环境局2020年政府信息公开工作年度报告' },
  ], '<div class="pages"><a href="/">首页</a><a href="index_1.html">下一页</a><a href="index_1.html">尾页</a></div>');
  const page2 = listingHtml([{ href: 'old2019.html', text: '清河市生态环境局2019年政府信息公开工作年度报告' }], '', 'gbk');
  const report = (title: string, extra = '') => `<html><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body><h1>${title}</h1></body></html>`;
  return {
    page1,
    pages: {
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
      '/xxgk/ndbg/index.html': { body: page1() },
      '/xxgk/ndbg/index_1.html': { body: iconv.encode(page2, 'gbk'), type: 'text/html' },
      '/xxgk/ndbg/a2023.html': { body: report('2023年报', '') + '<a href="/files/a2023.docx">附件</a>' },
      '/files/a2023.docx': { body: 'PK fake docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      '/xxgk/ndbg/a2022.html': { body: report('2022年报', '<meta name="PubDate" content="2023-01-20 10:00">') + '<a href="/files/a2022.doc">附件</a>' },
      '/files/a2022.doc': { body: 'fake Word 97 document', type: 'application/msword' },
      '/files/2021.pdf': { body: '%PDF-1.4 fake', type: 'application/pdf' },
      '/xxgk/ndbg/old2019.html': { body: '', redirect: '/xxgk/ndbg/moved/2019.html' },
      '/xxgk/ndbg/moved/2019.html': { body: report('2019年报') },
      '/private/a2020.html': { body: report('2020年报') },
      '/xxgk/ndbg/a2024.html': { body: report('2024年报', '<meta name="PubDate" content="2025-01-27">') },
    },
  };
}

test('a listing: reports across pages taken politely; a re-run with one new report fetches exactly it; a redesign warns', async () => {
  const server = await serveSite({});
  const s = site(server.origin);
  for (const [k, v] of Object.entries(s.pages)) server.pages.set(k, v);
  const dir = scratchDir('xxgk-listing-');
  const slept: number[] = [];
  let clock = 0;
  const fetcher = () => politeFetcher({
    userAgent: harvestUserAgent(CONTACT), delayMs: 1500, maxRequests: 100, limits,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
  });
  const source: ListingSource = { id: 'qinghe-eco', name: '清河市生态环境局', region: '320800', kind: 'listing', listing: `${server.origin}/xxgk/ndbg/index.html`, match: '生态环境局', since: 2019 };
  const store = rawStore(join(dir, 'raw'));
  try {
    const first = await collectListing(source, undefined, store, fetcher());
    assert.deepEqual(first.documents.map((d) => d.name.replace(/-[0-9a-f]{10}-/, '-#-')).sort(), [
      'qinghe-eco/2019-#-2019.html', 'qinghe-eco/2021-#-2021.pdf', 'qinghe-eco/2022-#-a2022.doc', 'qinghe-eco/2023-#-a2023.docx',
    ]);
    assert.equal(first.fetched, 4);
    assert.equal(first.warnings.length, 1);
    assert.match(first.warnings[0]!, /^source qinghe-eco: .*\/private\/a2020\.html: not fetched, .*robots\.txt disallows it/);
    assert.ok(!server.log.some((l) => l.path.startsWith('/private/')), 'robots.txt disallowed path never requested');
    assert.ok(!server.log.some((l) => ['/', '/xxgk/ndbg/n1.html', '/xxgk/ndbg/edu2023.html', '/xxgk/ndbg/a2016.html'].includes(l.path)));
    assert.ok(server.log.every((l) => l.userAgent.includes(CONTACT) && l.userAgent.startsWith('xxgk')));
    // one host: a wait before every request after the first (robots.txt); a redirect's hop follows its request
    const hops = server.log.filter((l) => l.status === 302).length;
    assert.equal(hops, 1);
    assert.equal(slept.length, server.log.length - 1 - hops);
    assert.ok(slept.every((ms) => ms === 1500));
    const posted = Object.fromEntries(Object.values(first.state.reports).map((r) => [r.year, r.posted]));
    assert.deepEqual(posted, { 2023: '2024-01-29', 2022: '2023-01-20', 2021: null, 2019: null });

    // run 2: one new report on the first page
    server.pages.set('/xxgk/ndbg/index.html', { body: s.page1([{ href: 'a2024.html', text: '清河市生态环境局2024年政府信息公开工作年度报告', date: '2025-01-27' }]) });
    server.log.length = 0;
    const second = await collectListing(source, first.state, store, fetcher());
    const fresh = server.log.filter((l) => l.status === 200 && l.path !== '/robots.txt' && !l.path.endsWith('/index.html') && !l.path.endsWith('/index_1.html'));
    assert.deepEqual(fresh.map((l) => l.path), ['/xxgk/ndbg/a2024.html']);
    assert.equal(second.fetched, 1);
    assert.equal(second.unchanged, 4);
    assert.equal(second.documents.length, 5);
    assert.ok(server.log.some((l) => l.path === '/xxgk/ndbg/index_1.html' && l.status === 304));

    // run 3: the site is redesigned, the column shows no report: a warning naming the source; nothing withdrawn
    server.pages.set('/xxgk/ndbg/index.html', { body: '<html><body><div id="app"></div><script src="/app.js"></script></body></html>' });
    const third = await collectListing(source, second.state, store, fetcher());
    assert.equal(third.documents.length, 5);
    assert.ok(third.warnings.some((w) => /^source qinghe-eco: the listing .*index\.html shows no annual-report link matching 生态环境局/.test(w)), third.warnings.join('\n'));
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the cap on requests per run: what is beyond it is a warning, not an error', async () => {
  const server = await serveSite({});
  const s = site(server.origin);
  for (const [k, v] of Object.entries(s.pages)) server.pages.set(k, v);
  const dir = scratchDir('xxgk-listing-');
  try {
    const fetcher = politeFetcher({ userAgent: harvestUserAgent(CONTACT), delayMs: 0, maxRequests: 3, limits });
    const source: ListingSource = { id: 'qinghe-eco', name: '清河市生态环境局', region: '320800', kind: 'listing', listing: `${server.origin}/xxgk/ndbg/index.html`, since: 2019 };
    const got = await collectListing(source, undefined, rawStore(join(dir, 'raw')), fetcher);
    assert.equal(fetcher.requests, 3);
    assert.ok(got.warnings.some((w) => /cap of requests \(harvest\.maxPages\)/.test(w)));
    assert.equal(server.log.filter((l) => l.path !== '/robots.txt').length, 3);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('pagination over the wire: a TRS createPageHTML column, a countPage column and a ?page=N column, every page read once', async () => {
  const link = (y: number) => ({ href: `r${y}.html`, text: `清河市生态环境局${y}年政府信息公开工作年度报告` });
  const server = await serveSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    '/trs/index.html': { body: listingHtml([link(2024)], '<script>createPageHTML(3, 0, "index", "html");</script>') },
    '/trs/index_1.html': { body: listingHtml([link(2023)], '<script>createPageHTML(3, 1, "index", "html");</script>') },
    '/trs/index_2.html': { body: listingHtml([link(2022)], '<script>createPageHTML(3, 2, "index", "html");</script>') },
    '/cms/list.html': { body: listingHtml([link(2024)], '<script>var countPage = 2;//共多少页\nvar currentPage = 0;</script>') },
    '/cms/list_1.html': { body: listingHtml([link(2021)], '<script>var countPage = 2;\nvar currentPage = 1;</script>') },
    '/q/list': { body: listingHtml([link(2024)], '<a href="list?page=2">下一页</a><a href="list?page=3">尾页</a>') },
    '/q/list?page=2': { body: listingHtml([link(2020)], '<a href="list?page=3">下一页</a><a href="list?page=3">尾页</a>') },
    '/q/list?page=3': { body: listingHtml([link(2019)], '<a href="list?page=2">上一页</a>') },
  });
  try {
    const fetcher = politeFetcher({ userAgent: harvestUserAgent(CONTACT), delayMs: 0, maxRequests: 50, limits });
    const trs = await crawlListing(`${server.origin}/trs/index.html`, fetcher, {});
    assert.deepEqual(trs.reports.map((r) => [r.year, new URL(r.url).pathname]), [[2024, '/trs/r2024.html'], [2023, '/trs/r2023.html'], [2022, '/trs/r2022.html']]);
    const cms = await crawlListing(`${server.origin}/cms/list.html`, fetcher, {});
    assert.deepEqual(cms.reports.map((r) => [r.year, new URL(r.url).pathname]), [[2024, '/cms/r2024.html'], [2021, '/cms/r2021.html']]);
    const query = await crawlListing(`${server.origin}/q/list`, fetcher, {});
    assert.deepEqual(query.reports.map((r) => [r.year, new URL(r.url).pathname]), [[2024, '/q/r2024.html'], [2020, '/q/r2020.html'], [2019, '/q/r2019.html']]);
    assert.deepEqual([...trs.warnings, ...cms.warnings, ...query.warnings], []);
    const pages = server.log.map((l) => l.path).filter((p) => p !== '/robots.txt');
    assert.deepEqual(pages, ['/trs/index.html', '/trs/index_1.html', '/trs/index_2.html', '/cms/list.html', '/cms/list_1.html', '/q/list', '/q/list?page=2', '/q/list?page=3'], 'each page once');
    // A source's maxPages caps its listing pages: the rest is a warning naming the listing.
    const capped = await crawlListing(`${server.origin}/trs/index.html`, fetcher, {}, { maxPages: 2 });
    assert.deepEqual(capped.reports.map((r) => r.year), [2024, 2023]);
    assert.deepEqual(capped.warnings, [`${server.origin}/trs/index.html: more than 2 listing pages; the rest were not read (the source's maxPages)`]);
  } finally {
    await server.close();
  }
});

test('a redirect into a path robots.txt disallows is not followed', async () => {
  const server = await serveSite({
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
    '/ndbg/r2023.html': { body: '', redirect: '/private/r2023.html' },
    '/private/r2023.html': { body: '<html><body>2023年报</body></html>' },
  });
  try {
    const fetcher = politeFetcher({ userAgent: harvestUserAgent(CONTACT), delayMs: 0, maxRequests: 10, limits });
    await assert.rejects(fetcher.get(`${server.origin}/ndbg/r2023.html`), /redirects to .*\/private\/r2023\.html, not followed: .*robots\.txt disallows it/);
    assert.ok(!server.log.some((l) => l.path.startsWith('/private/')), 'the disallowed target is never requested');
  } finally {
    await server.close();
  }
});

test('listing pages get the readers\' limits: too deep (limits.maxHtmlDepth) or too large (limits.maxBytes) is that page\'s error', async () => {
  const link = (y: number) => ({ href: `r${y}.html`, text: `清河市生态环境局${y}年政府信息公开工作年度报告` });
  const server = await serveSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    '/l/index.html': { body: listingHtml([link(2024)], '<a href="index_1.html">下一页</a><a href="index_2.html">尾页</a>') },
    '/l/index_1.html': { body: listingHtml([link(2023)]).replace('</body>', `${deepHtml(300)}</body>`) },
    '/l/index_2.html': { body: listingHtml([link(2022)]).replace('</body>', `<p>${'年'.repeat(5000)}</p></body>`) },
    '/deep/index.html': { body: deepHtml(300) },
  });
  try {
    const fetcher = politeFetcher({ userAgent: harvestUserAgent(CONTACT), delayMs: 0, maxRequests: 10, limits: { ...limits, maxBytes: 10_000, maxHtmlDepth: 200 } });
    const crawl = await crawlListing(`${server.origin}/l/index.html`, fetcher, {});
    assert.deepEqual(crawl.reports.map((r) => r.year), [2024], 'the good page is read');
    assert.deepEqual(crawl.warnings, [
      `${server.origin}/l/index_1.html: HTML nested more than 200 elements deep, over the limit of 200 (limits.maxHtmlDepth in xxgk.config.yaml raises it)`,
      `${server.origin}/l/index_2.html: the document is larger than the limit of 10000 bytes (limits.maxBytes); stopped reading`,
    ]);
    // The first page too deep: the listing's own error, naming the page and the limit.
    await assert.rejects(crawlListing(`${server.origin}/deep/index.html`, fetcher, {}), (err: InputError) => err instanceof InputError && err.message === `${server.origin}/deep/index.html: HTML nested more than 200 elements deep, over the limit of 200 (limits.maxHtmlDepth in xxgk.config.yaml raises it)`);
  } finally {
    await server.close();
  }
});
