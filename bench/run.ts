/**
 * `npm run bench` (node --expose-gc --import tsx bench/run.ts [--count N]): a synthetic corpus of N reports
 * (default 10 000) rendered in every way agencies publish, held in memory; then, on one core (one thread, one
 * report at a time): ingest + parse throughput, validate throughput, and peak memory (rss and heapUsed, sampled
 * during the run). Per rendering it gives reports per second of wall time and per second of CPU time (the
 * process's user + system time around each parse, every thread of it: what one core does, whatever else the machine
 * runs — V8 compiles hot code on a thread of its own, on a second core when there is one, so over the first
 * thousand reports the CPU time is up to twice the wall time on an idle machine, and it is the CPU time that one
 * core would spend), over all
 * of a rendering's reports and over their second half (the JIT warmed up on the first half: the steady rate that a
 * run of thousands of reports sees). Validation (every parsed report, after all are parsed) likewise, per second of wall
 * and of CPU time. For a text rendering, the floor: the CPU time of only decoding its bytes into text (decodeText, the
 * best of three passes), and how many times that a report's ingest + parse takes.
 * `--renderings word-text,html,…` narrows the corpus. Prints a table; writes nothing.
 */
import { countArg, gc, mb, peak, sample } from './measure.ts';
import { decodeText } from '../pipeline/ingest/decode.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { sniffBinary } from '../pipeline/ingest/sniff.ts';
import type { AnnualReport } from '../pipeline/model/report.ts';
import { parseDocument } from '../pipeline/parse/index.ts';
import { compareCells } from '../pipeline/synth/compare.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { renderBytes, SYNTH_RENDERINGS, type SynthRendering } from '../pipeline/synth/index.ts';
import type { CompactReport } from '../pipeline/synth/types.ts';
import { validate } from '../pipeline/validate/index.ts';

const COUNT = countArg(10_000, 'npm run bench --');
const renderingsAt = process.argv.indexOf('--renderings');
const RENDERINGS = (renderingsAt >= 0 ? process.argv[renderingsAt + 1]!.split(',') : [...SYNTH_RENDERINGS]) as SynthRendering[];
if (RENDERINGS.some((r) => !(SYNTH_RENDERINGS as readonly string[]).includes(r))) {
  console.error(`usage: node --import tsx bench/run.ts [--count N] [--renderings ${SYNTH_RENDERINGS.join(',')}]`);
  process.exit(2);
}
/** User + system CPU time of the process so far, in milliseconds. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Item { name: string; rendering: SynthRendering; bytes: Uint8Array; values: CompactReport }

// 1. The corpus, in memory: report i in rendering i mod 9.
let t0 = performance.now();
const corpus: Item[] = [];
let corpusBytes = 0;
for (let i = 0; i < COUNT; i++) {
  const rendering = RENDERINGS[i % RENDERINGS.length]!;
  const { values, narrative } = generate(i);
  const bytes = await renderBytes(rendering, values, { narrative });
  corpus.push({ name: `synthetic-${i}.${rendering}`, rendering, bytes, values });
  corpusBytes += bytes.length;
  if (i % 100 === 0) sample();
}
const generateSeconds = (performance.now() - t0) / 1000;
gc?.();
sample();

// 2. Ingest + parse, one report at a time.
interface RenderingStat { n: number; ms: number; cpu: number; failed: number; mismatched: number; warmN: number; warmCpu: number }
const perRendering = new Map<SynthRendering, RenderingStat>();
/** A rendering's reports from this one on are its second half: the JIT has warmed up on the first (steady state). */
const warmFrom = Math.floor(COUNT / RENDERINGS.length / 2);
const reports: AnnualReport[] = [];
let parseFailures = 0;
t0 = performance.now();
for (const [i, item] of corpus.entries()) {
  const start = performance.now();
  const startCpu = cpuMs();
  let report: AnnualReport | undefined;
  try {
    report = parseDocument(await ingest(item.bytes, item.name));
  } catch {
    parseFailures++;
  }
  const ms = performance.now() - start;
  const cpu = cpuMs() - startCpu;
  const stat = perRendering.get(item.rendering) ?? { n: 0, ms: 0, cpu: 0, failed: 0, mismatched: 0, warmN: 0, warmCpu: 0 };
  if (stat.n >= warmFrom) {
    stat.warmN++;
    stat.warmCpu += cpu;
  }
  stat.n++;
  stat.ms += ms;
  stat.cpu += cpu;
  if (!report) stat.failed++;
  else {
    reports.push(report);
    if (compareCells(item.values, report).length > 0) stat.mismatched++;
  }
  perRendering.set(item.rendering, stat);
  if (i % 50 === 0) sample();
}
const parseSeconds = [...perRendering.values()].reduce((s, r) => s + r.ms, 0) / 1000;
const parseCpuSeconds = [...perRendering.values()].reduce((s, r) => s + r.cpu, 0) / 1000;
const parseWall = (performance.now() - t0) / 1000;
sample();
gc?.();
const retained = process.memoryUsage();

