import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readWordText } from '../../pipeline/ingest/word-text.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { SHARED } from '../helpers/shared.ts';

const SEED = `${SHARED}/corpus/2020_liaocheng-zrzyghj.txt`;

// Written for this test in the shape of text copied out of Word (see the seed report): a TAB before each cell,
// an empty line between rows and inside cells, labels wrapped mid-word.
const EXCERPT = [
  '三、收到和处理政府信息公开申请情况', // 1
  '\t（本列数据的勾稽关系为：第一项加第二项之和，', // 2
  '等于第三项加第四项之和）', // 3
  '\t申请人情况', // 4
  '', // 5
  '\t一、本年新收政府信息公开申请数量', // 6
  '\t12', // 7
  '\t\u30000', // 8
  '\t', // 9
  '', // 10
  '\t（三）不予公开', // 11
  '\t1.属于国家秘密', // 12
  '', // 13
  '\t', // 14
  '\t', // 15
  '', // 16
  '\t结果', // 17
  '维持', // 18
  '\t尚未', // 19
  '审', // 20
  '结', // 21
  '\t5', // 22
  '', // 23
  '四、政府信息公开行政复议、行政诉讼情况', // 24
  '信息内容\t本年制发件数\t\t现行有效件数', // 25
  '\t0', // 26
  '五、存在的主要问题及改进情况', // 27
  '   ', // 28
  ' 一是强化考核监督。', // 29
].join('\n');

const texts = (cells: TextCell[]): string[] => cells.map((c) => c.text);

test('Word text: cells, blanks, continuations, paragraphs, in order', () => {
  assert.deepEqual(texts(readWordText(EXCERPT)), [
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况',
    '一、本年新收政府信息公开申请数量',
    '12',
    '\u30000',
    '',
    '（三）不予公开',
    '1.属于国家秘密',
    '',
    '',
    '结果维持',
    '尚未审结',
    '5',
    '四、政府信息公开行政复议、行政诉讼情况',
    '信息内容',
    '本年制发件数',
    '',
    '现行有效件数',
    '0',
    '五、存在的主要问题及改进情况',
    ' 一是强化考核监督。',
  ]);
});

test('Word text: table cells never end rows; paragraphs and tab-separated lines do', () => {
  const cells = readWordText(EXCERPT);
  const ends = cells.filter((c) => c.rowEnd).map((c) => c.text);
  assert.deepEqual(ends, [
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '现行有效件数',
    '五、存在的主要问题及改进情况',
    ' 一是强化考核监督。',
  ]);
});

test('Word text: each cell is located at its first character, continuations keep the first line', () => {
  const cells = readWordText(EXCERPT);
  const at = (text: string) => cells.find((c) => c.text === text)?.at;
  assert.deepEqual(at('三、收到和处理政府信息公开申请情况'), { line: 1, column: 1 });
  assert.deepEqual(at('结果维持'), { line: 17, column: 2 });
  assert.deepEqual(at('尚未审结'), { line: 19, column: 2 });
  assert.deepEqual(at('12'), { line: 7, column: 2 });
  assert.deepEqual(at('本年制发件数'), { line: 25, column: 6 });
  assert.deepEqual(at('现行有效件数'), { line: 25, column: 14 });
  assert.deepEqual(cells[17]?.at, { line: 25, column: 13 }, 'the blank cell between two TABs');
  assert.deepEqual(cells[6]?.at, { line: 9, column: 2 }, 'the blank cell');
});

test('Word text: a line after a value cell is a paragraph, not a continuation', () => {
  const cells = readWordText('\t105\n五、存在的主要问题\n\t\n六、其他需要报告的事项');
  assert.deepEqual(
    cells.map((c) => [c.text, c.rowEnd ?? false]),
    [
      ['105', false],
      ['五、存在的主要问题', true],
      ['', false],
      ['六、其他需要报告的事项', true],
    ],
  );
});

test('Word text: extra leading TABs are blank cells before the text', () => {
  assert.deepEqual(texts(readWordText('\t\t总计')), ['', '总计']);
  assert.equal(readWordText('\t\t总计').some((c) => c.rowEnd), false);
});

test('the real seed report: the cells of table 三 row 一 and of 1.属于国家秘密', () => {
  if (!existsSync(SEED)) {
    console.log(`notice: ${SEED} is absent; the real-file check did not run`);
    return;
  }
  const cells = readWordText(readFileSync(SEED, 'utf8'));
  const after = (label: string, n: number): string[] => {
    const i = cells.findIndex((c) => c.text === label);
    assert.ok(i >= 0, `label ${label} found`);
    return texts(cells.slice(i + 1, i + 1 + n));
  };
  assert.deepEqual(after('一、本年新收政府信息公开申请数量', 7), ['77', '0', '3', '0', '25', '0', '105']);
  assert.deepEqual(after('1.属于国家秘密', 7), ['', '', '', '', '', '', '']);
  assert.deepEqual(after('（七）总计', 7), ['75', '', '2', '', '28', '', '105']);
  const all = texts(cells);
  for (const joined of ['本年新公开数量', '5.要求行政机关确认或重新出具已获取信息', '结果维持', '尚未审结', '总计']) {
    assert.ok(all.includes(joined), `wrapped label ${joined} joined`);
  }
  assert.ok(all.includes('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'));
  assert.equal(all.filter((t) => t.includes('\n')).length, 0);
  assert.equal(cells.at(-1)?.text.trim(), '2021年1月28日');
});
