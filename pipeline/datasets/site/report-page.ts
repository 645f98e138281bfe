/** reports/<year>/<id>.html: one report's metadata, sources, tables as printed with their flags, and its issues. Pure. */
import type { Issue } from '../../model/issue.ts';
import type { Edition } from '../../model/template.ts';
import { APPEALS, APPLICATIONS, PROACTIVE } from '../../model/template.ts';
import { cellFlags, flagIndex } from '../flags.ts';
import { bodyPaths } from '../series-key.ts';
import { HEADLINE_CELLS } from '../summary.ts';
import type { DatasetMeta, ReportSummary, ValidatedReport } from '../types.ts';
import { bi, bytes, esc, externalUrl, href, num, reportJsonLink, statusBadge } from './html.ts';
import { editionLabel, HEADLINE } from './labels.ts';
import { page } from './layout.ts';
import { appealsTable, applicationsTable, cellId, linkedCells, notesOf, proactiveTable, type Note, type TableContext } from './report-tables.ts';
import { yearPagePath } from './year-pages.ts';

const SEVERITY: Record<Issue['severity'], string> = {
  error: '<span class="badge err">✖ 错误 <span lang="en">error</span></span>',
  warning: '<span class="badge warn">⚠ 警告 <span lang="en">warning</span></span>',
  info: '<span class="badge ok">ℹ 提示 <span lang="en">note</span></span>',
};

function value(v: Issue['expected']): string {
  return v === null || v === undefined ? '—' : typeof v === 'number' ? num(v) : esc(v);
}

function cellRefs(issue: Issue, refs: readonly string[]): string {
  return refs.map((ref) => {
    const dot = ref.lastIndexOf('.');
    const target = issue.table ? `#${esc(cellId(issue.table, ref.slice(0, dot), ref.slice(dot + 1)))}` : '';
    return target ? `<a href="${target}"><code>${esc(ref)}</code></a>` : `<code>${esc(ref)}</code>`;
  }).join(' ');
}

function issueItem({ n, issue }: Note): string {
  const where = [issue.table, issue.row, issue.column].filter(Boolean).join(' · ');
  const details = [
    issue.expected !== undefined ? `应为 <span lang="en">expected</span> ${value(issue.expected)}` : '',
    issue.found !== undefined ? `实为 <span lang="en">found</span> ${value(issue.found)}` : '',
    issue.cells?.length ? `涉及 <span lang="en">cells</span> ${cellRefs(issue, issue.cells)}` : '',
    issue.blanksAsZero?.length ? `空白按 0 计 <span lang="en">blank counted as 0</span> ${cellRefs(issue, issue.blanksAsZero)}` : '',
    issue.related?.length ? `相关报告 <span lang="en">related</span> ${issue.related.map((r) => `<code>${esc(r)}</code>`).join(' ')}` : '',
  ].filter(Boolean);
  return `<li id="issue-${n}" class="${esc(issue.severity)}" data-rule="${esc(issue.rule)}">${SEVERITY[issue.severity] ?? esc(issue.severity)} <code>${esc(issue.rule)}</code>${where ? ` <span class="note">${esc(where)}</span>` : ''}<br>
${esc(issue.message.zh)}<br><span class="en" lang="en">${esc(issue.message.en)}</span>${details.length ? `<br><span class="note">${details.join(' · ')}</span>` : ''}</li>`;
}

const LEGEND = `<ul class="legend">
<li><span class="swatch sw-flag"></span>⚠ 校验警告，数字旁注明规则与脚注 <span lang="en">validation warning: rule ids and footnotes beside the figure</span></li>
<li><span class="swatch"></span>空白 <span lang="en">blank in the source</span></li>
<li><span class="swatch sw-na">-</span>照原表印出的“-”“/”“无” <span lang="en">“-”, “/”, “无” as printed</span></li>
<li><span class="swatch sw-mark">文</span>文字而非数字 <span lang="en">text, not a number</span></li>
<li><span class="swatch sw-mark">∑</span>原表未印，推算 <span lang="en">not printed, derived</span></li>
<li><span class="swatch sw-absent"></span>原表无此项 <span lang="en">not in the source</span></li>
</ul>`;

function sources(r: ValidatedReport): string {
  const items = r.report.sources.map((s) => {
    const url = externalUrl(s.name);
    const name = url ? `<a href="${esc(url)}" rel="nofollow noopener noreferrer">${esc(s.name)}</a>` : `<code>${esc(s.name)}</code>`;
    const facts = [esc(s.mediaType), esc(s.rendering), s.encoding ? esc(s.encoding) : '', bytes(s.bytes)].filter(Boolean).join(' · ');
    return `<li>${name} <span class="note">${facts} · sha256 <code title="${esc(s.sha256)}">${esc(s.sha256.slice(0, 12))}</code></span></li>`;
  });
  return items.length ? `<ul>${items.join('')}</ul>` : `<p>${bi('无', 'none')}</p>`;
}

