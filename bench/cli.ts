/**
 * CLI bench (`npm run bench -- --cli [--count N]`, or node --import tsx bench/cli.ts [--count N]): what a user
 * waits for. Writes N generated reports to a folder on disk (every rendering, round-robin: bench/cli-corpus.ts), then
 * runs the real command line in a child process, `node bin/xxgk.js build --in DIR --out DIR2`, as compiled
 * JavaScript (runs `npm run build` first when dist-js/ is missing or older than a source). Prints reports/s, wall
 * time, the child's peak RSS and CPU time (bench/child.ts: GNU time, else /proc VmHWM), the output's files, bytes and
 * largest files, and the ratio to a raw read + decode of the same input bytes. Then start-up through the CLI:
 * `xxgk --help`, `xxgk --version` and `xxgk parse` of one Word-text report, median wall time of --runs runs (5) and
 * the highest peak RSS.
 *
 * Options: --renderings word-text,html,… (default: all of SYNTH_RENDERINGS); --corpus DIR (write the corpus there and
 * keep it, or reuse it when it is already there: generating is slow); --cpu-prof DIR (the build child runs with
 * --cpu-prof, its .cpuprofile lands in DIR); --config FILE (the build reads it: release.layout: national measures the
 * national layout, and the output line splits the tree from the release assets); --rerun (issue 13 §5: the build runs
 * with --cache, then again over the same folder and output, unchanged, then once more after one input file changed —
 * a line break appended to the middle file of the folder, restored at the end — and the three builds' wall and CPU
 * times and peak RSS are printed, each re-run as a share of the first). Everything else goes to a temporary folder,
 * removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { median, runMeasured } from './child.ts';
import { writeCorpus } from './cli-corpus.ts';
import { countArg, mb } from './measure.ts';
import { decodeText } from '../pipeline/ingest/decode.ts';
import { generate } from '../pipeline/synth/generate.ts';
import { SYNTH_RENDERINGS, type SynthRendering, renderWordText } from '../pipeline/synth/index.ts';

const USAGE = 'npm run bench -- --cli';
const COUNT = countArg(2_000, USAGE);
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'xxgk.js');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const RUNS = Number(option('--runs') ?? 5);
const RERUN = process.argv.includes('--rerun');
const renderings = (option('--renderings')?.split(',') ?? [...SYNTH_RENDERINGS]) as SynthRendering[];
const unknown = renderings.filter((r) => !(SYNTH_RENDERINGS as readonly string[]).includes(r));
if (unknown.length > 0 || !Number.isInteger(RUNS) || RUNS <= 0) {
  console.error(`usage: ${USAGE} [--count N] [--runs R] [--renderings ${SYNTH_RENDERINGS.join(',')}] [--corpus DIR] [--cpu-prof DIR] [--config FILE] [--rerun]`);
  process.exit(2);
}

/** The newest modification time under a folder (bin/xxgk.js's test, which skips pipeline/synth). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const parent = e.parentPath ?? e.path;
    if (e.isFile() && !parent.includes('/pipeline/synth')) t = Math.max(t, statSync(join(parent, e.name)).mtimeMs);
  }
  return t;
}

function compiledIsFresh(): boolean {
  const stamp = join(ROOT, 'dist-js', '.built');
  try {
    return statSync(stamp).mtimeMs >= Math.max(newest(join(ROOT, 'pipeline')), newest(join(ROOT, 'schemas')));
  } catch {
    return false;
  }
}

if (!compiledIsFresh()) {
  console.log('dist-js/ is missing or older than the sources: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0 || !compiledIsFresh()) {
    console.error('npm run build failed: the bench measures the compiled CLI only');
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'xxgk-bench-cli-'));
const corpusDir = option('--corpus') ? resolve(option('--corpus')!) : join(scratch, 'in');
const outDir = join(scratch, 'release');
const profDir = option('--cpu-prof') ? resolve(option('--cpu-prof')!) : undefined;
const env = { ...process.env };
delete env.XXGK_FROM_SOURCE;
delete env.NODE_OPTIONS;

// 1. The corpus on disk.
let t0 = performance.now();
mkdirSync(corpusDir, { recursive: true });
let progress = false;
const corpus = await writeCorpus(corpusDir, COUNT, renderings, (n) => { progress = process.stderr.write(`\r  generating: ${n}/${COUNT}`); });
if (progress) process.stderr.write('\n');
const generateSeconds = (performance.now() - t0) / 1000;

// 2. The floor: read every input file and decode the text ones (the page cache is warm for both this and the CLI).
const BINARY = new Set<SynthRendering>(['docx', 'pdf']);
t0 = performance.now();
for (const f of corpus.files) {
  const bytes = new Uint8Array(await readFile(join(corpusDir, f.path)));
  if (!BINARY.has(f.rendering)) decodeText(bytes);
}
const rawSeconds = (performance.now() - t0) / 1000;

// 3. xxgk build --in --out, in a child process.
const log = join(scratch, 'build.log');
// Node 20 refuses --cpu-prof in NODE_OPTIONS: it goes on the child's command line.
const profile = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
// --config FILE: the build reads it (e.g. release.layout: national).
const config = option('--config') ? ['--config', resolve(option('--config')!)] : [];
// --rerun: every build reads and fills one parse cache.
const cache = RERUN ? ['--cache', join(scratch, 'cache')] : [];
const buildArgv = ['node', ...profile, BIN, 'build', '--in', corpusDir, '--out', outDir, ...config, ...cache];
const build = await runMeasured(buildArgv, { scratch, log, env });
// 3b. --rerun: the same build again, unchanged, then with one input file changed (restored afterwards).
const reruns: Array<{ label: string; m: Awaited<ReturnType<typeof runMeasured>> }> = [];
if (RERUN) {
  reruns.push({ label: 'unchanged re-run', m: await runMeasured(buildArgv, { scratch, log: join(scratch, 'rerun.log'), env }) });
  const changed = corpus.files[Math.floor(corpus.files.length / 2)]!.path;
  const original = readFileSync(join(corpusDir, changed));
  try {
    appendFileSync(join(corpusDir, changed), '\n');
    reruns.push({ label: `one file changed (${changed})`, m: await runMeasured(buildArgv, { scratch, log: join(scratch, 'rerun-changed.log'), env }) });
  } finally {
    writeFileSync(join(corpusDir, changed), original);
  }
}
const logText = readFileSync(log, 'utf8');
const lines = logText.split('\n');
const included = lines.filter((l) => l.startsWith('  included ')).length;
const excluded = lines.filter((l) => l.startsWith('  EXCLUDED ')).length;
const unreadable = lines.filter((l) => l.startsWith('  UNREADABLE ')).length;

// 4. What it wrote.
const outputs: Array<{ path: string; size: number }> = [];
for (const e of existsSync(outDir) ? readdirSync(outDir, { recursive: true, withFileTypes: true }) : []) {
  if (e.isFile()) {
    const full = join(e.parentPath ?? e.path, e.name);
    outputs.push({ path: full.slice(outDir.length + 1), size: statSync(full).size });
  }
}
const outBytes = outputs.reduce((s, f) => s + f.size, 0);
// The tree (what the repository holds) and the release assets the build wrote beside it (assets/, national layout).
const assetFiles = outputs.filter((f) => f.path.startsWith('assets/'));
const assetBytes = assetFiles.reduce((s, f) => s + f.size, 0);
const largest = [...outputs].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)).slice(0, 3);

// 5. Start-up: --help, --version, parse of one Word-text report.
const one = join(scratch, 'one-word-text.txt');
const { values, narrative } = generate(1);
writeFileSync(one, renderWordText(values, { narrative }));
const startup: Array<[string, string[]]> = [
  ['xxgk --help', ['--help']],
  ['xxgk --version', ['--version']],
  ['xxgk parse <one Word-text report>', ['parse', one]],
];
const startupRows: string[][] = [];
for (const [label, args] of startup) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await runMeasured(['node', BIN, ...args], { scratch, env }));
  const failed = runs.filter((m) => m.code !== 0).length;
  startupRows.push([
    label, `${(median(runs.map((m) => m.wallMs)) / 1000).toFixed(2)} s`,
    runs[0]!.cpuSeconds === null ? '?' : `${median(runs.map((m) => m.cpuSeconds!)).toFixed(2)} s`,
    mb(Math.max(...runs.map((m) => m.peakRss))),
    failed ? `${failed} of ${RUNS} runs failed` : '',
  ]);
}

// 6. The figures.
const s = build.wallMs / 1000;
const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`.trimEnd()).join('\n');
};
console.log(`xxgk CLI bench: ${COUNT} reports on disk, node ${process.version}, ${cpus().length} CPUs, ${mb(totalmem())} memory (${mb(freemem())} free), load average ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ')}`);
console.log(`  input: ${COUNT} files, ${mb(corpus.bytes)}, renderings round-robin: ${renderings.join(', ')} (${corpus.reused ? `reused from ${corpusDir}` : `generated in ${generateSeconds.toFixed(1)} s`})`);
// A build that stopped before reading (a bad config, say) has no throughput: reports/s over nothing built would mislead.
const failedOutright = build.code !== 0 && included + excluded + unreadable === 0;
console.log(failedOutright
  ? `  xxgk build --in --out: FAILED, exit ${build.code} after ${s.toFixed(1)} s, no report built: no throughput figure (its output is below)`
  : `  xxgk build --in --out: exit ${build.code}, ${s.toFixed(1)} s wall, ${(COUNT / s).toFixed(1)} reports/s, ${(build.wallMs / COUNT).toFixed(2)} ms a report`);
console.log(`    reports: ${included} included, ${excluded} excluded, ${unreadable} files unreadable`);
console.log(`    child: peak RSS ${mb(build.peakRss)}${build.cpuSeconds !== null ? `, CPU ${build.cpuSeconds.toFixed(1)} s (${(build.cpuSeconds / s).toFixed(2)} cores busy on average)` : ''} [${build.method}]`);
console.log(`    output: ${outputs.length} files, ${mb(outBytes)}; largest: ${largest.map((f) => `${f.path} ${mb(f.size)}`).join(', ')}`);
if (assetFiles.length) {
  const treeLargest = outputs.filter((f) => !f.path.startsWith('assets/')).sort((a, b) => b.size - a.size || a.path.localeCompare(b.path))[0];
  console.log(`    of which tree: ${outputs.length - assetFiles.length} files, ${mb(outBytes - assetBytes)} (largest: ${treeLargest ? `${treeLargest.path} ${mb(treeLargest.size)}` : 'none'}); release assets (assets/): ${assetFiles.length} files, ${mb(assetBytes)}`);
}
for (const { label, m } of reruns) {
  const share = (a: number | null, b: number | null) => (a !== null && b ? ` (${((100 * a) / b).toFixed(1)}% of the first)` : '');
  console.log(`  re-run with --cache, ${label}: exit ${m.code}, ${(m.wallMs / 1000).toFixed(1)} s wall${share(m.wallMs, build.wallMs)}, peak RSS ${mb(m.peakRss)}${m.cpuSeconds !== null ? `, CPU ${m.cpuSeconds.toFixed(1)} s${share(m.cpuSeconds, build.cpuSeconds)}` : ''}`);
}
console.log(`  raw read + decode of the same bytes: ${rawSeconds.toFixed(2)} s (${((rawSeconds * 1000) / COUNT).toFixed(3)} ms a report); the build takes ${(s / rawSeconds).toFixed(0)}× as long`);
console.log(`  start-up (median wall and CPU time of ${RUNS} runs, highest peak RSS):`);
console.log(table([['command', 'wall', 'CPU', 'peak RSS', ''], ...startupRows]));
if (profDir) console.log(`  CPU profile of the build child: ${profDir}/*.cpuprofile`);
if (build.code !== 0 && excluded + unreadable === 0) console.log(`  build output (exit ${build.code}):\n${lines.slice(-20).join('\n')}`);

rmSync(scratch, { recursive: true, force: true });
if (build.code !== 0 && excluded + unreadable === 0) process.exitCode = 1;
