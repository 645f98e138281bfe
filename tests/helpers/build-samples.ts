/** Build the bundled samples into a folder with a fixed clock: what the golden and determinism tests compare. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { type BuildOptions, buildFolder, type BuildRun } from '../../pipeline/run.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLES = join(ROOT, 'samples');
export const GOLDEN = join(ROOT, 'tests/golden/samples');

/** The fixed clock of golden builds: 2026-02-01 in Beijing. */
export const FIXED_CLOCK: Clock = () => new Date('2026-02-01T02:00:00Z');

/** options: e.g. a parse cache (helpers/memory-cache.ts) for a build of documents another build of the file parsed. */
export function buildSamples(out: string, inDir = SAMPLES, clock = FIXED_CLOCK, options: BuildOptions = {}): Promise<BuildRun> {
  return buildFolder(inDir, out, clock, options);
}

/** Every file under dir (relative path → bytes). */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** The paths whose bytes differ between two trees (added, removed or changed). */
export function diffTrees(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !a.has(p) || !b.has(p) || !a.get(p)!.equals(b.get(p)!)).sort();
}
