import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'cheerio';
import { flagIndex } from '../../pipeline/datasets/flags.ts';
import { reportPage } from '../../pipeline/datasets/site/index.ts';
import { summarize } from '../../pipeline/datasets/summary.ts';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import type { Cell } from '../../pipeline/model/report.ts';
import { TABLES, TABLE_IDS, cellsOf } from '../../pipeline/model/template.ts';
import { sampleContext, sampleReports } from '../helpers/release.ts';

const REPORTS = sampleReports();
const CTX = sampleContext(REPORTS);
const render = (k: number) => reportPage(REPORTS[k]!, CTX.reports[k]!, { meta: CTX.meta });
const FLAGGED = 1;
const $ = load(render(FLAGGED));
const td = (table: string, row: string, column: string) => $(`td[data-cell="${table}/${row}/${column}"]`);

/** A copy of a sample report with some cells replaced, validated as before, and its summary. */
function variant(k: number, cells: Array<[keyof ValidatedReport['report']['tables'], string, string, Cell | undefined]>,
  sources?: ValidatedReport['report']['sources']): [ValidatedReport, ReturnType<typeof summarize>] {
  const base = REPORTS[k]!;
  const report = structuredClone(base.report);
  for (const [table, row, column, cell] of cells) {
    if (cell) (report.tables[table][row] ??= {})[column] = cell;
    else delete report.tables[table][row]?.[column];
  }
  if (sources) report.sources = sources;
  const r = { report, validation: base.validation };
  return [r, summarize(r, { sha256: 'ab'.repeat(32), bytes: 1234 }, '2025-01-01')];
}

test('the report page is HTML5 in Chinese with relative links to home, its year and its JSON', () => {
  const html = render(FLAGGED);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
  assert.equal($('header.site a').attr('href'), '../../index.html');
  assert.equal($('.crumbs a').eq(1).attr('href'), 'index.html', 'the year list is next door');
  assert.ok($('a[href="yunhushiminzhengju-d2218e-2020.json"]').length >= 1);
  assert.equal($('[src]').length, 0);
  assert.equal($('script').length, 0);
  for (const a of $('a[href]').toArray()) assert.ok(!$(a).attr('href')!.startsWith('/'), $(a).attr('href'));
});

test('metadata and sources are shown', () => {
  const r = REPORTS[FLAGGED]!.report;
  const about = $('#about').text();
  for (const want of [r.id, String(r.year), r.published!, r.sources[0]!.name, r.sources[0]!.sha256.slice(0, 12), CTX.reports[FLAGGED]!.modified]) {
    assert.ok(about.includes(want), want);
  }
  assert.match($('#about').html()!, /2019 年版模板/);
});

