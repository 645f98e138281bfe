/**
 * Raw pdftotext: a run of more figures than its row holds that no cut by the totals splits into rows (a row whose
 * blank cells print nothing, then the next row's figures, its wrapped label written after them) leaves the label
 * alone after it in doubt — not a row of blanks in its place.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { renderLossy } from '../../pipeline/synth/lossy-score.ts';

test('raw pdftotext seed 2157: "10 0 0 0 10 0 0 0 0 0 0" after （一）予以公开, then （二）部分公开\'s wrapped label: （二） is not read as blanks', async () => {
  const { bytes, values } = renderLossy('pdftotext-raw', 2157);
  const text = new TextDecoder().decode(bytes);
  // The run holds （一）'s five figures (two blanks print nothing) and （二）'s six; "10 0 0 0 10 | 0 | 0 0 0 0 0" adds up too.
  assert.match(text, /（一）予以公开\n\n10\n\n0\n\n0\n\n0\n\n10\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n（二）部分公开/);
  const report = parseDocument(await ingest(bytes, 'report.txt'));
  const cell = report.tables.applications.partially_granted!.natural_person!;
  assert.equal(cell.kind, 'text');
  assert.match(cell.note!, /^the figures after "（一）予以公开" \(line \d+, column 1\) are more than its row holds and cannot be cut into rows by their totals: some may be those of "（二）部分公开/);
  const wrong = compareCells(values, report).filter((m) => !m.found.startsWith('text') && !m.cell.endsWith('row_missing'));
  assert.deepEqual(wrong, []);
});
