/** Table 三's short rows placed by the arithmetic and the header positions; an undecided placement is flagged. Pure. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { nearestPlacements, placeApplicationRows, placements, positionCost } from '../../pipeline/parse/place-columns.ts';

const cells = (line: number, ...figures: Array<[string, number]>): TextCell[] =>
  figures.map(([text, x]) => ({ text, x, at: { line, column: x + 1 } }));
const HEADER = [16, 23, 30, 37, 44, 51, 58];
const texts = (cs: readonly TextCell[]): string[] => cs.map((c) => c.text);

test('placements: every order-keeping choice of columns', () => {
  assert.equal(placements(2, 7).length, 21);
  assert.deepEqual(placements(1, 3), [[0], [1], [2]]);
});

test('positionCost: each figure measured where it stands (a shift that fits one line says nothing of another)', () => {
  assert.equal(positionCost([16, 23, 58], HEADER, [0, 1, 6]), 0);
  assert.equal(positionCost([25, 32, 67], HEADER, [0, 1, 6]), 27);
  assert.equal(positionCost([58], HEADER, [0]), 42);
});

test('nearestPlacements: positions choose only when the best placement stands near its columns and clearly nearest', () => {
  const all = [[0, 6], [1, 6], [2, 6]];
  assert.deepEqual(nearestPlacements([17, 58], HEADER, all), [[0, 6]]);
  // A figure between two columns: nothing chosen.
  assert.deepEqual(nearestPlacements([19.5, 58], HEADER, all), all);
  // Near one column, but another placement fits almost as well: both kept.
  assert.deepEqual(nearestPlacements([18, 58], [16, 19, 30, 37, 44, 51, 58], all), [[0, 6], [1, 6]]);
  // A line drawn in by pdftotext (its label wrapped around it): the figures stand near no column, nothing is chosen.
  assert.deepEqual(nearestPlacements([12, 42], HEADER, all), all);
});

test('short rows are placed by the columns\' arithmetic, with the figures inferred', () => {
  const rows = [
    { code: 'received', values: cells(1, ['10', 16], ['0', 23], ['0', 30], ['0', 37], ['5', 44], ['0', 51], ['15', 58]), centres: null },
    { code: 'carried_over', values: cells(2, ['0', 16], ['0', 23], ['0', 30], ['0', 37], ['0', 44], ['0', 51], ['0', 58]), centres: null },
    // Shifted by a long label on its line: positions alone would put 5 under 社会公益组织.
    { code: 'granted', values: cells(3, ['10', 25], ['5', 46], ['15', 67]), centres: HEADER },
    { code: 'total', values: cells(4, ['10', 16], ['5', 44], ['15', 58]), centres: HEADER },
    { code: 'carried_forward', values: [], centres: null },
  ];
  const placed = placeApplicationRows(rows, 7);
  assert.deepEqual(texts(placed.get('granted')!.values), ['10', '', '', '', '5', '', '15']);
  assert.equal(placed.get('granted')!.flagged.size, 0);
  assert.ok(placed.get('granted')!.inferredBy?.includes('applications.outcome_total'));
  assert.deepEqual(texts(placed.get('received')!.values), ['10', '0', '0', '0', '5', '0', '15']);
});

test('a placement neither the arithmetic nor the positions decide is flagged with a note, never guessed', () => {
  // Two columns blank in every full row: a lone 3 could stand in either; its positions sit between them.
  const rows = [{ code: 'granted', values: cells(3, ['7', 16], ['3', 33.5], ['10', 58]), centres: HEADER }];
  const placed = placeApplicationRows(rows, 7).get('granted')!;
  assert.equal(placed.values[6]!.text, '10');
  assert.ok(!placed.flagged.has(6), 'the columns every placement agrees on are read');
  assert.ok(placed.flagged.has(2) && placed.flagged.has(3));
  assert.match(placed.flagged.get(2)!, /placements .* not known/);
});

test('figures that add up to the row\'s 总计 in no placement are flagged whole', () => {
  const placed = placeApplicationRows([{ code: 'granted', values: cells(1, ['7', 16], ['9', 58]), centres: HEADER }], 7).get('granted')!;
  assert.equal(placed.flagged.size, 7);
  assert.match(placed.flagged.get(0)!, /add up to the row's 总计 in no placement/);
});
