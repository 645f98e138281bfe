/**
 * PDF bench (node --expose-gc --import tsx bench/pdf.ts [--count N]): a corpus of N synthetic PDF reports (default
 * 1 000; seeds 1..N) rendered with a mix of options (a forced page break inside a table, narrow label columns, a
 * running header, the UCS-2 and GBK CMaps, a table side unruled, and as office suites print: narrow columns with
 * labels wrapped over four to six lines, a row cut by a page break), held in memory; then, on one thread, one report at a time, each read by
 * the real reader (pipeline/read.ts: ingest + parse) and compared cell by cell with the values it was rendered from.
 * Prints pages/s, reports/s, parse failures, cells differing, and peak memory (rss and heapUsed, sampled during the
 * run). Writes nothing.
 */
import { countArg, gc, mb, peak, sample } from './measure.ts';
import type { TableId } from '../pipeline/model/template.ts';
import { readReport } from '../pipeline/read.ts';
import { compareCells } from '../pipeline/synth/compare.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { type PdfRenderOptions, renderPdf } from '../pipeline/synth/render-pdf.ts';
import type { CompactReport } from '../pipeline/synth/types.ts';

const COUNT = countArg(1_000, 'node --expose-gc --import tsx bench/pdf.ts');

const sampler = setInterval(sample, 25);
sampler.unref();

const SIDES = [undefined, 'top', 'right', undefined, 'left', 'bottom'] as const;
const BREAKS: Array<TableId | undefined> = [undefined, 'applications', 'proactive', undefined, 'appeals'];
const CUTS: Array<TableId | undefined> = [undefined, 'applications', undefined, 'proactive', undefined, undefined, 'applications', undefined];

/** Report i's options: independent cycles, so that every combination occurs. */
function optionsFor(i: number): PdfRenderOptions {
  return {
    breakInside: BREAKS[i % BREAKS.length], narrowLabels: i % 3 === 0, runningHeader: i % 4 === 1, font: i % 7 === 3 ? 'gbk' : 'ucs2',
    openSide: SIDES[i % SIDES.length], narrowColumns: i % 11 % 3 === 2, cutRow: CUTS[i % CUTS.length],
  };
}

/** What kind of PDF a report is, for the breakdown. */
function variant(o: PdfRenderOptions): string[] {
  return [
    `font ${o.font}`,
    o.breakInside ? `break inside ${o.breakInside}` : 'no forced break',
    o.narrowLabels ? 'narrow labels' : 'wide labels',
    ...(o.runningHeader ? ['running header'] : []),
    ...(o.openSide ? [`no rule on the ${o.openSide}`] : []),
    ...(o.narrowColumns ? ['narrow columns (office)'] : []),
    ...(o.cutRow ? [`a row of ${o.cutRow} cut by a page break`] : []),
  ];
}

interface Item { name: string; bytes: Uint8Array; pages: number; values: CompactReport; kinds: string[] }

/** Pages of a PDF this renderer wrote (uncompressed page objects: /Type /Page). */
const pageCount = (bytes: Uint8Array): number => Buffer.from(bytes).toString('latin1').match(/\/Type \/Page(?![s\w])/g)?.length ?? 0;

// 1. The corpus, in memory.
let t0 = performance.now();
const corpus: Item[] = [];
let corpusBytes = 0;
for (let seed = 1; seed <= COUNT; seed++) {
  const { values, narrative } = generate(seed);
  const options = optionsFor(seed);
  const bytes = await renderPdf(values, { narrative, ...options });
  corpus.push({ name: `synthetic-${seed}.pdf`, bytes, pages: pageCount(bytes), values, kinds: variant(options) });
  corpusBytes += bytes.length;
}
const renderSeconds = (performance.now() - t0) / 1000;
const totalPages = corpus.reduce((s, c) => s + c.pages, 0);
gc?.();
sample();
const before = process.memoryUsage();

// 2. Read every PDF, one at a time, and compare its cells with the values.
interface Stat { n: number; failed: number; mismatched: number; cells: number }
const byKind = new Map<string, Stat>();
const failures = new Map<string, number>();
let failed = 0;
let mismatched = 0;
let cellsDiffer = 0;
t0 = performance.now();
for (const item of corpus) {
  let differ = -1;
  try {
    const report = await readReport(item.bytes, item.name);
    differ = compareCells(item.values, report).length;
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/synthetic-\d+\.pdf/g, '<file>').slice(0, 160);
    failures.set(message, (failures.get(message) ?? 0) + 1);
  }
  if (differ < 0) failed++;
  else if (differ > 0) {
    mismatched++;
    cellsDiffer += differ;
  }
  for (const kind of item.kinds) {
    const s = byKind.get(kind) ?? { n: 0, failed: 0, mismatched: 0, cells: 0 };
    s.n++;
    if (differ < 0) s.failed++;
    else if (differ > 0) {
      s.mismatched++;
      s.cells += differ;
    }
    byKind.set(kind, s);
  }
  sample();
}
const readSeconds = (performance.now() - t0) / 1000;
sample();
clearInterval(sampler);

const rate = (n: number, s: number): string => (s > 0 ? (n / s).toFixed(1) : '∞');
const print = (table: string[][]): void => {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => [...r[c]!].length)));
  for (const [k, r] of table.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
};
console.log(`xxgk PDF bench: ${COUNT} synthetic PDF reports, ${totalPages} pages, ${mb(corpusBytes)} of input, node ${process.version}, one thread${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}\n`);
print([
  ['phase', 'reports', 'pages', 'seconds', 'pages/s', 'reports/s'],
  ['generate + render PDF (setup)', String(COUNT), String(totalPages), renderSeconds.toFixed(1), rate(totalPages, renderSeconds), rate(COUNT, renderSeconds)],
  ['read PDF (ingest + parse)', String(COUNT), String(totalPages), readSeconds.toFixed(1), rate(totalPages, readSeconds), rate(COUNT, readSeconds)],
]);
console.log('');
print([
  ['kind of PDF', 'reports', 'parse failed', 'reports with cells differing', 'cells differing'],
  ...[...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, s]) => [kind, String(s.n), String(s.failed), String(s.mismatched), String(s.cells)]),
]);
console.log(`\nparse failures: ${failed} of ${COUNT}; reports with cells differing: ${mismatched}; cells differing: ${cellsDiffer}`);
for (const [message, n] of [...failures.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`  ${n} × ${message}`);
console.log(`peak memory: rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)}; before reading${gc ? ' (after a gc)' : ''}: rss ${mb(before.rss)}, heapUsed ${mb(before.heapUsed)} (corpus held)`);
