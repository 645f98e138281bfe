/**
 * Office-suite PDFs read directly, the causes found by `npm run bench -- --office-pdf`, each on a small table built
 * by hand (pure functions: pipeline/ingest/pdf-table.ts, pdf-continue.ts): a glyph of a cut header row printed across
 * its cell's bottom rule, a numbered label broken after its number ("3." / "其他") by a page break, a row with
 * blank figures at a page's foot followed by another row (never joined into one), a row alone on a page under an
 * unruled top side, and a figure broken in its cell and cut by a page break.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PdfText, Rule } from '../../pipeline/ingest/pdf-content.ts';
import { joinContinued } from '../../pipeline/ingest/pdf-continue.ts';
import { type RuledTable, type TableCell, ruledTables } from '../../pipeline/ingest/pdf-table.ts';

const text = (t: string, x: number, baseline: number, size = 9): PdfText => ({ text: t, x, baseline, width: [...t].length * size, size });

/** The rules of a grid: horizontal rules at `ys`, vertical ones at `xs`, each across the whole table. */
function grid(xs: number[], ys: number[]): Rule[] {
  const [x1, x2, y1, y2] = [xs[0]!, xs.at(-1)!, ys[0]!, ys.at(-1)!];
  return [...ys.map((y) => ({ x1, y1: y, x2, y2: y })), ...xs.map((x) => ({ x1: x, y1, x2: x, y2 }))];
}

test('a glyph printed across its cell\'s bottom rule (the rest of a cut header row) belongs to the cell above, not to the blank value under it', () => {
  // Header row 0–40 holds "维" at the top and "持" across the rule at y = 40 (LibreOffice's overflow); value row 40–55 is blank.
  const rules = grid([0, 20, 40], [0, 40, 55]);
  const texts = [text('维', 5, 33), text('持', 5, 44), text('计', 25, 25)];
  const [table] = ruledTables(rules, texts);
  assert.deepEqual(table!.rows.map((r) => r.map((c) => c.text)), [['维持', '计'], ['', '']]);
});

test('a row alone on a page under an unruled top (one rule, the column borders hanging from it) is a table: its blank cells keep their columns', () => {
  // Table 四's value row at the head of a page, the table's top side unruled: only the bottom rule and the borders.
  const xs = [0, 20, 40, 60, 80];
  const rules: Rule[] = [{ x1: 0, y1: 75, x2: 80, y2: 75 }, ...xs.map((x) => ({ x1: x, y1: 60, x2: x, y2: 75 }))];
  const [table] = ruledTables(rules, [text('1', 7, 71), text('1', 67, 71)]);
  assert.ok(table, 'read as a table');
  assert.deepEqual(table.rows.map((r) => r.map((c) => c.text)), [['1', '', '', '1']]);
  // One rule with strokes that cross it (an underline, tick marks) is no table.
  const ticks: Rule[] = [{ x1: 0, y1: 75, x2: 80, y2: 75 }, ...xs.map((x) => ({ x1: x, y1: 70, x2: x, y2: 80 }))];
  assert.deepEqual(ruledTables(ticks, []), []);
});

const cell = (t: string, left: number, right: number, top: number, bottom: number): TableCell => ({ box: { left, right, top, bottom }, text: t, x: left, y: top });

/** A page's part of table 三 or 二: rows of [label, ...figures] on columns 0–60, 60–90, 90–120, from `top`, 20 high. */
function part(rows: string[][], top: number): RuledTable {
  const edges = [0, 60, 90, 120];
  const cells = rows.map((r, k) => r.map((t, c) => cell(t, edges[c]!, edges[c + 1]!, top + 20 * k, top + 20 * (k + 1))));
  return { box: { left: 0, right: 120, top, bottom: top + 20 * rows.length }, rows: cells, taken: new Set() };
}

const texts = (t: RuledTable): string[][] => t.rows.map((r) => r.map((c) => c.text));

test('a row cut by a page break after its number ("3." with its figures, "其他" on the next page) is one row: "3." is no figure', () => {
  const before = part([['2.重复申请', '29', '29'], ['3.', '26', '26']], 600);
  const after = part([['其他', '', ''], ['（七）总计', '785', '785']], 60);
  joinContinued(before, after);
  assert.deepEqual(texts(before).at(-1), ['3.其他', '26', '26']);
  assert.deepEqual(texts(after), [['（七）总计', '785', '785']]);
});

test('a row with blank figures at a page\'s foot and a whole template label with figures on the next page stay two rows', () => {
  // Seen in table 二: 规章 (blank) at the foot, 行政规范性文件 3 0 52 at the head of the next page. Joined, 规章 would
  // take 行政规范性文件's figures: silently wrong.
  const before = part([['信息内容', '本年制发件数', '现行有效件数'], ['规章', '', '']], 600);
  const after = part([['行政规范性文件', '3', '52']], 60);
  joinContinued(before, after);
  assert.deepEqual(texts(before).at(-1), ['规章', '', '']);
  assert.deepEqual(texts(after), [['行政规范性文件', '3', '52']]);
  // Figures only under the break are a row of their own even when its label is no whole template label.
  const cut = part([['规章', '', '']], 600);
  const next = part([['规范性', '3', '52']], 60);
  joinContinued(cut, next);
  assert.deepEqual(texts(next), [['规范性', '3', '52']]);
  // A label that does go on, figures on the first page: one row.
  const first = part([['行政规范', '3', '52']], 600);
  const rest = part([['性文件', '', '']], 60);
  joinContinued(first, rest);
  assert.deepEqual(texts(first), [['行政规范性文件', '3', '52']]);
  assert.deepEqual(rest.rows, []);
});

test('a figure broken in its cell and cut by a page break ("362" at the foot, "4" at the head of the next page) is one figure', () => {
  const before = part([['3.其他', '265', '278'], ['（七）总计', '3486', '362']], 600);
  const after = part([['', '', '4'], ['四、结转下年度继续办理', '0', '3']], 60);
  joinContinued(before, after);
  assert.deepEqual(texts(before).at(-1), ['（七）总计', '3486', '3624']);
  assert.deepEqual(texts(after), [['四、结转下年度继续办理', '0', '3']]);
  // Under a blank cell a figure starts nothing that goes on: two rows (a label lost would leave the row unread, never joined).
  const blankAbove = part([['（七）总计', '', '362']], 600);
  const figureUnderBlank = part([['', '5', '4']], 60);
  joinContinued(blankAbove, figureUnderBlank);
  assert.deepEqual(texts(figureUnderBlank), [['', '5', '4']]);
});

