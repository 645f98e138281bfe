/**
 * Layout text (`pdftotext -layout`) of reports printed to PDF by an office suite: table 四's headers wrapped one
 * character per line and its figures wrapped one digit per line, blank cells printed as nothing, header cells and
 * labels wrapped over several lines, figures with spaces between their thousands. Snippets as pdftotext prints them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { PROACTIVE } from '../../pipeline/model/template.ts';
import { layoutAppeals } from '../../pipeline/parse/layout-appeals.ts';
import { joinBrokenFigures } from '../../pipeline/parse/layout-broken.ts';
import { joinCellNotes } from '../../pipeline/parse/layout-notes.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { stackedTexts } from '../../pipeline/parse/layout-stacks.ts';
import { joinThousands } from '../../pipeline/parse/layout-thousands.ts';
import { joinWrappedLabels } from '../../pipeline/parse/layout-wrapped-labels.ts';
import { readAppeals, readProactive } from '../../pipeline/parse/read-tables.ts';

/** Table 四's header as LibreOffice prints 15 narrow columns: one character per line, two groups interleaved. */
const HEADER = [
  '    行政复议                          行政诉讼',
  '                          未经复议直接起诉        复议后起诉',
  '结   结    其   尚',
  '                      结    结 其 尚      结   结 其 尚',
  '果   果    他   未    总',
  '                      果    果 他 未 总    果   果 他 未    总',
  '维   纠    结   审    计',
  '                      维    纠 结 审 计    维   纠 结 审    计',
  '持   正    果   结',
  '                      持    正 果 结      持   正 果 结',
];

const row = (cells: ReturnType<typeof readAppeals>, code: string): Array<string | number | null> =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => {
    const cell = cells[code]![c]!;
    return cell.kind === 'text' ? `?${cell.raw}` : cell.value;
  });

test('layout table 四: figures wrapped one digit per line are read top to bottom, under headers wrapped one character per line', () => {
  const text = [...HEADER, '1        1       3', '    5        2       0   0 0 0 0   0 0 1 1 2', '7        0       4'].join('\n');
  const cells = readAppeals('t.txt', '2021', readLayoutText(text), true);
  assert.deepEqual(row(cells, 'reconsideration'), [17, 5, 10, 2, 34]);
  assert.deepEqual(row(cells, 'litigation_direct'), [0, 0, 0, 0, 0]);
  assert.deepEqual(row(cells, 'litigation_after_reconsideration'), [0, 0, 1, 1, 2]);
  assert.equal(cells.reconsideration!.upheld!.kind, 'number');
});

test('layout table 四: blanks print nothing; figures are placed under their headers when the rows add up that way only', () => {
  // 1 under 尚未审结 and 1 under 总计 of 行政复议 (each row's 总计 = its four results).
  const cells = readAppeals('t.txt', '2021', readLayoutText([...HEADER, '             1    1'].join('\n')), true);
  assert.deepEqual(row(cells, 'reconsideration'), [null, null, null, 1, 1]);
  assert.equal(cells.reconsideration!.pending!.kind, 'inferred');
  assert.deepEqual(row(cells, 'litigation_direct'), [null, null, null, null, null]);
  // No figure at all: every cell blank.
  const blank = readAppeals('t.txt', '2021', readLayoutText(HEADER.join('\n')), true);
  assert.deepEqual(row(blank, 'litigation_after_reconsideration'), [null, null, null, null, null]);
});

test('layout table 四: a figure standing between two columns that both add up is flagged, never guessed', () => {
  // "2" under 行政复议 between 结果纠正 (x 4) and 其他结果 (x 9): either adds up with 总计 2.
  const placed = layoutAppeals(readLayoutText([...HEADER, '      2           2'].join('\n')))!;
  const recon = placed.get('reconsideration')!;
  assert.deepEqual([...recon.flagged.keys()], [1, 2]);
  assert.match(recon.flagged.get(1)!, /not known/);
  assert.equal(recon.values[4]!.text, '2');
  // Figures that add up in no placement: every cell flagged.
  const none = layoutAppeals(readLayoutText([...HEADER, '1    1'].join('\n').replace(/\n1 {4}1$/, '\n1         5')))!;
  assert.equal(none.get('reconsideration')!.flagged.size, 5);
  assert.match(none.get('reconsideration')!.flagged.get(0)!, /in no placement/);
});

test('layout table 四: positions choose nothing where a figure the arithmetic places stands far off its header (a stretched line)', () => {
  // Seed 794 (not tuned on; read silently wrong before): 未经复议直接起诉 prints 2, 1, 3 (结果维持, 结果纠正, 总计). Its
  // line is stretched by pdftotext: the 3 of 总计 stands six slots right of "总 / 计", the 1 under "其 / 他" — which
  // kept 其他结果 and 尚未审结 and read 结果纠正 as blank. The 3's offset says the line's positions are not to be
  // trusted: every placement that adds up is kept, and the cells they disagree on are flagged.
  const text = [
    '        行政复议                                行政诉讼',
    '                                未经复议直接起诉                 复议后起诉',
    '结   结    其     尚',
    '                            结    结  其 尚             结   结  其  尚',
    '果   果    他     未       总',
    '                            果    果  他 未  总          果   果  他  未    总',
    '维   纠    结     审       计',
    '                            维    纠  结 审  计          维   纠  结  审    计',
    '持   正    果     结',
    '                            持    正  果 结             持   正  果  结',
    '    2          1            2                   3',
    '7        3             13            1              2              2',
  ].join('\n');
  const placed = layoutAppeals(readLayoutText(text))!;
  const direct = placed.get('litigation_direct')!;
  assert.deepEqual([...direct.flagged.keys()].sort(), [0, 1, 2, 3]);
  assert.equal(direct.values[4]!.text, '3');
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['7', '2', '3', '1', '13']);
});

test('layout table 四: a section without the wrapped leaf headers is left to the usual reading', () => {
  const text = ['行政复议   行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计', '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'].join('\n');
  assert.equal(layoutAppeals(readLayoutText(text)), null);
});

test('layout stacks: a header cell wrapped over lines reads whole ("本年制 / 发件数")', () => {
  const text = [
    '   信息            本年制         本年废               现行有',
    '   内容            发件数         止件数               效件数',
    '规章                 0           0                 0',
  ].join('\n');
  assert.deepEqual(stackedTexts(readLayoutText(text)).map((c) => c.text), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
});

test('layout thousands: "47 161" is one figure when the row has one cell too many, and only then', () => {
  const text = [
    '   信息内容     上一年项目数量      本年增/减   处理决定数量',
    '行政处罚           198         0      47 161',
    '行政强制           413      -117      310',
  ].join('\n');
  const cells = joinThousands(readLayoutText(text), PROACTIVE, '2019');
  assert.deepEqual(cells.filter((c) => /\d/.test(c.text)).map((c) => c.text), ['198', '0', '47 161', '413', '-117', '310']);
  // The 2021 edition's fee row has one cell; its label wrapped around the figure names it.
  const fee = joinThousands(readLayoutText(['行政事业性收', '                             21 171 100', '费'].join('\n')), PROACTIVE, '2021');
  assert.deepEqual(fee.map((c) => c.text), ['行政事业性收', '21 171 100', '费']);
  // A row with as many cells as its template row: left as printed.
  const plain = joinThousands(readLayoutText('行政处罚           198         0 161'), PROACTIVE, '2019');
  assert.deepEqual(plain.map((c) => c.text), ['行政处罚', '198', '0', '161']);
});

test('layout thousands: digit groups standing apart (an ideographic or no-break space) are one figure when that is the only reading', () => {
  // Seed 30: "21　171　100" 元 prints as "21 171      100": a row of one cell (it was refused: two figures in it).
  const fee = joinThousands(readLayoutText(['行政事业性收', '                            21 171      100', '费'].join('\n')), PROACTIVE, '2021');
  assert.deepEqual(fee.map((c) => c.text), ['行政事业性收', '21 171 100', '费']);
  // A decimal rest is a figure's last group ("4 612.09" 万元).
  const decimal = joinThousands(readLayoutText(['行政事业性收', '                            4     612.09', '费'].join('\n')), PROACTIVE, '2021');
  assert.deepEqual(decimal.map((c) => c.text), ['行政事业性收', '4 612.09', '费']);
  // Two ways to make the row's 3 cells ("1 234 567 8": 1234, 567, 8 or 1, 234567, 8): left as printed.
  const two = '行政处罚           1     234     567     8';
  assert.deepEqual(joinThousands(readLayoutText(two), PROACTIVE, '2019').map((c) => c.text), ['行政处罚', '1', '234', '567', '8']);
  // Not digit groups ("21 17 100"): left as printed.
  const not = ['行政事业性收', '                            21 17      100', '费'].join('\n');
  assert.deepEqual(joinThousands(readLayoutText(not), PROACTIVE, '2021').map((c) => c.text), ['行政事业性收', '21', '17', '100', '费']);
});

test('layout rows: a figure whose digit groups stand apart ("2    304 … 2843") is joined when that is the only reading that adds up', () => {
  // Seed 471: 2304, 359, 128, 52, 2843 (the row was flagged, and 112 cells with it).
  const text = ['一、本年新收政府信息', '             2    304   359              128    52       2843', '公开申请数量'].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(text), 7))[1], ['2 304', '359', '128', '52', '2843']);
  // As printed it adds up: left so ("2 … 304 … 306").
  const adds = text.replace('359              128    52       2843', '                         306');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(adds), 7))[1], ['2', '304', '306']);
  // Two joined readings add up ("1 100 1 999 2 100": 1 + 100 + 1999 or 1100 + 1 + 999, 2100): left as printed.
  const both = ['一、本年新收政府信息', '             1    100   1    999        2    100', '公开申请数量'].join('\n');
  assert.equal(rowTexts(joinBrokenFigures(readLayoutText(both), 7))[1]!.length, 6);
  // It adds up with the line under it (a figure a line off): left as printed.
  const off = ['一、本年新收政府信息', '             2    304   359              128    52', '公开申请数量        2843'].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(off), 7))[1], ['2', '304', '359', '128', '52']);
});

