/**
 * agencies/<id>.html: one body over the years: its registry facts, charts of requests received and handled, the
 * share refused, reconsiderations and lawsuits, and a table of every year linking to that year's report. Pure.
 */
import { ratesOf } from '../figures.ts';
import { bodySeries, seriesIndex, type BodySeries } from '../series.ts';
import { TIMESERIES_CSV } from '../table-schemas-series.ts';
import { csvwPath } from '../to-csvw.ts';
import { DICTIONARY_PAGE, anchor } from './dictionary-page.ts';
import type { Figures, ReleaseContext } from '../types.ts';
import { AGENCIES_INDEX, bodyCell, kindLabel, levelLabel } from './agency-list.ts';
import { yearBars, type YearPoint } from './charts.ts';
import { bi, esc, href, num, reportJsonLink, statusBadge } from './html.ts';
import { editionLabel } from './labels.ts';
import { page } from './layout.ts';

/** The columns of the year table: figure key, zh, en. */
const COLUMNS: ReadonlyArray<[keyof Figures, string, string]> = [
  ['received', '新收申请', 'Received'],
  ['carried_over', '上年结转', 'Carried over'],
  ['handled', '办理总数', 'Handled'],
  ['granted', '予以公开', 'Granted'],
  ['partially_granted', '部分公开', 'Partially granted'],
  ['refused', '不予公开', 'Refused'],
  ['unavailable', '无法提供', 'Unavailable'],
  ['not_processed', '不予处理', 'Not processed'],
  ['other', '其他处理', 'Other'],
  ['carried_forward', '结转下年', 'Carried forward'],
  ['reconsiderations', '行政复议', 'Reconsiderations'],
  ['lawsuits', '行政诉讼', 'Lawsuits'],
  ['appeals_corrected', '复议诉讼纠正', 'Appeals corrected'],
];

/** A rate as a percentage with one decimal, or "—". */
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function charts(series: BodySeries): string {
  const first = series.reports[0]!.year;
  const last = series.reports[series.reports.length - 1]!.year;
  const byYear = new Map(series.reports.map((s) => [s.year, s]));
  const points = (value: (f: Figures) => number | null): YearPoint[] => Array.from({ length: last - first + 1 }, (_, k) => {
    const s = byYear.get(first + k);
    return { year: first + k, value: s ? value(s.figures) : null };
  });
  const share = (f: Figures) => {
    const r = ratesOf(f).refused_rate;
    return r === null ? null : Math.round(r * 1000) / 10;
  };
  const specs: Array<[string, { zh: string; en: string }, YearPoint[]]> = [
    ['body-received', { zh: '新收申请', en: 'Requests received' }, points((f) => f.received)],
    ['body-handled', { zh: '办理总数', en: 'Requests handled' }, points((f) => f.handled)],
    ['body-refused-share', { zh: '不予公开占比 %', en: 'Share refused, %' }, points(share)],
    ['body-reconsiderations', { zh: '行政复议', en: 'Reconsiderations' }, points((f) => f.reconsiderations)],
    ['body-lawsuits', { zh: '行政诉讼', en: 'Lawsuits' }, points((f) => f.lawsuits)],
  ];
  return `<div class="charts">
${specs.map(([id, label, p]) => `<figure><figcaption>${bi(label.zh, label.en)}</figcaption>${yearBars(id, label, p)}</figure>`).join('\n')}
</div>
<p class="note">“—”：该年没有报告，或报告未印该数字。不予公开占比 = 不予公开 ÷ 办理总数。<span lang="en">“—”: no report that year, or the report does not print the figure. Share refused = refused ÷ handled.</span></p>`;
}

