/** Titles as agencies print them (issue 11 §1): year first, 年度, spaces, split lines, the agency elsewhere. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReport } from '../../pipeline/read.ts';
import { tabReport, tabReportHtml } from '../helpers/tab-report.ts';

/** The test report with its first two lines (agency, title) replaced, and optionally its signature. */
function retitled(head: string[], options: { year?: number; agency?: string; signature?: string } = {}): string {
  const lines = tabReport({ year: options.year ?? 2023, agency: options.agency ?? '测试市档案局' }).split('\n');
  lines.splice(0, 2, ...head);
  if (options.signature !== undefined) lines[lines.length - 3] = options.signature;
  return lines.join('\n');
}

async function meta(text: string, name = 'report.txt'): Promise<{ agency: string; year: number }> {
  const bytes = new TextEncoder().encode(name.endsWith('.html') ? tabReportHtml(text) : text);
  const r = await readReport(bytes, name);
  return { agency: r.agency, year: r.year };
}

test('the year before the agency: 2019年上海市人民政府办公厅政府信息公开工作年度报告', async () => {
  const text = retitled(['2019年上海市人民政府办公厅政府信息公开工作年度报告'], { year: 2019 })
    .replaceAll('测试市档案局', '上海市人民政府办公厅');
  assert.deepEqual(await meta(text.replace(/2023/g, '2019')), { agency: '上海市人民政府办公厅', year: 2019 });
});

test('"<agency>2019年度政府信息公开工作年度报告" and the 年报 form', async () => {
  assert.deepEqual(await meta(retitled(['上海市交通委员会2023年度政府信息公开工作年度报告'])), { agency: '上海市交通委员会', year: 2023 });
  assert.deepEqual(await meta(retitled(['上海市交通委员会2023年政府信息公开年报'])), { agency: '上海市交通委员会', year: 2023 });
  assert.deepEqual(await meta(retitled(['上海市交通委员会', '2023年政府信息公开年度报告'])), { agency: '上海市交通委员会', year: 2023 });
});

test('spaces inside the title: 沭阳县人民政府 2025 年 政府信息公开工作年度报告', async () => {
  const text = retitled(['沭阳县人民政府 2023 年 政府信息公开工作年度报告']);
  assert.deepEqual(await meta(text), { agency: '沭阳县人民政府', year: 2023 });
  const ideographic = retitled(['沭阳县人民政府\u30002023\u3000年\u3000政府信息公开工作年度报告']);
  assert.deepEqual(await meta(ideographic), { agency: '沭阳县人民政府', year: 2023 });
});

test('a title split over two lines, and over two HTML elements', async () => {
  const text = retitled(['沭阳县人民政府2023年政府信息公开', '工作年度报告']);
  assert.deepEqual(await meta(text), { agency: '沭阳县人民政府', year: 2023 });
  assert.deepEqual(await meta(text, 'report.html'), { agency: '沭阳县人民政府', year: 2023 });
  const yearFirst = retitled(['2023年', '沭阳县人民政府政府信息公开工作年度报告']);
  assert.deepEqual(await meta(yearFirst, 'report.html'), { agency: '沭阳县人民政府', year: 2023 });
});

test('the agency only in the page metadata (发布机构)', async () => {
  const inline = retitled(['首页 > 政务公开 > 年度报告', '发布机构：沭阳县人民政府办公室', '发布日期：2024-01-20', '2023年政府信息公开工作年度报告']);
  assert.deepEqual(await meta(inline), { agency: '沭阳县人民政府办公室', year: 2023 });
  const split = retitled(['索引号：K12345/2024-00012', '发布机构：', '沭阳县人民政府办公室', '2023年政府信息公开工作年度报告']);
  assert.deepEqual(await meta(split), { agency: '沭阳县人民政府办公室', year: 2023 });
});

test('the agency only in the signature at the end', async () => {
  const text = retitled(['2023年政府信息公开工作年度报告'], { signature: '沭阳县自然资源局' });
  assert.deepEqual(await meta(text), { agency: '沭阳县自然资源局', year: 2023 });
});

test('a title that names the whole place ("2023年全市政府信息公开…") takes the agency from elsewhere', async () => {
  const text = retitled(['2023年全市政府信息公开工作年度报告'], { signature: '测试市人民政府' });
  assert.deepEqual(await meta(text), { agency: '测试市人民政府', year: 2023 });
});

test('no title at all is still refused with the reason', async () => {
  await assert.rejects(meta(retitled(['测试市档案局', '工作总结'])), /report year not found/);
});