function narrative(r: ValidatedReport): string {
  if (!r.report.narrative.length) return '';
  const rows = r.report.narrative.map((f) => `<tr><td><code>${esc(f.key)}</code></td><td class="num">${num(f.value)}</td><td>${esc(f.text)}</td></tr>`);
  return `<section id="narrative">
<h2>${bi('正文中的数字', 'Figures stated in the text')}</h2>
<div class="wrap"><table><thead><tr><th scope="col">${bi('项目', 'Key')}</th><th scope="col" class="num">${bi('数值', 'Value')}</th><th scope="col">${bi('原文', 'Text')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
</section>`;
}

export function reportPage(r: ValidatedReport, summary: ReportSummary, ctx: { meta: DatasetMeta }): string {
  const { report, validation } = r;
  const path = summary.page;
  const notes = notesOf(validation.issues);
  const tctx: TableContext = { report, flags: flagIndex(validation.issues), notes, linked: linkedCells(validation.issues) };
  const edition = report.edition as Edition;
  const fact = (zh: string, en: string, v: string) => `<div><dt>${bi(zh, en)}</dt><dd>${v}</dd></div>`;
  // A figure whose cells an issue touches is marked, with the rules, as the cells are in the tables below.
  const figures = HEADLINE.map((h) => {
    const rules = [...new Set(HEADLINE_CELLS[h.key].flatMap(([t, row, c]) => cellFlags(tctx.flags, t, row, c).split(';').filter(Boolean)))].sort();
    const mark = rules.length
      ? ` <span class="flag" title="${esc(rules.join('; '))}">⚠</span><span class="code">${esc(rules.join('; '))}</span>` : '';
    return `<div${rules.length ? ' class="flagged"' : ''}><dt>${bi(h.zh, h.en)}</dt><dd class="big">${num(summary.headline[h.key])}${mark}</dd></div>`;
  }).join('\n');
  const jsonHref = esc(href(path, summary.json.path));
  const body = `<p class="crumbs"><a href="${esc(href(path, 'index.html'))}">首页 <span lang="en">Home</span></a> › <a href="${esc(href(path, yearPagePath(report.year)))}">${report.year}</a> › ${esc(report.agency)}</p>
<h1>${esc(report.agency)}<br><span class="en">${report.year} 年度政府信息公开工作年度报告 <span lang="en">annual report on government information disclosure, ${report.year}</span></span></h1>
<p>${statusBadge(summary.warnings, summary.errors, summary.flags)} ${reportJsonLink(path, summary.json.path, report.id, true)}
· <a class="body-link" href="${esc(href(path, bodyPaths(summary.series).page))}">${bi(`${summary.body ? summary.body.name : report.agency}历年数据`, 'this body over the years')}</a>${summary.body ? '' : ' <span class="note">（名称未匹配机关名录 <span lang="en">name not in the registry</span>）</span>'}</p>
<section id="about">
<h2>${bi('报告信息', 'About this report')}</h2>
<dl class="facts">
${fact('编号', 'ID', `<code>${esc(report.id)}</code>`)}
${fact('年度', 'Year', String(report.year))}
${fact('模板', 'Edition', editionLabel(report.edition))}
${fact('行政区划代码', 'Region code', report.region ? esc(report.region) : '—')}
${fact('发布日期', 'Published', report.published ? esc(report.published) : '—')}
${fact('数据更新', 'Data modified', esc(summary.modified))}
${fact('JSON', 'data file', `<a href="${jsonHref}">${esc(summary.json.path.split('/').at(-1) ?? summary.json.path)}</a> <span class="note">${bytes(summary.json.bytes)} · <code title="sha256 ${esc(summary.json.sha256)}">${esc(summary.json.sha256.slice(0, 12))}</code></span>`)}
${fact('校验', 'Validation', `${summary.errors} 错误 <span lang="en">errors</span> · ${summary.warnings} 警告 <span lang="en">warnings</span>`)}
</dl>
<h3>${bi('来源', 'Sources')}</h3>
${sources(r)}
</section>
<section id="headline">
<h2>${bi('主要数字', 'Headline figures')}</h2>
<dl class="facts">
${figures}
</dl>
</section>
<section id="tables">
<h2>${bi('统计表', 'Tables as printed')}</h2>
${LEGEND}
<h3 id="proactive">${bi(PROACTIVE.zh, PROACTIVE.en)}</h3>
${proactiveTable(tctx, edition)}
<h3 id="applications">${bi(APPLICATIONS.zh, APPLICATIONS.en)}</h3>
${applicationsTable(tctx, edition)}
<h3 id="appeals">${bi(APPEALS.zh, APPEALS.en)}</h3>
${appealsTable(tctx, edition)}
</section>
${narrative(r)}
<section id="issues">
<h2>${bi('校验结果', 'Validation findings')}</h2>
${notes.length ? `<ol class="issues">\n${notes.map(issueItem).join('\n')}\n</ol>` : `<p>${bi('全部校验通过。', 'All checks passed.')}</p>`}
</section>`;
  return page({
    path,
    meta: ctx.meta,
    title: `${report.agency} ${report.year} 年度报告 · ${ctx.meta.title.zh}`,
    description: `${report.agency} ${report.year} 年政府信息公开工作年度报告的统计表。Tables from the ${report.year} annual report of ${report.agency}.`,
    body,
  });
}