const rowTexts = (cells: readonly TextCell[]): string[][] => {
  const out: string[][] = [[]];
  for (const c of cells) {
    out.at(-1)!.push(c.x === undefined ? `${c.text}@?` : c.text);
    if (c.rowEnd) out.push([]);
  }
  return out.filter((r) => r.length > 0);
};

test('layout rows: a group label wrapped inside its number ("（六 / ）其 / 他处 / 理") starts a cell of its own', () => {
  const text = [
    '       1.申',
    '       请人    0   0    0     0   0   0   0',
    '       补正',
    '    （六 2.申',
    '    ）其 请人    0   0    0     0   0   0   0',
    '    他处 逾期',
    '    理',
    '       3.其',
    '       他      0   0    0     0   0   0   0',
  ].join('\n');
  const zeros = Array.from({ length: 7 }, () => '0');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))), [
    ['1.申请人补正', ...zeros],
    ['（六）其他处理', '2.申请人逾期', ...zeros],
    ['3.其他', ...zeros],
  ]);
});

test('layout rows: a lone full-width figure is a figure; figures on a line without label text keep their positions (compared on their page only)', () => {
  const text = [
    '一、本年新收政府信息',
    '               １０       ０       ０        ０        ０      ０         １０',
    '公开申请数量',
    '三、   （一）予以公',
    '本年   开                                                                 ６',
    '度办   （二）部分公',
    '理结   开           ２   ０       ０        ０        ０      ０         ２',
    '果     处理',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows[0], ['一、本年新收政府信息公开申请数量', '１０', '０', '０', '０', '０', '０', '１０']);
  assert.deepEqual(rows[1]!.slice(-2), ['（一）予以公开', '６']);
  assert.deepEqual(rows[2]!.slice(-8), ['（二）部分公开处理', '２', '０', '０', '０', '０', '０', '２']);
});

test('layout notes: a figure with its note wrapped in a narrow cell ("3843（含 / 转办 / 1281 / 件）") is one cell of its row', () => {
  const text = [
    '（本列数据的勾稽关系                          申请人情况',
    '                                                       3843（含',
    '一、本年新收政府信息                                               转办',
    '             3380     434      29     0       0   0',
    '公开申请数量                                                   1281',
    '                                                         件）',
    '二、上年结转政府信息',
    '             217       6        1     0       0   0     224',
    '公开申请数量',
  ].join('\n');
  const rows = rowTexts(joinCellNotes(readLayoutText(text)));
  assert.deepEqual(rows.slice(1), [
    ['一、本年新收政府信息'],
    ['3380', '434', '29', '0', '0', '0', '3843（含转办1281件）'],
    ['公开申请数量'],
    ['二、上年结转政府信息'],
    ['217', '6', '1', '0', '0', '0', '224'],
    ['公开申请数量'],
  ]);
});

test('layout rows: the header repeated at the top of a page is dropped, and a row cut by the break goes on under it', () => {
  const text = [
    '（本列数据的勾稽关                       申请人情况',
    '项之和，等于第三项   自然人                  社会公益 法律服务              总计',
    '一、本年新收政府信',
    '            151                                         151',
    '息公开申请数量',
    '二、上年结转政府信',
    '',
    '',
    '',
    '\f息公开申请数量',
    '（本列数据的勾稽关                        申请人情况',
    '项之和，等于第三项      自然人                社会公益 法律服务        总计',
    '三、   （一）予以公',
    '               63                                  63',
    '本年   开',
    '度办   （二）部分公',
    '理结   开           2                                   2',
    '果     处理',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text))).slice(2);
  assert.deepEqual(rows.map((r) => r.filter((t) => !/\d/.test(t))), [
    ['一、本年新收政府信息公开申请数量'],
    ['二、上年结转政府信息公开申请数量'],
    ['三、本年度办理结果', '（一）予以公开'],
    ['（二）部分公开处理'],
  ]);
});

test('layout rows: a label cut by a page break goes on where the next page draws its label column, measured on that page', () => {
  // pdftotext lays the next page out on a grid of its own: there the figures start 10 slots further right, and the
  // rest of "1.申请人无正当理由…" stands at slot 16, right of where the first page's figures start. It is the rest of
  // the open label all the same (was a label of its own: the figures went to （六）其他处理, silently wrong).
  const text = [
    '         3.要求',
    '         提供公   0   0   0          0   0   0   0',
    '         开出版',
    '         4.无正',
    '         当理由   0   0   0          0   0   0   0',
    '         大量反',
    '（五）   5.要求',
    '不予处   行政机   0   0   0          0   0   0   0',
    '理       关确认',
    '（六）   1.申请   0   0   0          0   0   0   0',
    '其他处   人无正',
    '理       当理由',
    '',
    '',
    '\f                逾期不',
    '                补正',
    '                2.申请',
    '                人逾期      0        0    0          0         0          0       0',
    '                未按',
    '                3.其他   0         0    0          0         0          0        0',
  ].join('\n');
  const zeros = Array.from({ length: 7 }, () => '0');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))), [
    ['3.要求提供公开出版', ...zeros],
    ['4.无正当理由大量反', ...zeros],
    ['（五）不予处理', '5.要求行政机关确认', ...zeros],
    ['（六）其他处理', '1.申请人无正当理由逾期不补正', ...zeros],
    ['2.申请人逾期未按', ...zeros],
    ['3.其他', ...zeros],
  ]);
});

test('layout table 四: a header line drawn in with single spaces ("结果纠 其他结 尚未审") still stacks onto the line under it', () => {
  // As pdftotext printed a LibreOffice PDF: the second line of 未经复议直接起诉's headers stands up to four slots left
  // of its last line (was refused: "expected 15 figures, found 0").
  const header = [
    '            行政复议                                       行政诉讼',
    '                                         未经复议直接起诉                      复议后起诉',
    '结果维   结果纠   其他结    尚未审',
    '                           总计   结果维   结果纠 其他结 尚未审          结果维   结果纠    其他结 尚未审',
    ' 持     正     果      结                                 总计                           总计',
    '                                 持     正     果    结         持     正      果   结',
  ];
  const blank = readAppeals('t.txt', '2021', readLayoutText(header.join('\n')), true);
  for (const code of ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration']) assert.deepEqual(row(blank, code), [null, null, null, null, null]);
  assert.equal(blank.reconsideration!.total!.kind, 'blank');
  const text = [...header, '  2     1                     3    0     0      0     0    0        1      0        0    0    1'].join('\n');
  const cells = readAppeals('t.txt', '2021', readLayoutText(text), true);
  assert.deepEqual(row(cells, 'reconsideration'), [2, 1, null, null, 3]);
  assert.deepEqual(row(cells, 'litigation_direct'), [0, 0, 0, 0, 0]);
  assert.deepEqual(row(cells, 'litigation_after_reconsideration'), [1, 0, 0, 0, 1]);
});

test('layout rows: figures broken in their narrow cells ("108 / 0", "141 / 3") are joined into one line when the row then adds up', () => {
  // As pdftotext printed a LibreOffice PDF: 1080 and 1413 are too wide for their columns; the row's cells are
  // centred, so their first digits print above the line of the other figures and the rest below.
  const text = [
    '一、本年新收政府信息公开    108                                141',
    '                      246   0      0    87    0',
    '申请数量             0                                  3',
    '二、上年结转政府信息公开    0      7   0      0    0     0      7',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(text), 7)), [
    ['一、本年新收政府信息公开'],
    ['1080', '246', '0', '0', '87', '0', '1413'],
    ['申请数量'],
    ['二、上年结转政府信息公开', '0', '7', '0', '0', '0', '0', '7'],
  ]);
  // The same lines when the row would not add up (1413 → 1414): left as printed, to be flagged or refused.
  const wrong = text.replace('   3', '   4');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(wrong), 7)), rowTexts(readLayoutText(wrong)));
  // A column where a wider figure is printed whole: "108" filled no column, so it may be no broken figure — joined
  // only when no line, nor two next to each other, adds up as a row of its own (LibreOffice breaks figures where a
  // wider one fits: proportional digits, seed 150); here the middle line does ("246 0 0 87 333"), so it is left.
  const wide = `${text}\n（一）予以公开           1080   0      0    0     0      0   1080`;
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(wide), 7))[1], ['1080', '246', '0', '0', '87', '0', '1413']);
  const alone = wide.replace('87    0', '87  333').replace('141', '174').replace('   3\n', '   6\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(alone), 7)), rowTexts(readLayoutText(alone)));
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(alone.replace(/\n（一）.*$/, '')), 7))[1], ['1080', '246', '0', '0', '87', '333', '1746']);
});

