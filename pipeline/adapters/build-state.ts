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
 * its size and modification time kept is still seen). The output is trusted by its file system facts (the rule of
 * make and rsync): the same link, the same files with the same sizes, modification times and inodes; a file edited
 * in place, added or removed makes the next build a full one. A re-run that matches prints what the last build
 * printed and exits as it did, and writes nothing.
 */
import { createHash } from 'node:crypto';
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

/** Hash files with a few reads at a time. */
async function hashFiles(dir: string, files: readonly string[]): Promise<string[]> {
  const out = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const k = next++;
      // As the build reads them (readInput: a FIFO is refused, never waited on).
      const bytes = await readInput(join(dir, files[k]!), files[k]!, Number.MAX_SAFE_INTEGER).catch((err: Error) => `unreadable: ${err.message}`);
      out[k] = createHash('sha256').update(bytes).digest('hex');
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

/** The key of a build: see the file's comment. `inputs`, when given, gets every input file's sha256 by path. */
export async function buildKey(input: { inDir: string; files: readonly string[]; argv: readonly string[]; options: unknown }, inputs?: Map<string, string>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await optionsKey(input));
  const digests = await hashFiles(input.inDir, input.files);
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
