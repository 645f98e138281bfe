/**
 * `npm run bench -- --office-pdf [--count N]` (node --import tsx bench/office-pdf.ts): N generated reports (default
 * 100; seeds 1..N) laid out as an office suite prints them (office-page.ts: page sizes, narrow label columns that wrap
 * labels over four to six lines, rows cut by page breaks, a table with one side unruled) in a .docx, converted to PDF
 * by LibreOffice (soffice --headless, in batches), then read twice: the PDF itself, and its `pdftotext -layout` text.
 * Prints the share of cells exact / flagged / refused / WRONG (must be 0) per rendering; exits 1 on a wrong cell.
 * Needs soffice and pdftotext (says so and exits 0 without them). Writes nothing outside a temporary folder.
 */
import { countArg } from './measure.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { drawOfficePage } from '../pipeline/synth/office-page.ts';
import { emptyScore, formatCellScore, scoreFile } from '../pipeline/synth/office-score.ts';
import { renderDocx } from '../pipeline/synth/render-docx.ts';
import { HAS_PDFTOTEXT, pdftotextLayout } from '../tests/helpers/pdftotext.ts';
import { HAS_SOFFICE, convertWithSoffice } from '../tests/helpers/soffice.ts';

const COUNT = countArg(100, 'node --import tsx bench/office-pdf.ts');
const BATCH = 50;

if (!HAS_SOFFICE || !HAS_PDFTOTEXT) {
  console.log('office-pdf bench: soffice (libreoffice-writer-nogui) and pdftotext (poppler-utils) are needed; skipped');
  process.exit(0);
}
const t0 = performance.now();
const pdf = emptyScore();
const layout = emptyScore();
let convertSeconds = 0;
for (let from = 1; from <= COUNT; from += BATCH) {
  const seeds = Array.from({ length: Math.min(BATCH, COUNT - from + 1) }, (_, i) => from + i);
  const generated = new Map(seeds.map((seed) => [seed, generate(seed)]));
  const docx = new Map<string, Uint8Array>();
  for (const [seed, g] of generated) docx.set(`office-${seed}.docx`, await renderDocx(g.values, { narrative: g.narrative, office: drawOfficePage(seed) }));
  const t1 = performance.now();
  const pdfs = await convertWithSoffice(docx, 'pdf');
  convertSeconds += (performance.now() - t1) / 1000;
  for (const [seed, g] of generated) {
    const bytes = pdfs.get(`office-${seed}.docx`)!;
    await scoreFile(pdf, g.values, bytes, `office-${seed}.pdf`);
    await scoreFile(layout, g.values, await pdftotextLayout(bytes), `office-${seed}.pdftotext-layout.txt`);
  }
}
console.log(`xxgk office-PDF bench: ${COUNT} generated reports, .docx → soffice → PDF (${convertSeconds.toFixed(1)} s converting), ${((performance.now() - t0) / 1000).toFixed(1)} s in all\n`);
for (const [name, score] of [['PDF read directly', pdf], ['pdftotext -layout text', layout]] as const) {
  console.log(formatCellScore(name, score));
  for (const e of score.examples) console.log(`  ${e}`);
  if (score.wrong > 0) process.exitCode = 1;
}
