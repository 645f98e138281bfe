/**
 * Round trips of the lossy renderings (flattened page text): the share of reports read exactly, read in part (cells
 * flagged as not read), refused, and read wrong — which must be 0, as must wrong cells. Prints the figures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { LOSSY_RENDERINGS, formatScore, scoreLossy } from '../../pipeline/synth/lossy-score.ts';
import { renderFlatText } from '../../pipeline/synth/render-flat-text.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i);

for (const rendering of LOSSY_RENDERINGS) {
  test(`lossy round trip: ${rendering} reads no cell wrong`, async () => {
    const score = await scoreLossy(rendering, SEEDS);
    console.log(formatScore(rendering, score));
    assert.equal(score.wrong, 0, score.examples.join('\n'));
    assert.equal(score.cellsWrong, 0);
    assert.ok(score.refused <= score.reports / 10, `refused ${score.refused} of ${score.reports}: ${score.examples.join('\n')}`);
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
