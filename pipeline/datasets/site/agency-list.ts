/**
 * The body rankings shown on index.html (top N) and agencies/index.html (every body): by requests received and by
 * share refused over all years, each row with the sample behind it. Pure.
 */
import { bodyLinks } from '../release-layout.ts';
import type { DatasetMeta, ReleaseContext } from '../types.ts';
import { bodySeries } from '../series.ts';
import { TIMESERIES_CSV } from '../table-schemas-series.ts';
import { DICTIONARY_PAGE, anchor } from './dictionary-page.ts';
import { bi, esc, href, num } from './html.ts';
import { pageFrame } from './layout.ts';
import { bodyTotals, MIN_HANDLED, percent, rankByReceived, rankByRefusedShare, yearSpan, type BodyTotals } from './rankings.ts';

export const AGENCIES_INDEX = 'agencies/index.html';

const LEVEL: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级' };
const KIND: Record<string, string> = { government: '人民政府', department: '政府部门' };

export function levelLabel(level: string | undefined): string {
  return level ? `${esc(LEVEL[level] ?? level)} <span class="en" lang="en">${esc(level)}</span>` : '—';
}
export function kindLabel(kind: string | undefined): string {
  return kind ? `${esc(KIND[kind] ?? kind)} <span class="en" lang="en">${esc(kind)}</span>` : '—';
}

/**
 * The body's name linking to its page (where the layout has it in the tree: release-layout.ts bodyLinks), its id
 * below, and a mark when the name did not resolve to the registry.
 */
export function bodyCell(t: BodyTotals['series'], fromPage: string, meta: Pick<DatasetMeta, 'release'> = {}): string {
  const mark = t.resolved ? '' : ' <span class="badge warn" title="名称未匹配机关名录 / the printed name is not in the registry">未匹配 <span lang="en">unresolved</span></span>';
  return `<a href="${esc(href(fromPage, bodyLinks(meta, t).page))}">${esc(t.name)}</a>${mark}<span class="code">${esc(t.key)}</span>`;
}

/** Rows are written this many at a time: the full list of a large release is never one string. */
const BATCH = 500;

function* table(id: string, head: string, rows: Iterable<string>): Generator<string> {
  yield `<div class="wrap"><table class="ranking" id="${esc(id)}"><thead><tr>${head}</tr></thead>\n<tbody>\n`;
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield `${batch.join('\n')}\n`;
      batch = [];
    }
  }
  if (batch.length) yield `${batch.join('\n')}\n`;
  yield '</tbody></table></div>';
}

type Meta = Pick<DatasetMeta, 'release'>;

/**
 * The id a body's first row or item carries on the page its links point into (the national layout links a body to
 * agencies/index.html#<key>: bodyLinks): there, and only there, that fragment must land. Empty elsewhere.
 */
function anchorOf(t: BodyTotals['series'], fromPage: string, meta: Meta): string {
  const page = bodyLinks(meta, t).page;
  return page === `${fromPage}#${t.key}` ? ` id="${esc(t.key)}"` : '';
}

function* receivedRows(ranked: readonly BodyTotals[], fromPage: string, meta: Meta): Generator<string> {
  for (const [k, t] of ranked.entries()) {
    yield `<tr${anchorOf(t.series, fromPage, meta)} data-body="${esc(t.series.key)}"><td class="num">${k + 1}</td><th scope="row">${bodyCell(t.series, fromPage, meta)}</th>`
      + `<td class="num" data-value="${t.received}">${num(t.received)}</td>`
      + `<td class="num">${t.receivedReports} <span class="note">/ ${t.series.reports.length}</span></td><td>${esc(yearSpan(t.series))}</td></tr>`;
  }
}

function* refusedRows(ranked: readonly BodyTotals[], fromPage: string, meta: Meta): Generator<string> {
  for (const [k, t] of ranked.entries()) {
    yield `<tr data-body="${esc(t.series.key)}"><td class="num">${k + 1}</td><th scope="row">${bodyCell(t.series, fromPage, meta)}</th>`
      + `<td class="num" data-refused="${t.refused}" data-handled="${t.handled}">${percent(t.refused, t.handled)}</td>`
      + `<td class="num">${num(t.refused)} / ${num(t.handled)}</td><td class="num">${t.shareReports}</td><td>${esc(yearSpan(t.series))}</td></tr>`;
  }
}

const RECEIVED_HEAD = `<th scope="col" class="num">#</th><th scope="col">${bi('机关', 'Body')}</th>`
  + `<th scope="col" class="num">${bi('新收申请合计', 'Requests received, all years')}</th>`
  + `<th scope="col" class="num">${bi('报告数（印有/全部）', 'Reports (printing it / all)')}</th><th scope="col">${bi('年度', 'Years')}</th>`;
