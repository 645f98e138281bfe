/**
 * Office-suite PDFs: ten generated reports laid out as an office suite prints them (narrow label columns wrapping
 * labels over four to six lines, rows cut by page breaks, page sizes, a table side unruled: office-page.ts), converted
 * to PDF by LibreOffice in one soffice call, then read as the PDF itself and as its `pdftotext -layout` text. No cell
 * is read wrong (exact, flagged or refused only); the figures are printed. Skipped with a notice without soffice or
 * pdftotext. (`npm run bench -- --office-pdf` runs the same over more reports.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../pipeline/synth/generate.ts';
import { drawOfficePage } from '../../pipeline/synth/office-page.ts';
import { emptyScore, formatCellScore, scoreFile } from '../../pipeline/synth/office-score.ts';
import { renderDocx } from '../../pipeline/synth/render-docx.ts';
import { HAS_PDFTOTEXT, pdftotextLayout } from '../helpers/pdftotext.ts';
import { convertWithSoffice, skipWithoutSofficePdf } from '../helpers/soffice.ts';

// Two reports in `npm test` (each takes soffice about a second, and reading it as PDF and as text as long again),
// ten under `npm run test:full`.
const SEEDS = process.env.XXGK_TEST_FULL === '1' ? [1, 2, 3, 4, 5, 6, 10, 11, 12, 14] : [10, 14];

test('office-suite PDFs (soffice) of generated reports: no cell read wrong, directly or through pdftotext -layout', async () => {
  if (skipWithoutSofficePdf('office-suite PDF round trip')) return;
  if (!HAS_PDFTOTEXT) {
    console.log('notice: pdftotext (poppler-utils) is not installed, so "office-suite PDF round trip" checks nothing here');
    return;
  }
  const generated = new Map(SEEDS.map((seed) => [seed, generate(seed)]));
  const docx = new Map<string, Uint8Array>();
  for (const [seed, g] of generated) docx.set(`office-${seed}.docx`, await renderDocx(g.values, { narrative: g.narrative, office: drawOfficePage(seed) }));
  const pdfs = await convertWithSoffice(docx, 'pdf');
  const [pdf, layout] = [emptyScore(), emptyScore()];
  for (const [seed, g] of generated) {
    const bytes = pdfs.get(`office-${seed}.docx`)!;
    await scoreFile(pdf, g.values, bytes, `office-${seed}.pdf`);
    await scoreFile(layout, g.values, await pdftotextLayout(bytes), `office-${seed}.pdftotext-layout.txt`);
  }
  console.log(formatCellScore('office PDF read directly', pdf));
  console.log(formatCellScore('office PDF through pdftotext -layout', layout));
  assert.equal(pdf.wrong, 0, pdf.examples.join('\n'));
  assert.equal(layout.wrong, 0, layout.examples.join('\n'));
  // Floors measured when this test was written: a reader that loses ground fails here.
  assert.ok(pdf.exact / pdf.cells >= 0.995, `PDF: ${formatCellScore('', pdf)}\n${pdf.examples.join('\n')}`);
  assert.ok(layout.exact / layout.cells >= 0.95, `layout text: ${formatCellScore('', layout)}\n${layout.examples.join('\n')}`);
});
