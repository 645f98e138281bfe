/** index.html: what the release holds, headline charts, downloads, links to the year pages, and the reports with warnings or errors. Pure. */
import { bodySeries } from '../series.ts';
import type { FileStat, ReleaseContext, ReportSummary } from '../types.ts';
import { AGENCIES_INDEX, rankings } from './agency-list.ts';
import { COVERAGE_INDEX } from './coverage-page.ts';
import { horizontalBars, yearBars } from './charts.ts';
import { bi, bytes, cmp, esc, href, num, scriptJson } from './html.ts';
import { headlineLabel, TREND_KEYS } from './labels.ts';
import { page } from './layout.ts';
import { byYear, reportTable, total } from './report-list.ts';
import { DICTIONARY_PAGE } from './dictionary-page.ts';
import { yearPagePath } from './year-pages.ts';

const PATH = 'index.html';
const TOP = 20;
/** The reports with warnings or errors the index lists at most (the year pages list every report). */
export const FLAGGED_ON_INDEX = 200;

/** Release-level files the index always links, whether or not they are in ctx.files yet. */
const RELEASE_FILES: ReadonlyArray<{ path: string; zh: string; en: string }> = [
  { path: 'datapackage.json', zh: '数据包描述（Frictionless）', en: 'Data Package descriptor' },
  { path: 'catalog.jsonld', zh: '数据目录（DCAT，JSON-LD）', en: 'DCAT catalog, JSON-LD' },
  { path: 'catalog.ttl', zh: '数据目录（DCAT，Turtle）', en: 'DCAT catalog, Turtle' },
  { path: 'manifest.json', zh: '发布清单与校验和', en: 'Release manifest with checksums' },
];

const GROUPS: ReadonlyArray<{ test: (path: string) => boolean; zh: string; en: string }> = [
  { test: (p) => p.startsWith('data/'), zh: '数据表', en: 'Data tables' },
  { test: (p) => p.startsWith('feed/'), zh: '数据流', en: 'Feeds' },
  { test: (p) => p.startsWith('schemas/'), zh: '数据模式', en: 'Schemas' },
  { test: () => true, zh: '元数据与其他文件', en: 'Metadata and other files' },
];

/** The share of the last year due published on time (coverage.csv), e.g. "2023: 75.0%". */
function onTime(ctx: ReleaseContext): string {
  const rows = ctx.coverage ?? [];
  const year = rows.reduce((m, r) => Math.max(m, r.year), 0);
  const list = rows.filter((r) => r.year === year);
  if (list.length === 0) return '—';
  return `${year}: ${((list.filter((r) => r.status === 'on_time').length * 100) / list.length).toFixed(1)}%`;
}

function facts(ctx: ReleaseContext): string {
  const { meta } = ctx;
  const bodies = bodySeries(ctx.reports).length;
  const flagged = ctx.reports.filter((s) => s.warnings > 0).length;
  const failed = ctx.reports.filter((s) => s.errors > 0).length;
  const fact = (zh: string, en: string, value: string, cls = '') =>
    `<div><dt>${bi(zh, en)}</dt><dd${cls ? ` class="${cls}"` : ''}>${value}</dd></div>`;
  return `<dl class="facts">
${fact('版本', 'Version', esc(meta.version), 'big')}
${fact('报告', 'Reports', String(ctx.reports.length), 'big')}
${fact('机关', 'Bodies', `<a href="${esc(href(PATH, AGENCIES_INDEX))}">${bodies}</a>`, 'big')}
${fact('按时发布', 'Published on time', `<a href="${esc(href(PATH, COVERAGE_INDEX))}">${onTime(ctx)}</a>`, 'big')}
${fact('年度', 'Years', ctx.years ? `${ctx.years[0]}–${ctx.years[1]}` : '—', 'big')}
${fact('更新日期', 'Modified', esc(ctx.modified), 'big')}
${fact('许可', 'Licence', `<a href="${esc(meta.license.url)}" rel="license">${esc(meta.license.id)}</a>`, 'big')}
${fact('有校验警告的报告', 'Reports with warnings', String(flagged))}
${fact('有错误的报告', 'Reports with errors', String(failed))}
${fact('首次发布', 'Issued', esc(meta.issued))}
${fact('稳定地址', 'Stable URL', `<a href="${esc(meta.baseUrl)}">${esc(meta.baseUrl)}</a>`)}
</dl>
<p class="note">${esc(meta.versionNotes)}</p>`;
}