const REFUSED_HEAD = `<th scope="col" class="num">#</th><th scope="col">${bi('机关', 'Body')}</th>`
  + `<th scope="col" class="num">${bi('不予公开占比', 'Share refused')}</th>`
  + `<th scope="col" class="num">${bi('不予公开 / 办理总数', 'Refused / handled')}</th>`
  + `<th scope="col" class="num">${bi('报告数', 'Reports')}</th><th scope="col">${bi('年度', 'Years')}</th>`;

const NOTE = `<p class="note">各机关收录的所有年度合计：新收申请为印有该数的报告之和；不予公开占比 = 不予公开（三（三）各项之和）÷ 办理总数（三（七）总计），只计两者都印出且办理总数大于 0 的报告，办理总数合计不足 ${MIN_HANDLED} 件的机关不排名。各机关收录的年度不同，请看报告数。
<span lang="en">All the years the release holds for each body: requests received are summed over the reports that print them; the share refused is refused (sum of 三（三）) ÷ handled (三（七）总计), pooled over the reports that print both with handled above 0, and bodies with fewer than ${MIN_HANDLED} handled requests behind it are not ranked. Bodies are covered for different years: mind the number of reports.</span></p>`;

/** The two rankings (top `top` of each, or all), for a page at `fromPage`, in pieces. */
export function* rankingChunks(ctx: ReleaseContext, fromPage: string, top = Infinity): Generator<string> {
  const totals = bodySeries(ctx.reports).map(bodyTotals);
  const received = rankByReceived(totals);
  const refused = rankByRefusedShare(totals);
  const cut = <T>(list: T[]) => (Number.isFinite(top) ? list.slice(0, top) : list);
  const unranked = totals.filter((t) => t.handled < MIN_HANDLED).length;
  yield `${NOTE}\n<h3 id="by-received">${bi('新收申请最多的机关', 'Bodies by requests received')}</h3>\n`;
  if (received.length) yield* table('rank-received', RECEIVED_HEAD, receivedRows(cut(received), fromPage, ctx.meta));
  else yield `<p>${bi('没有报告印有新收申请数。', 'No report prints the number of requests received.')}</p>`;
  const silent = totals.filter((t) => t.received === null);
  if (!Number.isFinite(top) && silent.length) {
    yield `\n<p class="note">${bi('未印新收申请数的机关：', 'Bodies whose reports print no number of requests received:')}</p>\n<ul class="silent">`;
    for (const t of silent) yield `<li${anchorOf(t.series, fromPage, ctx.meta)}>${bodyCell(t.series, fromPage, ctx.meta)}</li>`;
    yield '</ul>';
  }
  yield `\n<h3 id="by-refused">${bi('不予公开占比最高的机关', 'Bodies by share of requests refused')}</h3>\n`;
  if (refused.length) yield* table('rank-refused', REFUSED_HEAD, refusedRows(cut(refused), fromPage, ctx.meta));
  else yield `<p>${bi(`没有机关的办理总数达到 ${MIN_HANDLED} 件。`, `No body has ${MIN_HANDLED} handled requests behind its share.`)}</p>`;
  yield `\n<p class="note">${unranked} 个机关因样本太小未参与占比排名。<span lang="en">${unranked} bodies have too few handled requests to be ranked by share.</span></p>`;
}

/** The rankings as one string (the index shows the top of each). */
export function rankings(ctx: ReleaseContext, fromPage: string, top = Infinity): string {
  return [...rankingChunks(ctx, fromPage, top)].join('');
}

/** agencies/index.html in pieces: both rankings in full. */
export function* agenciesIndexChunks(ctx: ReleaseContext): Generator<string> {
  const path = AGENCIES_INDEX;
  const count = bodySeries(ctx.reports).length;
  const { head, tail } = pageFrame({
    path,
    meta: ctx.meta,
    title: `机关 · ${ctx.meta.title.zh}`,
    description: `${count} 个机关的政府信息公开历年数据与排名。Figures and rankings of ${count} bodies.`,
  });
  yield `${head}<p class="crumbs"><a href="${esc(href(path, 'index.html'))}">首页 <span lang="en">Home</span></a> › 机关 <span lang="en">Bodies</span></p>
<h1>机关 <span class="en" lang="en">Bodies</span></h1>
<section id="about">
<p>${count} 个机关，每个机关一页，列出历年数字和图表。<span lang="en">${count} bodies, each with a page of its figures and charts over the years.</span>
<a href="${esc(`${href(path, DICTIONARY_PAGE)}#${anchor(TIMESERIES_CSV)}`)}">timeseries/</a> · <a href="${esc(href(path, 'feed/agencies.json'))}">feed/agencies.json</a></p>
</section>
<section id="rankings">
<h2>${bi('排名', 'Rankings')}</h2>
`;
  yield* rankingChunks(ctx, path);
  yield `\n</section>${tail}`;
}

export function agenciesIndex(ctx: ReleaseContext): string {
  return [...agenciesIndexChunks(ctx)].join('');
}
