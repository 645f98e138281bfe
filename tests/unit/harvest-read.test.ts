/** Reading listing pages: the report links among mixed links, the year, the pagination styles, a page's date. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { findPages, pageDate, pickReports, readReportTitle } from '../../pipeline/harvest/index.ts';
import { decodeText } from '../../pipeline/ingest/decode.ts';
import { listingHtml } from '../helpers/listing-site.ts';

const PAGE = 'http://gov.example/xxgk/ndbg/index.html';

test('titles: reports and their year; notices, interpretations and old years are not reports', () => {
  assert.deepEqual(readReportTitle('清河市生态环境局2023年政府信息公开工作年度报告'), { year: 2023, title: '清河市生态环境局2023年政府信息公开工作年度报告' });
  assert.equal(readReportTitle('2022年度政府信息公开工作年度报告')?.year, 2022);
  assert.equal(readReportTitle('北园县人民政府 2021年  政府信息公开年报')?.year, 2021);
  assert.equal(readReportTitle('2020年年报')?.year, 2020);
  assert.equal(readReportTitle('关于报送2023年政府信息公开工作年度报告的通知'), null);
  assert.equal(readReportTitle('图解：2023年政府信息公开工作年度报告'), null);
  assert.equal(readReportTitle('2023年统计公报'), null);
  assert.equal(readReportTitle('2006年政府信息公开工作年度报告'), null);
  assert.equal(readReportTitle('政府信息公开工作年度报告'), null, 'no year');
});

test('a listing with mixed links: reports only, resolved relative and absolute, dated, narrowed by match and since', () => {
  const html = listingHtml([
    { href: './202401/t20240125_1.html', text: '清河市生态环境局2023年政府信息公开工作年度报告', date: '2024-01-25' },
    { href: '/xxgk/ndbg/202301/t20230130_2.html', text: '清河市生态环境局2022年...', title: '清河市生态环境局2022年政府信息公开工作年度报告', date: '2023-01-30' },
    { href: 'http://files.gov.example/up/2021nb.pdf', text: '清河市教育局2021年政府信息公开工作年度报告.pdf', date: '2022/01/28' },
    { href: 't20240110_3.html', text: '关于做好2023年政府信息公开工作年度报告编制发布工作的通知', date: '2024-01-10' },
    { href: 't20170120_4.html', text: '清河市生态环境局2016年政府信息公开工作年度报告', date: '2017-01-20' },
    { href: 'javascript:void(0)', text: '2023年政府信息公开工作年度报告' },
    { href: '../zcjd/t1.html', text: '政策解读' },
  ]);
  const all = pickReports(html, PAGE, { since: 2019 });
  assert.deepEqual(all, [
    { url: 'http://gov.example/xxgk/ndbg/202401/t20240125_1.html', title: '清河市生态环境局2023年政府信息公开工作年度报告', year: 2023, listed: '2024-01-25' },
    { url: 'http://gov.example/xxgk/ndbg/202301/t20230130_2.html', title: '清河市生态环境局2022年政府信息公开工作年度报告', year: 2022, listed: '2023-01-30' },
    { url: 'http://files.gov.example/up/2021nb.pdf', title: '清河市教育局2021年政府信息公开工作年度报告.pdf', year: 2021, listed: '2022-01-28' },
  ]);
  assert.deepEqual(pickReports(html, PAGE, { since: 2019, match: /生态环境局/u }).map((r) => r.year), [2023, 2022]);
  assert.deepEqual(pickReports(html, PAGE).map((r) => r.year), [2023, 2022, 2021, 2016]);
});

test('a GBK listing decodes through the ingest decoder and reads the same', () => {
  const html = listingHtml([{ href: 't1.html', text: '北园县人民政府2023年政府信息公开工作年度报告' }], '', 'gbk');
  const bytes = iconv.encode(html, 'gbk');
  const { text, encoding } = decodeText(bytes);
  assert.equal(encoding, 'gb18030');
  assert.deepEqual(pickReports(text, PAGE).map((r) => [r.year, r.url]), [[2023, 'http://gov.example/xxgk/ndbg/t1.html']]);
});

test('pagination: 下一页/尾页 links, createPageHTML, a page-count variable; never outside the listing folder', () => {
  const links = listingHtml([], '<div class="page"><a href="/">首页</a><a href="index_1.html">下一页</a><a href="index_4.html">尾页</a><a href="/other/index_1.html">下一页</a></div>');
  assert.deepEqual(findPages(links, PAGE), ['http://gov.example/xxgk/ndbg/index_1.html', 'http://gov.example/xxgk/ndbg/index_4.html']);
  const trs = listingHtml([], '<script>createPageHTML(3, 0, "index", "html");</script>');
  assert.deepEqual(findPages(trs, PAGE), ['http://gov.example/xxgk/ndbg/index_1.html', 'http://gov.example/xxgk/ndbg/index_2.html']);
  const count = listingHtml([], '<script>var countPage = 3;//共多少页\nvar currentPage = 0;</script>');
  assert.deepEqual(findPages(count, 'http://gov.example/xxgk/ndbg/list.html'), ['http://gov.example/xxgk/ndbg/list_1.html', 'http://gov.example/xxgk/ndbg/list_2.html']);
  assert.deepEqual(findPages(listingHtml([]), PAGE), []);
});

test('pagination by a query parameter: every page up to 尾页 or the page count, on the page\'s own path, in order', () => {
  const list = 'http://gov.example/xxgk/ndbg/list';
  const links = listingHtml([], '<div class="page"><a href="list?pageNo=2">下一页</a><a href="list?pageNo=5">尾页</a></div>');
  assert.deepEqual(findPages(links, list), [2, 3, 4, 5].map((n) => `${list}?pageNo=${n}`));
  const counted = listingHtml([], '<a href="?page=2&amp;col=7">下一页</a><script>var pageCount = 3;</script>');
  assert.deepEqual(findPages(counted, `${list}?page=1&col=7`), [`${list}?page=2&col=7`, `${list}?page=3&col=7`]);
  // The index_N.html naming is not guessed for a listing paged by its query.
  assert.ok(!findPages(counted, `${list}?page=1&col=7`).some((u) => /index_/.test(u)));
});

test('a report page tells its publication date by its meta or a 发布日期 line', () => {
  assert.equal(pageDate('<html><head><meta name="PubDate" content="2024-01-26 09:30"></head><body></body></html>'), '2024-01-26');
  assert.equal(pageDate('<html><body><div>发布日期：2024年1月30日  来源：县政府办</div></body></html>'), '2024-01-30');
  assert.equal(pageDate('<html><body>no date</body></html>'), null);
});
