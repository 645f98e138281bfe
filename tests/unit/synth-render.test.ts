/**
 * The renderers of pipeline/synth: deterministic, and shaped like the real publications they imitate
 * (text copied out of Word, a government web page, Word's web export, .docx, pdftotext -layout, JSON/YAML, GBK).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderBytes, SYNTH_RENDERINGS } from '../../pipeline/synth/index.ts';
import { renderDocx } from '../../pipeline/synth/render-docx.ts';
import { renderHtml } from '../../pipeline/synth/render-html.ts';
import { renderLayoutText } from '../../pipeline/synth/render-layout-text.ts';
import { renderJson, renderYaml } from '../../pipeline/synth/render-structured.ts';
import { renderWordText } from '../../pipeline/synth/render-word-text.ts';

const SEEDS = [2, 7, 31];

test('every rendering is deterministic: same values, same bytes', async () => {
  for (const seed of SEEDS) {
    const g = generate(seed);
    for (const r of SYNTH_RENDERINGS) {
      const a = await renderBytes(r, g.values, { narrative: g.narrative });
      const b = await renderBytes(r, structuredClone(g.values), { narrative: { ...g.narrative } });
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), `${r}, seed ${seed}`);
    }
  }
});

test('word text: a TAB before each cell, a lone TAB for a blank cell, wrapped labels, empty lines, narrative figures', () => {
  let continuation = false;
  let blank = false;
  for (let seed = 0; seed < 20; seed++) {
    const g = generate(seed);
    const text = renderWordText(g.values, { narrative: g.narrative }) as string;
    const lines = text.split('\n');
    // The tables' sections are 二–四, or 一–三 when the report shifts them (pipeline/synth/variants.ts).
    const start = lines.findIndex((l) => /^[一二]、主动公开政府信息情况$/.test(l));
    const end = lines.findIndex((l) => /^[四五]、.*存在的主要问题/.test(l));
    assert.ok(start > 0 && end > start, `seed ${seed}: sections`);
    const table = lines.slice(start + 1, end);
    assert.ok(table.includes(''), 'rows end with an empty line');
    blank ||= table.includes('\t');
    continuation ||= table.some((l) => l !== '' && !l.startsWith('\t') && !/^[三四]、/.test(l));
    assert.ok(lines.slice(0, start).some((l) => l.includes(`共收到政府信息公开申请${g.narrative.received}件`)));
    assert.ok(text.includes(`行政复议${g.narrative.reconsideration}件、行政诉讼${g.narrative.litigation}件`));
  }
  assert.ok(blank && continuation);
});

test('HTML page: site chrome around the article, the template’s rowspan/colspan headers, &nbsp; in cells', () => {
  const g = generate(3, { edition: '2021', blankStyle: 'blank-outcomes' });
  const html = renderHtml(g.values, { narrative: g.narrative }) as string;
  for (const part of ['当前位置：', '首页', '政务公开', 'class="nav"', 'class="footer"', '网站标识码', 'charset=utf-8']) assert.ok(html.includes(part), part);
  for (const span of ['colspan="3" rowspan="3"', 'colspan="7"', 'rowspan="2"', 'colspan="5"', 'rowspan="22"', 'rowspan="8"', 'colspan="10"', 'colspan="4"']) {
    assert.ok(html.includes(span), span);
  }
  assert.ok(html.includes('&nbsp;'));
  assert.equal((html.match(/<table/g) ?? []).length, 3);
});

test('Word-exported HTML: MsoNormal, 宋体 spans, numbers split across spans, <o:p></o:p>, mso conditional comments', () => {
  let split = false;
  for (const seed of SEEDS) {
    const html = renderHtml(generate(seed).values, { wordExport: true }) as string;
    for (const part of ['<p class=MsoNormal', "font-family:宋体", '<o:p></o:p>', '<!--[if gte mso 9]>', '<![if !supportMisalignedColumns]>', 'name=ProgId content=Word.Document']) {
      assert.ok(html.includes(part), part);
    }
    assert.ok(html.includes('\r\n'), 'Word writes CRLF');
    split ||= /<span lang=EN-US>\d+<\/span><span lang=EN-US>\d+/.test(html);
  }
  assert.ok(split);
  const inPage = renderHtml(generate(2).values, { wordExport: true, chrome: true }) as string;
  assert.ok(inPage.includes('当前位置：') && inPage.includes('class=MsoNormal'));
});

test('GBK renderings: bytes in GBK, no charset declared anywhere', () => {
  const g = generate(4);
  for (const bytes of [renderWordText(g.values, { encoding: 'gbk' }), renderHtml(g.values, { encoding: 'gbk' })]) {
    assert.ok(bytes instanceof Uint8Array);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const text = iconv.decode(Buffer.from(bytes), 'gbk');
    assert.ok(text.includes(g.values.agency));
    assert.ok(!/charset/i.test(text));
  }
});

test('docx: a real Word document with merged cells (gridSpan, vMerge) and a page-number footer', async () => {
  const g = generate(9, { edition: '2021' });
  const zip = await JSZip.loadAsync(await renderDocx(g.values));
  const doc = await zip.file('word/document.xml')!.async('string');
  assert.equal((doc.match(/<w:tbl>/g) ?? []).length, 3);
  assert.ok(doc.includes('<w:gridSpan w:val="3"/>') && doc.includes('<w:gridSpan w:val="7"/>') && doc.includes('<w:gridSpan w:val="10"/>'));
  assert.ok(doc.includes('<w:vMerge w:val="restart"/>') && doc.includes('<w:vMerge w:val="continue"/>'));
  assert.ok(doc.includes(g.values.agency));
  const footer = Object.keys(zip.files).find((f) => /footer\d*\.xml$/.test(f));
  assert.ok(footer && (await zip.file(footer)!.async('string')).includes('PAGE'));
});

test('layout text: page numbers on their own line (one inside table 三), form feeds, wrapped labels, spaced numbers', () => {
  let bare = 0;
  for (let seed = 0; seed < 20; seed++) {
    const g = generate(seed);
    const text = renderLayoutText(g.values, { narrative: g.narrative }) as string;
    const lines = text.split('\n');
    // "-3-", or bare "3" now and then (the line before a form feed)
    if (!/^\s*-\d+-$/m.test(text)) bare++;
    const pageLines = lines.map((l, i) => (/^\s*(?:-\d+-|\d+)$/.test(l) && /^\f/.test(lines[i + 1] ?? '') ? i : -1)).filter((i) => i >= 0);
    assert.ok(pageLines.length >= 2, `seed ${seed}: page numbers`);
    assert.ok(text.includes('\f'));
    // Under 三/四, or 二/三 when the report shifts its sections (pipeline/synth/variants.ts).
    const t3 = lines.findIndex((l) => l.includes('收到和处理政府信息公开申请情况'));
    const t4 = lines.findIndex((l) => l.includes('政府信息公开行政复议、行政诉讼情况'));
    const rows = lines.findIndex((l, i) => i > t3 && l.includes('一、本年新收政府信息公开申请数量'));
    const last = lines.findIndex((l, i) => i > t3 && l.includes('四、结转下年度继续办理'));
    assert.ok(pageLines.some((i) => i > t3 && i < last) && last < t4 && rows > t3, `seed ${seed}: a page number inside table 三`);
    assert.ok(lines.some((l) => /^\s*（二）部分公开（区分处理的，/.test(l) && !l.includes('不计其他情形）')), `seed ${seed}: (二) wrapped`);
    assert.match(text, new RegExp(`申\\s*请\\s+${g.narrative.received}\\s+件`), `seed ${seed}: "申请 N 件"`);
    assert.ok(lines.slice(0, t3).every((l) => !/\p{Script=Han}\d/u.test(l.replace(/^\f/, ''))), `seed ${seed}: spaces between Chinese and digits`);
  }
  assert.ok(bare > 0 && bare < 20, `bare page numbers in some reports (${bare} of 20)`);
});

test('JSON and YAML restate the compact values', () => {
  for (const seed of SEEDS) {
    const g = generate(seed);
    const json = JSON.parse(renderJson(g.values, { narrative: g.narrative }));
    const { narrative, ...rest } = json;
    assert.deepEqual(rest, JSON.parse(JSON.stringify(g.values)));
    assert.equal(narrative.length, 6);
    assert.deepEqual(parseYaml(renderYaml(g.values)), JSON.parse(JSON.stringify(g.values)));
    assert.ok(renderYaml(g.values, { comment: 'source' }).startsWith('# source'));
  }
});

test('headers over two rows of cells (issue 11 §1): table 三\'s "商业" / "企业", table 四\'s "结果" / "维持", 总计 on the lower row', async () => {
  const { buildGrid } = await import('../../pipeline/synth/grid.ts');
  const g = generate(2);
  const texts = (rows: Array<Array<{ kind: string; text: string }>>, r: number): string[] => rows[r]!.filter((c) => c.kind === 'header').map((c) => c.text);
  const apps = buildGrid('applications', g.values.edition, g.values.tables.applications, { numbering: '.', splitHeaders: true });
  assert.equal(apps.headerRows, 4);
  assert.deepEqual(texts(apps.rows, 2), ['商业', '科研', '社会公益', '法律服务', '其他']);
  assert.deepEqual(texts(apps.rows, 3), ['企业', '机构', '组织', '机构']);
  assert.equal(apps.rows[0]![0]!.rowspan, 4, 'the note over all four header rows');
  const appeals = buildGrid('appeals', g.values.edition, g.values.tables.appeals, { numbering: '.', splitHeaders: true });
  assert.equal(appeals.headerRows, 4);
  assert.deepEqual(texts(appeals.rows, 2).slice(0, 5), ['结果', '结果', '其他', '尚未', '']);
  assert.deepEqual(texts(appeals.rows, 3).slice(0, 5), ['维持', '纠正', '结果', '审结', '总计']);
  // Unsplit by default; the web page prints the split rows as cells of their own.
  assert.equal(buildGrid('appeals', g.values.edition, g.values.tables.appeals).headerRows, 3);
  const html = renderHtml(g.values, { narrative: g.narrative, chrome: false, variants: { splitHeaders: true, headerParagraphs: false } }) as string;
  assert.match(html.replace(/<br \/>/g, ''), /<td[^>]*>(?:<p[^>]*>)?(?:<strong>)?商业(?:<\/strong>)?(?:<\/p>)?<\/td>/);
});
