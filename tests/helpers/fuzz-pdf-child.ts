/**
 * The PDF byte-mutation cases of fuzz-readers.test.ts, read in a process of their own: `node --import tsx
 * fuzz-pdf-child.ts SEED RUNS` prints {read, rejected, failures} as JSON (a failure: anything but an InputError).
 */
import fc from 'fast-check';
import { InputError } from '../../pipeline/errors.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import { readReport } from '../../pipeline/read.ts';
import { generate, renderPdf } from '../../pipeline/synth/index.ts';
import { applyBytes, byteOp } from './fuzz-bytes.ts';

const [seed = 3, runs = 15] = process.argv.slice(2).map(Number);
const limits = { ...READ_LIMITS, maxBytes: 2_000_000, maxPdfPages: 20, maxPdfOperators: 20_000, maxPdfSegments: 4_000, maxFieldLength: 300 };
const g = generate(20261205, { blankStyle: 'zeros' });
const original = await renderPdf(g.values, { narrative: g.narrative });
const tally = { read: 0, rejected: 0, failures: [] as string[] };
for (const ops of fc.sample(fc.array(byteOp, { minLength: 1, maxLength: 3 }), { seed, numRuns: runs })) {
  try {
    await readReport(ops.reduce(applyBytes, original), 'report.pdf', limits);
    tally.read++;
  } catch (err) {
    if (err instanceof InputError && err.message.length > 10) tally.rejected++;
    else tally.failures.push(`${JSON.stringify(ops)}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
}
process.stdout.write(`${JSON.stringify(tally)}\n`);
