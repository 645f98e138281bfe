/** reports/<year>/index.html: the reports of one year, linking to each report's page. Pure. */
import type { ReleaseContext } from '../types.ts';
import { bi, esc, href, num } from './html.ts';
import { HEADLINE } from './labels.ts';
import { pageFrame } from './layout.ts';
import { byYear, reportTableChunks, total } from './report-list.ts';
import { assetName, pagesArchivePath } from '../release-layout.ts';

/**
 * The national layout: the year's report pages are not in the tree but in a release asset (release-layout.ts); the
 * note names it, with its download URL where the target makes releases; each report's row is the anchor the feeds
 * link its page to (release-layout.ts nationalLinks).
 */
function archiveNote(ctx: ReleaseContext, year: number): string {
  const path = pagesArchivePath(year);
  if (!ctx.assets?.some((a) => a.path === path)) return '';
  const name = assetName(path, ctx.meta.version);
  const link = ctx.meta.releases ? `<a href="${esc(`${ctx.meta.releases}v${ctx.meta.version}/${name}`)}">${esc(name)}</a>` : `<code>${esc(name)}</code>`;
  return `<p class="note">本年各报告的页面在发布附件 ${link} 中（tar.gz，内含 reports/${year}/&lt;编号&gt;.html，解压到本站目录即可浏览）；报告的 JSON 文档在 reports/${year}.ndjson.gz 等文件中（每行一份），下列 JSON 链接指向报告所在的文件，# 后为报告编号。<span lang="en">The pages of this year's reports are in the release asset ${link} (tar.gz holding reports/${year}/&lt;id&gt;.html: extract it into this site's folder to browse them); the reports' JSON documents are in reports/${year}.ndjson.gz and its parts, one a line: each JSON link below names the file that holds the report, with the report id after #.</span></p>
`;
}

export function yearPagePath(year: number): string {
  return `reports/${year}/index.html`;
}

/** The year pages whole (tests; a build writes them in pieces: yearPageChunks). */
export function* yearPages(ctx: ReleaseContext): Generator<{ path: string; content: string }> {
  for (const { path, chunks } of yearPageChunks(ctx)) yield { path, content: [...chunks].join('') };
}

/**
 * The year pages one at a time, each in pieces (its table ROWS_A_CHUNK rows at a time, report-list.ts): a year's page
 * of 14,000 reports is some 15 MB, and the seven were built whole and held at once.
 */
export function* yearPageChunks(ctx: ReleaseContext): Generator<{ path: string; chunks: Iterable<string> }> {
  const groups = byYear(ctx.reports);
  for (let k = 0; k < groups.length; k++) {
    const [year, reports] = groups[k]!;
    const path = yearPagePath(year);
    const prev = groups[k - 1]?.[0];
    const next = groups[k + 1]?.[0];
    const flagged = reports.filter((s) => s.warnings > 0 || s.errors > 0).length;
    const sums = HEADLINE.map((h) => {
      const t = total(reports, h.key);
      return `<div><dt>${bi(h.zh, h.en)}（合计 <span lang="en">sum</span>）</dt><dd class="big">${num(t.value)}</dd></div>`;
    }).join('\n');
    const nav = [
      prev === undefined ? '' : `<a href="${esc(href(path, yearPagePath(prev)))}" rel="prev">← ${prev}</a>`,
      next === undefined ? '' : `<a href="${esc(href(path, yearPagePath(next)))}" rel="next">${next} →</a>`,
    ].filter(Boolean).join(' · ');
    const before = `<p class="crumbs"><a href="${esc(href(path, 'index.html'))}">首页 <span lang="en">Home</span></a> › ${year}${nav ? ` · ${nav}` : ''}</p>
<h1>${year} 年度政府信息公开工作年度报告 <span class="en" lang="en">Annual reports for ${year}</span></h1>
<section>
<dl class="facts">
<div><dt>${bi('报告', 'Reports')}</dt><dd class="big">${reports.length}</dd></div>
<div><dt>${bi('有校验警告或错误', 'With warnings or errors')}</dt><dd class="big">${flagged}</dd></div>
${sums}
</dl>
<p class="note">合计只包括印有该数字的报告。<span lang="en">Sums count only the reports that print the figure.</span></p>
</section>
<section>
<h2>${bi('报告列表', 'Reports')}</h2>
${archiveNote(ctx, year)}`;
    const { head, tail } = pageFrame({
      path,
      meta: ctx.meta,
      title: `${year} 年度报告 · ${ctx.meta.title.zh}`,
      description: `${year} 年 ${reports.length} 份政府信息公开工作年度报告的统计数据。Statistics from ${reports.length} annual reports for ${year}.`,
    });
    yield {
      path,
      chunks: (function* () {
        yield `${head}${before}`;
        yield* reportTableChunks(reports, path);
        yield `
</section>${tail}`;
      })(),
    };
  }
}
