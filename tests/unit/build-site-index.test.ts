import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'cheerio';
import { siteCss, siteIndex } from '../../pipeline/datasets/site/index.ts';
import { FLAGGED_ON_INDEX } from '../../pipeline/datasets/site/index-page.ts';
import type { FileStat, ReleaseContext, ReportSummary } from '../../pipeline/datasets/types.ts';
import { fileStat, sampleContext, sampleReports } from '../helpers/release.ts';

const REPORTS = sampleReports();
const FILES: FileStat[] = [
  fileStat('data/observations.csv', 'report_id,value\n', 'text/csv'),
  fileStat('data/reports.csv', 'report_id\n', 'text/csv'),
  fileStat('data/观测 2024.csv', 'x\n', 'text/csv'),
  fileStat('feed/reports.json', '{}\n', 'application/json'),
  fileStat('schemas/annual-report.schema.json', 'x'.repeat(12_345), 'application/schema+json'),
  fileStat('datapackage.json', '{}\n', 'application/json'),
];
const CTX = sampleContext(REPORTS, FILES);
const SCHEMA_ORG = {
  '@context': 'https://schema.org',
  '@type': 'Dataset',
  name: 'x',
  description: '</script><script>alert(2)</script> <!-- & -->',
};
const HTML = siteIndex(CTX, { schemaOrg: SCHEMA_ORG });
const $ = load(HTML);

