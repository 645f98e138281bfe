/** OCR letters among figures read by the arithmetic, and table 四's splits summed up per cell. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellsOf, planRow } from '../../pipeline/parse/flat-plan.ts';
import { cellReadings, letterReadings, printedTokens } from '../../pipeline/parse/ocr-letters.ts';
import { Budget } from '../../pipeline/parse/split-digits.ts';
import { splitOptions } from '../../pipeline/parse/split-options.ts';
import { APPLICATIONS, PROACTIVE, columnsOf } from '../../pipeline/model/template.ts';

test('a letter is every digit; too many letters or a "|" are not tried', () => {
  assert.equal(letterReadings('2O')!.length, 10);
  assert.deepEqual(letterReadings('2O')!.slice(0, 2), ['20', '21']);
  assert.equal(letterReadings('O l o'), null);
  assert.equal(letterReadings('5|3'), null);
  assert.deepEqual(printedTokens(' 17 3 2O', ['17', '3', '', '20']), ['17', '3', '', '2O']);
  assert.equal(cellReadings(['1', '2'], undefined), null);
});

test('OCR plain text: "17 3 0 0 0 0 2O" reads 20 through the row total (inferred, ocr_letter), the look-alike confirmed', () => {
  const def = APPLICATIONS.rows.find((r) => r.code === 'granted')!;
  const line = { label: '（一）予以公开', run: '17 3 0 0 0 0 2O', at: { line: 4 }, index: 0 };
  const plan = planRow(APPLICATIONS, def, '2021', line, new Budget(1e6));
  const cells = cellsOf(APPLICATIONS, columnsOf(APPLICATIONS, def, '2021'), plan);
  assert.equal(cells[6]!.kind, 'inferred');
  assert.equal(cells[6]!.value, 20);
  assert.equal(cells[6]!.raw, '2O');
  assert.deepEqual(cells[6]!.inferredBy, ['ocr_letter', 'applications.row_total']);
  assert.equal(cells[0]!.value, 17);
});

test('a letter the arithmetic does not fix (table 二 has none) is flagged; the row’s other cells are read', () => {
  const def = PROACTIVE.rows.find((r) => r.code === 'normative_documents')!;
  const line = { label: '规范性文件', run: '', cells: ['12', '1O', '300'], at: { line: 2 }, index: 0 };
  const cells = cellsOf(PROACTIVE, columnsOf(PROACTIVE, def, '2021'), planRow(PROACTIVE, def, '2021', line, new Budget(1e6)));
  assert.deepEqual(cells.map((c) => c.kind), ['number', 'text', 'number']);
  assert.match(cells[1]!.note!, /"1O" holds a letter/);
});

test('table 四: splits summed up per cell — a cell every split agrees on is read, however many splits there are', () => {
  const columns = Array.from({ length: 15 }, () => ({}));
  const totals = new Set([4, 9, 14]);
  // Thirteen figures for fifteen cells: two blanks somewhere after the first group, which adds up only one way.
  const run = '3 0 0 0 3 0 0 0 0 1 1 0 2';
  const opts = splitOptions(run, [run], columns, totals, new Budget(1e6), 'test');
  assert.equal(opts.count, 30);
  assert.deepEqual(opts.cells.slice(0, 5).map((c) => [...c.keys()]), [['3'], ['0'], ['0'], ['0'], ['3']]);
  assert.deepEqual([...opts.cells[14]!.keys()], ['2']);
  assert.ok(opts.cells[10]!.size > 1);
  const none = splitOptions('3 0 0 0 4', ['3 0 0 0 4'], columns, totals, new Budget(1e6), 'test');
  assert.equal(none.count, 0);
});

test('OCR Markdown: a blank row whose label names it whole ("| 行政处罚 | | |") before a garbled one ("| 行攻强制 | 2 |") keeps its blanks (seed 549 read 2 into 行政处罚)', async () => {
  const { scoreLossy } = await import('../../pipeline/synth/lossy-score.ts');
  const score = await scoreLossy('ocr', [549]);
  assert.equal(score.wrong, 0, score.examples.join('\n'));
});
