/**
 * The site in real headless Chromium: built for the sample release, served by a real HTTP server under a base path,
 * opened through playwright-core. Charts and downloads must be there, every link must answer, nothing may be
 * requested from anywhere but the local server, and a report page must show its flags.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { AGENCIES_INDEX, DICTIONARY_PAGE, STYLESHEET, agenciesIndex, agencyPages, dictionaryPage, reportPage, siteCss, siteIndex, yearPages } from '../../pipeline/datasets/site/index.ts';
import { DEFAULT_META } from '../../pipeline/datasets/defaults.ts';
import { coveragePages } from '../../pipeline/datasets/site/coverage-page.ts';
import type { ReleaseContext } from '../../pipeline/datasets/types.ts';
import { fileStat, sampleContext, sampleReports } from '../helpers/release.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { scratchDir } from '../helpers/scratch.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '../../output/test-artifacts');
const BASE = new URL(DEFAULT_META.baseUrl).pathname;
const FLAGGED = 'yunhushiminzhengju-d2218e-2020';

/** Write index, year, report and body pages, the reports' JSON, and placeholder data files into `dir`. */
async function writeSite(dir: string): Promise<ReleaseContext> {
  const reports = sampleReports();
  const put = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  const data: Array<[string, string, string]> = [
    ['data/observations.csv', 'report_id,table,row,column,value,flags\n', 'text/csv'],
    ['data/reports.csv', 'report_id,agency,year\n', 'text/csv'],
    ['feed/reports.json', '{"reports":[]}\n', 'application/json'],
    ['feed/observations.ndjson', '{}\n', 'application/x-ndjson'],
    ['schemas/annual-report.schema.json', '{}\n', 'application/schema+json'],
    ['datapackage.json', '{"resources":[]}\n', 'application/json'],
    ['catalog.jsonld', '{}\n', 'application/ld+json'],
    ['catalog.ttl', '# placeholder\n', 'text/turtle'],
  ];
  for (const [path, content] of data) await put(path, content);
  await put('manifest.json', '{"files":[]}\n');
  const ctx = sampleContext(reports, data.map(([path, content, type]) => fileStat(path, content, type)));
  for (const [k, r] of reports.entries()) {
    const summary = ctx.reports[k]!;
    assert.equal(summary.id, r.report.id);
    await put(summary.json.path, `${JSON.stringify(r.report)}\n`);
    await put(summary.page, reportPage(r, summary, { meta: ctx.meta }));
  }
  for (const { path, content } of yearPages(ctx)) await put(path, content);
  for (const { path, content } of agencyPages(ctx)) await put(path, content);
  for (const { path, content } of coveragePages(ctx)) await put(path, content);
  await put(AGENCIES_INDEX, agenciesIndex(ctx));
  await put(DICTIONARY_PAGE, dictionaryPage(ctx));
  await put(STYLESHEET, siteCss());
  const schemaOrg = { '@context': 'https://schema.org', '@type': 'Dataset', name: ctx.meta.title.en, description: '</script><script>window.__xss=1</script>' };
  await put('index.html', siteIndex(ctx, { schemaOrg }));
  return ctx;
}

