/**
 * `npm run bench` (node --import tsx bench/lossy.ts [--count N]): round trips of the lossy renderings (flattened page
 * text, raw pdftotext, Markdown from PDF converters, OCR text) over N generated reports (default 200): the share of reports read exactly, read in part, refused and read
 * wrong (must be 0), and of cells, with the time taken. Writes nothing.
 */
import { countArg } from './measure.ts';
import { LOSSY_RENDERINGS, formatScore, scoreLossy } from '../pipeline/synth/lossy-score.ts';

const COUNT = countArg(200, 'node --import tsx bench/lossy.ts');
for (const rendering of LOSSY_RENDERINGS) {
  const t0 = performance.now();
  const score = await scoreLossy(rendering, Array.from({ length: COUNT }, (_, i) => i));
  console.log(`${formatScore(rendering, score)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (score.wrong > 0) {
    console.log(score.examples.join('\n'));
    process.exitCode = 1;
  }
}
