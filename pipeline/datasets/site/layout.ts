/**
 * The frame every page shares: head, the release's one stylesheet (site.css, linked relatively, so each page does not
 * repeat it), header and footer. Nothing is loaded from outside the release. Pure.
 */
import type { DatasetMeta } from '../types.ts';
import { esc, href } from './html.ts';

const STYLE = `
:root{--fg:#1b2330;--muted:#5b6676;--line:#d9dfe7;--soft:#f3f5f8;--accent:#1d5fa7;--bar:#2f6db5;--warn:#a15c00;--warnbg:#fff3dc;--err:#b42318;--errbg:#fde8e6;--ok:#1f7a3a;--okbg:#e6f4ea}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--fg);font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",sans-serif}
a{color:var(--accent)}
header.site{background:#12355b;color:#fff;padding:.55rem 1rem}
header.site a{color:#fff;text-decoration:none;font-weight:600}
header.site .en{color:#c9d6e6}
main{max-width:1120px;margin:0 auto;padding:.5rem 1rem 2rem}
footer.site{max-width:1120px;margin:0 auto;padding:1rem;color:var(--muted);font-size:.85rem}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
h1{font-size:1.55rem;line-height:1.3;margin:.8rem 0 .3rem}
h2{font-size:1.15rem;margin:0 0 .7rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.en{color:var(--muted);font-weight:normal}
.lead{margin:.2rem 0}
.crumbs{font-size:.9rem;margin:.6rem 0 0;color:var(--muted)}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem 1.2rem;margin:0}
dl.facts div{border-left:3px solid var(--line);padding-left:.6rem}
dl.facts dt{font-size:.8rem;color:var(--muted)}
dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
main p,main li{overflow-wrap:break-word}
dl.facts div.flagged{border-left-color:#e6a23c;background:var(--warnbg)}
.big{font-size:1.35rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:1rem 1.5rem}
figure{margin:0}
figcaption{font-size:.9rem;font-weight:600;margin-bottom:.2rem}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font-family:inherit;fill:var(--fg)}
svg.chart .bar{fill:var(--bar)}
svg.chart .bar.warn{fill:#d08a1e}
svg.chart .axis{stroke:#9aa6b5;stroke-width:1}
svg.chart .value{font-size:12px;font-weight:600}
svg.chart .tick{font-size:12px;fill:var(--muted)}
svg.hbars{min-width:480px}
svg.chart a:hover .bar{fill:#174a85}
.note{color:var(--muted);font-size:.85rem}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem;background:#fff}
th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:middle}
thead th,.h{background:#eef2f7;font-weight:600;text-align:center}
tbody th{text-align:left;font-weight:normal}
thead .en,.h .en{display:block;font-size:.75rem;line-height:1.3;overflow-wrap:anywhere}
thead th.num{white-space:normal;text-align:right}
table.files{table-layout:fixed;min-width:560px}
table.files th:nth-child(1){width:46%}
table.files th:nth-child(2){width:24%}
table.files th:nth-child(3){width:12%}
table.files th,table.files td{overflow-wrap:anywhere}
table.reports{table-layout:fixed;min-width:860px}
table.reports thead th:nth-child(1){width:19%}
table.reports thead th:nth-child(2){width:6%}
table.reports thead th:nth-child(8){width:16%}
table.reports thead th:nth-child(9){width:9%}
table.reports th[scope=row]{overflow-wrap:anywhere}
th .code,td .code,dd .code{display:block;font:11px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted);overflow-wrap:anywhere}
li .code{margin-left:.5rem;font:11px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
table.template{font-size:.85rem}
table.template thead th,table.template th.h{min-width:3.2rem}
table.template tbody th[scope=row]{min-width:9rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:0 .2rem;border-radius:3px}
.badge{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.8rem;white-space:nowrap}
.badge.ok{background:var(--okbg);color:var(--ok)}
.badge.warn{background:var(--warnbg);color:var(--warn)}
.badge.err{background:var(--errbg);color:var(--err)}
td.cell.flagged{background:var(--warnbg);box-shadow:inset 0 0 0 2px #e6a23c}
td.cell.flagged.error{background:var(--errbg);box-shadow:inset 0 0 0 2px var(--err)}
.flag{color:var(--warn);font-weight:700;margin-left:.25rem;cursor:help}
.flagged.error .flag{color:var(--err)}
.flag sup a{text-decoration:none}
td.cell.blank{background:#fff}
td.cell.absent{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eef1f5 4px,#eef1f5 8px)}
td.cell.na{color:var(--muted);text-align:center}
td.cell.text .txt{border-bottom:1px dashed var(--err);color:var(--err)}
td.cell.derived .v{font-style:italic;color:var(--muted)}
.mark{font-size:.7rem;color:var(--muted);margin-left:.2rem;vertical-align:super}
td.cell .cnote{display:block;font-size:.75rem;color:var(--muted);white-space:normal;text-align:left}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:.85rem;color:var(--muted);margin:.3rem 0 .8rem;padding:0;list-style:none}
.legend .swatch{display:inline-block;width:1.3rem;height:1.1rem;border:1px solid var(--line);vertical-align:middle;margin-right:.3rem;background:#fff;text-align:center;font-size:.75rem;line-height:1rem}
.legend .sw-flag{background:var(--warnbg);box-shadow:inset 0 0 0 2px #e6a23c}
.legend .sw-absent{background:repeating-linear-gradient(135deg,#fff,#fff 4px,#eef1f5 4px,#eef1f5 8px)}
ol.issues li{margin:.4rem 0}
ol.issues li:target{background:var(--warnbg)}
.years{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
.years a{display:inline-block;border:1px solid var(--line);border-radius:6px;padding:.3rem .7rem;text-decoration:none;background:var(--soft)}
.years a:hover{border-color:var(--accent)}
.right{text-align:right}
table.years-table{min-width:1480px}
table.years-table thead th{font-size:.8rem}
table.ranking{min-width:560px}
table.dictionary{min-width:1040px;font-size:.85rem}
table.dictionary td{vertical-align:top}
ul.silent{columns:2;font-size:.9rem}
@media (max-width:600px){body{font-size:14px}section{padding:.8rem}h1{font-size:1.3rem}}
`;

