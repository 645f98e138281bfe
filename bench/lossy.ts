/**
 * `npm run bench` (node --import tsx bench/lossy.ts [--count N] [--from S]): round trips of the lossy renderings
 * (flattened page text, raw pdftotext, Markdown from PDF converters, OCR text) over N generated reports (default 200,
 * seeds S..S+N-1, S 0 by default: `--from` scores seeds not tuned on): the share of reports read exactly, read in part,
 * refused and read wrong (must be 0), and of cells, with the time taken. Writes nothing.
 */
import { countArg } from './measure.ts';
import { LOSSY_RENDERINGS, formatScore, scoreLossy } from '../pipeline/synth/lossy-score.ts';

const USAGE = 'node --import tsx bench/lossy.ts [--from S]';
const COUNT = countArg(200, USAGE);
const at = process.argv.indexOf('--from');
const FROM = at >= 0 ? Number(process.argv[at + 1]) : 0;
if (!Number.isInteger(FROM) || FROM < 0) {
  console.error(`usage: ${USAGE} [--count N]   (S a seed, an integer ≥ 0)`);
  process.exit(2);
}
for (const rendering of LOSSY_RENDERINGS) {
  const t0 = performance.now();
  const score = await scoreLossy(rendering, Array.from({ length: COUNT }, (_, i) => FROM + i));
  console.log(`${formatScore(rendering, score)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (score.wrong > 0) {
    console.log(score.examples.join('\n'));
    process.exitCode = 1;
  }
}
