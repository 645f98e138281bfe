/** The page around an article on a government website: top bar, header, nav menu, breadcrumb, footer. */
import { describeAgency } from './agencies.ts';
import { createRng, hashString, type Rng } from './prng.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface ChromeOptions {
  agency: string;
  /** The article's title as the page shows it. */
  title: string;
  /** Publication date YYYY-MM-DD, or null. */
  date: string | null;
  /** The article body (already markup). */
  body: string;
  /** Declare UTF-8 in a <meta> (false for pages served as GBK with no charset anywhere). */
  declareCharset: boolean;
  rng: Rng;
}

/** The site an agency's page lives on: its own, or its government's portal. */
function siteName(agency: string): string {
  const { place, government } = describeAgency(agency);
  return government ? agency : `${place}人民政府`;
}

/**
 * The box of the 政府信息公开 catalogue many sites print above the article (索引号, 发布机构, 发布日期 …), drawn for some
 * pages from a generator of its own (no other draw of existing pages moves). When printed, the agency is named there
 * (发布机构) and not in the article's 来源 line.
 */
function infoBox(o: ChromeOptions): string | null {
  const rng = createRng(hashString(`chrome-info|${o.agency}|${o.title}|${o.date ?? ''}`));
  if (!rng.chance(0.3)) return null;
  const year = o.date ? o.date.slice(0, 4) : '2024';
  const index = `${rng.pick(['K', 'M', '0'])}${rng.int(10000000, 99999999)}/${year}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
  const cells = [
    ['索引号：', index], ['主题分类：', rng.pick(['政务公开', '综合政务', '其他'])],
    ['发布机构：', o.agency], ['发布日期：', o.date ?? ''],
  ];
  const rows = [cells.slice(0, 2), cells.slice(2, 4)].map((pair) => `<tr>${pair.map(([k, v]) => `<th>${k}</th><td>${escapeHtml(v!)}</td>`).join('')}</tr>`);
  return `<div class="xxgk-info"><table>${rows.join('')}</table></div>`;
}

export function pageChrome(o: ChromeOptions): string {
  const site = siteName(o.agency);
  const info = infoBox(o);
  const host = `www.${(o.rng.int(0, 0xffffff)).toString(36)}.gov.cn`;
  const menu = ['首页', '政务公开', '政务服务', '互动交流', `走进${describeAgency(o.agency).place}`];
  const hits = o.rng.int(30, 9000);
  const pubTime = o.date ? `${o.date} ${String(o.rng.int(8, 17)).padStart(2, '0')}:${String(o.rng.int(0, 59)).padStart(2, '0')}` : '';
  const ie = o.rng.chance(0.5);
  const lines = [
    ie
      ? '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
      : '<!DOCTYPE html>\n<html lang="zh-CN">',
    '<head>',
    ...(o.declareCharset ? ['<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'] : []),
    '<meta http-equiv="X-UA-Compatible" content="IE=edge" />',
    `<title>${escapeHtml(o.title)}_${escapeHtml(site)}</title>`,
    `<meta name="SiteName" content="${escapeHtml(site)}" />`,
    `<meta name="SiteDomain" content="${host}" />`,
    `<meta name="ColumnName" content="政府信息公开年报" />`,
    `<meta name="ArticleTitle" content="${escapeHtml(o.title)}" />`,
    ...(pubTime ? [`<meta name="PubDate" content="${pubTime}" />`] : []),
    `<meta name="ContentSource" content="${escapeHtml(o.agency)}" />`,
    '<link rel="stylesheet" type="text/css" href="/images/css/common.css" />',
    '<script type="text/javascript" src="/images/js/jquery.min.js"></script>',
    '</head>',
    '<body>',
    '<div class="topbar"><div class="wrap"><span class="fl">欢迎访问' + escapeHtml(site) + '</span>'
      + '<span class="fr"><a href="javascript:void(0)" id="wza">无障碍</a>&nbsp;|&nbsp;<a href="javascript:void(0)">长者模式</a>&nbsp;|&nbsp;<a href="/">繁体版</a></span></div></div>',
    '<div class="header"><div class="wrap">',
    `  <div class="logo"><a href="/"><img src="/images/logo.png" alt="${escapeHtml(site)}" /></a></div>`,
    '  <div class="search"><form action="/search" method="get"><input type="text" name="q" placeholder="请输入关键字" /><button type="submit">搜索</button></form></div>',
    '</div></div>',
    '<div class="nav"><ul>',
    ...menu.map((m, i) => `  <li${i === 1 ? ' class="on"' : ''}><a href="${i === 0 ? '/' : `/col/col${o.rng.int(1000, 99999)}/`}">${escapeHtml(m)}</a></li>`),
    '</ul></div>',
    '<div class="wrap main">',
    '<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/xxgknb/">政府信息公开年报</a></div>',
    ...(info ? [info] : []),
    '<div class="article">',
    `<h1 class="article-title">${escapeHtml(o.title)}</h1>`,
    '<div class="article-info">'
      + (pubTime ? `<span>发布时间：${pubTime}</span>` : '')
      + (info ? '' : `<span>来源：${escapeHtml(o.agency)}</span>`) + `<span>浏览次数：<em id="hits">${hits}</em></span>`
      + '<span class="font">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>',
    '<div class="article-content" id="zoom">',
    o.body,
    '</div>',
    '<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>',
    '</div>',
    '</div>',
    '<div class="footer"><div class="wrap">',
    `  <p>主办单位：${escapeHtml(site)}办公室&nbsp;&nbsp;承办单位：${escapeHtml(site)}大数据中心</p>`,
    `  <p>网站标识码：${o.rng.int(1000000000, 9999999999)}&nbsp;&nbsp;ICP备案号：${o.rng.pick(["苏", "鲁", "浙", "皖", "豫", "赣"])}ICP备${o.rng.int(10000000, 99999999)}号&nbsp;&nbsp;公安机关备案号：${o.rng.int(10000000000000, 99999999999999)}</p>`,
    '  <p>建议使用1920×1080分辨率浏览本网站</p>',
    '</div></div>',
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}
