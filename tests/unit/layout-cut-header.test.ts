/**
 * Table 三's header cut by a page break, the next page printing the ends of two columns' words only (office seed 148:
 * "组织  机构" over the figures, 社会公益组织's and 法律服务机构's ends): two pieces that fall in the columns one way only
 * place that page's columns (layout-cut-header.ts), as three did.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { at } from '../helpers/layout-text.ts';


const HEAD = [
  at([3, '三、收到和处理政府信息公开申请情况']),
  at([0, '（本列数据的勾稽关'], [35, '申请人情况']),
  at([0, '系为：第一项加第二'], [12, '自然人'], [31, '法人或其他组织'], [57, '总计']),
  at([0, '项之和，等于第三项'], [19, '商业企业'], [27, '科研机构'], [32, '社会公益'], [37, '法律服务'], [46, '其他']),
  '',
  '',
  at([28, '- 2-']),
];
const BODY = [
  at([2, '加第四项之和）']),
  at([0, '一、本年新收政府信']),
  at([14, '6'], [30, '2'], [35, '8']),
  at([0, '息公开申请数量']),
  at([0, '二、上年结转政府信']),
  at([30, '1'], [35, '1']),
  at([0, '息公开申请数量']),
  at([0, '三、'], [4, '（一）予以']),
  at([14, '2'], [30, '1'], [35, '3']),
  at([0, '本年'], [4, '公开']),
  at([0, '度办'], [4, '（二）部分']),
  at([0, '理结'], [4, '公开（区分']),
  at([0, '果'], [4, '处理的，只']),
  at([4, '计这一情']),
  at([4, '形，不计其']),
  at([4, '他情形）']),
];

/** The header cells layoutRows puts before the rows for page 2 (each column's word at its centre there). */
const page2Header = (pieces: string): Array<[string, number]> =>
  layoutRows(readLayoutText([...HEAD, '\f' + pieces, ...BODY].join('\n')))
    .filter((c) => c.page === 2 && c.width === 0)
    .map((c) => [c.text, c.x!]);

test('layout rows: a header cut by a page break whose next page prints two columns\' ends ("组织 机构") places that page\'s columns', () => {
  const columns = page2Header(at([26, '组织'], [31, '机构']));
  assert.equal(columns.length, 7);
  // 社会公益组织 and 法律服务机构 where their ends stand; the columns printing nothing there, at one place on each side.
  assert.deepEqual(columns.slice(3, 5), [['社会公益组织', 27], ['法律服务机构', 32]]);
  // One piece: no columns.
  assert.deepEqual(page2Header(at([26, '组织'])), []);
});
