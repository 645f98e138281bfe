/**
 * readNarrative places a figure at the cell its match starts in, found from where each cell's text starts (not from
 * an owner per character): the same cells as the owner per character, written out here, empty cells included.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { readNarrative } from '../../pipeline/parse/narrative.ts';
import { normalizeText } from '../../pipeline/parse/normalize.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 5000 : 500;

test('readNarrative: each figure sourced at the cell its text starts in', () => {
  const piece = fc.constantFrom('', '共收到', '申请', '12', '件', '。', '予以公开', '3', '行政复议', '行政诉讼', '部分公开', '答复', '，', ' ');
  const cell = fc.array(piece, { maxLength: 5 }).map((ps) => ps.join(''));
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 12 }), (texts) => {
      const cells: TextCell[] = texts.map((t, i) => ({ text: t, at: { line: i + 1 } }));
      const owner: number[] = [];
      let joined = '';
      texts.forEach((t, i) => {
        const n = normalizeText(t);
        joined += n;
        for (let k = 0; k < n.length; k++) owner.push(i);
      });
      for (const f of readNarrative(cells)) {
        const at = joined.indexOf(f.text);
        assert.deepEqual(f.source, cells[owner[at]!]!.at, `${f.key} "${f.text}"`);
      }
    }),
    { numRuns: RUNS, seed: 13 },
  );
});