test('layout rows: a label piece that reads as a header word ("（七） / 51 2 53 / 总计") is part of its row, not a repeated header', () => {
  const text = [
    '（本列数据        申请人情况',
    '                                       总计',
    '一、本年新       52   0    0     0    2   0    54',
    '收政府信息',
    '  （六）',
    '          1                1',
    '  其他处理',
    '  （七）',
    '          51          2   53',
    '  总计',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.at(-1), ['（七）总计', '51', '2', '53']);
  assert.deepEqual(rows.at(-2), ['（六）其他处理', '1', '1']);
});

test('layout rows: an item number wrapped one character per line ("（ / 三 / ）", "三 / 、", "2 / 、") starts a cell of its own', () => {
  const text = [
    '二、上年结',
    '转政府信息',
    '         0    0    0     0    0   0    0',
    '公开申请数',
    '三 （一）',
    '、 予以公    16                   1        17',
    '本 开',
    '  （二）',
    '  部分公',
    '  开',
    '  （ 1',
    '  三 、',
    '  ） 属',
    '  不 于',
    '     2   19     2     0     0         2    0     23',
    '     、',
    '     其',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.map((r) => r.filter((c) => !/^\d+(?:@\?)?$/.test(c))), [
    ['二、上年结转政府信息公开申请数'],
    ['三、本', '（一）予以公开'],
    ['（二）部分公开'],
    ['（三）不', '1、属于'],
    ['2、其'],
  ]);
  assert.deepEqual(rows.at(-1)!.slice(1), ['19', '2', '0', '0', '2', '0', '23']);
});

test('layout rows: a row whose narrow column prints its figure a line below the others is one row, when the figures add up', () => {
  const text = [
    '一、本年新收政府',
    '                   39                         224',
    '信息公开申请数量    185',
    '二、上年结转政府',
    '             6                                 6',
    '信息公开申请数量',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows[0], ['一、本年新收政府信息公开申请数量', '185', '39', '224']);
  // Not when they do not add up: the lines stay apart (then read, flagged or refused as they stand).
  const off = rowTexts(layoutRows(readLayoutText(text.replace('185', '186'))));
  assert.equal(off.length, 3);
});

test('layout table 二: a label wrapped around its figures on a line of their own is joined only into a template row label', () => {
  const text = ['行政许可', '其他对外管理服务事', '                     337                0                  32', '项'].join('\n');
  assert.deepEqual(rowTexts(joinWrappedLabels(readLayoutText(text), PROACTIVE, '2019')), [['行政许可'], ['其他对外管理服务事项', '337', '0', '32']]);
  const other = ['行政许可', '其他对外管理', '                     337                0                  32', '项'].join('\n');
  assert.equal(rowTexts(joinWrappedLabels(readLayoutText(other), PROACTIVE, '2019')).length, 4);
});

test('layout rows: a figure broken over two lines ("238 … 317" / "6 … 4"), apart at its thousands ("1 020") or in full-width digits is joined when the row then adds up', () => {
  const two = [
    '一、本年新收政府信   238   788    0   0  0   0     317',
    '             6                             4',
    '息公开申请数量',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(two), 7))[0]!.slice(1), ['2386', '788', '0', '0', '0', '0', '3174']);
  // As printed it does not add up, joined it does; a row that adds up as printed keeps the line under it.
  const adds = two.replace('317', '1026');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(adds), 7)), rowTexts(readLayoutText(adds)));
  const one = '（一）予以公开  1 020   0  0  0  62   0  1082';
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(one), 7))[0]!.slice(1), ['1 020', '0', '0', '0', '62', '0', '1082']);
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(one.replace('1082', '1083')), 7))[0]!.length, 9);
  const wide = [
    '一、本年新收政府       ２４                            ２９',
    '信息公开申请数量            ３９   ０   ０   １６    ０',
    '               ３                             ８',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(wide), 7))[1]!.slice(1), ['２４３', '３９', '０', '０', '１６', '０', '２９８']);
});

test('layout table 二: header cells one space apart ("本年新制作数 本年新公开数") are cells of their own, where a short row is measured', () => {
  const text = ['        本年新制作数 本年新公开数   对外公开总数', ' 信息内容', '规章                         0'].join('\n');
  const rows = joinWrappedLabels(readLayoutText(text), PROACTIVE, '2019');
  assert.deepEqual(rows.slice(0, 3).map((c) => [c.text, c.x]), [['本年新制作数', 8], ['本年新公开数', 15], ['对外公开总数', 24]]);
  const report = readProactive('t.txt', '2019', rows);
  assert.deepEqual(['made', 'published', 'published_total'].map((c) => report.regulations![c]!.value), [null, null, 0]);
});

test('layout rows: an item number wrapped around a line of figures ("三 / 255 … 255 / 、") still starts a cell of its own', () => {
  const text = [
    '二、上年结转政',
    '府信息公开申请    44                         44',
    '数量',
    '三  （一）予',
    '           255                        255',
    '、  以公开',
    '本  （二）部',
    '年  分公开      41                         41',
    '度  （区分处',
  ].join('\n');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))).map((r) => r.filter((c) => !/^\d+(?:@\?)?$/.test(c))), [
    ['二、上年结转政府信息公开申请数量'],
    ['三、本年度', '（一）予以公开'],
    ['（二）部分公开（区分处'],
  ]);
});

test('layout table 四: a page number ("- 10 -") between the header and the figures, or under them, is no figure', () => {
  // As pdftotext printed a LibreOffice PDF whose page broke between table 四's header and its figures: the page
  // number's "-", "10", "-" read as three more figures (18 under 15 columns: every cell flagged).
  const zeros = '0   0   0   0   0   0   0   0    0   0   0   0   0   0   0';
  for (const text of [[...HEADER, '', '', '                            - 10 -', zeros], [...HEADER, '2   0   0   2   4   0   0   0   0   0   0   0   0   0   0', '', '', '                      - 10 -']]) {
    const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
    for (const code of ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration']) assert.equal(placed.get(code)!.flagged.size, 0);
    assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), text[10]!.startsWith('2') ? ['2', '0', '0', '2', '4'] : ['0', '0', '0', '0', '0']);
  }
});

test('layout table 四: a group\'s 总计 printed three slots right of its header is placed when no other header stands near it', () => {
  // As pdftotext printed a LibreOffice PDF: 未经复议直接起诉 prints nothing, 复议后起诉's 总计 "10" stands at slot 71
  // (centre 72), its header "总 / 计" at 74 (centre 74.5), 尚未审结 at 65. The rows add up with 4 3 2 1 10 under
  // either 行政诉讼 group: positions decide (it was flagged, 15 cells).
  const header = [
    '         行政复议                               行政诉讼',
    '                                未经复议直接起诉                   复议后起诉',
    '结    结    其     尚',
    '                           结    结   其  尚        结        结   其   尚',
    '果    果    他     未   总',
    '                           果    果   他  未    总   果        果   他   未        总',
    '维    纠    结     审   计',
    '                           维    纠   结  审    计   维        纠   结   审        计',
    '持    正    果     结',
    '                           持    正   果  结        持        正   果   结',
  ];
  const text = [...header, '22   1    7     2   32                          4        3   2   1     10'].join('\n');
  const placed = layoutAppeals(readLayoutText(text))!;
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['22', '1', '7', '2', '32']);
  assert.deepEqual(placed.get('litigation_direct')!.values.map((c) => c.text), ['', '', '', '', '']);
  assert.deepEqual(placed.get('litigation_after_reconsideration')!.values.map((c) => c.text), ['4', '3', '2', '1', '10']);
  for (const row of placed.values()) assert.equal(row.flagged.size, 0);
  // The same "10" three slots further left (five off its header, nearer 尚未审结's) is too far to tell: flagged.
  const far = layoutAppeals(readLayoutText(text.replace(/ {5}10$/, '  10')))!;
  assert.ok([...far.values()].some((row) => row.flagged.size > 0));
});

test('layout rows: a group label cut by a page break goes on further down the next page, beside its rows\' labels', () => {
  // As pdftotext printed a LibreOffice PDF: "（六）其他处理" prints "（六 / ）其" at the foot of a page and "他处 / 理"
  // eight lines down the next, on the line of "逾期" (the rest of "2.申请人…"), three slots left of it. "他处" went on
  // "2.申请人" and "逾期" on "1.申请人…" (the rows a label off: the table was refused).
  const text = [
    '（五   5.要',
    '）不   求行   0   0   0   0   0   0   0',
    '予处   政机',
    '理     关确',
    '（六   1.申',
    '）其   请人   0   0   0   0   0   0   0',
    '',
    '',
    '',
    '\f        无正',
    '        当理',
    '        由逾',
    '        期不',
    '        补正',
    '        2.申',
    '        请人',
    '     他处 逾期      0    0    0    0    0    0    0',
    '     理  未按',
    '        收费',
    '        3.其',
    '        他        0    0    0    0    0    0    0',
    '        事',
  ].join('\n');
  const zeros = Array.from({ length: 7 }, () => '0');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))), [
    ['（五）不予处理', '5.要求行政机关确', ...zeros],
    ['（六）其他处理', '1.申请人无正当理由逾期不补正', ...zeros],
    ['2.申请人逾期未按收费', ...zeros],
    ['3.其他事', ...zeros],
  ]);
});

