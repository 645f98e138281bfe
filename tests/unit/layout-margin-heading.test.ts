/**
 * Table 三's heading 三、本年度办理结果 as an office suite prints it beside its rows (layout text): down the margin one
 * character a line, or spaced out over a line of its own. Its pieces go on no row label (issue 11: synth seeds 171,
 * 291, 473 with the label cut, 353 with the "281*" note mark, 68, 136, 238, 256, 319, 390, 393, 462 as drawn were refused).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';

/** A line of layout text: each text at its character position. */
const at = (...parts: Array<[number, string]>): string => parts.reduce((s, [x, t]) => s.padEnd(x) + t, '');
/** A row's seven figures, where table 三's columns stand. */
const figs = (...v: number[]): Array<[number, string]> => v.map((n, i): [number, string] => [55 + 8 * i, String(n)]);
const zeros = figs(0, 0, 0, 0, 0, 0, 0);

const rowTexts = (cells: readonly TextCell[]): string[][] => {
  const out: string[][] = [[]];
  for (const c of cells) {
    out.at(-1)!.push(c.text);
    if (c.rowEnd) out.push([]);
  }
  return out.filter((r) => r.length > 0);
};
const labelsOf = (rows: string[][]): string[][] => rows.map((r) => r.filter((t) => !/^\d+$/.test(t)));

test('layout rows: 三、本年度办理结果 down the margin, one character every other line, is one cell across a page break', () => {
  // Seed 353's shape: the margin's last piece before the break ("办") stands a line above the last label there, so
  // after the break "理" was taken for the rest of "1.本机关不掌握相关政府信息" (the one cell open at the break), moved to
  // the margin, and "结" / "果" followed it: "1.本机关不掌握相关政府信息理结果", refused.
  const text = [
    at([6, '（二）部分公开（区分处理的，只计这一情形，']),
    at([6, '不计其他情形）']),
    at([0, '三、'], ...figs(2, 0, 0, 0, 0, 0, 2)),
    at([21, '1.属于国家秘密'], ...zeros),
    at([0, '本'], [21, '2.其他法律行政法规禁止公开'], ...zeros),
    at([21, '3.危及“三安全一稳定”'], ...zeros),
    at([0, '年'], [6, '（三）不予公开'], [21, '4.保护第三方合法权益'], ...zeros),
    at([21, '7.属于行政执法案卷'], ...zeros),
    at([0, '度'], [21, '8.属于行政查询事项'], ...figs(1, 0, 0, 0, 0, 0, 1)),
    at([21, '5.要求行政机关确认或重新'], ...zeros),
    at([0, '办'], [21, '6.属于四类过程性信息'], ...zeros),
    at([21, '1.本机关不掌握相关政府信息'], ...figs(2, 0, 0, 0, 0, 0, 2)),
    '', '', '',
    '\f' + at([0, '理'], [6, '（四）无法提供'], [21, '2.没有现成信息需要另行制作'], ...zeros),
    at([21, '3.补正后申请内容仍不明确'], ...figs(1, 0, 0, 0, 0, 0, 1)),
    at([0, '结'], [21, '1.信访举报投诉类申请'], ...zeros),
    at([21, '2.重复申请'], ...zeros),
    at([0, '果'], [6, '（五）不予处理'], [21, '3.要求提供公开出版物'], ...zeros),
    at([21, '5.要求行政机关确认或重新']),
    at(...zeros),
    at([21, '出具已获取信息']),
    at([21, '1.申请人无正当理由逾期不补正、行政']),
    at(...zeros),
    at([21, '机关不再处理其政府信息公开申请']),
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  const labels = labelsOf(rows);
  assert.ok(labels.some((r) => r.includes('三、本年度办理结果')));
  assert.deepEqual(rows.find((r) => r.includes('1.本机关不掌握相关政府信息')), ['1.本机关不掌握相关政府信息', '2', '0', '0', '0', '0', '0', '2']);
  assert.deepEqual(labels.find((r) => r.includes('2.没有现成信息需要另行制作')), ['（四）无法提供', '2.没有现成信息需要另行制作']);
  assert.deepEqual(labels.find((r) => r.includes('3.要求提供公开出版物')), ['（五）不予处理', '3.要求提供公开出版物']);
  assert.deepEqual(labels.flat().filter((t) => t.endsWith('理结果')), ['三、本年度办理结果']);
});

test('layout rows: 三、本年度办理结果 spaced out over a line of its own goes on no label under which it stands', () => {
  // Seed 291's shape: "度" stood under "（一）予以公开" (after its page's break, under the cell open there), "果" under
  // "1.属于国家秘密": "（一）予以公开度", refused.
  const text = [
    at([6, '（一）予以公开'], ...figs(12, 2, 0, 0, 0, 0, 14)),
    at([6, '（二）部分公开（区分处理的，只计这一情形，不']),
    at(...zeros),
    '', '', '',
    '\f' + at([6, '计其他情形）']),
    at([14, '1.属于国家秘密'], ...zeros),
    at([14, '2.其他法律行政法规禁止公开'], ...zeros),
    at([1, '三'], [3, '、'], [5, '本年'], [8, '度'], [10, '办理'], [13, '结'], [15, '果']),
    at([14, '3.危及“三安全一稳定”'], ...zeros),
    at([6, '（三）不予公开']),
    at([14, '4.保护第三方合法权益'], ...figs(1, 0, 0, 0, 0, 0, 1)),
    at([14, '5.要求行政机关确认或重新出具已获取']),
    at(...zeros),
    at([14, '信息']),
  ].join('\n');
  assert.deepEqual(labelsOf(rowTexts(layoutRows(readLayoutText(text)))), [
    ['（一）予以公开'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['1.属于国家秘密'],
    ['2.其他法律行政法规禁止公开'],
    ['3.危及“三安全一稳定”'],
    ['（三）不予公开'],
    ['4.保护第三方合法权益'],
    ['5.要求行政机关确认或重新出具已获取信息'],
  ]);
});
