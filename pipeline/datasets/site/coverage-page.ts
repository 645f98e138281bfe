/**
 * coverage/<year>.html: per year due, the share of expected bodies that published on time, late, undated or not at
 * all, by level and by division, with the lists of bodies; coverage/index.html links the years. From the rows of
 * data/coverage.csv (ctx.coverage), or a year at a time (coverage-files.ts). Pure.
 */
import type { CoverageRow, CoverageStatus } from '../coverage.ts';
import { COVERAGE_CSV } from '../table-schemas-coverage.ts';
import type { ReleaseContext } from '../types.ts';
import { bi, cmp, esc, href } from './html.ts';
import { page } from './layout.ts';

export const COVERAGE_INDEX = 'coverage/index.html';
export const coveragePagePath = (year: number): string => `coverage/${year}.html`;

const STATUS: Record<CoverageStatus, { zh: string; en: string }> = {
  on_time: { zh: '按时发布', en: 'On time' },
  late: { zh: '逾期发布', en: 'Late' },
  undated: { zh: '日期不明', en: 'Undated' },
  missing: { zh: '未找到', en: 'Missing' },
};
const STATUSES = Object.keys(STATUS) as CoverageStatus[];
const LEVELS: Record<string, { zh: string; en: string }> = {
  province: { zh: '省级', en: 'Province' }, city: { zh: '市级', en: 'City' }, county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇', en: 'Township' }, '': { zh: '未匹配名录', en: 'Unresolved' },
};

const share = (n: number, of: number): string => (of === 0 ? '—' : `${((n * 100) / of).toFixed(1)}%`);