test('layout rows: a broken figure is joined beside a wider piece of one joined above ("14*"), and under a label piece ("本   55 0 75")', () => {
  // As pdftotext printed a LibreOffice PDF (table 三 in narrow columns): 2437 … 2714* broken over three lines; then
  // 372 … 442 the same way, where "14*" (the rest of 2714*, wider than "44") read as a figure printed whole in that
  // column; then 1155, 120 … 1275 over two lines, the second starting with a piece of the label wrapped around the
  // row. Both were left as printed (the table had more rows than the template: refused).
  const text = [
    '一、本年新收政',
    '           24   27                      27',
    '府信息公开申请              0      0   0   0',
    '           37   7                       14*',
    '数量',
    '三  （一）予    37                           44',
    '                70   0      0   0   0',
    '、  以公开     2                            2',
    '（   1.   11   12   0      0   0   0   12',
    '    本    55   0                       75',
    '四',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(text), 7)), [
    ['一、本年新收政'],
    ['府信息公开申请', '2437', '277', '0', '0', '0', '0', '2714*'],
    ['数量'],
    ['三', '（一）予'],
    ['372', '70', '0', '0', '0', '0', '442'],
    ['、', '以公开'],
    ['（', '1.', '1155', '120', '0', '0', '0', '0', '1275'],
    ['本'],
    ['四'],
  ]);
  // The label piece must stand left of the row's figures: a line whose text stands among them is left as printed.
  const among = text.replace('    本    55   0                       75', '         55   0        本              75');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(among), 7)).slice(-3), rowTexts(readLayoutText(among)).slice(-3));
});

test('layout table 四: leaf headers cut by a page break, with one line of 15 figures under them, are the 15 cells in order', () => {
  // As pdftotext printed a LibreOffice PDF: the last line of the headers ("持 正 果 结") went to the next page, on a
  // grid of its own, so the headers do not stack into 15 columns (was refused: "expected 15 figures, found 18").
  const header = [
    '     行政复议                  行政诉讼',
    '结   结 其 尚     总   未经复议直接起诉    复议后起诉',
    '果   果 他 未     计   结 结 其 尚 总 结   结 其 尚    总',
    '维   纠 结 审          果 果 他 未 计 果   果 他 未    计',
    '持   正 果 结          维 纠 结 审    维   纠 结 审',
    '',
    '',
    '\f                     持   正   果   结       持   正   果   结',
  ];
  const figures = '2    0    1    0    3    4    0    0    0    4    0    0    0    0    0';
  const placed = layoutAppeals(readLayoutText([...header, figures].join('\n')))!;
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['2', '0', '1', '0', '3']);
  assert.deepEqual(placed.get('litigation_direct')!.values.map((c) => c.text), ['4', '0', '0', '0', '4']);
  assert.deepEqual(placed.get('litigation_after_reconsideration')!.values.map((c) => c.text), ['0', '0', '0', '0', '0']);
  // Fewer than 15 (a blank prints nothing): placed by the columns the cut headers go on in on the figures' page,
  // those cut before the break ("维 / 持" … twice: 行政诉讼's eight results); the cells the placements that add up
  // disagree on are flagged. A figure stacked onto another ("2 / 1": 21) so that the rows no longer add up: every
  // cell flagged.
  const fewer = layoutAppeals(readLayoutText([...header, figures.replace(/ {4}0$/, '')].join('\n')))!;
  assert.deepEqual(fewer.get('reconsideration')!.values.map((c) => c.text), ['2', '0', '1', '0', '3']);
  assert.equal(fewer.get('litigation_after_reconsideration')!.flagged.size, 5);
  const stackedOff = layoutAppeals(readLayoutText([...header, figures, '1'].join('\n')))!;
  assert.ok([...stackedOff.values()].every((row) => row.flagged.size === 5));
  // 总计 120 and 128 wrapped in their narrow cells ("12 / 0", "12 / 8"): stacked as under a whole header, when the
  // rows then add up (67 + 19 + 16 + 18 = 120, 66 + 21 + 16 + 25 = 128); not when they do not (128 → 129).
  const wrapped = ['                    12                       12', '67   19   16   18        66   21   16   25        0    0    0    0    0', '                    0                         8'];
  const stacked = layoutAppeals(readLayoutText([...header, ...wrapped].join('\n')))!;
  assert.deepEqual(stacked.get('reconsideration')!.values.map((c) => c.text), ['67', '19', '16', '18', '120']);
  assert.deepEqual(stacked.get('litigation_direct')!.values.map((c) => c.text), ['66', '21', '16', '25', '128']);
  const off = layoutAppeals(readLayoutText([...header, ...wrapped.slice(0, 2), wrapped[2]!.replace('8', '9')].join('\n')))!;
  assert.ok([...off.values()].every((row) => row.flagged.size === 5));
});

test('layout rows: header columns drawn in ("社会 法律", one space apart) place no figure standing near them', () => {
  // As pdftotext printed a LibreOffice PDF: 社会公益组织 and 法律服务机构 are read 3 slots apart (centres 27 and 30)
  // where their figures stand 5 apart; the "3" of 社会公益组织 (slot 31) stood nearer 法律服务机构's header and was
  // placed there (silently wrong, once table 四 of that report was read). Such a page has no header line.
  const header = [
    '（本列数据的勾稽                 申请人情况',
    '关系为：第一项加                法人或其他组织',
    '第二项之和，等于    自然            社会 法律',
    '                  商业   科研                 总计',
    '第三项加第四项之    人             公益 服务     其他',
    '                  企业   机构',
    '   和）                     组织 机构',
  ];
  const rows = (figures: string): string[][] =>
    rowTexts(layoutRows(readLayoutText([...header, '一、本年新收政府', figures, '信息公开申请数量', '二、上年结转政府', '            10    3                       13', '信息公开申请数量'].join('\n'))));
  const words = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  assert.notDeepEqual(rows('            184   51           3    5     243')[0], words);
  // No figure near the drawn-in columns: the header places the page's short rows as before.
  assert.deepEqual(rows('            184   51                5     240')[0], words);
});

test('layout rows: a header line squeezed by pdftotext ("自然 … 社会   法律") places no figure standing off every column near it', () => {
  // Seed 629 as pdftotext printed it: 社会公益组织 and 法律服务机构 stand at slots 31 and 36 (centres 32, 37; the
  // columns step 8 slots on average), the "0" of 社会公益组织 at slot 38 — 1.5 from 法律服务机构's centre, and it was
  // placed there (2 cells silently wrong). Such a page has no header line; the arithmetic places what it can.
  const header = [
    '                              申请人情况',
    '（本列数据的勾稽关',
    '                            法人或其他组织',
    '系为：第一项加第二',
    '             自然                社会   法律',
    '项之和，等于第三项             商业   科研                               总计',
    '             人                 公益   服务              其他',
    ' 加第四项之和）              企业   机构',
    '                               组织   机构',
  ];
  const rows = (figures: string): string[][] =>
    rowTexts(layoutRows(readLayoutText([...header, '一、本年新收政府信', figures, '息公开申请数量', '二、上年结转政府信     0       0    0                        0       0', '息公开申请数量'].join('\n'))));
  const words = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  assert.notDeepEqual(rows('              5            0          0             1       6')[0], words);
  // Figures on the columns' centres: the header places the page's short rows as before.
  assert.deepEqual(rows('              5            0         0              1       6')[0], words);
});

test('layout table 四: under a header drawn in ("结 结 其 尚", one space apart), figures standing wider apart are not placed by position', () => {
  // Seed 629: 未经复议直接起诉 prints 0 0 0 (结果维持, 结果纠正, 其他结果; 尚未审结 and 总计 blank) at slots 23, 26, 29
  // under headers at 23, 25, 27, 29, 31: the "0" at 29 stood on 尚未审结's header and was placed there (WRONG).
  const text = [
    '        行政复议                          行政诉讼',
    '                         未经复议直接起诉                 复议后起诉',
    '结   结    其   尚',
    '                       结 结 其 尚                结   结 其 尚',
    '果   果    他   未     总',
    '                       果 果 他 未 总              果   果 他 未   总',
    '维   纠    结   审     计',
    '                       维 纠 结 审 计              维   纠 结 审   计',
    '持   正    果   结',
    '                       持 正 果 结                持   正 果 结',
    '    0    0     0   0   0  0  0                    0 0     0',
  ];
  const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
  const direct = placed.get('litigation_direct')!;
  assert.equal(direct.values[0]!.text, '0');
  for (const c of [1, 2, 3]) assert.ok(direct.flagged.has(c), `column ${c} flagged`);
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['', '0', '0', '0', '0']);
  // Figures as close as their columns (the line drawn in as its header is): placed by position as before.
  const close = layoutAppeals(readLayoutText([...text.slice(0, -1), '    0    0     0   0   0 0 0                      0 0     0'].join('\n')))!;
  assert.deepEqual(close.get('litigation_direct')!.values.map((c) => c.text), ['0', '0', '0', '', '']);
});

