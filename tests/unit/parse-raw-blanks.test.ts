/**
 * Raw pdftotext: rows not read for their row (which row a line of figures is cannot be told) still have cells blank in
 * every reading: a column whose （七）总计 the rows read make up leaves 0 there, and no 0 among the figures not read
 * can be printed there (flat-blanks.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { renderLossy } from '../../pipeline/synth/lossy-score.ts';

const seed0 = (): { text: string; values: ReturnType<typeof renderLossy>['values'] } => {
  const { bytes, values } = renderLossy('pdftotext-raw', 0);
  return { text: new TextDecoder().decode(bytes), values };
};

test('raw pdftotext seed 0: "119 119" after （一）予以公开, （二）\'s label moved: its legal-person columns are blank either way', async () => {
  const { text, values } = seed0();
  assert.match(text, /（一）予以公开\n\n119\n\n119\n\n/);
  assert.match(text, /（七）总计\n\n216\n\n216\n\n/);
  const report = parseDocument(await ingest(new TextEncoder().encode(text), 'report.txt'));
  const { granted, partially_granted: partly } = report.tables.applications;
  // Which of the two rows holds 119 cannot be told: flagged.
  for (const row of [granted!, partly!]) {
    assert.equal(row.natural_person!.kind, 'text');
    assert.equal(row.total!.kind, 'text');
    // 总计 of the five legal-person columns is blank, and the rows read make it up: blank in every reading.
    for (const c of ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org']) {
      assert.deepEqual(row[c], { kind: 'blank', value: null, raw: '', inferredBy: ['applications.outcome_total'] }, c);
    }
  }
  const wrong = compareCells(values, report).filter((m) => !m.found.startsWith('text'));
  assert.deepEqual(wrong, []);
});

test('raw pdftotext: a 0 among the figures not read may stand in a column whose 总计 is made up: nothing is read as blank', async () => {
  const { text } = seed0();
  const changed = text.replace(/（一）予以公开\n\n119\n\n119\n\n/, '（一）予以公开\n\n119\n\n0\n\n119\n\n');
  assert.notEqual(changed, text);
  const report = parseDocument(await ingest(new TextEncoder().encode(changed), 'report.txt'));
  assert.equal(report.tables.applications.granted!.commercial_enterprise!.kind, 'text');
  assert.equal(report.tables.applications.partially_granted!.other_org!.kind, 'text');
});

test('raw pdftotext seed 27: six rows of seven figures after （二）部分公开, the labels of 1.–5. moved after them: one cut only, read', async () => {
  const { bytes, values } = renderLossy('pdftotext-raw', 27);
  const text = new TextDecoder().decode(bytes);
  // 42 figures between （二）'s label and 6.'s (which stands in its place: the 14 figures after it are more than 7.
  // alone can hold): six rows of at most seven figures each, so each takes seven, in the template's order.
  assert.match(text, /他情形）\n\n-2-\n\n\f458\n\n92\n\n0\n\n0\n\n12\n\n0\n\n562\n\n/);
  const report = parseDocument(await ingest(bytes, 'report.txt'));
  const cell = report.tables.applications.partially_granted!.natural_person!;
  assert.equal(cell.kind, 'inferred');
  assert.equal(cell.value, 458);
  assert.deepEqual(cell.inferredBy, ['row_order', 'applications.row_total']);
  assert.equal(report.tables.applications['denied.internal_affairs']!.total!.kind, 'inferred');
  assert.deepEqual(compareCells(values, report), []);
});

test('raw pdftotext seed 1017: （二）\'s moved label, its "）" wrapped alone, stands at a page break before later rows\' figures: read in part, not refused', async () => {
  const { bytes, values } = renderLossy('pdftotext-raw', 1017);
  const text = new TextDecoder().decode(bytes);
  assert.match(text, /2\.其他法律行政法\n规禁止公开\n\n(0\n\n){7}（二）部分公开（区\n分处理的，只计这一\n情形，不计其他情形\n）\n\n-5-\n\n\f(0\n\n){7}2\n\n1\n\n/);
  const report = parseDocument(await ingest(bytes, 'report.txt'));
  // Before: refused ("row label ")" does not match …", then "row label "（二）部分公开…" does not match …").
  assert.equal(report.tables.applications.received!.total!.value, 107);
  const wrong = compareCells(values, report).filter((m) => !m.found.startsWith('text') && !m.cell.endsWith('row_missing'));
  assert.deepEqual(wrong, []);
});