/** A table of counts and shares per status, one row per group. */
function statusTable(rows: readonly CoverageRow[], groupOf: (r: CoverageRow) => string, label: (g: string) => string, caption: string): string {
  const groups = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const g = groupOf(r);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  const head = STATUSES.map((s) => `<th scope="col">${bi(STATUS[s].zh, STATUS[s].en)}</th>`).join('');
  const body = [...groups].sort(([a], [b]) => cmp(a, b)).map(([g, list]) => {
    const cells = STATUSES.map((s) => {
      const n = list.filter((r) => r.status === s).length;
      return `<td class="num">${n} <small>(${share(n, list.length)})</small></td>`;
    }).join('');
    return `<tr><th scope="row">${label(g)}</th><td class="num">${list.length}</td>${cells}</tr>`;
  }).join('\n');
  return `<table><caption>${caption}</caption><thead><tr><th scope="col">${bi('分组', 'Group')}</th><th scope="col">${bi('应发布', 'Expected')}</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function bodyList(rows: readonly CoverageRow[], status: CoverageStatus): string {
  const list = rows.filter((r) => r.status === status);
  if (list.length === 0) return '';
  const items = list.map((r) => {
    const date = r.published ? ` · ${esc(r.published)}` : '';
    const days = r.days_after_deadline !== null && r.days_after_deadline > 0 ? ` · ${bi(`逾期 ${r.days_after_deadline} 天`, `${r.days_after_deadline} days late`)}` : '';
    return `<li>${esc(r.body_name)} <small>${esc(r.division ?? '')}${date}${days}</small></li>`;
  }).join('\n');
  return `<h3>${bi(STATUS[status].zh, STATUS[status].en)}（${list.length}）</h3>\n<ul>\n${items}\n</ul>`;
}

function yearPage(ctx: ReleaseContext, year: number, rows: readonly CoverageRow[]): string {
  const path = coveragePagePath(year);
  const deadline = `${year + 1}-01-31`;
  const body = `<p class="crumbs"><a href="${esc(href(path, 'index.html'))}">首页 <span lang="en">Home</span></a> › <a href="${esc(href(path, COVERAGE_INDEX))}">${bi('发布情况', 'Coverage')}</a> › ${year}</p>
<h1>${year} 年度报告发布情况 <span class="en" lang="en">Who published for ${year}, and on time</span></h1>
<p class="note">法定期限：${deadline}（《政府信息公开条例》第五十条）。发布日期取网页所示日期，否则取报告落款日期。<span lang="en">Deadline ${deadline} (Regulations on Open Government Information, art. 50). The publication date is the one the web page shows, else the report's signature date. Data: <a href="${esc(href(path, COVERAGE_CSV))}" download>coverage.csv</a>.</span></p>
<section>
<h2>${bi('按层级', 'By level')}</h2>
${statusTable(rows, (r) => r.level ?? '', (g) => bi(LEVELS[g]?.zh ?? g, LEVELS[g]?.en ?? g), bi(`${year} 年度，按层级`, `${year}, by level`))}
</section>
<section>
<h2>${bi('按行政区划', 'By division')}</h2>
${statusTable(rows, (r) => r.division ?? '', (g) => esc(g || '—'), bi(`${year} 年度，按行政区划代码`, `${year}, by division code`))}
</section>
<section>
<h2>${bi('机关名单', 'The bodies')}</h2>
${STATUSES.map((s) => bodyList(rows, s)).join('\n')}
</section>`;
  return page({
    path, meta: ctx.meta, body,
    title: `${year} 年度报告发布情况 · ${ctx.meta.title.zh}`,
    description: `${year} 年度政府信息公开工作年度报告的按时、逾期和未发布情况。Who published the annual report for ${year} on time, late, or not at all.`,
  });
}

/** A year's count of rows, by status: what coverage/index.html shows of the year. */
export interface CoverageYearCount {
  year: number;
  expected: number;
  statuses: Record<CoverageStatus, number>;
}

/** A year's counts, from its rows. */
export function coverageYearCount(year: number, rows: readonly CoverageRow[]): CoverageYearCount {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<CoverageStatus, number>;
  return { year, expected: rows.length, statuses };
}

/** coverage/<year>.html, from the rows of the year. */
export function coverageYearPage(ctx: ReleaseContext, year: number, rows: readonly CoverageRow[]): { path: string; content: string } {
  return { path: coveragePagePath(year), content: yearPage(ctx, year, rows) };
}

/** coverage/index.html, from each year's counts (any order: the years are listed newest first). */
export function coverageIndexPage(ctx: ReleaseContext, counts: readonly CoverageYearCount[]): { path: string; content: string } {
  const items = [...counts].sort((a, b) => b.year - a.year).map(({ year, expected, statuses }) =>
    `<tr><th scope="row"><a href="${esc(href(COVERAGE_INDEX, coveragePagePath(year)))}">${year}</a></th><td class="num">${expected}</td>${STATUSES.map((s) => `<td class="num">${share(statuses[s], expected)}</td>`).join('')}</tr>`,
  ).join('\n');
  const body = `<p class="crumbs"><a href="${esc(href(COVERAGE_INDEX, 'index.html'))}">首页 <span lang="en">Home</span></a> › ${bi('发布情况', 'Coverage')}</p>
<h1>年度报告发布情况 <span class="en" lang="en">Who published, and on time</span></h1>
<section>
${counts.length ? `<table><thead><tr><th scope="col">${bi('年度', 'Year')}</th><th scope="col">${bi('应发布', 'Expected')}</th>${STATUSES.map((s) => `<th scope="col">${bi(STATUS[s].zh, STATUS[s].en)}</th>`).join('')}</tr></thead>
<tbody>
${items}
</tbody></table>` : `<p>${bi('暂无数据。', 'No data yet.')}</p>`}
<p class="note"><a href="${esc(href(COVERAGE_INDEX, COVERAGE_CSV))}" download>coverage.csv</a></p>
</section>`;
  return {
    path: COVERAGE_INDEX,
    content: page({
      path: COVERAGE_INDEX, meta: ctx.meta, body,
      title: `年度报告发布情况 · ${ctx.meta.title.zh}`,
      description: '各年度政府信息公开工作年度报告的按时、逾期和未发布情况。Who published their annual report on time, late, or not at all, by year.',
    }),
  };
}

/** Every coverage page from ctx.coverage (all rows): each year's, newest first, then the index. */
export function* coveragePages(ctx: ReleaseContext): Generator<{ path: string; content: string }> {
  const rows = ctx.coverage ?? [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const counts: CoverageYearCount[] = [];
  for (const year of years) {
    const list = rows.filter((r) => r.year === year);
    counts.push(coverageYearCount(year, list));
    yield coverageYearPage(ctx, year, list);
  }
  yield coverageIndexPage(ctx, counts);
}
