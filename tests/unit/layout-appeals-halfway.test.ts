/**
 * Table 四 in layout text of a web page LibreOffice printed to PDF: blanks print nothing and pdftotext draws the figure
 * line in against its headers, "5 … 2 … 7" under "结果 结果 其他 尚未 总计". Restated from a real report (上海市人民政府办公厅
 * 2019: 行政复议 5 维持, 2 尚未审结, 7 总计) in a rendering written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choosePlacements } from '../../pipeline/parse/layout-appeals-place.ts';

test('table 四: a figure halfway between two headers says nothing of its column, so the 2 beside it is not placed by position', () => {
  // Header centres as layout-appeals.ts measures them; the 7 of 总计 (centre 16) stands at 14.5, as near 尚未 (13).
  const centres = [4, 7, 10, 13, 16, 19, 22, 25, 28, 32.5, 37, 40, 43, 46, 49];
  const { chosen, note } = choosePlacements(['5', '2', '7', '8', '1', '9'], [0.5, 10.5, 14.5, 18.5, 26.5, 32.5], centres);
  // Before: the 2 read under 其他 (column 2) in every placement kept — wrong, it is 尚未审结's (column 3).
  assert.ok(chosen.some((p) => p[1] === 3), 'the placement with the 2 under 尚未 is kept');
  assert.ok(chosen.some((p) => p[1] === 2));
  assert.match(note, /not known/);
  // The same line with the 7 standing under 总计 (16) places the 2 by its position, as before.
  const under = choosePlacements(['5', '2', '7', '8', '1', '9'], [4, 10.5, 16, 19, 25, 32.5], centres);
  assert.ok(under.chosen.every((p) => p[1] === 2 && p[2] === 4));
});