test('the three tables hold every cell of the edition, with zh labels and codes of rows and columns', () => {
  const r = REPORTS[FLAGGED]!.report;
  for (const id of TABLE_IDS) {
    const table = $(`table[data-table="${id}"]`);
    assert.equal(table.length, 1, id);
    const cells = cellsOf(TABLES[id], r.edition);
    assert.equal(table.find('td[data-cell]').length, cells.length, `${id}: one td per cell`);
    for (const { row, column } of cells) assert.equal(td(id, row.code, column).length, 1, `${id}/${row.code}/${column}`);
    for (const row of TABLES[id].rows.filter((x) => x.editions.includes(r.edition))) {
      assert.ok(table.text().includes(row.code), row.code);
    }
  }
  const apps = $('table[data-table="applications"]').text();
  for (const zh of ['一、本年新收政府信息公开申请数量', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '法人或其他组织', '商业企业', 'natural_person']) {
    assert.ok(apps.includes(zh), zh);
  }
  const proactive = $('table[data-table="proactive"]').text();
  for (const zh of ['第二十条第（一）项', '信息内容', '本年新制作数量', '规章', 'regulations']) assert.ok(proactive.includes(zh), zh);
  const appeals = $('table[data-table="appeals"]').text();
  for (const zh of ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', 'upheld']) assert.ok(appeals.includes(zh), zh);
  const received = td('applications', 'received', 'total').clone();
  received.find('.flag, sup').remove();
  assert.equal(received.text(), '15');
});

test('flags sit beside the flagged numbers: ⚠ with the rule ids, linked to footnotes with both messages', () => {
  const cell = td('applications', 'received', 'total');
  assert.equal(cell.attr('data-flags'), 'applications.balance;applications.row_total');
  assert.ok(cell.hasClass('flagged'));
  const flag = cell.find('.flag');
  assert.equal(flag.text(), '⚠');
  assert.equal(flag.attr('title'), 'applications.balance; applications.row_total');
  assert.match(flag.attr('aria-label')!, /applications\.balance, applications\.row_total/);
  assert.equal(flag.prev().length, 0, 'the marker follows the number in the same cell');
  assert.ok(cell.text().startsWith('15'));
  assert.deepEqual(cell.find('sup a').map((_, a) => $(a).attr('href')).get(), ['#issue-1', '#issue-2']);
  assert.deepEqual(td('applications', 'total', 'total').find('sup a').map((_, a) => $(a).attr('href')).get(), ['#issue-1']);

  const issues = REPORTS[FLAGGED]!.validation.issues;
  for (const [k, issue] of issues.entries()) {
    const li = $(`#issue-${k + 1}`);
    assert.equal(li.attr('data-rule'), issue.rule);
    assert.ok(li.text().includes(issue.message.zh));
    assert.ok(li.text().includes(issue.message.en));
  }
  assert.equal($('#issue-1 a[href="#cell-applications-received-total"]').length, 1, 'footnotes link back to the cells');

  // Exactly the cells the issues touch are flagged, and the others are not.
  const index = flagIndex(issues);
  const flagged = $('td[data-flags]').map((_, el) => $(el).attr('data-cell')).get().sort();
  assert.deepEqual(flagged, [...index.keys()].sort());
  assert.equal(td('applications', 'granted', 'total').find('.flag').length, 0);
  assert.equal(td('applications', 'granted', 'total').attr('data-flags'), undefined);
});

test('a report without issues has no flag and says so', () => {
  const $$ = load(render(0));
  assert.equal($$('.flag').length, 0);
  assert.equal($$('td.flagged').length, 0);
  assert.match($$('#issues').text(), /全部校验通过/);
});

test('cells keep what was printed: blank stays blank, "-" as printed, text and derived marked, absent shaded', () => {
  const [r, s] = variant(FLAGGED, [
    ['applications', 'granted', 'natural_person', { kind: 'blank', value: null, raw: '' }],
    ['applications', 'granted', 'commercial_enterprise', { kind: 'not_applicable', value: null, raw: '—' }],
    ['applications', 'granted', 'research_institution', { kind: 'text', value: null, raw: '<b>约</b>10' }],
    ['applications', 'granted', 'social_welfare_org', { kind: 'derived', value: 7, derivedFrom: ['a', 'b'] }],
    ['applications', 'granted', 'legal_service_org', undefined],
    ['applications', 'granted', 'other_org', { kind: 'number', value: 1234.5, raw: '12,345,000元', unit: '元', note: '其中<i>修订</i>' }],
  ]);
  const $$ = load(reportPage(r, s, { meta: CTX.meta }));
  const cell = (c: string) => $$(`td[data-cell="applications/granted/${c}"]`);
  assert.equal(cell('natural_person').text(), '');
  assert.equal(cell('natural_person').attr('data-kind'), 'blank');
  assert.equal(cell('commercial_enterprise').text(), '—');
  assert.ok(cell('research_institution').hasClass('text'));
  assert.equal(cell('research_institution').find('.txt').text(), '<b>约</b>10', 'text is shown, escaped');
  assert.equal(cell('research_institution').find('b').length, 0);
  assert.equal(cell('research_institution').find('.mark').text(), '文');
  assert.equal(cell('social_welfare_org').find('.v').text(), '7');
  assert.equal(cell('social_welfare_org').find('.mark').text(), '∑');
  assert.match(cell('social_welfare_org').attr('title')!, /a, b/);
  assert.ok(cell('legal_service_org').hasClass('absent'));
  assert.equal(cell('legal_service_org').text(), '');
  assert.ok(cell('other_org').text().startsWith('1,234.5'));
  assert.match(cell('other_org').attr('title')!, /12,345,000元/);
  assert.equal(cell('other_org').find('i').length, 0);
  assert.equal(cell('other_org').find('.cnote').text(), '其中<i>修订</i>');
});

test('data from the report is escaped, and only http(s) sources become links', () => {
  const html = render(2);
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.equal(load(html)('script').length, 0);
  assert.ok(load(html)('h1').text().includes('=cmd|<script>alert(1)</script>局'));
  const [r, s] = variant(0, [], [
    { name: 'javascript:alert(1)', mediaType: 'text/html', rendering: 'html', sha256: 'a'.repeat(64), bytes: 10 },
    { name: 'https://www.example.gov.cn/xxgk/2019.html?a=1&b="2"', mediaType: 'text/html', rendering: 'html', sha256: 'b'.repeat(64), bytes: 10 },
  ]);
  const $$ = load(reportPage(r, s, { meta: CTX.meta }));
  assert.equal($$('a[href^="javascript"]').length, 0);
  assert.ok($$('#about').text().includes('javascript:alert(1)'));
  assert.equal($$('#about a[href^="https://www.example.gov.cn"]').length, 0, 'a URL with quotes is not a safe link');
  const [r2, s2] = variant(0, [], [
    { name: 'https://www.example.gov.cn/xxgk/2019.html?a=1&b=2', mediaType: 'text/html', rendering: 'html', sha256: 'b'.repeat(64), bytes: 10 },
  ]);
  const page2 = reportPage(r2, s2, { meta: CTX.meta });
  assert.ok(page2.includes('href="https://www.example.gov.cn/xxgk/2019.html?a=1&amp;b=2"'));
});

test('report pages are deterministic', () => {
  for (let k = 0; k < REPORTS.length; k++) assert.equal(render(k), render(k));
  const again = sampleReports();
  const ctx = sampleContext(again);
  assert.equal(reportPage(again[FLAGGED]!, ctx.reports[FLAGGED]!, { meta: ctx.meta }), render(FLAGGED));
});

test('a headline figure is marked when an issue touches a cell it is read from, with the rules', () => {
  const figure = (k: number, zh: string) => load(render(k))('#headline dl.facts > div').filter((_, d) => load(d).text().includes(zh));
  const received = figure(FLAGGED, '本年新收');
  assert.equal(received.length, 1);
  assert.ok(received.hasClass('flagged'), 'the planted error on 三 received/total marks the figure');
  const rules = received.find('.code').text().split('; ');
  const index = flagIndex(REPORTS[FLAGGED]!.validation.issues);
  assert.deepEqual(rules, index.get('applications/received/total'));
  const clean = REPORTS.findIndex((r) => r.validation.issues.length === 0);
  assert.ok(clean >= 0);
  assert.equal(load(render(clean))('#headline .flagged').length, 0, 'a report without issues has no marked figure');
});
