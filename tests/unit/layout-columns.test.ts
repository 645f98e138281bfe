/**
 * Where table 三's columns stand on a page of layout text: the page's own figure clusters, checked against the header
 * read down its stacks on that page (layout-columns.ts). Snippets as pdftotext prints office seeds 727 and 263.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import { readValue } from '../../pipeline/ingest/read-value.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { columnsOnPage, headersByPage, pageColumns } from '../../pipeline/parse/layout-columns.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { at } from '../helpers/layout-text.ts';

const WORDS = [['自然人'], ['商业', '商业企业', '商业企'], ['科研', '科研机构', '科研机'], ['社会', '社会公益', '社会公益组织'], ['法律', '法律服务', '法律服务机构'], ['其他'], ['总计']];

/** The page's columns as the reader of table 三 takes them: the header cells before the first row, each row's figures. */
function columns(text: string): number[] | null {
  const cells = layoutRows(readLayoutText(text));
  const lines: TextCell[][] = [[]];
  for (const c of cells) {
    lines.at(-1)!.push(c);
    if (c.rowEnd) lines.push([]);
  }
  const rows = lines.map((l) => l.filter((c) => readValue(c.text).kind === 'number')).filter((r) => r.length > 0);
  // The header: the lines before the first line printing a figure.
  const firstLine = lines.findIndex((l) => l.includes(rows[0]![0]!));
  const header = lines.slice(0, firstLine).flat();
  return columnsOnPage(1, pageColumns(rows, 7), headersByPage(header, WORDS));
}

test('layout columns: a page\'s 7 clusters are its columns when the header, drawn in a few slots, names the same ones', () => {
  // Seed 727: 科研机构's header stands 3 slots left of its figures (37.5 / 40.5), 社会公益组织's 2 (47.5 / 49.5); every
  // cluster is still nearest its own header. The two disagreed by more than 1.5 slots, so the page had no columns
  // and rows 一, 二, （一）, （二） (28 cells) were flagged.
  const text = [
    at([3, '三、收到和处理政府信息公开申请情况']),
    at([45, '申请人情况']),
    at([0, '（本列数据的勾稽关系为：第一']),
    at([44, '法人或其他组织']),
    at([0, '项加第二项之和，等于第三项加']),
    at([19, '自然人'], [28, '商业企'], [36, '科研机'], [46, '社会公'], [54, '法律服'], [70, '总计']),
    at([4, '第四项之和）'], [60, '其他']),
    at([29, '业'], [37, '构'], [46, '益组织'], [54, '务机构']),
    at([0, '一、本年新收政府信息公开申请']),
    at([29, '0'], [49, '0'], [70, '0']),
    at([0, '数量']),
    at([0, '二、上年结转政府信息公开申请']),
    at([20, '0'], [29, '0'], [55, '0'], [70, '0']),
    at([0, '数量']),
    at([0, '三、本'], [7, '（一）予以公开'], [20, '0'], [29, '0'], [40, '0'], [70, '0']),
    at([0, '年度办'], [7, '（二）部分公开（区'], [49, '0'], [55, '0'], [61, '0'], [70, '0']),
  ].join('\n');
  assert.deepEqual(columns(text), [20.5, 29.5, 40.5, 49.5, 55.5, 61.5, 70.5]);
  // A cluster nearest another column's header (as in seed 263, 社会's figures nearest 法律's header): here 社会's at
  // 49.5, its header at 44.5, 法律's at 51.5. The two do not name the same columns; the page keeps none.
  const shifted = text.replace(at([19, '自然人'], [28, '商业企'], [36, '科研机'], [46, '社会公'], [54, '法律服'], [70, '总计']), at([19, '自然人'], [28, '商业企'], [36, '科研机'], [43, '社会公'], [50, '法律服'], [70, '总计']))
    .replace(at([29, '业'], [37, '构'], [46, '益组织'], [54, '务机构']), at([29, '业'], [37, '构'], [43, '益组织'], [50, '务机构']));
  assert.notEqual(shifted, text);
  assert.equal(columns(shifted), null);
});