test('layout table 四: under a header drawn in, a figure line standing exactly under its headers is placed by position', () => {
  // Seed 557: 未经复议直接起诉 prints 0 0 0 0 (结果纠正 … 总计; 结果维持 blank) at slots 28, 31, 33, 36, each on its
  // header's column ("结 结 其 尚" two slots apart at 其 / 尚), as every other figure of the line stands on its own: they
  // were flagged as under seed 629's header (above), whose figures stand wider apart than their headers.
  const text = [
    '        行政复议                            行政诉讼',
    '                           未经复议直接起诉             复议后起诉',
    '结   结    其     尚',
    '                       结    结  其 尚        结    结  其  尚',
    '果   果    他     未   总',
    '                       果    果  他 未  总     果    果  他  未   总',
    '维   纠    结     审   计',
    '                       维    纠  结 审  计     维    纠  结  审   计',
    '持   正    果     结',
    '                       持    正  果 结        持    正  果  结',
    '         0         0        0  0 0  0          0  0  0   0',
  ];
  const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
  const direct = placed.get('litigation_direct')!;
  assert.deepEqual(direct.values.map((c) => c.text), ['', '0', '0', '0', '0']);
  assert.equal(direct.flagged.size, 0);
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['', '', '0', '', '0']);
  assert.deepEqual(placed.get('litigation_after_reconsideration')!.values.map((c) => c.text), ['', '0', '0', '0', '0']);
  for (const code of ['reconsideration', 'litigation_after_reconsideration']) assert.equal(placed.get(code)!.flagged.size, 0, code);
  // One figure a slot off its header (the line stretched, as in seed 629): the columns among tight headers stay open.
  const off = layoutAppeals(readLayoutText([...text.slice(0, -1), '         0         0        0   0 0  0          0  0  0   0'].join('\n')))!;
  assert.ok(off.get('litigation_direct')!.flagged.size > 0);
});

test('layout rows: a row cut by a page break, its 自然人 figure beside its label on the next page ("2 … 16 0 0 18 0 217" / "- 5-" / "、没有 … 息 183"), is one row', () => {
  // Seed 120 (refused: "2" read as a figure, "- 5-" as the label's first piece, "183" a row of its own). The item
  // number at the foot with 7 figures that do not add up is label text; the rest goes in the column the row's page
  // leaves free (the full row above: 648 100 0 0 37 0 785), and the row adds up: 183, 16, 0, 0, 18, 0, 217.
  const text = [
    '    8',
    '    、',
    '    属',
    '    于',
    '    行',
    '        47     12   0     0     4   0    63',
    '    政',
    '    查',
    '    询',
    '    事',
    '    项',
    '（   1',
    '四   、',
    '）   本',
    '无   机',
    '法   关',
    '提   不',
    '供   掌',
    '              100   0      0   37   0   785',
    '    握   648',
    '    相',
    '    关',
    '    政',
    '    府',
    '    信',
    '    息',
    '    2         16    0      0   18   0   217',
    '',
    '                        - 5-',
    '\f    、',
    '    没',
    '    有',
    '    现',
    '    成',
    '    信',
    '    息   183',
    '    需',
    '    要',
    '    另',
    '    行',
    '    制',
    '    作',
    '    3',
    '    、',
    '    补',
    '    正',
    '    后',
    '    申',
    '    请   0     0    0     0    0    0    0',
    '    内',
    '    容',
    '    仍',
    '    不',
    '    明',
    '    确',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  const cut = rows.find((r) => r.includes('2、没有现成信息需要另行制作'))!;
  assert.deepEqual(cut.slice(-7), ['183', '16', '0', '0', '18', '0', '217']);
  assert.ok(!rows.some((r) => r[0] === '183'));
  // Not when the row does not add up joined: the rest stays a row of its own.
  const off = rowTexts(layoutRows(readLayoutText(text.replace('息   183', '息   184'))));
  assert.ok(off.some((r) => r[0] === '184'));
});

test('layout table 四: a wrapped figure whose next digit stands a slot left ("1 / 0" at 38 / 37) is one figure when that makes the 15 that add up', () => {
  // Seed 120: 17 figures (10 and 47 as "1", "0", "4", "7"), all 15 cells flagged.
  const text = [
    '    行政复议                            行政诉讼',
    '                            未经复议直接起诉                        复议后起诉',
    '结   结   其   尚',
    '                        结       结    其    尚         结       结   其    尚',
    '果   果   他   未    总',
    '                        果       果    他    未    总    果       果   他    未    总',
    '维   纠   结   审    计',
    '                        维       纠    结    审    计    维       纠   结    审    计',
    '持   正   果   结',
    '                        持       正    果    结         持       正   果    结',
    '                        2             1         4',
    '    0       0                                               0        0',
    '0       0           0   5        7   0    5    7    0           0          0',
  ];
  const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
  assert.deepEqual(placed.get('litigation_direct')!.values.map((c) => c.text), ['25', '7', '10', '5', '47']);
  for (const row of placed.values()) assert.equal(row.flagged.size, 0);
  // Not when the figures so stacked do not add up (47 → 48): they stay 17, flagged.
  const off = layoutAppeals(readLayoutText(text.join('\n').replace(/ 7( +0 +0 +0)$/, ' 8$1')))!;
  assert.ok([...off.values()].some((row) => row.flagged.size > 0));
});

test('layout rows: a short row broken over three lines, the line under printing its pieces only ("120 … 138" / "政府信息公开 181" / "7 … 8"), is joined when that is the only reading', () => {
  // Seed 615 (601–700, refused: "（一）予以公开 does not match"): 1207, 181, 1388. No line, nor two of them, adds up
  // as a row of its own.
  const text = [
    '一、本年新收',
    '          120                                    138',
    '政府信息公开              181',
    '           7                                      8',
    '申请数量',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(text), 7)).find((r) => r.includes('181'))!.filter((t) => /\d/.test(t)), ['1207', '181', '1388']);
  // Not when the line under adds up as a row of its own ("7 … 7"): left as printed.
  const other = text.replace('7                                      8', '7                                      7');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(other), 7)), rowTexts(readLayoutText(other)));
});

test('layout rows: a short row broken over two lines with one of its figures printed whole ("１０ ５ … １０" / "分公开 ０ … ５") is joined when neither line adds up alone', () => {
  // Seed 672 (601–700, refused: a row label off by one): 100, 5, 105 in full-width digits.
  const text = [
    '本  （二）部   １０   ５                        １０',
    '年  分公开    ０                              ５',
    '度  （区分处',
  ].join('\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(text), 7))[0]!.filter((t) => /[０-９]/.test(t)), ['１００', '５', '１０５']);
  // Not when the row adds up as printed ("１０ ５ … １５"): the line under is left as printed.
  const adds = text.replace('１０\n', '１５\n');
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(adds), 7)), rowTexts(readLayoutText(adds)));
});

test('layout table 四: leaf headers cut by a page break place fewer than 15 figures by the pieces printed on the figures\' page', () => {
  // As pdftotext printed a LibreOffice PDF: the headers' last lines went to the next page, on a grid of their own, with
  // the figures "3 2 3 8" (blanks print nothing). There the pieces "维 / 持", "纠 / 正", "结 / 果", "审 / 结" and
  // "果 / 维 / 持" … "计" end 14 of the 15 leaf words, in one way only (行政复议's 总计 is left on the page before); the
  // figures add up as 3 · 2 3 8 under 行政复议 only, and stand under those columns (was refused: "found 4").
  const text = [
    '    行政复议                 行政诉讼',
    '结   结   其   尚   总   未经复议直接起诉     复议后起诉',
    '果   果   他   未   计   结   结   其   尚   总   结   结   其   尚   总',
    '',
    '',
    '\f                    果   果   他    未         果   果   他   未',
    '                    维   纠   结    审    计   维   纠   结   审   计',
    '维   纠   结   审',
    '                    持   正   果    结         持   正   果   结',
    '持   正   果   结',
    '3       2   3   8',
  ];
  const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
  assert.deepEqual(placed.get('reconsideration')!.values.map((c) => c.text), ['3', '', '2', '3', '8']);
  assert.deepEqual(placed.get('litigation_direct')!.values.map((c) => c.text), ['', '', '', '', '']);
  for (const row of placed.values()) assert.equal(row.flagged.size, 0);
  // Figures that add up in no placement: flagged, never placed by position alone.
  const none = layoutAppeals(readLayoutText([...text.slice(0, -1), '3       2   3   9'].join('\n')))!;
  assert.ok([...none.values()].every((row) => row.flagged.size === 5));
});

test('layout rows: 总计 printed on the line under its row, a header repeated under that, goes on its row when the row adds up', () => {
  // Seed 421: "（七）总计 136 0 3 0 0 0" / "139", then table 三's header printed again before 四、结转下年度继续办理. The
  // "139" went to the header's first label cell ("申请人情况"), a row of figures the template does not have (refused).
  const text = [
    '             开申',
    '             请',
    '             3.其',
    '                       8         0        1      0         0       0        9',
    '             他',
    '',
    '        （七）总计          136       0        3      0         0       0',
    '                                                                           139',
    '                                           申请人情况',
    '（本列数据的勾稽关',
    '                                          法人或其他组织',
    '系为：第一项加第二',
    '                       自然                        社会       法律',
    '项之和，等于第三项                    商业          科研                                总计',
    '                        人                        公益       服务   其他',
    ' 加第四项之和）                     企业          机构',
    '                                                 组织       机构',
    '四、结转下年度继续',
    '                       2         0        0      0         0       0        2',
    '办理',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.find((r) => r[0] === '（七）总计'), ['（七）总计', '136', '0', '3', '0', '0', '0', '139']);
  assert.deepEqual(rows.filter((r) => r.some((t) => /^\d+$/.test(t))).map((r) => r[0]), ['3.其他', '（七）总计', '四、结转下年度继续办理']);
  // Not when they do not add up: the "139" stays off the row.
  const off = rowTexts(layoutRows(readLayoutText(text.replace('139', '138'))));
  assert.equal(off.find((r) => r[0] === '（七）总计')!.length, 7);
});

