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

/** Table 三 printed without （六） (the source drops it): the rows of seed 54's office PDF, positions saying nothing. */
const WITHOUT_OTHER = () => [
  { code: 'received', values: cells(1, ['218', 16], ['33', 23], ['0', 30], ['0', 37], ['11', 44], ['3', 51], ['265', 58]), centres: null },
  { code: 'carried_over', values: cells(2, ['0', 16], ['0', 23], ['0', 30], ['0', 37], ['0', 44], ['0', 51], ['0', 58]), centres: null },
  { code: 'granted', values: cells(3, ['88', 16], ['16', 23], ['4', 44], ['1', 51], ['109', 58]), centres: null },
  { code: 'unavailable.not_held', values: cells(4, ['77', 16], ['11', 23], ['5', 44], ['2', 51], ['95', 58]), centres: null },
  { code: 'unavailable.unclear', values: cells(5, ['8', 16], ['1', 44], ['9', 58]), centres: null },
  { code: 'not_processed.petition', values: cells(6, ['23', 16], ['1', 23], ['24', 58]), centres: null },
  { code: 'total', values: cells(7, ['218', 16], ['33', 23], ['11', 44], ['3', 51], ['265', 58]), centres: null },
  { code: 'carried_forward', values: [], centres: null },
];

test('without （六）, the printed outcome rows add up to at most 总计 in every column (counts are ≥ 0): that bound places them', () => {
  const placed = placeApplicationRows(WITHOUT_OTHER(), 7, new Set(['other', 'other.no_correction', 'other.fee_unpaid', 'other.other']));
  assert.deepEqual(texts(placed.get('total')!.values), ['218', '33', '', '', '11', '3', '265']);
  assert.deepEqual(texts(placed.get('unavailable.not_held')!.values), ['77', '11', '', '', '5', '2', '95']);
  assert.deepEqual(texts(placed.get('granted')!.values), ['88', '16', '', '', '4', '1', '109']);
  assert.equal(placed.get('unavailable.not_held')!.flagged.size, 0);
  assert.ok(placed.get('unavailable.not_held')!.inferredBy?.includes('applications.outcome_total'));
  // 8 … 1 … 9: 1 fits under 商业企业 (33 ≥ 16 + 11 + 1) as under 法律服务机构: the bound does not decide, flagged.
  const unclear = placed.get('unavailable.unclear')!;
  assert.equal(unclear.values[0]!.text, '8');
  assert.ok(unclear.flagged.size > 0);
});

test('rows that no column rule reaches do not use up the search of the others', () => {
  // 总计 prints figures that add up in no placement: the outcome rows are linked to nothing, and their placements
  // (6 × 6) are more than the search lists; （六） and its sub-rows still settle other.no_correction.
  const rows = [
    { code: 'granted', values: cells(1, ['1', 16], ['1', 58]), centres: null },
    { code: 'partially_granted', values: cells(2, ['1', 16], ['1', 58]), centres: null },
    { code: 'other', values: cells(3, ['0', 16], ['1', 23], ['0', 30], ['0', 37], ['0', 44], ['0', 51], ['1', 58]), centres: null },
    { code: 'other.no_correction', values: cells(4, ['1', 23], ['1', 58]), centres: null },
    { code: 'other.fee_unpaid', values: [], centres: null },
    { code: 'other.other', values: [], centres: null },
    { code: 'total', values: cells(5, ['5', 16], ['9', 58]), centres: null },
  ];
  const placed = placeApplicationRows(rows, 7);
  assert.equal(placed.get('total')!.flagged.size, 7);
  assert.equal(placed.get('granted')!.flagged.size, 6);
  assert.deepEqual(texts(placed.get('other.no_correction')!.values), ['', '1', '', '', '', '', '1']);
  assert.equal(placed.get('other.no_correction')!.flagged.size, 0);
  assert.deepEqual(placed.get('other.no_correction')!.inferredBy, ['applications.row_total', 'applications.other_subtotal']);
});

