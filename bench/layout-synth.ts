/**
 * `node --import tsx bench/layout-synth.ts [--count N] [--from S] [--variants JSON]`: round trips of synth's own
 * `pdftotext -layout` rendering (render-layout-text.ts, with the office-suite variants of layout-office.ts drawn from
 * the seed) over seeds S..S+N-1 (default 1..500): the share of cells exact / flagged / refused / WRONG (must be 0),
 * and per report the seeds not read exactly. Exits 1 on a wrong cell. Writes nothing.
 */
import { countArg } from './measure.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { renderBytes } from '../pipeline/synth/index.ts';
import { emptyScore, formatCellScore, scoreFile } from '../pipeline/synth/office-score.ts';
import type { Variants } from '../pipeline/synth/variants.ts';

const COUNT = countArg(500, 'node --import tsx bench/layout-synth.ts [--from S] [--variants JSON]');
const argAfter = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const FROM = Number(argAfter('--from') ?? 1);
const VARIANTS = JSON.parse(argAfter('--variants') ?? '{}') as Partial<Variants>;
const VERBOSE = process.argv.includes('--verbose');
const total = emptyScore();
const t0 = performance.now();
for (let seed = FROM; seed < FROM + COUNT; seed++) {
  const g = generate(seed);
  const bytes = await renderBytes('pdftotext-layout', g.values, { narrative: g.narrative, variants: VARIANTS });
  const one = emptyScore();
  await scoreFile(one, g.values, bytes, `synthetic-${seed}.pdftotext-layout.txt`);
  for (const k of ['reports', 'refusedReports', 'cells', 'exact', 'flagged', 'refused', 'wrong'] as const) total[k] += one[k];
  if (one.exact < one.cells && VERBOSE) console.log(`seed ${seed}: exact ${one.exact}/${one.cells}, flagged ${one.flagged}, refused ${one.refused}, WRONG ${one.wrong} ${one.examples.join('; ')}`);
  for (const e of one.examples) if (total.examples.length < 10) total.examples.push(e);
}
console.log(formatCellScore(`synth pdftotext-layout, seeds ${FROM}–${FROM + COUNT - 1}`, total));
for (const e of total.examples) console.log(`  ${e}`);
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.exit(total.wrong > 0 ? 1 : 0);
