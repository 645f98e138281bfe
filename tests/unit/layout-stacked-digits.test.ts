/**
 * Table 三 in full-width digits printed in columns one character wide (office seed 740, refused before: "34 rows of
 * figures"): a figure of two or three digits breaks after every digit, one digit per line, centred on the row's line
 * (layout-broken-stacked.ts). Every such row adds up as printed too (1 … 1, 9 … 9, 0 … 0), so only where the pieces
 * stand tells them apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import { joinBrokenFigures } from '../../pipeline/parse/layout-broken.ts';
import { at, rowTexts } from '../helpers/layout-text.ts';

/** Full-width figures at the columns of seed 740's first page (自然人 at 11 … 总计 at 39). */
const COLUMNS = [11, 15, 20, 27, 31, 35, 39];
const figs = (...v: Array<string | undefined>): Array<[number, string]> =>
  v.flatMap((t, i): Array<[number, string]> => (t === undefined ? [] : [[COLUMNS[i]!, t]]));
const full = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const half = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

const join = (lines: string[]): string[][] => rowTexts(joinBrokenFigures(readLayoutText(lines.join('\n')), 7)).map((r) => r.map(half));

test('layout rows: full-width figures broken one digit per line ("１ … １" / "９ ０ … ９" / "０ … ０") are joined into the row', () => {
  const three = [
    at([0, '一、本年新收政'], ...figs('１', undefined, undefined, undefined, undefined, undefined, '１')),
    at([0, '府信息公开申请'], ...figs('９', '０', '０', '０', '０', '０', '９')),
    at([0, '数量'], ...figs('０', undefined, undefined, undefined, undefined, undefined, '０')),
    at([0, '二、上年结转政']),
    at([0, '府信息公开申请'], ...figs('０', '０', '０', '０', '０', '０', '０')),
    at([0, '数量']),
  ];
  assert.deepEqual(join(three), [['一、本年新收政'], ['府信息公开申请', '190', '0', '0', '0', '0', '0', '190'], ['数量'], ['二、上年结转政'], ['府信息公开申请', '0', '0', '0', '0', '0', '0', '0'], ['数量']]);
  // Half-width digits: a column one digit wide is no office layout; left as printed.
  assert.deepEqual(join(three.map(half)).filter((r) => r.length > 3).length, 2);
  assert.deepEqual(join(three.map(half))[0], ['一、本年新收政', '1', '1']);
  // The line under starting an item of its own ("二、" beside the pieces) is another row's: left as printed.
  const item = [...three];
  item[2] = at([0, '二、'], ...figs('０', undefined, undefined, undefined, undefined, undefined, '０'));
  assert.deepEqual(join(item)[0], ['一、本年新收政', '1', '1']);
  // A piece above starting with ０ starts no figure.
  const zero = three.map((l) => l.replace('１', '０').replace('１', '０'));
  assert.deepEqual(join(zero)[0], ['一、本年新收政', '0', '0']);
});

test('layout rows: full-width two-digit figures above and below the row\'s line, a label line between, or on the row\'s line and the one under', () => {
  // 53, 0, 0, 0, 0, 0, 53: the two digits on the lines around the row's line, which prints the other five.
  const around = [
    at([0, '三'], [3, '（一）予'], ...figs('５', undefined, undefined, undefined, undefined, undefined, '５')),
    at(...figs(undefined, '０', '０', '０', '０', '０')),
    at([0, '、'], [3, '以公开'], ...figs('３', undefined, undefined, undefined, undefined, undefined, '３')),
  ];
  assert.deepEqual(join(around), [['三', '（一）予'], ['53', '0', '0', '0', '0', '0', '53'], ['、', '以公开']]);
  // 185 under （七）总计, its label's lines between the digits.
  const between = [
    at([5, '其']),
    at([5, '他']),
    at(...figs('１', undefined, undefined, undefined, undefined, undefined, '１')),
    at([5, '（七）总']),
    at(...figs('８', '０', '０', '０', '０', '０', '８')),
    at([5, '计']),
    at(...figs('５', undefined, undefined, undefined, undefined, undefined, '５')),
    at([0, '四、结转下年度']),
    at(...figs('５', '０', '０', '０', '０', '０', '５')),
    at([0, '继续办理']),
  ];
  assert.deepEqual(join(between).filter((r) => r.length > 1), [['185', '0', '0', '0', '0', '0', '185'], ['5', '0', '0', '0', '0', '0', '5']]);
  // 96 on the row's line and the line under, which goes on its label ("1.本机关不掌握…").
  const under = [
    at([0, '（'], [4, '1.'], ...figs('９', '０', '０', '０', '０', '０', '９')),
    at([0, '四'], [4, '本'], ...figs('６', undefined, undefined, undefined, undefined, undefined, '６')),
    at([4, '机']),
  ];
  assert.deepEqual(join(under), [['（', '1.', '96', '0', '0', '0', '0', '0', '96'], ['四', '本'], ['机']]);
  // The line under printing no label text could be a row of its own (its label printed above it): left as printed.
  const bare = [...under];
  bare[1] = at(...figs('６', undefined, undefined, undefined, undefined, undefined, '６'));
  assert.deepEqual(join(bare)[1], ['6', '6']);
  // A wider figure printed whole in the column on the page: the column is no one digit wide; left as printed.
  const wide = [...under, at([4, '2.'], ...figs('１２', '０', '０', '０', '０', '０', '１２'))];
  assert.deepEqual(join(wide)[1], ['四', '本', '6', '6']);
});
