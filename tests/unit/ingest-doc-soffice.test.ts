/**
 * .doc saved by LibreOffice from generated .docx reports (one soffice call for all of them) reads to exactly the
 * cells of the .docx, and every value equals the generated one. Skipped with a notice when soffice is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDoc } from '../../pipeline/ingest/doc.ts';
import { readDocx } from '../../pipeline/ingest/docx.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate, type GenerateOptions } from '../../pipeline/synth/generate.ts';
import { renderDocx } from '../../pipeline/synth/index.ts';
import { convertWithSoffice, skipWithoutSoffice } from '../helpers/soffice.ts';

const CASES: Array<[number, GenerateOptions]> = [[0, {}], [1, {}], [2, {}], [3, {}], [100, { blankStyle: 'zeros' }], [101, { blankStyle: 'zeros' }]];

test('a .doc saved by LibreOffice from a generated .docx reads to the same cells', async (t) => {
  if (skipWithoutSoffice('.docx → .doc round trip')) return;
  const generated = CASES.map(([seed, options]) => ({ seed, g: generate(seed, options) }));
  const docx = new Map<string, Uint8Array>();
  for (const { seed, g } of generated) docx.set(`report-${seed}.docx`, await renderDocx(g.values, { narrative: g.narrative }));
  const docs = await convertWithSoffice(docx, 'doc');
  for (const { seed, g } of generated) {
    await t.test(`seed ${seed}`, async () => {
      const name = `report-${seed}.docx`;
      const doc = docs.get(name)!;
      assert.deepEqual(readDoc(doc, `report-${seed}.doc`), await readDocx(docx.get(name)!, name), 'cells as from the .docx');
      const report = parseDocument(await ingest(doc, `report-${seed}.doc`));
      assert.equal(report.sources[0]?.rendering, 'doc');
      assert.deepEqual(compareCells(g.values, report), []);
    });
  }
});
