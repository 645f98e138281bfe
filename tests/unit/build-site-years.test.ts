import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'cheerio';
import { yearPages } from '../../pipeline/datasets/site/index.ts';
import { sampleContext, sampleReports } from '../helpers/release.ts';

const CTX = sampleContext(sampleReports(12));
const PAGES = [...yearPages(CTX)];

test('one page per year, at reports/<year>/index.html, in year order', () => {
  const years = [...new Set(CTX.reports.map((s) => s.year))];
  assert.deepEqual(PAGES.map((p) => p.path), years.map((y) => `reports/${y}/index.html`));
  assert.deepEqual([...yearPages(sampleContext([]))], []);
});

test('a year page lists its reports with their figures and warnings, linking to each report page and JSON', () => {
  for (const { path, content } of PAGES) {
    const $ = load(content);
    const year = Number(path.split('/')[1]);
    const reports = CTX.reports.filter((s) => s.year === year);
    assert.match(content, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.equal($('header.site a').attr('href'), '../../index.html');
    assert.equal($('tr[data-report]').length, reports.length);
    for (const s of reports) {
      const row = $(`tr[data-report="${s.id}"]`);
      assert.equal(row.find(`a[href="${s.id}.html"]`).text(), s.agency);
      assert.equal(row.find(`a[href="${s.id}.json"]`).length, 1);
      assert.equal(row.attr('data-warnings'), String(s.warnings));
      const figures = row.find('td.num').map((_, td) => $(td).text()).get();
      assert.deepEqual(figures, [s.headline.received, s.headline.granted, s.headline.handled, s.headline.reconsiderations, s.headline.lawsuits]
        .map((v) => (v === null ? '—' : v.toLocaleString('en-US'))));
    }
    const sum = reports.reduce((a, s) => a + (s.headline.received ?? 0), 0);
    assert.ok($('dl.facts').text().includes(sum.toLocaleString('en-US')), `${year}: sum of received`);
    for (const a of $('a[href]').toArray()) assert.ok(!$(a).attr('href')!.startsWith('/'));
  }
  const $2020 = load(PAGES.find((p) => p.path === 'reports/2020/index.html')!.content);
  assert.match($2020('tr[data-report="yunhushiminzhengju-d2218e-2020"] .badge').text(), /⚠ 2 警告/);
  assert.equal($2020('a[rel="prev"]').attr('href'), '../2019/index.html');
  assert.equal($2020('a[rel="next"]').attr('href'), '../2021/index.html');
});

test('year pages escape agency names and are deterministic', () => {
  const page = PAGES.find((p) => p.path === 'reports/2021/index.html')!.content;
  assert.ok(!page.includes('<script>'));
  assert.ok(page.includes('=cmd|&lt;script&gt;alert(1)&lt;/script&gt;局'));
  assert.deepEqual([...yearPages(sampleContext(sampleReports(12)))], PAGES);
});
