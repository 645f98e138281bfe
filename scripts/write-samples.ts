/**
 * `npm run samples`: (re)write samples/ deterministically — synthetic reports in every rendering, and the real
 * reports' figures in the compact shape (only when the corpus' expected figures are at hand; otherwise the
 * committed samples/real files are kept). Every file is written atomically (temporary name, then rename).
 *
 *   tsx scripts/write-samples.ts [--out samples] [--real /work/shared/corpus/expected]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildRealSamples, buildSyntheticSamples, type SampleFile, SAMPLES_README } from '../pipeline/synth/samples.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Write the files under `out`, and remove files in `subdir` that are no longer produced. */
function writeAll(out: string, subdir: string, files: SampleFile[]): void {
  const wanted = new Set(files.map((f) => join(out, f.path)));
  for (const f of files) writeAtomic(join(out, f.path), f.bytes);
  for (const stale of listFiles(join(out, subdir))) if (!wanted.has(stale)) rmSync(stale);
}

const out = arg('--out', 'samples');
const realDir = arg('--real', '/work/shared/corpus/expected');

writeAtomic(join(out, 'README.md'), new TextEncoder().encode(SAMPLES_README));
const synthetic = await buildSyntheticSamples();
writeAll(out, 'synthetic', synthetic);
let realCount = 0;
if (existsSync(realDir)) {
  const expected: Record<string, Record<string, unknown>> = {};
  for (const name of readdirSync(realDir).filter((n) => n.endsWith('.json')).sort()) {
    expected[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(realDir, name), 'utf8'));
  }
  const real = buildRealSamples(expected);
  writeAll(out, 'real', real);
  realCount = real.length;
}
const bytes = listFiles(out).reduce((s, p) => s + statSync(p).size, 0);
console.log(`samples: ${synthetic.length} synthetic files, ${realCount ? `${realCount} real files` : `real files kept (${relative('.', realDir)} not found)`}; ${out}/ holds ${(bytes / 1024).toFixed(0)} KB`);
