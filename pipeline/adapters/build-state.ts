/**
 * What `xxgk build --cache` remembers of its last build into an output folder, so that a re-run whose inputs did not
 * change does no work (issue 13 §5). One small file per output folder in the cache (build-state/<hash of the output
 * path>.json): the key of the build (below), the output as it was left (the build folder the link points to, and
 * every file's size, modification time and inode), and what the command printed and its exit code.
 *
 * The key is a sha256 over everything a build reads: the code that runs (every file of the compiled or source
 * tree, the schemas, package.json and the installed version of each dependency), the options of the build (the
 * release's metadata, the config's coverage and limits: the config as it is read, not its file name), the paths
 * given on the command line, and every input file's path and content (sha256 of the bytes: a file changed with
 * its size and modification time kept is still seen; the bytes of a file whose stat, ctime included, is the one the
 * last build recorded before reading it are not read again: InputRecord). The output is trusted by its file system facts (the rule of
 * make and rsync): the same link, the same files with the same sizes, modification times and inodes; a file edited
 * in place, added or removed makes the next build a full one. A re-run that matches prints what the last build
 * printed and exits as it did, and writes nothing.
 */
import { createHash } from 'node:crypto';
import { type BigIntStats, statSync } from 'node:fs';
import { lstat, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInput, writeAtomic } from './fs.ts';

/** The code root (pipeline/ or dist-js/) and the package root, from this file's place in either. */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (relative paths, sorted), following no link. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push(relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'));
  }
  return out.sort();
}

/** The installed version of a dependency: its package.json, found as node finds it (else 'missing'). */
async function installedVersion(name: string): Promise<string> {
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  for (const dir of require.resolve.paths(name) ?? []) {
    const text = await readFile(join(dir, name, 'package.json'), 'utf8').catch(() => null);
    if (text !== null) return String((JSON.parse(text) as { version?: unknown }).version);
  }
  return 'missing';
}

let codeDigest: Promise<string> | undefined;

