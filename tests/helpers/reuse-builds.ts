/**
 * Builds with reuse of the last build (the year record in `<dir>/cache`, the build in `<dir>/out`), each checked
 * against a build without reuse into a fresh folder: for tests of the parts a year written again links.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFolderAtomically } from '../../pipeline/adapters/output.ts';
import { yearRecord } from '../../pipeline/adapters/year-record.ts';
import { type BuildResult, buildRelease } from '../../pipeline/datasets/index.ts';
import type { PartitionBreak } from '../../pipeline/datasets/partition-writer.ts';
import type { DatasetMeta, ValidatedReport } from '../../pipeline/datasets/types.ts';
import { fileTree } from './file-tree.ts';

export interface ReuseBuilds {
  /** The build folder the builds with reuse write (an output link), and the year record's folder. */
  out: string;
  cache: string;
  /** A build into `to`, with the last build's year record when `reuse` (and the record then saved). */
  build(to: string, reports: readonly ValidatedReport[], reuse: boolean): Promise<BuildResult>;
  /**
   * A build with reuse into `out` and one without into a fresh folder: the same files, byte for byte. Returns the
   * year's breaks and the files of each of the year's parts kept from the last build (their inodes kept).
   */
  step(reports: readonly ValidatedReport[]): Promise<{ breaks: PartitionBreak[]; kept: string[][] }>;
}

/**
 * `last`: the builds with reuse are also given the last build's report of each id (`reuse.last`), so that a part
 * whose reports keep their rows links its tables.
 */
export function reuseBuilds(dir: string, meta: DatasetMeta, o: { maxFileBytes: number; year: number; last?: boolean }): ReuseBuilds {
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  let lastReports = new Map<string, ValidatedReport>();
  const build = async (to: string, reports: readonly ValidatedReport[], reuse: boolean): Promise<BuildResult> => {
    const years = reuse ? await yearRecord(cache, to, 'key') : null;
    const before = lastReports;
    const again = (y: number) => reports.filter((r) => r.report.year === y);
    const last = async (id: string) => before.get(id) ?? null;
    const result = await writeFolderAtomically(to, (sink) => buildRelease({
      reports, meta, today: '2026-02-01', schemas: new Map(), maxFileBytes: o.maxFileBytes,
      ...(years?.usable ? { reuse: { years, again, ...(o.last ? { last } : {}) } } : {}),
    }, sink));
    if (years) {
      await years.save(result.streams, result.files.find((f) => f.path === 'manifest.json')!.sha256, null);
      lastReports = new Map(reports.map((r) => [r.report.id, r]));
    }
    return result;
  };
  let n = 0;
  const step = async (reports: readonly ValidatedReport[]) => {
    const before = await fileTree(out);
    const got = await build(out, reports, true);
    const reference = join(dir, `reference-${++n}`);
    await build(reference, reports, false);
    const after = await fileTree(out);
    const want = await fileTree(reference);
    assert.deepEqual([...after.keys()], [...want.keys()], 'the same files');
    for (const [path, f] of want) assert.ok(f.bytes.equals(after.get(path)!.bytes), `${path}: the same bytes`);
    const breaks = got.streams.find((s) => s.year === o.year)!.breaks;
    const kept = breaks.map((b) => (b.files ?? []).filter((p) => before.get(p)?.ino === after.get(p)!.ino));
    return { breaks, kept };
  };
  return { out, cache, build, step };
}
