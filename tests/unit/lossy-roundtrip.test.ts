/**
 * Round trips of the lossy renderings (flattened page text, raw pdftotext): the share of reports read exactly, read in part (cells
 * flagged as not read), refused, and read wrong — which must be 0, as must wrong cells. Prints the figures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { LOSSY_RENDERINGS, formatScore, scoreLossy } from '../../pipeline/synth/lossy-score.ts';
import { renderFlatText } from '../../pipeline/synth/render-flat-text.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i);
/**
 * The share of reports a rendering may refuse: raw pdftotext prints nothing for a blank cell, so a row with blanks
 * often fits several splits (refused: "run pdftotext -layout").
 */
const MAX_REFUSED: Record<string, number> = { 'flat-text': 0.1, 'pdftotext-raw': 0.6 };

for (const rendering of LOSSY_RENDERINGS) {
  test(`lossy round trip: ${rendering} reads no cell wrong`, async () => {
    const score = await scoreLossy(rendering, SEEDS);
    console.log(formatScore(rendering, score));
    assert.equal(score.wrong, 0, score.examples.join('\n'));
    assert.equal(score.cellsWrong, 0);
    assert.ok(score.refused <= score.reports * (MAX_REFUSED[rendering] ?? 0.1), `refused ${score.refused} of ${score.reports}: ${score.examples.join('\n')}`);
  });
}

test('flattened text is told from the bytes, and its cells are inferred with the rules that fixed them', async () => {
  const g = generate(7, { blankStyle: 'zeros' });
  const text = renderFlatText(g.values, { narrative: g.narrative });
  const doc = await ingest(new TextEncoder().encode(text), 'page.txt');
  assert.equal(doc.source.rendering, 'flat-text');
  const report = parseDocument(doc);
  const cells = Object.values(report.tables.applications).flatMap((row) => Object.values(row));
  const inferred = cells.filter((c) => c.kind === 'inferred');
  assert.ok(inferred.length > 0);
  for (const c of inferred) assert.ok(c.inferredBy!.includes('applications.row_total'));
});

test('a row whose digits split several ways is refused with the candidate splits, not guessed', async () => {
  const g = generate(7, { blankStyle: 'zeros' });
  const text = renderFlatText(g.values, { narrative: g.narrative }).replace(/^(规章).*$/m, '$15012');
  const report = parseDocument(await ingest(new TextEncoder().encode(text), 'page.txt'));
  const cell = Object.values(report.tables.proactive.regulations!)[0]!;
  assert.equal(cell.kind, 'text');
  assert.match(cell.note!, /^"5012" splits \d+ ways/);
});

test('raw pdftotext is told from the bytes; rows whose labels pdftotext moved away are placed by the row order', async () => {
  const { renderRawText } = await import('../../pipeline/synth/render-raw-text.ts');
  const g = generate(3, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows' });
  const text = renderRawText(g.values, { narrative: g.narrative });
  const doc = await ingest(new TextEncoder().encode(text), 'raw.txt');
  assert.equal(doc.source.rendering, 'pdftotext-raw');
  const report = parseDocument(doc);
  assert.deepEqual(compareCells(g.values, report), []);
  // Move a row's label after the table (as pdftotext does with wrapped labels): the row is read by the row order.
  const moved = text.replace(/^1[.、]属于国家秘密\n/m, '').replace(/^(四、结转下年度)/m, '1.属于国家秘密\n\n$1');
  const placed = parseDocument(await ingest(new TextEncoder().encode(moved), 'raw.txt'));
  assert.deepEqual(compareCells(g.values, placed), []);
  const cell = placed.tables.applications['denied.state_secret']!.total!;
  assert.equal(cell.kind, 'inferred');
  assert.equal(cell.inferredBy![0], 'row_order');
  assert.ok(cell.inferredBy!.includes('applications.outcome_total'), cell.inferredBy!.join());
});

test('raw pdftotext that cannot be read exactly is refused with the advice to run pdftotext -layout', async () => {
  const { renderRawText } = await import('../../pipeline/synth/render-raw-text.ts');
  const g = generate(3, { blankStyle: 'zeros', edition: '2021' });
  // A row of figures more, where the template has no room for it.
  const text = renderRawText(g.values, { narrative: g.narrative }).replace(/^(二、上年结转)/m, '1\n0\n0\n0\n0\n0\n1\n$1');
  const doc = await ingest(new TextEncoder().encode(text), 'raw.txt');
  assert.throws(() => parseDocument(doc), (err: Error) => {
    assert.match(err.message, /^this looks like pdftotext without -layout; run pdftotext -layout \(table 三/);
    return true;
  });
});