function trends(ctx: ReleaseContext): string {
  const years = byYear(ctx.reports);
  if (!years.length) return `<p>${bi('暂无报告。', 'No reports yet.')}</p>`;
  // Every year of the range gets a place on the axis, so a year without reports shows as a gap ("—"), not as nothing.
  const range = ctx.years ? Array.from({ length: ctx.years[1] - ctx.years[0] + 1 }, (_, k) => ctx.years![0] + k) : [];
  const charts = TREND_KEYS.map((key) => {
    const label = headlineLabel(key);
    const points = range.map((year) => ({ year, value: total(years.find(([y]) => y === year)?.[1] ?? [], key).value }));
    return `<figure><figcaption>${bi(label.zh, label.en)}</figcaption>${yearBars(`trend-${key}`, label, points)}</figure>`;
  });
  const head = TREND_KEYS.map((k) => `<th scope="col" class="num">${bi(headlineLabel(k).zh, headlineLabel(k).en)}</th>`).join('');
  const rows = years.map(([year, reports]) => `<tr><th scope="row"><a href="${esc(href(PATH, yearPagePath(year)))}">${year}</a></th><td class="num">${reports.length}</td>${
    TREND_KEYS.map((k) => {
      const t = total(reports, k);
      return `<td class="num" title="${t.counted}/${reports.length}">${num(t.value)}</td>`;
    }).join('')}</tr>`);
  return `<div class="charts">
${charts.join('\n')}
</div>
<p class="note">各年合计为当年已收录报告之和；各年收录的机关不同，合计不宜直接比较。<span lang="en">Each bar sums the reports collected for that year; the set of bodies differs between years, so compare with care.</span></p>
<details><summary>${bi('数据表', 'As a table')}</summary>
<div class="wrap"><table><thead><tr><th scope="col">${bi('年度', 'Year')}</th><th scope="col" class="num">${bi('报告', 'Reports')}</th>${head}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
</details>`;
}

function topBodies(ctx: ReleaseContext): string {
  if (!ctx.years) return '';
  const latest = ctx.years[1];
  // Each report's figure read once (a spilled summary reads it back from disk: summary-store.ts), then sorted.
  const ranked = ctx.reports
    .filter((s) => s.year === latest)
    .map((s) => ({ s, received: s.headline.received }))
    .filter((r): r is { s: ReportSummary; received: number } => r.received !== null)
    .sort((a, b) => b.received - a.received || cmp(a.s.agency, b.s.agency) || cmp(a.s.id, b.s.id))
    .slice(0, TOP);
  const label = { zh: `${latest} 年新收申请最多的机关`, en: `Bodies by requests received, ${latest}` };
  const chart = ranked.length
    ? horizontalBars('top-bodies', label, ranked.map(({ s, received }) => ({
      label: s.agency,
      value: received,
      href: href(PATH, s.page),
      flagged: s.warnings > 0 || s.errors > 0,
    })))
    : `<p>${bi('本年度没有报告印有新收申请数。', 'No report of this year prints the number of requests received.')}</p>`;
  return `<section id="bodies">
<h2>${bi(label.zh, label.en)}</h2>
<p class="note">前 ${TOP} 名 <span lang="en">top ${TOP}</span>；橙色与 ⚠ 表示该报告有校验警告。<span lang="en">Orange bars and ⚠ mark reports with validation warnings.</span></p>
<figure class="wrap">${chart}</figure>
</section>`;
}

function bodyRankings(ctx: ReleaseContext): string {
  if (!ctx.reports.length) return '';
  return `<section id="rankings">
<h2>${bi('机关排名（历年合计）', 'Bodies ranked, all years')}</h2>
${rankings(ctx, PATH, TOP)}
<p><a href="${esc(href(PATH, AGENCIES_INDEX))}">${bi('全部机关及其历年数据', 'Every body and its figures by year')}</a></p>
</section>`;
}

/** One JSON file per body: listed by feed/agencies.json, not one by one here. */
const PER_BODY = /^feed\/agencies\/[^/]+\.json$/;

function fileRow(f: FileStat): string {
  return `<tr data-file="${esc(f.path)}"><th scope="row"><a href="${esc(href(PATH, f.path))}" download>${esc(f.path)}</a></th>`
    + `<td>${esc(f.mediaType)}</td><td class="num" title="${f.bytes} bytes">${bytes(f.bytes)}</td>`
    + `<td><code title="sha256 ${esc(f.sha256)}">${esc(f.sha256.slice(0, 12))}</code></td></tr>`;
}