// The floor of a text rendering: decoding its bytes only (the best of three passes over its reports).
const decodeCpu = new Map<SynthRendering, number>();
for (const rendering of RENDERINGS) {
  const items = corpus.filter((item) => item.rendering === rendering && sniffBinary(item.bytes) === 'text');
  if (items.length === 0) continue;
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = cpuMs();
    for (const item of items) decodeText(item.bytes);
    best = Math.min(best, cpuMs() - start);
  }
  decodeCpu.set(rendering, best / items.length);
}

// 3. Validate every parsed report.
let issues = 0;
t0 = performance.now();
const validateCpu0 = cpuMs();
for (const [i, report] of reports.entries()) {
  issues += validate(report).issues.length;
  if (i % 50 === 0) sample();
}
const validateSeconds = (performance.now() - t0) / 1000;
const validateCpuSeconds = (cpuMs() - validateCpu0) / 1000;
sample();

const rate = (n: number, s: number): string => (s > 0 ? (n / s).toFixed(0) : '∞');
const rows: string[][] = [
  ['phase', 'reports', 'seconds', 'reports/s', 'per CPU s'],
  ['generate + render (setup)', String(COUNT), generateSeconds.toFixed(1), rate(COUNT, generateSeconds), ''],
  ['ingest + parse', String(COUNT), parseSeconds.toFixed(1), rate(COUNT, parseSeconds), rate(COUNT, parseCpuSeconds)],
  ['validate', String(reports.length), validateSeconds.toFixed(2), rate(reports.length, validateSeconds),
    rate(reports.length, validateCpuSeconds)],
];
const print = (table: string[][]): void => {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => [...r[c]!].length)));
  for (const [k, r] of table.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
};
console.log(`xxgk bench: ${COUNT} synthetic reports, ${mb(corpusBytes)} of input, node ${process.version}, one thread${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}\n`);
print(rows);
console.log('');
print([
  ['rendering', 'reports', 'reports/s', 'per CPU s', 'second half, per CPU s', 'decode only, per CPU s', '× decode', 'parse failed', 'cells differ'],
  ...RENDERINGS.map((r) => {
    const s = perRendering.get(r) ?? { n: 0, ms: 0, cpu: 0, failed: 0, mismatched: 0, warmN: 0, warmCpu: 0 };
    const decode = decodeCpu.get(r);
    const floor = decode === undefined ? ['-', '-'] : [rate(1, decode / 1000), s.n > 0 && decode > 0 ? (s.cpu / s.n / decode).toFixed(0) : '-'];
    return [r, String(s.n), rate(s.n, s.ms / 1000), rate(s.n, s.cpu / 1000), rate(s.warmN, s.warmCpu / 1000), ...floor, String(s.failed), String(s.mismatched)];
  }),
]);
console.log(`\npeak memory: rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)}; after parsing${gc ? ' and a gc' : ''}: rss ${mb(retained.rss)}, heapUsed ${mb(retained.heapUsed)} (corpus and parsed reports held)`);
console.log(`parse wall time ${parseWall.toFixed(1)} s; ${parseFailures} reports could not be parsed; validate found ${issues} issues in all`);
