/**
 * Table 三's heading 三、本年度办理结果 as an office suite prints it beside its rows (layout text): down the margin one
 * character a line, or spaced out over a line of its own. Its pieces go on no row label (issue 11: synth seeds 171,
 * 291, 473 with the label cut, 353 with the "281*" note mark, 68, 136, 238, 256, 319, 390, 393, 462 as drawn were refused).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { at, rowTexts } from '../helpers/layout-text.ts';

/** A row's seven figures, where table 三's columns stand. */
const figs = (...v: number[]): Array<[number, string]> => v.map((n, i): [number, string] => [55 + 8 * i, String(n)]);
const zeros = figs(0, 0, 0, 0, 0, 0, 0);

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

test('layout rows: 三、本年度办理结果 spaced out in a margin of its own heads its rows; a figure line under a wrapped label goes on it', () => {
  // 2023 洪泽区's shape (its pdftotext -layout text): 一、 and 二、 from the margin, （一）… from column 18, 1.… from 28; the
  // heading spaced out on a line of its own left of them; "（二）部分公开…" wrapped, its figures on the line under it,
  // "1.属于国家秘密" printing its own on the line after. The spaced-out heading, taken for a heading under the labels,
  // was dropped, and the figure line went on "1.属于国家秘密" (the nearest label): refused, "1.属于国家秘密" where
  // "（二）部分公开…" was expected.
  const text = [
    at([0, '一、本年新收政府信息公开申请数量'], ...figs(21, 0, 0, 0, 0, 0, 21)),
    at([0, '二、上年结转政府信息公开申请数量'], ...zeros),
    at([18, '（一）予以公开'], ...zeros),
    at([18, '（二）部分公开（区分处理的，只计这一情'], [38, '形，不']),
    at([18, '计其他情形）']),
    at(...figs(4, 0, 0, 0, 0, 0, 4)),
    at([28, '1.属于国家秘密'], ...figs(1, 0, 0, 0, 0, 0, 1)),
    at([1, '三'], [3, '、本'], [6, '年'], [8, '度办'], [11, '理'], [13, '结果']),
    '', '', '',
    at([28, '2.其他法律行政法规禁止公开'], ...zeros),
    at([28, '3.危及“三安全一稳定”'], ...zeros),
    at([28, '4.保护第三方合法权益'], ...zeros),
    at([18, '（三）不予公开']),
    at([28, '5.属于三类内部事务信息'], ...zeros),
    // Labels wrapped around their figures, as an office suite centres them (what tells layoutRows the table is so printed).
    at([28, '6.属于四类过']),
    at(...figs(1, 0, 0, 0, 0, 0, 1)),
    at([28, '程性信息']),
    at([28, '7.属于行政执']),
    at(...figs(1, 0, 0, 0, 0, 0, 1)),
    at([28, '法案卷']),
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  // (Its "形，不", printed right of the label's first line, is read as the label's text is matched: label-match.ts.)
  const partly = rows.find((r) => r.includes('4'))!;
  assert.match(partly[0]!, /^（二）部分公开（区分处理的，只计这一情.*计其他情形）$/);
  assert.deepEqual(partly.slice(1), ['4', '0', '0', '0', '0', '0', '4']);
  assert.deepEqual(rows.find((r) => r.includes('1.属于国家秘密')), ['1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1']);
  // The heading a cell of its own, no piece of it on another label.
  assert.deepEqual(labelsOf(rows).filter((r) => r[0] !== '形，不'), [
    ['一、本年新收政府信息公开申请数量'], ['二、上年结转政府信息公开申请数量'], ['（一）予以公开'], [partly[0]], ['1.属于国家秘密'],
    ['三、本年度办理结果'], ['2.其他法律行政法规禁止公开'], ['3.危及“三安全一稳定”'], ['4.保护第三方合法权益'], ['（三）不予公开'],
    ['5.属于三类内部事务信息'], ['6.属于四类过程性信息'], ['7.属于行政执法案卷'],
  ]);
});