test('layout rows: a row of few figures broken over two or three lines ("131 … 131" / "公开 6 … 6") is joined when the label goes on under it', () => {
  // Seed 69: 1316 … 1316 under （一）予以公开; the line under went on as a row of its own (refused: a label off).
  const two = [
    '二、上年结转政府信',
    '             156   0    0       0   0   0    156',
    '息公开申请数量',
    '三、 （一）予以     131                             131',
    '本年 公开         6                               6',
    '度办 （二）部分',
    '理结 公开（区分',
    '果  处理的，只',
    '             273                        1    274',
    '   计这一情',
  ].join('\n');
  const rows = rowTexts(layoutRows(joinBrokenFigures(readLayoutText(two), 7)));
  assert.deepEqual(rows[1], ['三、本年度办理结果', '（一）予以公开', '1316', '1316']);
  // Not when the line under starts a new item: it is a row of its own.
  const item = rowTexts(joinBrokenFigures(readLayoutText(two.replace('本年 公开 ', '本年 （二）')), 7));
  assert.deepEqual(item[3]!.slice(-2), ['131', '131']);
  // Seed 467: three lines, the middle one without a label; the wrapped "三 / 、" still starts its cell.
  const three = [
    '二、上年结转政',
    '府信息公开申请    0     0    0     0    14    0   14',
    '数量',
    '三  （一）予    131                             141',
    '                                 103',
    '、  以公开      3                               6',
    '本  （二）部',
    '年  分公开',
  ].join('\n');
  const joined = rowTexts(layoutRows(joinBrokenFigures(readLayoutText(three), 7)));
  assert.deepEqual(joined[1], ['三、本年', '（一）予以公开', '1313', '103', '1416']);
  // Not when the row does not add up joined.
  const off = rowTexts(joinBrokenFigures(readLayoutText(three.replace('103', '104')), 7));
  assert.deepEqual(off[3]!.slice(-2), ['131', '141']);
});

test('layout rows: （七）总计 alone on the middle line of its broken figures ("255 … 255" / "（七）总计 1" / "6 … 7") is joined when it then sums the rows above', () => {
  // Seed 69: 2556, 1, 2557. Unjoined, "255 … 255" went to the blank 3.其他 above and "6 … 7" made a row (refused).
  const text = [
    '三、 （一）予以     1316                           1316',
    '本年 公开',
    '             3.其',
    '             他',
    '                       255                           255',
    '        （七）总计                                1',
    '                        6                             7',
    '四、结转下年度继续',
    '                        8                            8',
    '办理',
  ].join('\n');
  const rows = rowTexts(joinBrokenFigures(readLayoutText(text), 7));
  assert.deepEqual(rows.find((r) => r[0] === '（七）总计'), ['（七）总计', '2556', '1', '2557']);
  // Not when the rows above print no figure larger than the unjoined 总计: which reading is right is not known.
  const small = rowTexts(joinBrokenFigures(readLayoutText(text.replaceAll('1316', '5')), 7));
  assert.deepEqual(small.find((r) => r[0] === '（七）总计'), ['（七）总计', '1']);
  // Nor when the middle line is another row's label.
  const other = rowTexts(joinBrokenFigures(readLayoutText(text.replace('（七）总计', '3.其他 ')), 7));
  assert.ok(other.some((r) => r.join(' ') === '255 255'));
});

test('layout rows: （七）总计 broken over three lines in full-width digits ("１６２ … １６４" / "（七）总计 ０ ２５" / "２ … ７") is joined, its pieces centred under each other', () => {
  // Seed 607: 1622, 0, 25, 1647. A full-width digit fills its slot and the cell centres each piece, so "２" stands two
  // slots right of "１６２" (half-width pieces start within a slot of each other): it was not joined, and the three
  // lines made rows the template does not have (refused: "27 rows of figures").
  const text = [
    '三、本 （一）予以公开   ６４９   ０       １１   ０             ６６０',
    '年度办 （二）部分公开   １７６   ０        ３   ０   ０     ０   １７９',
    '          3.其他    ７６   ０      １   ０   ０   ０    ７７',
    '                 １６２                          １６４',
    '    （七）总计              ０     ２５',
    '                   ２                            ７',
    '四、结转下年度继续办理       １３   ０          ０            １３',
  ].join('\n');
  const rows = rowTexts(joinBrokenFigures(readLayoutText(text), 7));
  assert.deepEqual(rows.find((r) => r[0] === '（七）总计'), ['（七）总计', '１６２２', '０', '２５', '１６４７']);
  // Half-width pieces so placed (two slots right) are not under each other: left as printed.
  const half = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(half), 7)).find((r) => r[0] === '（七）总计'), ['（七）总计', '0', '25']);
});

test('layout rows: a row broken at a page\'s foot ("（七）总计 34 … 0 0 0 15" / "86 123 … 362" / [page] / "4") is joined by the columns of each page\'s full row', () => {
  // Seed 150: 3486, 123, 0, 0, 0, 15, 3624. The "4" stands under 总计 on the next page's grid (its 结转 row's 3), the
  // pieces above under 3.其他's 265 and 278 on theirs; the lines made rows the template does not have (refused).
  const text = [
    '   请',
    '   3.其   26',
    '                     0      0   0   2',
    '   他     5     11                        278',
    '（七）总计    34          0      0   0   15',
    '         86    123                       362',
    '',
    '                     - 6-',
    '\f                                               4',
    '四、结转下年度继',
    '                    0   3   0      0   0   0   3',
    '续办理',
  ].join('\n');
  const rows = rowTexts(joinBrokenFigures(readLayoutText(text), 7));
  assert.deepEqual(rows.find((r) => r[0] === '（七）总计'), ['（七）总计', '3486', '123', '0', '0', '0', '15', '3624']);
  assert.ok(!rows.some((r) => r.join(' ') === '4'));
  // The "4" between two columns of its page, or a next page printing no full row: which column it goes on is not
  // known, left as printed.
  for (const other of [text.replace('    4', '  4'), text.replace('0   3   0      0   0   0   3', '0   3   0      0   0   0   4')]) {
    assert.deepEqual(rowTexts(joinBrokenFigures(readLayoutText(other), 7)).find((r) => r[0] === '（七）总计'), ['（七）总计', '34', '0', '0', '0', '15']);
  }
});

test('layout rows: an item number at a page\'s foot beside its row\'s figures, its "、" first on the next page, is a label', () => {
  // Seeds 173, 327: "5   20 9 0 0 0 1 30" ends a page, "、属于三类内部事务信息" starts the next. The "5" was read as a
  // figure (8 on the line) and the rest of its label went on 4、保护第三方合法权益 above: a row the template does not have.
  const text = [
    '        0    0   0     0    0   0   0',
    '    安',
    '    全',
    '    一',
    '    稳',
    '    定',
    '    ”',
    '    4',
    '    、',
    '    保',
    '    护',
    '    第',
    '    三   0    0   0     0    0   0   0',
    '    方',
    '    合',
    '    法',
    '    权',
    '    益',
    '    5   20   9   0     0    0   1   30',
    '',
    '',
    '\f    、',
    '    属',
    '    于',
    '    三',
    '    类',
    '    内',
    '    部',
    '    事',
    '    务',
    '    信',
    '    息',
    '    6',
    '    、',
    '    属',
    '    于',
    '    四',
    '    类   53    8     0     0    0   2    63',
    '    过',
    '    程',
  ].join('\n');
  const zeros = Array.from({ length: 7 }, () => '0');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))), [
    ['安全一稳定”', ...zeros],
    ['4、保护第三方合法权益', ...zeros],
    ['5、属于三类内部事务信息', '20', '9', '0', '0', '0', '1', '30'],
    ['6、属于四类过程', '53', '8', '0', '0', '0', '2', '63'],
  ]);
  // Not when the line holds 7 figures with the number and they add up so: then "5" is a figure (a row printing
  // six, 5 + 20 + 9 + 0 + 0 + 1 = 35), and stays one. 7 that do not add up with it (… 30): it is the item's number.
  const seven = rowTexts(layoutRows(readLayoutText(text.replace('5   20   9   0', '5   20   9   ').replace('1   30', '1   35'))));
  assert.ok(seven.some((r) => r[0] === '5'));
  const label = rowTexts(layoutRows(readLayoutText(text.replace('5   20   9   0', '5   20   9   '))));
  assert.ok(label.some((r) => r[0] === '5、属于三类内部事务信息'));
});

