/**
 * Releases to publish in tests: a working copy of the structured real samples (one file per report, so a test can
 * correct a value, add or withdraw a report), built into a folder with a fixed clock.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../../pipeline/adapters/clock.ts';
import { buildFolder } from '../../pipeline/run.ts';
import { SAMPLES } from './build-samples.ts';
import { scratchDir } from './scratch.ts';

const REAL = join(SAMPLES, 'real');

/** The reports of the fixture, by sample file. */
export const REPORTS = {
  liaocheng2020: '2020_liaocheng-zrzyghj.json',
  hongze2023: '2023_huaian-hongze-district-gov.json',
  huaianCity2024: '2024_huaian-city-gov.json',
  hongze2024: '2024_huaian-hongze-district-gov.json',
} as const;

/** 10:00 in Beijing on 2026-02-<n>. */
export const day = (n: number): Clock => () => new Date(Date.UTC(2026, 1, n, 2));

export interface Fixture {
  dir: string;
  /** The input folder (a copy of samples/real/*.json). */
  in: string;
  /** The release folder. */
  out: string;
}

export function fixture(options: { without?: string[] } = {}): Fixture {
  const dir = scratchDir('xxgk-publish-');
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const name of readdirSync(REAL).filter((n) => n.endsWith('.json') && !options.without?.includes(n))) {
    copyFileSync(join(REAL, name), join(input, name));
  }
  return { dir, in: input, out: join(dir, 'dist') };
}

/**
 * Releases built into a folder that did not exist yet, by what they were built from (the input files' names and
 * bytes, and the day): a build depends on nothing else then, so a test file builds each such release once and later
 * builds copy it (the target contract's tests build the same fixture on the same day for every target), laid out as
 * the build lays it out: the release folder a relative link to `.dist.build-<hash>` beside it. A build into an
 * existing folder (a rebuild over a published release) always builds.
 */
const builtFresh = new Map<string, { link: string; files: string }>();

function freshKey(f: Fixture, clock: Clock): string | null {
  if (existsSync(f.out)) return null;
  const hash = createHash('sha256').update(clock().toISOString());
  for (const entry of readdirSync(f.in, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) return null;
    hash.update(`\0${entry.name}\0`).update(readFileSync(join(f.in, entry.name)));
  }
  return hash.digest('hex');
}

export async function build(f: Fixture, clock: Clock): Promise<void> {
  const key = freshKey(f, clock);
  const copy = key === null ? undefined : builtFresh.get(key);
  if (copy !== undefined) {
    cpSync(copy.files, join(dirname(f.out), copy.link), { recursive: true });
    symlinkSync(copy.link, f.out, 'dir');
    return;
  }
  const run = await buildFolder(f.in, f.out, clock);
  if (run.excluded.length > 0 || run.unreadable.length > 0) throw new Error(`fixture: ${run.excluded.length} reports excluded, ${run.unreadable.length} unreadable`);
  if (key !== null && lstatSync(f.out).isSymbolicLink()) {
    const link = readlinkSync(f.out);
    const files = join(scratchDir('xxgk-built-'), 'dist');
    cpSync(join(dirname(f.out), link), files, { recursive: true });
    builtFresh.set(key, { link, files });
  }
}

/** Set one cell of a report in the input folder (a correction). */
export function correct(f: Fixture, file: string, table: string, row: string, column: string, value: number): void {
  const path = join(f.in, file);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { tables: Record<string, Record<string, Record<string, unknown>>> };
  doc.tables[table]![row]![column] = value;
  writeFileSync(path, JSON.stringify(doc, null, 2));
}

export const addReport = (f: Fixture, file: string) => copyFileSync(join(REAL, file), join(f.in, file));
export const withdrawReport = (f: Fixture, file: string) => rmSync(join(f.in, file));

/** Remove a property from a built schema file (a field removed: an incompatible change). */
export function removeSchemaProperty(f: Fixture, schema: string, path: string[]): void {
  const file = join(f.out, 'schemas', schema);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  let node = doc;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (!(path.at(-1)! in node)) throw new Error(`fixture: ${schema} has no ${path.join('/')}`);
  delete node[path.at(-1)!];
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}