/** The site's stylesheet, one file of the release that every page links. */
export const STYLESHEET = 'site.css';

/** The stylesheet's content. */
export const siteCss = (): string => STYLE.trimStart();

export interface PageSpec {
  /** The page's path in the release (e.g. reports/2020/x.html): links are made relative to it. */
  path: string;
  title: string;
  description: string;
  body: string;
  /** Extra head elements, already safe HTML. */
  head?: string;
  meta: DatasetMeta;
}

export function page(spec: PageSpec): string {
  const { head, tail } = pageFrame(spec);
  return `${head}${spec.body}${tail}`;
}

/** The frame of a page around its body, for a page written in pieces (a long list). */
export function pageFrame(spec: Omit<PageSpec, 'body'>): { head: string; tail: string } {
  const { meta } = spec;
  const home = href(spec.path, 'index.html');
  const head = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.title)}</title>
<meta name="description" content="${esc(spec.description)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(href(spec.path, STYLESHEET))}">
${spec.head ?? ''}</head>
<body>
<header class="site"><a href="${home}">${esc(meta.title.zh)}</a> <span class="en" lang="en">${esc(meta.title.en)}</span></header>
<main>
`;
  const tail = `
</main>
<footer class="site">
<p>${esc(meta.publisher.name.zh)} <span lang="en">${esc(meta.publisher.name.en)}</span> · 数据版本 <span lang="en">data version</span> ${esc(meta.version)} ·
许可 <span lang="en">licence</span> <a href="${esc(meta.license.url)}" rel="license">${esc(meta.license.id)}</a> ·
联系 <span lang="en">contact</span> <a href="mailto:${esc(meta.contact.email)}">${esc(meta.contact.email)}</a></p>
<p>数据取自各机关发布的政府信息公开工作年度报告，以原报告为准。<span lang="en">Figures are read from the annual reports the bodies published; the reports themselves are authoritative.</span></p>
</footer>
</body>
</html>
`;
  return { head, tail };
}