test('layout rows: （七）总计 on the middle line of its broken figures, a figure printed whole beside the pieces under it, is joined when it sums the rows above', () => {
  // Seed 358: "124" / "（七）总计 … 7" / "9 … 1256" for 1249, 7, 1256 (refused: "3.其他" does not match the row expected).
  const text = [
    '三、 （一）予以     289                      1     290',
    '本年 公开',
    '             3.其',
    '                       113',
    '             他                                                       113',
    '                       124',
    '        （七）总计                                                7',
    '                        9                                            1256',
    '四、结转下年度继续办',
    '                       22                                    1        23',
    '理',
  ].join('\n');
  const rows = rowTexts(joinBrokenFigures(readLayoutText(text), 7));
  assert.deepEqual(rows.find((r) => r[0] === '（七）总计'), ['（七）总计', '1249', '7', '1256']);
  // Not when the whole figure stands under the piece (it may be the piece's own lower part).
  const under = rowTexts(joinBrokenFigures(readLayoutText(text.replace('9                                            1256', '9 1256')), 7));
  assert.deepEqual(under.find((r) => r[0] === '（七）总计'), ['（七）总计', '7']);
  // Nor when the joined row does not add up, nor when the rows above print no figure larger than the unjoined 总计.
  const off = rowTexts(joinBrokenFigures(readLayoutText(text.replace('1256', '1257')), 7));
  assert.deepEqual(off.find((r) => r[0] === '（七）总计'), ['（七）总计', '7']);
  const small = rowTexts(joinBrokenFigures(readLayoutText(text.replace('289                      1     290', '5   5').replaceAll('113', '2')), 7));
  assert.deepEqual(small.find((r) => r[0] === '（七）总计'), ['（七）总计', '7']);
});

test('layout table 四: leaf-header pieces after a page break that fit the columns more than one way go on the columns cut by the break', () => {
  // Seed 218: 行政复议's leaf headers are whole on the first page, the two 行政诉讼 groups' lose their last line ("持 正
  // 果 结" twice) to the next page. Those 8 pieces alone fit 15 columns three ways (refused: "found 4"); before the
  // break, the 8 columns whose words are not whole are 未经复议直接起诉's and 复议后起诉's four results.
  const text = [
    '        行政复议                               行政诉讼',
    '结   结    其     尚      总         未经复议直接起诉            复议后起诉',
    '果   果    他     未      计    结     结  其 尚    总   结   结  其  尚    总',
    '维   纠    结     审           果     果  他 未    计   果   果  他  未    计',
    '持   正    果     结           维     纠  结 审        维   纠  结  审',
    '',
    '',
    '\f         持   正   果      结   持    正   果   结',
    '                            1        1   2   4',
  ];
  const placed = layoutAppeals(readLayoutText(text.join('\n')))!;
  assert.deepEqual(placed.get('litigation_after_reconsideration')!.values.map((c) => c.text), ['1', '', '1', '2', '4']);
  assert.deepEqual(placed.get('litigation_direct')!.values.map((c) => c.text), ['', '', '', '', '']);
  for (const row of placed.values()) assert.equal(row.flagged.size, 0);
  // Not when a piece does not end the word its column begins: no columns, as before.
  assert.equal(layoutAppeals(readLayoutText(text.join('\n').replace('持    正   果   结', '持    正   果   计'))), null);
});

test('layout rows: a note under the table ("注：*含上级机关转办的申请。") ends it and goes on no label', () => {
  // Seed 595: the note stood in the column of "（七）总计", went on its label, and so took the line of 四、结转下年度继续
  // 办理 inside the label's lines: the figure "0" became a row without a label (refused).
  const text = [
    '一、本年新收政府信息公开',
    '                 1     0       0   0    0     0   1*',
    '申请数量',
    '二、上年结转政府信息公开',
    '                 1     0       0   0    0     0       1',
    '申请数量',
    '（四）   1、本',
    '无法提   机关不',
    '供     掌握相   2          2',
    '      关政府',
    '      信息',
    '      2、没',
    '      有现成',
    '      信息需',
    '      要另行',
    '      制作',
    '      3、补',
    '      正后申',
    '      请内容',
    '',
    '                - 3-',
    '\f          仍不明',
    '          确',
    '          1、信',
    '          访举报',
    '          投诉类',
    '          申请',
    '          2、重',
    '          复申请',
    '          3、要',
    '          求提供',
    '          公开出',
    '          版物',
    '     （五）',
    '          4、无',
    '     不予处',
    '          正当理',
    '     理',
    '          由大量',
    '          反复申',
    '          请',
    '          5、要',
    '          求行政',
    '          机关确',
    '          认或重',
    '          新出具',
    '          已获取',
    '          信息',
    '     （七）总计             2                                  2',
    '四、结转下年度继续办理                                               0',
    '',
    '    注：*含上级机关转办的申请。',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.filter((r) => r.length > 1).slice(-2), [['（七）总计', '2', '2'], ['四、结转下年度继续办理', '0']]);
});

test('layout rows: a group label\'s number wrapped one character per line across a page break ("（" / "三" / [page] / "）") starts a cell of its own', () => {
  // Seed 130: "（ / 三" at a page's foot, "）不予公开" on the next, a slot or three left. "（" went on （二）部分公开… above:
  // one label "…不计其他情形）（三）不予公开" (its rows left absent, 56 cells).
  const text = [
    '二、上年结转政府',
    '            0          0    0     0     0        0      0',
    '信息公开申请数量',
    '三  （一）予以',
    '           75      18                   3        2     98',
    '、  公开',
    '本  （二）部分',
    '年  公开（区分',
    '度  处理的，只',
    '办  计这一情',
    '理  形，不计其',
    '结  他情形）',
    '果  （  1、',
    '   三  属',
    '',
    '\f）   于',
    '不   国',
    '予   家',
    '公   秘',
    '开   密',
    '    2、',
    '    其',
    '    他',
    '    法',
    '    律',
    '    行',
    '    政',
    '    法',
    '    规',
    '    禁',
    '    止',
    '    公',
    '    开',
    '    3、',
    '    危',
  ].join('\n');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))).slice(2, 4), [
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['（三）不予公开', '1、属于国家秘密'],
  ]);
});

test('layout rows: a group label centred in its rows, its "（" at a page\'s foot and the rest lines down the next page, is one label', () => {
  // Seed 327: "（" beside "1、本…" ends the page, "四 / ）/ 无 / 法 / 提 / 供" stand beside "2、没有现成…" on the next;
  // "无" is on the line of that row's 7 figures. They made "（" and "四）法提供" two labels, and "无" a figure (refused).
  const text = [
    '    8',
    '    、',
    '    属',
    '    于',
    '    行',
    '        55    29    0     0    0   3    87',
    '    政',
    '    查',
    '    询',
    '    事',
    '    项',
    '（   1   610   181   0     0    0   29   820',
    '    、',
    '',
    '',
    '\f    本',
    '    机',
    '    关',
    '    不',
    '    掌',
    '    握',
    '    相',
    '    关',
    '    政',
    '    府',
    '    信',
    '    息',
    '    2',
    '    、',
    '    没',
    '    有',
    '    现',
    '四',
    '    成',
    '）',
    '    信',
    '无       108   42   0     0    0   4   154',
    '    息',
    '法',
    '    需',
    '提',
    '    要',
    '供',
    '    另',
    '    行',
    '    制',
    '    作',
    '    3',
    '    、',
    '    补',
    '    正',
    '    后',
    '    申',
    '    请   43    12   0     0    0   2   57',
    '    内',
    '    容',
    '    仍',
    '    不',
    '    明',
    '    确',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.slice(rows.findIndex((r) => r[0]!.startsWith('（'))), [
    ['（四）无法提供', '1、本机关不掌握相关政府信息', '610', '181', '0', '0', '0', '29', '820'],
    ['2、没有现成信息需要另行制作', '108', '42', '0', '0', '0', '4', '154'],
    ['3、补正后申请内容仍不明确', '43', '12', '0', '0', '0', '2', '57'],
  ]);
});

test('layout rows: a header cut by a page break places the columns on the next page by the pieces printed there', () => {
  // Seed 145: "商业企 科研机 社会公 法律服" end the first page, "业 构 益组织 务机构" start the next (another grid), above
  // rows printing 自然人 and 总计 only ("594 … 594"): no header stood on that page, and the arithmetic leaves such rows
  // in any column (96 cells flagged). The pieces end the four words whose starts the page before prints, one way
  // only; 自然人, alone left of them, stands a step left; 其他 and 总计, together right of them, at one place.
  const text = [
    '（本列数据的勾                  申请人情况',
    '稽关系为：第一   自然人           法人或其他组织          总计',
    ' 项加第二项之         商业企   科研机 社会公 法律服   其他',
    '',
    '',
    '',
    '',
    '\f                 业   构   益组织    务机构',
    '和，等于第三项',
    '一、本年新收政',
    '府信息公开申请    594                        594',
    '数量',
    '二、上年结转政',
    '府信息公开申请    44                         44',
    '数量',
    '三  （一）予',
    '           255                        255',
    '、  以公开',
  ].join('\n');
  const header = (t: string): Array<[string, number]> => layoutRows(readLayoutText(t)).filter((c) => c.width === 0).map((c) => [c.text, c.x!]);
  assert.deepEqual(header(text), [['自然人', 13.5], ['商业企业', 17.5], ['科研机构', 21.5], ['社会公益组织', 26.5], ['法律服务机构', 33.5], ['其他', 36], ['总计', 36.01]]);
  // Not when a piece does not end a word the page before begins ("商业" / "业" is no 商业企业).
  assert.deepEqual(header(text.replace('商业企', '商业 ')), []);
});