test('the index is an HTML5 page in Chinese, utf-8, responsive, with no external resource', () => {
  assert.match(HTML, /^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
  assert.equal($('meta[name="viewport"]').attr('content'), 'width=device-width, initial-scale=1');
  assert.equal($('[src]').length, 0, 'nothing is loaded by src');
  assert.deepEqual($('link').map((_, l) => $(l).attr('href')).get(), ['data:,', 'site.css'], 'the release\'s own stylesheet, no font link');
  assert.doesNotMatch(HTML, /url\(|@import/);
  assert.doesNotMatch(siteCss(), /url\(|@import/, 'the stylesheet loads nothing either');
  assert.equal($('script:not([type="application/ld+json"])').length, 0);
  for (const a of $('a[href]').toArray()) {
    const href = $(a).attr('href')!;
    const external = /^(https?:|mailto:)/.test(href);
    assert.ok(!external || [CTX.meta.license.url, CTX.meta.baseUrl, `mailto:${CTX.meta.contact.email}`].includes(href), `only the licence, stable URL and contact are absolute: ${href}`);
    assert.ok(!href.startsWith('/'), `no root-relative link: ${href}`);
  }
});

test('data from reports is escaped: the agency named like a script stays text', () => {
  assert.ok(!HTML.includes('<script>alert(1)</script>'));
  assert.ok(HTML.includes('=cmd|&lt;script&gt;alert(1)&lt;/script&gt;局'));
  assert.equal($('script').length, 1, 'only the ld+json script element');
  assert.ok($('body').text().includes('=cmd|<script>alert(1)</script>局'));
});

test('the schema.org Dataset is embedded as ld+json that cannot close its element', () => {
  const script = $('head script[type="application/ld+json"]');
  assert.equal(script.length, 1);
  const raw = HTML.slice(HTML.indexOf('<script type="application/ld+json">') + 35, HTML.indexOf('</script>'));
  assert.doesNotMatch(raw, /<\/|<!--/);
  assert.deepEqual(JSON.parse(raw), SCHEMA_ORG);
  assert.equal($('script').length, 1);
  assert.equal(load(siteIndex(CTX))('script').length, 0, 'no schemaOrg, no script element');
});

test('the release facts: version, reports, bodies, years, modified date, licence', () => {
  const facts = $('#release dl').text();
  for (const want of [CTX.meta.version, String(CTX.reports.length), '2019–2024', CTX.modified, CTX.meta.license.id]) {
    assert.ok(facts.includes(want), want);
  }
  const bodies = $('#release dt').filter((_, dt) => $(dt).text().includes('Bodies')).next().text();
  assert.equal(bodies, String(new Set(CTX.reports.map((s) => s.agency)).size));
  assert.equal($(`#release a[href="${CTX.meta.license.url}"]`).length, 1);
});

test('a trend chart per headline figure: inline SVG with one labelled bar per year, height by value', () => {
  const years = [...new Set(CTX.reports.map((s) => s.year))];
  for (const key of ['received', 'handled', 'reconsiderations', 'lawsuits'] as const) {
    const svg = $(`svg#trend-${key}`);
    assert.equal(svg.length, 1, key);
    assert.ok(svg.attr('viewBox'));
    const points = svg.find('g.point');
    assert.equal(points.length, years.length);
    assert.equal(svg.find('rect.bar').length, years.length);
    for (const [k, year] of years.entries()) {
      const point = points.eq(k);
      const sum = CTX.reports.filter((s) => s.year === year).reduce((a, s) => a + (s.headline[key] ?? 0), 0);
      assert.equal(point.attr('data-year'), String(year));
      assert.equal(point.attr('data-value'), String(sum));
      assert.equal(point.find('text.tick').text(), String(year));
      assert.equal(point.find('text.value').text(), sum.toLocaleString('en-US'));
    }
    const heights = points.map((_, p) => Number($(p).find('rect').attr('height'))).get();
    const values = points.map((_, p) => Number($(p).attr('data-value'))).get();
    const top = values.indexOf(Math.max(...values));
    assert.equal(heights[top], Math.max(...heights), 'the largest value has the tallest bar');
  }
});

test('a year without reports keeps its place on the axis, marked "—" and without a bar', () => {
  const ctx = sampleContext(REPORTS.filter((r) => r.report.year !== 2021));
  const svg = load(siteIndex(ctx))('svg#trend-received');
  assert.deepEqual(svg.find('g.point').map((_, g) => svg.find(g).attr('data-year')).get(), ['2019', '2020', '2021', '2022', '2023', '2024']);
  const gap = svg.find('g.point[data-year="2021"]');
  assert.ok(gap.hasClass('missing'));
  assert.equal(gap.find('rect').length, 0);
  assert.equal(gap.find('text.value').text(), '—');
  assert.equal(svg.find('rect.bar').length, 5);
});

function withBodies(ctx: ReleaseContext, count: number): ReleaseContext {
  const model = ctx.reports.at(-1)!;
  const extra: ReportSummary[] = Array.from({ length: count }, (_, k) => ({
    ...model,
    id: `body${String(k).padStart(2, '0')}-${model.year}`,
    series: `body${String(k).padStart(2, '0')}`,
    agency: `第${k}局`,
    headline: { ...model.headline, received: k * 10 },
    page: `reports/${model.year}/body${String(k).padStart(2, '0')}-${model.year}.html`,
    warnings: k === 24 ? 1 : 0,
  }));
  return { ...ctx, reports: [...ctx.reports, ...extra] };
}

test('the bodies chart ranks the top 20 bodies of the latest year by requests received, linking to their pages', () => {
  const $$ = load(siteIndex(withBodies(CTX, 25)));
  const svg = $$('svg#top-bodies');
  assert.equal(svg.length, 1);
  const bars = svg.find('g.point');
  assert.equal(bars.length, 20);
  const values = bars.map((_, g) => Number($$(g).attr('data-value'))).get();
  assert.deepEqual(values, [240, 230, 220, 210, 200, 190, 180, 170, 160, 150, 140, 130, 120, 110, 100, 90, 80, 70, 60, 50]);
  assert.equal(bars.eq(0).find('text.label').text(), '第24局');
  assert.match(bars.eq(0).find('text.value').text(), /^240 ⚠$/, 'a body with warnings is marked');
  assert.ok(bars.eq(0).find('rect').hasClass('warn'));
  assert.equal(bars.eq(0).parent('a').attr('href'), 'reports/2024/body24-2024.html');
  assert.ok(Number(bars.eq(0).find('rect').attr('width')) > Number(bars.eq(19).find('rect').attr('width')));
  // The sample release has one body in 2024: one bar.
  assert.equal($('svg#top-bodies g.point').length, 1);
  assert.equal($('svg#top-bodies text.label').text(), CTX.reports.at(-1)!.agency);
});

test('every data file is linked with its size and short sha256, and the release descriptors too', () => {
  for (const f of FILES) {
    const row = $(`tr[data-file="${f.path}"]`);
    assert.equal(row.length, 1, f.path);
    const href = row.find('a').attr('href')!;
    assert.equal(decodeURIComponent(href), f.path);
    assert.doesNotMatch(href, /[ \u4e00-\u9fff]/, 'the link is percent-encoded');
    assert.ok(row.text().includes(f.sha256.slice(0, 12)));
    assert.equal(row.find('code').attr('title'), `sha256 ${f.sha256}`);
  }
  assert.equal($('tr[data-file="schemas/annual-report.schema.json"] td.num').text(), '12.3 kB');
  assert.equal($('tr[data-file="data/reports.csv"] td.num').text(), '10 B');
  for (const path of ['datapackage.json', 'catalog.jsonld', 'catalog.ttl', 'manifest.json']) {
    assert.ok($(`#downloads a[href="${path}"]`).length >= 1, path);
  }
  assert.equal($('#downloads a[href="datapackage.json"]').length, 1, 'listed once when it is a file of the release');
});

test('year lists are linked, and every report with warnings or errors shows its validation status (the year pages list the rest)', () => {
  for (const year of [2019, 2020, 2021, 2022, 2023, 2024]) assert.equal($(`#years a[href="reports/${year}/index.html"]`).length, 1);
  for (const s of CTX.reports) {
    const row = $(`#reports tr[data-report="${s.id}"]`);
    const flagged = s.warnings > 0 || s.errors > 0;
    assert.equal(row.length, flagged ? 1 : 0, s.id);
    if (!flagged) continue;
    assert.equal(row.attr('data-warnings'), String(s.warnings));
    assert.equal(row.find(`a[href="${s.page}"]`).text(), s.agency);
    assert.equal(row.find(`a[href="${s.json.path}"]`).length, 1);
  }
  const flagged = $('#reports tr[data-report="yunhushiminzhengju-d2218e-2020"]');
  assert.match(flagged.find('.badge').text(), /⚠ 2 警告/);
  assert.ok(flagged.text().includes('applications.balance'));
  assert.equal($('#reports tr[data-report="beizhangshiminzhengju-14f0e3-2024"]').length, 0, 'a report that passed is on its year page only');
});

test('the index lists at most FLAGGED_ON_INDEX reports with warnings, latest year first, and says how many there are', () => {
  const flagged = CTX.reports.find((r) => r.warnings > 0)!;
  const many = Array.from({ length: FLAGGED_ON_INDEX + 50 }, (_, k) => ({ ...flagged, id: `${flagged.id}-${String(k).padStart(4, '0')}`, series: `s${k}`, year: 2019 + (k % 2) }));
  const $$ = load(siteIndex({ ...CTX, reports: many.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1)) }));
  assert.equal($$('#reports tr[data-report]').length, FLAGGED_ON_INDEX);
  assert.deepEqual($$('#reports h3').map((_, h) => $$(h).text()).get(), ['2020', '2019'], 'latest year first');
  assert.match($$('#reports .note').text(), new RegExp(`latest ${FLAGGED_ON_INDEX} of ${FLAGGED_ON_INDEX + 50}`));
});

test('the index is deterministic, and an empty release still renders', () => {
  assert.equal(siteIndex(sampleContext(sampleReports(), FILES), { schemaOrg: SCHEMA_ORG }), HTML);
  const empty = siteIndex(sampleContext([]));
  assert.match(empty, /暂无报告/);
  assert.equal(load(empty)('svg').length, 0);
  assert.equal(load(empty)('#downloads a[href="manifest.json"]').length, 1);
});
