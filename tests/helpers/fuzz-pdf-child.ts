/**
 * The PDF cases of fuzz-readers.test.ts, read in a process of their own (pdf.js can leave a stray rejection after a
 * read, which the test runner would take for the test's failure): `node --import tsx fuzz-pdf-child.ts SEED RUNS
 * [bytes|ops]` prints {read, rejected, failures} as JSON (a failure: anything but an InputError). bytes: a generated
 * report's PDF with its bytes hit; ops: PDFs of one to three pages of random content-stream operators.
 */
import fc from 'fast-check';
import { InputError } from '../../pipeline/errors.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { generate, renderPdf } from '../../pipeline/synth/index.ts';
import { applyBytes, byteOp } from './fuzz-bytes.ts';
import { pdfOf } from './hostile.ts';

const [seed = 3, runs = 15] = process.argv.slice(2, 4).map(Number);
const mode = process.argv[4] ?? 'bytes';
const limits = { ...READ_LIMITS, maxBytes: 2_000_000, maxPdfPages: 20, maxPdfOperators: 20_000, maxPdfSegments: 4_000, maxFieldLength: 300 };
const num = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.constantFrom(0, 1e30, -1e30, 0.0001, 595, 842));
/** A random operator of a PDF content stream: paths, text, state, transforms, with edge numbers. */
const pdfOp = fc.oneof(
  fc.tuple(num, num).map(([x, y]) => `${x} ${y} m`),
  fc.tuple(num, num).map(([x, y]) => `${x} ${y} l`),
  fc.tuple(num, num, num, num).map(([a, b, c, d]) => `${a} ${b} ${c} ${d} re`),
  fc.constantFrom('S', 'f', 'B', 'n', 'h', 'q', 'Q', 'W n', 'BT', 'ET', '/F1 12 Tf', '0.5 w', 'T*', '/F9 3 Tf', '[(a) -200 (b)] TJ', '(2024) Tj', '<4e2d> Tj', 'Q Q Q', 'q q q'),
  fc.tuple(num, num, num, num, num, num).map((m) => `${m.join(' ')} cm`),
  fc.tuple(num, num).map(([x, y]) => `${x} ${y} Td`),
  fc.tuple(num, num).map(([x, y]) => `BT /F1 10 Tf ${x} ${y} Td (${x}) Tj ET`),
);

const tally = { read: 0, rejected: 0, failures: [] as string[] };
async function read(bytes: Uint8Array, what: string): Promise<void> {
  try {
    const report = await readReport(bytes, 'report.pdf', limits);
    // A report read is validated too, as the other readers' cases are: its validation must not throw.
    if (typeof validate(report).valid !== 'boolean') throw new Error('validate gave no verdict');
    tally.read++;
  } catch (err) {
    if (err instanceof InputError && err.message.length > 10) tally.rejected++;
    else tally.failures.push(`${what}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
}
if (mode === 'ops') {
  const page = fc.array(pdfOp, { maxLength: 60 }).map((ops) => ops.join('\n'));
  const arb = fc.tuple(fc.array(page, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 3000 }));
  for (const [pages, lines] of fc.sample(arb, { seed, numRuns: runs })) {
    await read(pdfOf(pages.map((p, k) => (k === 0 ? `${p}\n${'0 0 m 9 9 l S\n'.repeat(lines)}` : p))), JSON.stringify([pages, lines]).slice(0, 300));
  }
} else {
  const g = generate(20261205, { blankStyle: 'zeros' });
  const original = await renderPdf(g.values, { narrative: g.narrative });
  for (const ops of fc.sample(fc.array(byteOp, { minLength: 1, maxLength: 3 }), { seed, numRuns: runs })) await read(ops.reduce(applyBytes, original), JSON.stringify(ops));
}
process.stdout.write(`${JSON.stringify(tally)}\n`);