test('layout rows: at a page break, a cell reading a whole label ends and the rest of one cut by the break goes on', () => {
  // Seeds 139, 322, 325: "三、本年度办理结果" and "（二）部分公开（区分处理的，只" are open at the break; the next page
  // goes on with one piece only ("计这一情", two slots left), which went on the group label: （二） was left absent.
  const text = [
    '二、上年结转政府',
    '           2          0    0     0   0   0       2',
    '信息公开申请数量',
    '三、 （一）予以',
    '           47         2                         49',
    '本年 公开',
    '度办 （二）部分',
    '理结 公开（区分',
    '果  处理的，只',
    '',
    '',
    '\f计这一情',
    '形，不计其',
    '他情形）',
    '（三 1.属',
    '）不 于国',
    '予公 家秘',
    '开  密',
    '   2.其',
    '   他法',
    '   律行',
    '   政法',
    '   规禁',
    '   止公',
    '   开',
    '   3.危',
    '   及',
  ].join('\n');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))).slice(1, 4), [
    ['三、本年度办理结果', '（一）予以公开', '47', '2', '49'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['（三）不予公开', '1.属于国家秘密'],
  ]);
});

test('layout rows: the header printed again inside table 三 is dropped with its one-piece lines, where they stood in the header', () => {
  // Seed 104: the header's lines again between 二、 and 三、; "第二项之和，等于" and "和）" (one piece each) went on
  // the label of 二、上年结转政府信息公开申请数量.
  const text = [
    '（本列数据的勾稽                       申请人情况',
    '关系为：第一项加                      法人或其他组织',
    '第二项之和，等于',
    '           自然人    商业企   科研机     社会公       法律服            总计',
    '第三项加第四项之                                        其他',
    '                   业     构      益组织       务机构',
    '   和）',
    '一、本年新收政府',
    '            7                                             办3',
    '信息公开申请数量',
    '二、上年结转政府',
    '信息公开申请数量',
    '（本列数据的勾稽                       申请人情况',
    '关系为：第一项加                      法人或其他组织',
    '第二项之和，等于',
    '           自然人    商业企   科研机     社会公       法律服            总计',
    '第三项加第四项之                                        其他',
    '                   业     构      益组织       务机构',
    '   和）',
    '三、 （一）予以',
    '本年 公开',
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.deepEqual(rows.slice(-3).map((r) => r[0]), ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年']);
});

test('layout rows: a piece closing a group label\'s number ("（五" / "）不") goes on it, not on the label three slots right', () => {
  // Seed 104: "（五 / ）不 / 予处 / 理" interleaved line by line with "4.无 / 正当 / 理由 …" three slots right: the
  // pieces went on 4.无 (the cell that went on last), making "4.无）不正当予处理由理…" and a group label "（五".
  const text = [
    '     7.属',
    '     于行',
    '     政执    1          1',
    '     法案',
    '     卷',
    '     8.属',
    '     于行',
    '     政查    2          2',
    '     询事',
    '     项',
    '（四   1.本',
    '）无   机关',
    '法提   不掌',
    '供    握相    3          3',
    '     关政',
    '     府信',
    '     息',
    '       3.要',
    '       求提',
    '       供公',
    '       开出',
    '       版物',
    '    （五',
    '       4.无',
    '    ）不',
    '       正当',
    '    予处',
    '       理由',
    '    理',
    '       大量',
    '       反复',
    '       申请',
    '       5.要',
    '       求行',
    '       政机',
    '       关确',
    '       认或',
    '       重新',
    '       出具',
    '       已获',
    '       取信',
    '       息',
  ].join('\n');
  assert.deepEqual(rowTexts(layoutRows(readLayoutText(text))).slice(-3), [
    ['3.要求提供公开出版物'],
    ['（五）不予处理', '4.无正当理由大量反复申请'],
    ['5.要求行政机关确认或重新出具已获取信息'],
  ]);
});

test('layout notes: a row printing one figure beside its 总计\'s wrapped note ("7（含转" / "7 … 办3" / "件）") is one row when it adds up', () => {
  // Seed 104: the row's line held one figure (自然人's 7), so it was no line of figures to join the note to: the row
  // read "7", "办3", its 总计 lost (7 cells flagged).
  const text = [
    '   和）',
    '                                                         7（含转',
    '一、本年新收政府',
    '            7                                             办3',
    '信息公开申请数量',
    '                                                          件）',
    '二、上年结转政府',
    '            4         1                                    5',
    '信息公开申请数量',
  ].join('\n');
  const rows = rowTexts(joinCellNotes(readLayoutText(text)));
  assert.deepEqual(rows.find((r) => r[0] === '7'), ['7', '7（含转办3件）']);
  // Not when the row does not add up so (8 ≠ 7).
  const off = rowTexts(joinCellNotes(readLayoutText(text.replace('            7     ', '            8     '))));
  assert.deepEqual(off.find((r) => r[0] === '8'), ['8', '办3']);
});

test('layout rows: a header cut by a page break between its lines places the columns on the next page by the words printed whole there', () => {
  // Seed 268: 自然人 and 总计 are whole on the first page, the five other columns' words whole on the next ("商业 /
  // 企业" … "其他"): no page printed every column's word, so rows printing a few figures were flagged (66 cells).
  const text = [
    '（本列数据的勾稽关系                      申请人',
    '    为：                           情况',
    '第一项加第二项之和，   自然人               法人或其         总计',
    '    等于                          他组织',
    '',
    '',
    '',
    '',
    '\f                    商业   科研     社会公   法律服',
    '                                            其他',
    '第三项加第四项之和）          企业   机构     益组织   务机构',
    '一、本年新收政府信息',
    '              175   12                           187',
    '公开申请数量',
    '二、上年结转政府信息',
    '公开申请数量',
    '三、  （一）予以公',
  ].join('\n');
  const header = (t: string): Array<[string, number]> => layoutRows(readLayoutText(t)).filter((c) => c.width === 0).map((c) => [c.text, c.x!]);
  assert.deepEqual(header(text), [['自然人', 16], ['商业企业', 21], ['科研机构', 26], ['社会公益组织', 33.5], ['法律服务机构', 39.5], ['其他', 45], ['总计', 50.5]]);
  // Not when the page before prints figures (the header is not cut there).
  assert.deepEqual(header(text.replace('他组织\n', '他组织\n              5                              5\n')), []);
});

test('layout rows: a header cut by a page break places the columns on the next page, the end of the header over them ("他组织") aside', () => {
  // Seed 440: "法人或其" / [page] / "他组织" above the columns' words: the piece ends no column's word, and the page had
  // no header (38 cells flagged).
  const text = [
    ' （本列数据的勾稽关系                     申请人',
    '     为：                          情况',
    '第一项加第二项之和，等   自然人            法人或其                      总计',
    '',
    '',
    '',
    '',
    '\f                                他组织',
    '                    商业   科研     社会公   法律服',
    '      于                                     其他',
    '                    企业   机构     益组织   务机构',
    ' 第三项加第四项之和）',
    '一、本年新收政府信息公',
    '               82   36   3            13    5    139*',
    '开申请数量',
  ].join('\n');
  const header = (t: string): Array<[string, number]> => layoutRows(readLayoutText(t)).filter((c) => c.width === 0).map((c) => [c.text, c.x!]);
  assert.deepEqual(header(text).map(([w]) => w), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  // A piece that is no part of a column's word nor the end of a header over them: no columns.
  assert.deepEqual(header(text.replace('他组织', '他组会')), []);
});

test('layout rows: a row broken over three lines is joined with a figure printed whole beside the pieces under it, and where a wider figure fits whole when no line reads as a row', () => {
  // Seed 150: "3 … 34" / "122 0 0 0" / "326 … 15 63" (3326, 122, 0, 0, 0, 15, 3463: the 15 printed whole under the
  // row's line), "16" / "9 0 0 0 3" / "6 … 178" (166 … 178), and "16 … 65" of 1665 where "164" stands whole in the
  // column (proportional digits): the lines made rows the template does not have (refused: 37 rows).
  const text = [
    '一、本年新收政府     3                                 34',
    '                  122   0       0     0',
    '信息公开申请数量    326                           15   63',
    '二、上年结转政府',
    '                   4    0       0     0    0   164',
    '信息公开申请数量    160',
    '三、 （一）予以     1                                 16',
    '                  46    0       0     0    3',
    '本年 公开       616                                65',
    '度办 （二）部分',
    '理结 公开（区分',
    '果  处理的，只    16',
    '                   9     0      0     0   3',
    '   计这一情     6                                  178',
  ].join('\n');
  const rows = rowTexts(joinBrokenFigures(readLayoutText(text), 7));
  assert.deepEqual(rows.filter((r) => r.length >= 6), [
    ['3326', '122', '0', '0', '0', '15', '3463'],
    ['4', '0', '0', '0', '0', '164'],
    ['1616', '46', '0', '0', '0', '3', '1665'],
    ['166', '9', '0', '0', '0', '3', '178'],
  ]);
  // Not when the joined row does not add up (15 → 16).
  const off = rowTexts(joinBrokenFigures(readLayoutText(text.replace('15   63', '16   63')), 7));
  assert.deepEqual(off[0], ['一、本年新收政府', '3', '34']);
});
