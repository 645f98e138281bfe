import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { displayWidth, readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { SHARED } from '../helpers/shared.ts';

const CORPUS = `${SHARED}/corpus`;

const rows = (cells: TextCell[]): TextCell[][] => {
  const out: TextCell[][] = [[]];
  for (const c of cells) {
    out[out.length - 1]?.push(c);
    if (c.rowEnd) out.push([]);
  }
  return out.filter((r) => r.length > 0);
};
const shape = (cells: TextCell[]): Array<Array<[string, number | undefined]>> =>
  rows(cells).map((r) => r.map((c) => [c.text, c.x]));

test('layout text: cells split on runs of 2+ spaces, x on the character grid, rowEnd at the end of each line', () => {
  const text = [
    '信息内容          本年制发件数     本年废止件数   现行有效件数',
    '',
    '规章            1          0        11',
    '   2024 年，本局主动公开信息 12 条。',
  ].join('\n');
  assert.deepEqual(shape(readLayoutText(text)), [
    [['信息内容', 0], ['本年制发件数', 14], ['本年废止件数', 25], ['现行有效件数', 34]],
    [['规章', 0], ['1', 14], ['0', 25], ['11', 34]],
    [['2024 年，本局主动公开信息 12 条。', 3]],
  ]);
  const cells = readLayoutText(text);
  assert.deepEqual(cells[5]?.at, { line: 3, column: 15 });
  assert.deepEqual(cells[8]?.at, { line: 4, column: 4 });
  assert.equal(cells.filter((c) => c.rowEnd).length, 3);
});

test('layout text: a piece of value-like tokens gives one cell per token', () => {
  assert.deepEqual(shape(readLayoutText('10    1      0   0    0 -185 +3 1.5 — -')), [
    [['10', 0], ['1', 6], ['0', 13], ['0', 17], ['0', 22], ['-185', 24], ['+3', 29], ['1.5', 32], ['—', 36], ['-', 38]],
  ]);
  assert.deepEqual(shape(readLayoutText('总 计 结果 结果 其他     -4-')), [[['总 计 结果 结果 其他', 0], ['-4-', 17]]]);
});

test('layout text: a form feed takes no place', () => {
  const cells = readLayoutText('\f规章            1\n\f');
  assert.deepEqual(shape(cells), [[['规章', 0], ['1', 14]]]);
  assert.deepEqual(cells[1]?.at, { line: 1, column: 15 });
});

test('layout text: x counts characters, not display width (pdftotext puts each character in one slot)', () => {
  const cells = readLayoutText('一、本年新收政府信息公开申请数量  21\n（一）予以公开           0');
  assert.deepEqual(
    cells.filter((c) => /^\d+$/.test(c.text)).map((c) => c.x),
    [18, 18],
  );
});

test('displayWidth: wide characters count 2', () => {
  assert.equal(displayWidth('规章 12'), 7);
  assert.equal(displayWidth('（一）'), 6);
  assert.equal(displayWidth('abc'), 3);
});

test('the real pdftotext -layout file: a row of table 三, its numbers aligned with the next row', () => {
  const file = `${CORPUS}/2024_huaian-city-gov.pdftotext-layout.txt`;
  if (!existsSync(file)) {
    console.log(`notice: ${file} is absent; the real-file check did not run`);
    return;
  }
  const all = rows(readLayoutText(readFileSync(file, 'utf8')));
  const find = (label: string): TextCell[] => {
    const r = all.find((cells) => cells[0]?.text === label);
    assert.ok(r, `row ${label}`);
    return r;
  };
  const received = find('一、本年新收政府信息公开申请数量');
  assert.deepEqual(received.slice(1).map((c) => c.text), ['3001', '53', '0', '0', '61', '4', '3119']);
  const granted = find('（一）予以公开');
  assert.deepEqual(granted.slice(1).map((c) => c.text), ['1288', '21', '0', '0', '50', '3', '1362']);
  // The label widths differ (16 vs 7 CJK characters) but the numbers stand in the same character slots.
  assert.deepEqual(granted.slice(1).map((c) => c.x), received.slice(1).map((c) => c.x));
  assert.ok(!all.flat().some((c) => c.text.includes('\f')));
});

test('layout text: each line knows its page (pdftotext starts a page with a form feed)', () => {
  const cells = readLayoutText(['规章            1', '', '\f行政处罚        2', '\f\f行政强制        3'].join('\n'));
  assert.deepEqual(cells.map((c) => [c.text, c.page]), [['规章', 1], ['1', 1], ['行政处罚', 2], ['2', 2], ['行政强制', 4], ['3', 4]]);
});