function downloads(ctx: ReleaseContext): string {
  const listed = new Set(ctx.files.map((f) => f.path));
  const groups = GROUPS.map((g) => ({ ...g, files: [] as FileStat[] }));
  for (const f of ctx.files) if (!PER_BODY.test(f.path)) groups.find((g) => g.test(f.path))!.files.push(f);
  const head = `<thead><tr><th scope="col">${bi('文件', 'File')}</th><th scope="col">${bi('类型', 'Type')}</th><th scope="col" class="num">${bi('大小', 'Size')}</th><th scope="col">SHA-256</th></tr></thead>`;
  const tables = groups.filter((g) => g.files.length).map((g) => `<h3>${bi(g.zh, g.en)}</h3>
<div class="wrap"><table class="files">${head}<tbody>
${g.files.map(fileRow).join('\n')}
</tbody></table></div>`);
  const extra = RELEASE_FILES.filter((f) => !listed.has(f.path));
  const extraList = extra.length
    ? `<h3>${bi('发布描述', 'Release descriptors')}</h3><ul>${extra.map((f) => `<li><a href="${esc(href(PATH, f.path))}">${esc(f.path)}</a> — ${bi(f.zh, f.en)}</li>`).join('')}</ul>`
    : '';
  return `<section id="downloads">
<h2>${bi('下载', 'Downloads')}</h2>
<p class="note">每份报告另有 JSON 文件，见各报告页；每个机关另有 feed/agencies/&lt;编号&gt;.json，见 feed/agencies.json 和各机关页。<span lang="en">Each report also has its own JSON file, linked from its page; each body has feed/agencies/&lt;id&gt;.json, listed in feed/agencies.json and linked from its page.</span></p>
<p><a href="${esc(href(PATH, DICTIONARY_PAGE))}">${bi('数据字典', 'Data dictionary')}</a>：${bi('每个 CSV 每一列的含义、类型和单位，空白、“-”和推导值的写法，以及代码表。', 'what every column of every CSV means, its type and unit, how blanks, "-" and derived values are written, and the code lists.')}</p>
${tables.join('\n')}
${extraList}
</section>`;
}

function reportsByYear(ctx: ReleaseContext): string {
  const years = byYear(ctx.reports);
  const links = years.map(([year, reports]) => {
    const flagged = reports.filter((s) => s.warnings > 0 || s.errors > 0).length;
    return `<li><a href="${esc(href(PATH, yearPagePath(year)))}">${year} <span class="note">${reports.length} 份${flagged ? ` · ⚠ ${flagged}` : ''}</span></a></li>`;
  });
  // Only the reports with warnings or errors, latest year first and at most FLAGGED_ON_INDEX: listing every report
  // here made the page grow by a kilobyte a report (100 MB at 100,000); each year's page lists all of its reports.
  let room = FLAGGED_ON_INDEX;
  const lists = [...years].reverse().flatMap(([year, reports]) => {
    const flagged = reports.filter((s) => s.warnings > 0 || s.errors > 0).slice(0, Math.max(0, room));
    room -= flagged.length;
    return flagged.length
      ? [`<h3 id="y${year}"><a href="${esc(href(PATH, yearPagePath(year)))}">${year}</a></h3>\n${reportTable(flagged, PATH)}`]
      : [];
  });
  const shown = FLAGGED_ON_INDEX - room;
  const all = years.reduce((n, [, r]) => n + r.filter((s) => s.warnings > 0 || s.errors > 0).length, 0);
  return `<section id="years">
<h2>${bi('按年度浏览', 'Reports by year')}</h2>
<ul class="years">${links.join('')}</ul>
</section>
<section id="reports">
<h2>${bi('有校验警告或错误的报告', 'Reports with validation warnings or errors')}</h2>
<p class="note">⚠ 警告：表内勾稽关系等校验未通过，数字照原报告发布。全部报告及其校验状态见各年度页面。<span lang="en">⚠ warnings: a consistency check failed; the figures are published as printed. Every report and its validation status is on its year's page.</span>${
  shown < all ? ` 此处列出最近的 ${shown} 份（共 ${all} 份）。<span lang="en">The latest ${shown} of ${all} are listed here.</span>` : ''}</p>
${lists.length ? lists.join('\n') : `<p>${bi('没有。', 'None.')}</p>`}
</section>`;
}

export function siteIndex(ctx: ReleaseContext, options: { schemaOrg?: object } = {}): string {
  const { meta } = ctx;
  const body = `<h1>${esc(meta.title.zh)}<br><span class="en" lang="en">${esc(meta.title.en)}</span></h1>
<p class="lead">${esc(meta.description.zh)}</p>
<p class="lead en" lang="en">${esc(meta.description.en)}</p>
<section id="release">
<h2>${bi('本次发布', 'This release')}</h2>
${facts(ctx)}
</section>
<section id="trends">
<h2>${bi('历年合计', 'Totals by year')}</h2>
${trends(ctx)}
</section>
${topBodies(ctx)}
${bodyRankings(ctx)}
${downloads(ctx)}
${reportsByYear(ctx)}`;
  return page({
    path: PATH,
    meta,
    title: `${meta.title.zh} · ${meta.title.en}`,
    description: meta.description.zh,
    head: options.schemaOrg ? `<script type="application/ld+json">\n${scriptJson(options.schemaOrg)}\n</script>\n` : '',
    body,
  });
}