/** A digest of the code that builds: every file of the code tree and the schemas, package.json, the dependencies' versions. */
export function codeFingerprint(): Promise<string> {
  codeDigest ??= (async () => {
    const hash = createHash('sha256');
    for (const root of [CODE_ROOT, join(PACKAGE_ROOT, 'schemas')]) {
      for (const f of await walk(root)) hash.update(`${root}\0${f}\0`).update(await readFile(join(root, f)));
    }
    const pkg = await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8');
    hash.update(pkg);
    const deps = Object.keys((JSON.parse(pkg) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
    for (const d of deps) hash.update(`\0${d}@${await installedVersion(d)}`);
    return hash.digest('hex');
  })();
  return codeDigest;
}

/**
 * What a file's stat says of its content, recorded with the sha256 of the bytes read after it: size, modification
 * and status-change times (ns), inode and device, of the file the path leads to (links followed, as the build reads).
 */
type InputStat = [size: string, mtimeNs: string, ctimeNs: string, ino: string, dev: string];

/** An input folder's recorded sha256, by path, with the facts each stands for (inputRecord). */
interface SavedInputs {
  inDir: string;
  files: Record<string, [...InputStat, sha256: string]>;
}

/**
 * The seconds a file's last change must lie before the moment it was read, for its facts to stand for its content
 * in the next build (`inputRecord`): twice the coarsest time granularity of the file systems in use (FAT: 2 s for
 * the modification time), so that a write in the same tick as the read, or just after, is never hidden.
 */
export const RACY_MS = 2_000;

/**
 * The sha256 of a build's input files recorded by the last build into the same output (build-state/<hash of the
 * output path>.inputs.json), so that a file not changed since is not read and hashed again (issue 13 §5: 10,000
 * files, about 1.5 s of CPU in a build where one changed). The rule, git's for its index ("racy git"): a file's
 * recorded sha256 is taken when the file the path leads to has the recorded size, modification time, status-change
 * time (ctime: set by the system on every write and every change of the times or the owner, never given by a tool:
 * `touch -d`, `cp -p`, `rsync -t` and `tar -x` set the modification time back, and the ctime to now), inode and device,
 * and the recorded change was at least RACY_MS before the stat taken just before that build read the file; else the
 * file is read and hashed. A file whose last change falls within RACY_MS of its read (written during the build, or in
 * the same tick of a coarse clock) is not recorded: the next build hashes it again. The stat comes before the read, so
 * that a write between the two leaves a ctime the next build does not know. `now` (ms): the clock the stat is
 * compared with (Date.now: the file systems' clock; a test may put it later).
 */
export interface InputRecord {
  /** The recorded sha256 of `path` (in the input folder), when its stat is the recorded one; else undefined. */
  known(path: string, stat: BigIntStats): string | undefined;
  /** Remember `path`'s sha256, read after `stat` was taken at `statAt` (ms), when its last change is old enough. */
  hashed(path: string, stat: BigIntStats, statAt: number, sha256: string): void;
  /** Write the record (only when it changed). */
  save(): Promise<void>;
  /** How many files' sha256 came from the record. */
  readonly reused: number;
  /** The time (ms) a stat is taken at (Date.now: the file systems' clock). */
  now(): number;
}

const statOf = (s: BigIntStats): InputStat => [String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino), String(s.dev)];

/** The record of input sha256 of builds from `inDir` into `out`, in the cache folder `cacheDir` (see InputRecord). */
export async function inputRecord(cacheDir: string, out: string, inDir: string, options: { racyMs?: number; now?: () => number } = {}): Promise<InputRecord> {
  const racyMs = BigInt(options.racyMs ?? RACY_MS);
  const file = stateFile(cacheDir, out, '.inputs.json');
  let saved: SavedInputs['files'] = {};
  try {
    const got = JSON.parse(await readFile(file, 'utf8')) as SavedInputs;
    if (got.inDir === inDir && got.files && typeof got.files === 'object') saved = got.files;
  } catch {
    // No record (or not one this can read): every file is hashed.
  }
  const next: SavedInputs['files'] = {};
  let changed = false;
  let reused = 0;
  return {
    known(path, stat) {
      const got = Object.hasOwn(saved, path) ? saved[path] : undefined;
      if (!got || got.length !== 6) return undefined;
      const now = statOf(stat);
      if (now.some((v, k) => v !== got[k])) return undefined;
      next[path] = got;
      reused++;
      return got[5];
    },
    hashed(path, stat, statAt, sha256) {
      changed = true;
      // The last change, as late as either time says, well before the stat: else not recorded.
      const last = stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs;
      if (last + racyMs * 1_000_000n >= BigInt(Math.floor(statAt)) * 1_000_000n) return;
      next[path] = [...statOf(stat), sha256];
    },
    async save() {
      if (!changed && Object.keys(next).length === Object.keys(saved).length) return;
      await writeAtomic(file, JSON.stringify({ inDir, files: next } satisfies SavedInputs));
    },
    get reused() {
      return reused;
    },
    now: options.now ?? Date.now,
  };
}

/** Hash files with a few reads at a time; with a record, a file whose stat is the recorded one is not read (InputRecord). */
async function hashFiles(dir: string, files: readonly string[], record?: InputRecord): Promise<string[]> {
  const out = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const k = next++;
      const path = join(dir, files[k]!);
      // Taken before the read (see InputRecord): the time first, then the stat, then the bytes.
      const statAt = record?.now() ?? 0;
      const stat = record ? statSync(path, { bigint: true, throwIfNoEntry: false }) : undefined;
      const isFile = stat?.isFile() === true;
      const known = isFile ? record!.known(files[k]!, stat!) : undefined;
      if (known !== undefined) {
        out[k] = known;
        continue;
      }
      // As the build reads them (readInput: a FIFO is refused, never waited on).
      const bytes = await readInput(path, files[k]!, Number.MAX_SAFE_INTEGER).catch((err: Error) => `unreadable: ${err.message}`);
      out[k] = createHash('sha256').update(bytes).digest('hex');
      if (isFile && typeof bytes !== 'string') record!.hashed(files[k]!, stat!, statAt, out[k]);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

/**
 * A value as text for a key: JSON, with Maps and Sets as tagged lists of their entries (in order). Not structured
 * clone (v8.serialize): it writes a string as the engine holds it, one byte or two a character, so that the same
 * text read by two runs (an ASCII string cut from a YAML file holding Chinese, and the same string made otherwise)
 * gave two keys, and `xxgk run` never found its last build's record.
 */
export function keyText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? { '\u0000Map': [...v] } : v instanceof Set ? { '\u0000Set': [...v] } : v));
}

/**
 * The key of a build's code and options, without its inputs: what the streamed files of a report year depend on
 * besides the year's reports (year-record.ts). `options` is hashed as keyText (Maps and all).
 */
export async function optionsKey(input: { argv: readonly string[]; options: unknown }): Promise<string> {
  return createHash('sha256').update(await codeFingerprint()).update(keyText({ argv: input.argv, options: input.options }), 'utf8').digest('hex');
}

