/**
 * Lines that are not the table's, inside it (issue 11 §1 "More variants"): table 三's header rows printed again in
 * the middle, and page numbers and running footers where a page breaks inside a table. They are ignored and every cell
 * reads exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barePageNumbers } from '../../pipeline/ingest/layout-text.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { readReport } from '../../pipeline/read.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderLayoutText } from '../../pipeline/synth/render-layout-text.ts';
import { tabReport, tabReportHtml } from '../helpers/tab-report.ts';

const HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
  '自然人\t法人或其他组织\t总计',
  '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
];

const read = (text: string, name: string): Promise<AnnualReport> => readReport(new TextEncoder().encode(text), name);

function cellsOf(r: AnnualReport): string {
  return JSON.stringify(r.tables, (key, v) => (key === 'source' ? undefined : v));
}

test('table 三 with its header rows printed again in the middle reads exactly as without them', async () => {
  for (const before of ['（四）无法提供', '四、结转下年度继续办理', '（一）予以公开']) {
    const text = tabReport({ insertBefore: { [before]: HEADER } });
    for (const [name, bytes] of [['report.txt', text], ['report.html', tabReportHtml(text)]] as const) {
      const plain = await read(name.endsWith('.html') ? tabReportHtml(tabReport()) : tabReport(), name);
      assert.equal(cellsOf(await read(bytes, name)), cellsOf(plain), `${name}, before ${before}`);
    }
  }
});

test('page numbers and a running footer inside table 三 are ignored', async () => {
  const plain = cellsOf(await read(tabReport(), 'report.txt'));
  for (const lines of [['- 3 -'], ['第 3 页 共 6 页'], ['3/6'], ['测试市档案局2023年政府信息公开工作年度报告', '— 3 —']]) {
    const text = tabReport({ insertBefore: { '（四）无法提供': lines } });
    assert.equal(cellsOf(await read(text, 'report.txt')), plain, lines.join(' / '));
    assert.equal(cellsOf(await read(tabReportHtml(text), 'report.html')), cellsOf(await read(tabReportHtml(tabReport()), 'report.html')), lines.join(' / '));
  }
});

test('pdftotext -layout: bare page numbers ("3") at page ends, a running footer and header, and a repeated header', async () => {
  // The first report whose pages are numbered "-k-" (others print them bare already).
  const [g, layout] = Array.from({ length: 20 }, (_, seed) => generate(seed, { blankStyle: 'zeros' }))
    .map((r) => [r, renderLayoutText(r.values, { narrative: r.narrative }) as string] as const)
    .find(([, text]) => /^ *-\d+-$/m.test(text))!;
  const variants = {
    bare: layout.replace(/^( *)-(\d+)-$/gm, '$1$2'),
    footer: layout.replace(/^( *)-(\d+)-$/gm, `              ${g.values.agency}${g.values.year}年政府信息公开工作年度报告\n$1$2`),
    header: layout.replace(/\f(?=.)/g, `\f          ${g.values.agency}\n\n`),
  };
  for (const [name, text] of Object.entries(variants)) {
    assert.deepEqual(compareCells(g.values, await read(text, 'report.txt')), [], name);
  }
});

test('a bare number is a page number only at a page end, numbered with its pages', () => {
  const pages = (...texts: string[][]): string[] => texts.flatMap((lines, k) => lines.map((l, i) => (i === 0 && k > 0 ? `\f${l}` : l)));
  // Pages 1 and 2 end with 1 and 2: page numbers. A row's lone figure ending page 3 as "7" is kept.
  const lines = pages(['二、主动公开', '规章   1', '', '         1'], ['行政许可', '         2'], ['行政处罚', '      7'], ['']);
  assert.deepEqual([...barePageNumbers(lines)].sort((a, b) => a - b), [3, 5]);
  // One page only: no sequence to trust, nothing dropped.
  assert.deepEqual([...barePageNumbers(['规章', '     1', '\f'])], []);
});