test('placements that put the same figures in the columns (a lone 0 in one blank column or another) are one choice for the search', () => {
  // carried_over and carried_forward print a lone 0 each: 7 × 7 placements, all zeros, once counted as 49 solutions
  // (more than the search lists), which left 总计 unplaced; the balance places it.
  const rows = [
    { code: 'received', values: cells(1, ['5', 16], ['0', 23], ['0', 30], ['0', 37], ['2', 44], ['0', 51], ['7', 58]), centres: null },
    { code: 'carried_over', values: cells(2, ['0', 58]), centres: null },
    { code: 'granted', values: cells(3, ['5', 16], ['0', 23], ['0', 30], ['0', 37], ['2', 44], ['0', 51], ['7', 58]), centres: null },
    { code: 'total', values: cells(4, ['5', 16], ['2', 44], ['7', 58]), centres: null },
    { code: 'carried_forward', values: cells(5, ['0', 58]), centres: null },
  ];
  const placed = placeApplicationRows(rows, 7);
  assert.deepEqual(texts(placed.get('total')!.values), ['5', '', '', '', '2', '', '7']);
  assert.equal(placed.get('total')!.flagged.size, 0);
  // Where the lone 0 stands the arithmetic cannot tell: flagged.
  assert.ok(placed.get('carried_forward')!.flagged.size > 0);
});

test('a figure every kept placement puts in one column anchors it on its page: a narrower figure within its slots stands there', () => {
  // Seed 217's last page of table 三: no header, no full row; （七）总计 "203 … 3 … 2 … 208" leaves 3 and 2 open, but its
  // 208 is 总计 in every placement that adds up, and the lone "0" of 四、结转下年度继续办理 stands within its slots.
  const onPage = (cs: TextCell[]): TextCell[] => cs.map((c) => ({ ...c, page: 6 }));
  const rows = [
    { code: 'total', values: onPage(cells(1, ['203', 17], ['3', 50], ['2', 58], ['208', 66])), centres: null },
    { code: 'carried_forward', values: onPage(cells(2, ['0', 66])), centres: null },
  ];
  // The rows above are on the page before (here: not read), so no column rule reaches these two.
  const before = new Set(['received', 'carried_over', 'granted']);
  const placed = placeApplicationRows(rows, 7, before);
  assert.ok(placed.get('total')!.flagged.size > 0, 'the 3 and the 2 stay open');
  assert.deepEqual(texts(placed.get('carried_forward')!.values), ['', '', '', '', '', '', '0']);
  assert.equal(placed.get('carried_forward')!.flagged.size, 0);
  // On another page, or a slot right of the 208's slots, it says nothing: flagged.
  const elsewhere = [rows[0]!, { code: 'carried_forward', values: [{ ...rows[1]!.values[0]!, page: 7 }], centres: null }];
  assert.equal(placeApplicationRows(elsewhere, 7, before).get('carried_forward')!.flagged.size, 7);
  const beside = [rows[0]!, { code: 'carried_forward', values: [{ ...rows[1]!.values[0]!, x: 69 }], centres: null }];
  assert.equal(placeApplicationRows(beside, 7, before).get('carried_forward')!.flagged.size, 7);
});

test('rows settled once the positions chose anchor the figures under them on their page, and the arithmetic runs again', () => {
  // Office seed 773: 一、本年新收 is placed by the header on its page; the balance then settles （七）总计 on the last
  // page, whose "6" (其他) stands over other.no_correction's lone "1". The anchors were taken before the positions
  // chose (nothing settled yet: the search had more solutions than it lists), so the "1" stayed open.
  const onPage = (page: number, cs: TextCell[]): TextCell[] => cs.map((c) => ({ ...c, page }));
  const rows = [
    { code: 'received', values: onPage(1, cells(1, ['107', 15], ['25', 22], ['6', 50.5], ['138', 57])), centres: HEADER },
    { code: 'carried_over', values: [], centres: null },
    { code: 'other.no_correction', values: onPage(4, cells(2, ['6', 29], ['1', 67], ['7', 76])), centres: null },
    { code: 'total', values: onPage(4, cells(3, ['107', 28], ['24', 36], ['6', 67], ['137', 75])), centres: null },
    { code: 'carried_forward', values: onPage(4, cells(4, ['1', 36.5], ['1', 76])), centres: null },
  ];
  // The other outcome rows are printed on pages not read here: unknown (their sum is at most 总计).
  const unknown = new Set(['granted', 'other', 'other.fee_unpaid', 'other.other']);
  const placed = placeApplicationRows(rows, 7, unknown);
  assert.deepEqual(texts(placed.get('total')!.values), ['107', '24', '', '', '', '6', '137']);
  assert.deepEqual(texts(placed.get('other.no_correction')!.values), ['6', '', '', '', '', '1', '7']);
  assert.equal(placed.get('other.no_correction')!.flagged.size, 0);
  // Standing a slot off the "6", it is not under it: flagged.
  const off = rows.map((r) => (r.code === 'other.no_correction' ? { ...r, values: onPage(4, cells(2, ['6', 29], ['1', 68], ['7', 76])) } : r));
  assert.ok(placeApplicationRows(off, 7, unknown).get('other.no_correction')!.flagged.size > 0);
});