function yearTable(series: BodySeries, path: string): string {
  const head = COLUMNS.map(([, zh, en]) => `<th scope="col" class="num">${bi(zh, en)}</th>`).join('');
  const rows = series.reports.map((s) => {
    const rates = ratesOf(s.figures);
    const cells = COLUMNS.map(([k]) => `<td class="num" data-key="${k}">${num(s.figures[k])}</td>`).join('');
    return `<tr data-year="${s.year}" data-report="${esc(s.id)}"><th scope="row"><a href="${esc(href(path, s.page))}">${s.year}</a>`
      + `<span class="code">${esc(s.agency)}</span></th><td>${esc(s.edition)}</td>${cells}`
      + `<td class="num" data-key="refused_rate">${pct(rates.refused_rate)}</td><td class="num" data-key="appeals_corrected_rate">${pct(rates.appeals_corrected_rate)}</td>`
      + `<td>${statusBadge(s.warnings, s.errors, s.flags)}</td>`
      + `<td>${reportJsonLink(path, s.json.path, s.id)}</td></tr>`;
  });
  return `<div class="wrap"><table class="years-table">
<thead><tr><th scope="col">${bi('年度', 'Year')}</th><th scope="col">${bi('模板', 'Edition')}</th>${head}<th scope="col" class="num">${bi('不予公开占比', 'Share refused')}</th><th scope="col" class="num">${bi('纠正占比', 'Share corrected')}</th><th scope="col">${bi('校验', 'Validation')}</th><th scope="col">${bi('数据', 'Data')}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function facts(ctx: ReleaseContext, series: BodySeries, children: readonly BodySeries[], path: string): string {
  const body = series.body;
  const parent = body?.parent ? seriesIndex(ctx.reports).get(body.parent) : undefined;
  const parentHtml = !body?.parent ? '—'
    : parent?.resolved ? bodyCell(parent, path) : `<code>${esc(body.parent)}</code>`;
  const fact = (zh: string, en: string, v: string) => `<div><dt>${bi(zh, en)}</dt><dd>${v}</dd></div>`;
  const editions = [...new Set(series.reports.map((s) => s.edition))].map(editionLabel).join('<br>');
  const list = children.length
    ? `<h3>${bi('下级机关', 'Bodies under it')}</h3><ul>${children.map((c) => `<li>${bodyCell(c, path)}</li>`).join('')}</ul>`
    : '';
  return `<dl class="facts">
${fact('编号', 'ID', `<code>${esc(series.key)}</code>`)}
${fact('行政区划代码', 'Division', series.division ? esc(series.division) : '—')}
${fact('层级', 'Level', levelLabel(body?.level))}
${fact('类型', 'Kind', kindLabel(body?.kind))}
${fact('上级机关', 'Parent', parentHtml)}
${fact('报告', 'Reports', String(series.reports.length))}
${fact('模板', 'Editions', editions)}
${fact('报告署名', 'Names printed', series.names.map((n) => esc(n)).join('<br>'))}
${fact('数据', 'Data', `<a href="${esc(href(path, series.feed))}" type="application/json">JSON</a> · <a href="${esc(`${href(path, DICTIONARY_PAGE)}#${anchor(TIMESERIES_CSV)}`)}">timeseries/</a>`)}
</dl>
${list}`;
}

export function agencyPage(ctx: ReleaseContext, series: BodySeries, children: readonly BodySeries[] = []): string {
  const path = series.page;
  const status = series.resolved
    ? `<p><span class="badge ok">✓ 机关名录 <span lang="en">registry body</span></span></p>`
    : `<p><span class="badge warn">⚠ 名称未匹配机关名录 <span lang="en">name not in the registry</span></span> <span class="note">按报告署名归并，可能与名录中的机关重复。<span lang="en">Grouped by the printed name; it may be a registry body under another name.</span></span></p>`;
  const body = `<p class="crumbs"><a href="${esc(href(path, 'index.html'))}">首页 <span lang="en">Home</span></a> › <a href="${esc(href(path, AGENCIES_INDEX))}">机关 <span lang="en">Bodies</span></a> › ${esc(series.name)}</p>
<h1>${esc(series.name)}<br><span class="en">政府信息公开历年数据 <span lang="en">disclosure figures by year</span></span></h1>
${status}
<section id="about">
<h2>${bi('机关信息', 'About this body')}</h2>
${facts(ctx, series, children, path)}
</section>
<section id="charts">
<h2>${bi('历年变化', 'Over the years')}</h2>
${charts(series)}
</section>
<section id="years">
<h2>${bi('各年报告', 'Reports by year')}</h2>
${yearTable(series, path)}
<p class="note">数字取自各年报告表三（总计列）和表四；定义见 <a href="${esc(href(path, csvwPath(TIMESERIES_CSV)))}">timeseries 的元数据</a>。⚠ 表示该年报告有校验警告，数字照原报告发布。<span lang="en">Figures from table 三 (total column) and table 四 of each year's report; definitions in the metadata of timeseries. ⚠: the report has validation warnings, and its figures are published as printed.</span></p>
</section>`;
  return page({
    path,
    meta: ctx.meta,
    title: `${series.name} · ${ctx.meta.title.zh}`,
    description: `${series.name}历年政府信息公开工作年度报告的申请办理和复议诉讼数字。Disclosure requests and appeals of ${series.name} by year.`,
    body,
  });
}

/** Every body's page, one at a time, in key order. */
export function* agencyPages(ctx: ReleaseContext): Generator<{ path: string; content: string }> {
  const all = bodySeries(ctx.reports);
  const children = new Map<string, BodySeries[]>();
  for (const b of all) {
    const parent = b.body?.parent;
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(b);
    else children.set(parent, [b]);
  }
  for (const b of all) yield { path: b.page, content: agencyPage(ctx, b, b.resolved ? children.get(b.key) ?? [] : []) };
}
