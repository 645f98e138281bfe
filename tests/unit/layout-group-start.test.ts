/**
 * Table 三 with narrow label columns whose rows print their figures on the line under their label: the group label
 * "三、本年度办理结果" printed down its column starts ("三、") on the last line of the row label beside it ("7.属于 /
 * 行政执法 / 三、 案卷" / "15 … 1 16"). "三、" started an item there, "案卷" left its label and the figures stood under
 * "三、案卷": the table was refused (synth's layout text with `narrowLabels`, seeds 200, 343, 491).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from '../../pipeline/ingest/layout-text.ts';
import { layoutRows } from '../../pipeline/parse/layout-rows.ts';
import { moveGroupStarts } from '../../pipeline/parse/layout-group-start.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderBytes } from '../../pipeline/synth/index.ts';
import { emptyScore, scoreFile } from '../../pipeline/synth/office-score.ts';
import { at, rowTexts } from '../helpers/layout-text.ts';

const FIGURES = at([50, '15'], [91, '1'], [98, '16']);

test('layout rows: a group number on a row label\'s last line, its figures under it, goes on the group\'s next piece', () => {
  const text = [
    at([14, '6.属于']),
    at([14, '四类过程']),
    at([14, '性信息']),
    '',
    at([14, '7.属于']),
    at([14, '行政执法']),
    at([0, '三、'], [14, '案卷']),
    FIGURES,
    at([0, '本']),
    at([14, '8.属于']),
    at([0, '年'], [14, '行政查询']),
    at([14, '事项']),
    at([0, '度'], [50, '73'], [91, '5'], [98, '78']),
  ].join('\n');
  const rows = rowTexts(layoutRows(readLayoutText(text)));
  assert.ok(rows.some((r) => r.join('|') === '案卷'), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.join('|') === '三、本'), JSON.stringify(rows));
  assert.ok(!rows.some((r) => r.includes('三、')), JSON.stringify(rows));
});

test('layout rows: a group number beside a row label that starts an item, or with text under it, stays where it is', () => {
  // "三、" beside a new item ("1.本机"): the number starts its group on that row, as printed.
  const beside = [at([14, '行政执法']), at([0, '三、'], [14, '1.本机']), FIGURES, at([0, '本'])].join('\n');
  const cells = readLayoutText(beside);
  assert.deepEqual(rowTexts(moveGroupStarts(cells)), rowTexts(cells));
  // No figure line under it: nothing moves.
  const noFigures = [at([14, '行政执法']), at([0, '三、'], [14, '案卷']), at([0, '本'])].join('\n');
  const plain = readLayoutText(noFigures);
  assert.deepEqual(rowTexts(moveGroupStarts(plain)), rowTexts(plain));
});

test('synth layout text with narrow labels: seeds 200, 343 and 491 are read, no cell wrong', async () => {
  for (const seed of [200, 343, 491]) {
    const g = generate(seed);
    const bytes = await renderBytes('pdftotext-layout', g.values, { narrative: g.narrative, variants: { narrowLabels: true } });
    const score = emptyScore();
    await scoreFile(score, g.values, bytes, `synthetic-${seed}.pdftotext-layout.txt`);
    assert.equal(score.refusedReports, 0, `seed ${seed}: ${score.examples.join('; ')}`);
    assert.equal(score.wrong, 0, `seed ${seed}: ${score.examples.join('; ')}`);
    assert.ok(score.exact > score.cells * 0.5, `seed ${seed}: ${score.exact}/${score.cells} exact`);
  }
});
