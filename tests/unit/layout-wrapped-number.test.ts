/**
 * A group label's number wrapped one character per line across a page break, the next page's label columns drawn
 * 3–4 slots left (office seed 758): "（" at a page's foot under "…形）", "三" / "）不予公开" down the left margin of the
 * next page beside "于 / 国 / 家…". The "（" went on （二）'s label ("（二）部分公开…（三）不予公开"), and （二）'s row
 * was read absent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { at } from '../helpers/layout-text.ts';

const ROW = [[12, '11'], [19, '0'], [24, '0'], [31, '0'], [38, '0'], [43, '0'], [47, '11']] as Array<[number, string]>;

const labels = (cells: readonly TextCell[]): string[] => {
  const out: string[][] = [[]];
  for (const c of cells) {
    out.at(-1)!.push(c.text);
    if (c.rowEnd) out.push([]);
  }
  return out.flatMap((r) => r.filter((t) => !/^\d+$/.test(t)));
};

test('layout rows: a number wrapped across a page break ("（" / [page] / "三" / "）不予公开", 4 slots left) starts its group label', () => {
  const text = [
    at([0, '一、本年新收']),
    at([0, '政府信息公开'], ...ROW),
    at([0, '申请数量']),
    at([0, '二、上年结转']),
    at([0, '政府信息公开'], ...ROW.map(([x]): [number, string] => [x, '0'])),
    at([0, '申请数量']),
    at([0, '三'], [4, '（一）予']),
    at([0, '、'], [4, '以公开']),
    at([0, '本'], [4, '（二）部']),
    at([0, '年'], [4, '分公开']),
    at([0, '度'], [4, '（区分处']),
    at([0, '办'], [4, '理的，只']),
    at([0, '理'], [4, '计这一情']),
    at([0, '结'], [4, '形，不计']),
    at([0, '果'], [4, '其他情']),
    at([4, '形）']),
    at([4, '（'], [7, '1.']),
    at([7, '属']),
    '',
    '',
    at([23, '- 3-']),
    '\f' + at([0, '三'], [4, '于']),
    at([0, '）'], [4, '国']),
    at([0, '不'], [4, '家']),
    at([0, '予'], [4, '秘']),
    at([0, '公'], [4, '密']),
    at([0, '开'], [4, '2.']),
    at([4, '其']),
    at([4, '他']),
  ].join('\n');
  const read = labels(layoutRows(readLayoutText(text)));
  assert.ok(read.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), read.join(' | '));
  assert.ok(read.includes('（三）不予公开'), read.join(' | '));
  assert.ok(read.includes('1.属于国家秘密'), read.join(' | '));
});