const NO_BROWSER = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (.ci/run installs Chromium, so CI runs this test)`;
if (NO_BROWSER) console.log(`notice: skipping the browser test of the site: ${NO_BROWSER}`);

test('the site in headless Chromium: charts, downloads, local requests only, flags on a report page', { timeout: 180_000, skip: NO_BROWSER }, async () => {
  const dir = scratchDir('xxgk-site-');
  const server = await serveStatic(dir, BASE);
  let browser: Browser | undefined;
  try {
    const ctx = await writeSite(dir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));

    const response = await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200);

    // Charts: one bar per year in every trend chart, one per body of the latest year in the ranking.
    const years = [...new Set(ctx.reports.map((s) => s.year))];
    for (const key of ['received', 'handled', 'reconsiderations', 'lawsuits']) {
      const chart = page.locator(`svg#trend-${key}`);
      assert.equal(await chart.isVisible(), true, `chart ${key} is visible`);
      assert.equal(await chart.locator('rect.bar').count(), years.length, `one bar per year in ${key}`);
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 100, `chart ${key} has a real size: ${JSON.stringify(box)}`);
    }
    const latest = Math.max(...years);
    const latestWithValue = ctx.reports.filter((s) => s.year === latest && s.headline.received !== null).length;
    assert.equal(await page.locator('svg#top-bodies rect.bar').count(), latestWithValue);

    // Downloads: every data file is linked, and the links resolve under the base path.
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href));
    for (const f of ctx.files) assert.ok(hrefs.includes(`${server.url}${f.path}`), `index links ${f.path}`);
    for (const extra of ['datapackage.json', 'catalog.jsonld', 'catalog.ttl', 'manifest.json']) {
      assert.ok(hrefs.includes(`${server.url}${extra}`), `index links ${extra}`);
    }
    const local = [...new Set(hrefs.filter((h) => h.startsWith(server.origin)).map((h) => h.split('#')[0]!))];
    assert.ok(local.length > ctx.files.length + ctx.reports.length, 'the index links files, years and reports');
    for (const url of local) {
      const res = await page.request.get(url);
      assert.equal(res.status(), 200, `link ${url} answers`);
    }

    // The agency named like a script stays text: no dialog, no script run, its name shown literally.
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.ok((await page.locator('body').innerText()).includes('=cmd|<script>alert(1)</script>局'));
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    assert.equal(JSON.parse(ld ?? '').description, '</script><script>window.__xss=1</script>');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'site-index.png'), fullPage: true });

    // Follow the link to the report with planted warnings; its flags sit beside the numbers.
    await Promise.all([page.waitForURL(`**/reports/2020/${FLAGGED}.html`), page.locator(`#reports a[href$="${FLAGGED}.html"]`).first().click()]);
    const flagged = page.locator('td[data-cell="applications/received/total"]');
    assert.equal(await flagged.isVisible(), true);
    assert.match(await flagged.getAttribute('data-flags') ?? '', /applications\.balance/);
    const marker = flagged.locator('.flag');
    assert.equal(await marker.isVisible(), true, 'the ⚠ marker is visible');
    assert.match(await marker.getAttribute('title') ?? '', /applications\.balance; applications\.row_total/);
    const [cellBox, markerBox] = [await flagged.boundingBox(), await marker.boundingBox()];
    assert.ok(cellBox && markerBox && markerBox.x >= cellBox.x && markerBox.x + markerBox.width <= cellBox.x + cellBox.width + 1,
      'the marker sits inside the figure\'s cell');
    assert.equal(await page.locator('#issue-1').isVisible(), true, 'footnotes are listed');
    assert.equal(await page.locator('td.flagged').count() > 1, true);
    await flagged.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'site-report.png'), fullPage: true });

    // The report page links to its body's page: five charts over the body's years, a row per year linking back.
    const reportUrl = page.url();
    await Promise.all([page.waitForURL('**/agencies/*.html'), page.locator('a.body-link').click()]);
    const bodyUrl = page.url();
    for (const id of ['body-received', 'body-handled', 'body-refused-share', 'body-reconsiderations', 'body-lawsuits']) {
      const chart = page.locator(`svg#${id}`);
      assert.equal(await chart.isVisible(), true, `chart ${id} is visible`);
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 100, `chart ${id} has a real size: ${JSON.stringify(box)}`);
    }
    assert.ok(await page.locator(`#years a[href$="${FLAGGED}.html"]`).count() >= 1, 'the body page links the report');
    await page.screenshot({ path: join(ARTIFACTS, 'site-body.png'), fullPage: true });
    // At 1280 px the year table is not cut off: the page does not overflow, the table's frame scrolls, and scrolled to
    // its end the frame shows the table's last column inside the window.
    const yearTable = await page.evaluate(() => {
      const table = document.querySelector('table.years-table') as HTMLElement;
      const frame = table.parentElement as HTMLElement;
      frame.scrollLeft = frame.scrollWidth;
      const last = table.querySelector('thead tr th:last-child')!.getBoundingClientRect();
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        overflowX: getComputedStyle(frame).overflowX, frame: frame.scrollWidth, table: table.scrollWidth,
        lastRight: last.right, frameRight: frame.getBoundingClientRect().right, window: window.innerWidth,
      };
    });
    assert.ok(yearTable.page <= 1, `the body page fits 1280 px (overflow ${yearTable.page}px)`);
    assert.equal(yearTable.overflowX, 'auto', 'the year table scrolls in its frame');
    assert.ok(yearTable.frame >= yearTable.table, `the frame reaches the whole table: ${JSON.stringify(yearTable)}`);
    assert.ok(yearTable.lastRight <= yearTable.frameRight + 1 && yearTable.lastRight <= yearTable.window, `the last column can be scrolled into view: ${JSON.stringify(yearTable)}`);
    await page.locator('table.years-table').locator('..').screenshot({ path: join(ARTIFACTS, 'site-body-years-scrolled.png') });

    // Narrow screens: the page itself does not scroll sideways (wide tables scroll inside their frame).
    await page.setViewportSize({ width: 390, height: 800 });
    for (const url of [`${server.url}index.html`, reportUrl, bodyUrl, `${server.url}${AGENCIES_INDEX}`, `${server.url}${DICTIONARY_PAGE}`]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${url} fits a 390px screen (overflow ${overflow}px)`);
    }

    const external = requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(external, [], 'every request went to the local server');
    assert.ok(requests.length >= 3, 'the requests were recorded');
    assert.ok(server.log.every((l) => l.status === 200 || l.path.endsWith('favicon.ico')), JSON.stringify(server.log.filter((l) => l.status !== 200)));
  } finally {
    await browser?.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