/**
 * The key of a build: see the file's comment. `inputs`, when given, gets every input file's sha256 by path; `record`:
 * the sha256 recorded by the last build, for the files not changed since (InputRecord), saved with this build's.
 */
export async function buildKey(
  input: { inDir: string; files: readonly string[]; argv: readonly string[]; options: unknown }, inputs?: Map<string, string>, record?: InputRecord,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await optionsKey(input));
  const digests = await hashFiles(input.inDir, input.files, record);
  await record?.save();
  input.files.forEach((f, k) => {
    hash.update(`\0${f}\0${digests[k]}`);
    inputs?.set(f, digests[k]!);
  });
  return hash.digest('hex');
}

interface OutputFacts {
  /** Where `out` points (output-switch.ts: the build folder), or null when it is not a link. */
  link: string | null;
  /** Every file under it: path, size, modification time (ns), inode. */
  files: Array<[string, string, string, string]>;
}

/** A file's size, modification time (ns) and inode: what says it is as a build left it (null: no such file). */
export async function fileFacts(path: string): Promise<[string, string, string] | null> {
  const s = await lstat(path, { bigint: true }).catch(() => null);
  return s && s.isFile() ? [String(s.size), String(s.mtimeNs), String(s.ino)] : null;
}

/** The file in the cache folder that keeps what builds into `out` leave for the next one (`suffix`: which record). */
export function stateFile(cacheDir: string, out: string, suffix: string): string {
  return join(cacheDir, 'build-state', `${createHash('sha256').update(out).digest('hex').slice(0, 32)}${suffix}`);
}

/** Whether `link` (where `out` points) is the build folder of the build whose manifest.json has sha256 `manifest`. */
export function isBuildFolder(link: string | null, out: string, manifest: string): link is string {
  // output-switch.ts names a build folder by its manifest's hash (and maybe the process id).
  return link?.startsWith(`.${basename(out)}.build-${manifest.slice(0, 16)}`) === true;
}

async function outputFacts(out: string): Promise<OutputFacts | null> {
  const link = await readlink(out).catch(() => null);
  const found = await lstat(out).catch(() => null);
  if (!found) return null;
  const root = link === null ? out : join(dirname(out), link);
  const files: OutputFacts['files'] = [];
  for (const f of await walk(root)) {
    const facts = await fileFacts(join(root, f));
    if (facts) files.push([f, ...facts]);
  }
  return { link, files };
}

interface Saved {
  key: string;
  /** The release the build read as its history held only reports valid in its run (see `unchanged`). */
  inert: boolean;
  output: OutputFacts;
  lines: string[];
  code: number;
}

export interface BuildState {
  /** What the last build with this key printed and returned, when the output is as it left it; else null. */
  unchanged(key: string): Promise<{ lines: string[]; code: number } | null>;
  /**
   * Remember a build just finished into `out`; `inert`: its history held only reports valid in its run; `manifest`:
   * the sha256 of the manifest.json it wrote (when `out` is no longer its build, another run's, nothing is kept).
   */
  save(key: string, inert: boolean, lines: string[], code: number, manifest: string): Promise<void>;
}

/** The state of builds into `out` kept in the cache folder `cacheDir`. */
export function buildState(cacheDir: string, out: string): BuildState {
  const file = stateFile(cacheDir, out, '.json');
  return {
    async unchanged(key) {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) return null;
      let saved: Saved;
      try {
        saved = JSON.parse(text) as Saved;
      } catch {
        return null;
      }
      if (saved.key !== key) return null;
      // A re-run reads the last build's output as its history (the last release: the cross-year rules, the dates
      // of unchanged reports). A release whose reports are all valid reports of the run adds nothing to the
      // cross-year rules (read-folder.ts reads a report of the history only for an id not in the run; missingInRun
      // counts only ids not valid in the run), and the last build's output is such a release: so the re-run reads
      // what the last build read when that build's history was such a release too (none, or the release of an
      // earlier build of the same reports). Else (an older release in --out with other reports) the next build is
      // a full one.
      if (!saved.inert) return null;
      const now = await outputFacts(out);
      if (!now || JSON.stringify(now) !== JSON.stringify(saved.output)) return null;
      return { lines: saved.lines, code: saved.code };
    },
    async save(key, inert, lines, code, manifest) {
      const output = await outputFacts(out);
      if (!output || !isBuildFolder(output.link, out, manifest)) {
        await rm(file, { force: true });
        return;
      }
      const saved: Saved = { key, inert, output, lines, code };
      await writeAtomic(file, JSON.stringify(saved));
    },
  };
}
