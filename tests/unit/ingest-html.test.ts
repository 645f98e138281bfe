import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseText, readHtml } from '../../pipeline/ingest/html.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';

const texts = (cells: TextCell[]): string[] => cells.map((c) => c.text);
const tableCells = (cells: TextCell[]): TextCell[] => cells.filter((c) => c.at.table !== undefined);

test('HTML: a rowspan/colspan table gives one cell per element, located by table/row/cell', () => {
  const html = `<table>
    <tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
    <tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
    <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>77</td><td></td><td>3</td></tr>
  </table>`;
  const cells = readHtml(html);
  assert.deepEqual(cells, [
    { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', at: { table: 1, row: 1, cell: 1 } },
    { text: '申请人情况', at: { table: 1, row: 1, cell: 2 }, rowEnd: true },
    { text: '自然人', at: { table: 1, row: 2, cell: 1 } },
    { text: '法人或其他组织', at: { table: 1, row: 2, cell: 2 } },
    { text: '总计', at: { table: 1, row: 2, cell: 3 }, rowEnd: true },
    { text: '一、本年新收政府信息公开申请数量', at: { table: 1, row: 3, cell: 1 } },
    { text: '77', at: { table: 1, row: 3, cell: 2 } },
    { text: '', at: { table: 1, row: 3, cell: 3 } },
    { text: '3', at: { table: 1, row: 3, cell: 4 }, rowEnd: true },
  ]);
});

test('HTML: &nbsp; is a space; a cell of only &nbsp; is blank; paragraphs and <br> in a cell join with \\n', () => {
  const html = `<table><tr>
    <td>&nbsp;</td><td>结果&nbsp;维持</td><td><p>商业</p><p>企业</p></td><td>其他<br>结果</td><td><p>&nbsp;</p></td>
  </tr></table>`;
  assert.deepEqual(texts(readHtml(html)), ['', '结果 维持', '商业\n企业', '其他\n结果', '']);
});

test('HTML: Word-exported markup: a number split across spans, <o:p>, conditional comments', () => {
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoNormal><span style='font-family:黑体'>三、收到和处理政府信息公开申请情况<span lang=EN-US><o:p></o:p></span></span></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
 <tr style='mso-yfti-irow:0'>
  <td width=200 style='width:150pt'><p class=MsoNormal align=center><span style='font-size:10.5pt'>一、本年新收政府信息公开申请数量<span lang=EN-US><o:p></o:p></span></span></p></td>
  <td width=50><p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>1</span><span
  lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>05<o:p></o:p></span></p></td>
  <td width=50><p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>
  <td width=50><p class=MsoNormal><!--[if supportFields]><span lang=EN-US>FIELD</span><![endif]--><span lang=EN-US>3</span></p></td>
 </tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div></body></html>`;
  const cells = readHtml(html);
  assert.deepEqual(texts(cells), ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '105', '', '3']);
  assert.ok(!texts(cells).some((t) => /WordDocument|Print|FIELD|mso|MsoNormal/.test(t)));
});

test('HTML: page chrome is dropped, the <title> comes first', () => {
  const html = `<!DOCTYPE html><html><head><title>2020年政府信息公开工作年度报告</title>
<script>var menu = "首页";</script><style>.nav{}</style></head>
<body>
<header><div class="logo">某某市人民政府</div></header>
<nav><a href="/">首页</a><a href="/zwgk">政务公开</a></nav>
<div class="top-menu"><ul><li>政策文件</li><li>解读回应</li></ul></div>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<div class="article">
  <h1>某某市2020年政府信息公开工作年度报告</h1>
  <p>本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限为2020年1月1日至2020年12月31日。</p>
  <table><tr><td>规章</td><td>0</td></tr></table>
</div>
<noscript>请启用JavaScript</noscript>
<footer><p>主办单位：某某市人民政府办公室</p></footer>
<div class="footer-links">网站地图 | 联系我们</div>
</body></html>`;
  assert.deepEqual(texts(readHtml(html)), [
    '2020年政府信息公开工作年度报告',
    '某某市2020年政府信息公开工作年度报告',
    '本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限为2020年1月1日至2020年12月31日。',
    '规章',
    '0',
  ]);
});

test('HTML: an element named like a menu that holds most of the text is content, not chrome', () => {
  const html = `<body><div class="nav-content"><p>${'本报告根据《条例》编制。'.repeat(10)}</p></div><div class="nav">首页</div></body>`;
  assert.deepEqual(texts(readHtml(html)), ['本报告根据《条例》编制。'.repeat(10)]);
});

test('HTML: an element named like a menu is chrome when its text is less than half the body\'s, asked in any order', () => {
  // Half exactly is content; less is chrome. White space and skipped elements do not count.
  assert.deepEqual(texts(readHtml('<body><div class="menu">A B</div><p>C\nD<script>xyz</script></p></body>')), ['A B', 'C D']);
  assert.deepEqual(texts(readHtml('<body><div class="menu">AB</div><p>CDE</p></body>')), ['CDE']);
  // A small menu first (the body counted only as far as needed), then one that needs the whole body counted.
  const html = '<body><div class="menu">A</div><div id="nav">BCDEFG</div><p>GH</p><div class="crumb">IJK</div></body>';
  assert.deepEqual(texts(readHtml(html)), ['BCDEFG', 'GH']);
  assert.deepEqual(texts(readHtml('<body><div id="nav">BCDEFGHIJ</div><div class="menu">A</div><p>GH</p></body>')), ['BCDEFGHIJ', 'GH']);
});

test('HTML: <header> and <footer> inside an article belong to the content', () => {
  const html = '<body><article><header><h1>年度报告</h1></header><p>正文</p><footer>发布日期：2021-01-28</footer></article></body>';
  assert.deepEqual(texts(readHtml(html)), ['年度报告', '正文', '发布日期：2021-01-28']);
});

test('HTML: a table holding a table is layout; only the leaf tables give table cells, numbered in order', () => {
  const html = `<body>
<table class="layout"><tr><td>
  <p>二、主动公开政府信息情况</p>
  <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr></table>
  正文一段
</td><td>侧栏</td></tr></table>
<table><tr><td>行政复议</td></tr></table>
</body>`;
  const cells = readHtml(html);
  assert.deepEqual(texts(cells), ['二、主动公开政府信息情况', '信息内容', '本年制发件数', '规章', '1', '正文一段', '侧栏', '行政复议']);
  assert.deepEqual(
    tableCells(cells).map((c) => c.at),
    [
      { table: 1, row: 1, cell: 1 },
      { table: 1, row: 1, cell: 2 },
      { table: 1, row: 2, cell: 1 },
      { table: 1, row: 2, cell: 2 },
      { table: 2, row: 1, cell: 1 },
    ],
  );
  assert.equal(cells.find((c) => c.text === '正文一段')?.rowEnd, true);
  assert.equal(cells.find((c) => c.text === '正文一段')?.at.table, undefined);
});

test('HTML: paragraphs outside tables: blocks, <br>, direct text of a div; each with its source line', () => {
  const html = [
    '<html><body>', // 1
    '<div>一、总体情况', // 2
    '<p>2020年，本局<b>主动</b>公开政府信息<span>2120</span>条。</p>', // 3
    '尾部文字</div>', // 4
    '<ul><li>一是</li><li>二是</li></ul>', // 5
    '<p>第一行<br>第二行</p>', // 6
    '<p>本年新收政府信息公开申请', // 7
    '数量 105 件</p>', // 8
    '</body></html>', // 9
  ].join('\n');
  const cells = readHtml(html);
  assert.deepEqual(
    cells.map((c) => [c.text, c.at.line, c.rowEnd]),
    [
      ['一、总体情况', 2, true],
      ['2020年，本局主动公开政府信息2120条。', 3, true],
      ['尾部文字', 4, true],
      ['一是', 5, true],
      ['二是', 5, true],
      ['第一行', 6, true],
      ['第二行', 6, true],
      ['本年新收政府信息公开申请数量 105 件', 7, true],
    ],
  );
});

test('HTML: lines: false gives paragraphs no line', () => {
  assert.deepEqual(readHtml('<p>正文</p>', { lines: false }), [{ text: '正文', at: {}, rowEnd: true }]);
});

test('normaliseText: nbsp, collapsed white space, no space at a line break between CJK characters', () => {
  assert.equal(normaliseText('  结果\u00a0\u00a0维持 \n '), '结果 维持');
  assert.equal(normaliseText('政府信息公开\n  申请'), '政府信息公开申请');
  assert.equal(normaliseText('2020\n年'), '2020 年');
});

test('HTML: malformed tables read as the HTML spec builds them: unclosed cells and rows, no <tbody>, stray text', () => {
  // <td> and <tr> closed by the next one, the table's end closes the rest; <tbody> implied.
  assert.deepEqual(readHtml('<table><tr><td>一<td>二<tr><td>三</table>'), [
    { text: '一', at: { table: 1, row: 1, cell: 1 } },
    { text: '二', at: { table: 1, row: 1, cell: 2 }, rowEnd: true },
    { text: '三', at: { table: 1, row: 2, cell: 1 }, rowEnd: true },
  ]);
  // Text standing in a table outside any cell is moved before the table (foster parenting).
  assert.deepEqual(texts(readHtml('<table><tr><td>1</td></tr>孤立文字</table>')), ['孤立文字', '1']);
  // An unclosed <p> before a table, a <td> outside any table (ignored: its text stays in the paragraph).
  assert.deepEqual(texts(readHtml('<!DOCTYPE html><p>说明<table><tr><td>7</td></tr></table>后文<td>尾</td>')), ['说明', '7', '后文尾']);
  // A table inside a cell: the outer one is layout, the inner one gives the cells (rowspan/colspan not expanded).
  const nested = readHtml('<table><tr><td>版式<table><tr><td rowspan=2>甲<td colspan=3>乙</table></td></tr></table>');
  assert.deepEqual(nested, [
    { text: '版式', at: { line: 1 }, rowEnd: true },
    { text: '甲', at: { table: 1, row: 1, cell: 1 } },
    { text: '乙', at: { table: 1, row: 1, cell: 2 }, rowEnd: true },
  ]);
});

test('HTML: a GBK page declared by <meta charset> reads the same as its UTF-8 text', async () => {
  const { ingest } = await import('../../pipeline/ingest/index.ts');
  const iconv = (await import('iconv-lite')).default;
  const page = '<html><head><meta charset="gbk"><title>年度报告</title></head><body><table><tr><td>收到申请数<td>12</table></body></html>';
  const gbk = await ingest(new Uint8Array(iconv.encode(page, 'gbk')), 'page.html');
  const utf8 = await ingest(new TextEncoder().encode(page.replace('gbk', 'utf-8')), 'page.html');
  assert.equal(gbk.kind, 'cells');
  assert.equal(utf8.kind, 'cells');
  if (gbk.kind !== 'cells' || utf8.kind !== 'cells') return;
  assert.deepEqual(gbk.cells, utf8.cells);
  assert.deepEqual(texts(gbk.cells), ['年度报告', '收到申请数', '12']);
});

test('isSpace: exactly the code units that \\s matches (what the readers count as white space)', async () => {
  const { isSpace } = await import('../../pipeline/ingest/html.ts');
  for (let code = 0; code < 0x10000; code++) assert.equal(isSpace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
});

test('normaliseText: text already clean comes back as it is; any other is normalised', () => {
  for (const text of ['收到申请数', '2020 年', '\u3000一、总则', '结果\u3000', '一  二', 'a\vb', '\v', ' x', '甲\u00a0乙']) {
    const slow = text.replace(/\u00a0/g, ' ').replace(/[ \t\n\r\f]+/g, ' ').trim();
    assert.equal(normaliseText(text), slow, JSON.stringify(text));
  }
});

test('normaliseText says what the whole chain of replacements says, on random texts', () => {
  const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
  const wideBreak = new RegExp(`([${WIDE}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[${WIDE}])`, 'g');
  const chain = (text: string): string =>
    text.replace(/\u00a0/g, ' ').replace(wideBreak, '$1').replace(/[ \t\n\r\f]+/g, ' ').trim();
  const pieces = ['\u00a0', '\n', ' ', '\t', '\r', '\f', '政', '府', 'a', '1', '\u3000', '\v'];
  let seed = 5;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 5000; k++) {
    let text = '';
    const length = next(12);
    for (let i = 0; i < length; i++) text += pieces[next(pieces.length)];
    assert.equal(normaliseText(text), chain(text), JSON.stringify(text));
  }
});
