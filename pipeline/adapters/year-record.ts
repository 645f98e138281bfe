/**
 * What `xxgk build --cache` keeps of a build's stream for the next build into the same output folder (issue 13 §5):
 * per report year, the digest of its reports and the files the year's stream wrote (datasets/year-streams.ts), with
 * each file's size, modification time (ns) and inode in the build folder it was left in. One small file beside the
 * build state (build-state/<hash of the output path>.years.json), keyed by the build's options key (the code and
 * the options, not the inputs: build-state.ts optionsKey).
 *
 * The next build takes a year (`take`) only when all of these hold: the same options key; `--out` still links to
 * the build folder the record names; the year's digest is the same; and every file of the year is in that folder
 * with the recorded size, modification time and inode (the rule of the build state: file-system facts for the
 * output). Then the year's files are hard-linked into the new build (copied across file systems) instead of written.
 * Anything else — no record, another key, another folder, a file touched — and the year is written, as in a full
 * build. A year written again may still link the parts of it that did not change (`parts`: partition-writer.ts),
 * under the same checks of the part's files, and read the year's pages archive (`pages`, national layout: the pages of
 * the reports kept from the last build are its entries) under the same checks of the archive. A linked file is never
 * written to: the build writes only the years and parts it does not take, at other paths.
 *
 * `keep` (`xxgk run`, schedule/job.ts): the output folder does not stay the build's — publishing switches in the
 * release as published (its version, the reports carried over), and the build folder is removed. So the year files
 * are kept in the cache: hard links to the build's files (copies across file systems) in a folder beside the record
 * (build-state/<hash of the output path>.years-<…>/), made when the build is saved, and the next build takes a year
 * from there, under the same conditions but the link of `out` (the options key, the digest, every file with the
 * recorded size, modification time and inode).
 */
import { copyFile, link, mkdir, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputSink } from './output.ts';
import type { YearFiles, YearStreams } from '../datasets/year-streams.ts';
import { tarGzEntries } from '../datasets/archive-writer.ts';
import { pagesArchivePath } from '../datasets/release-layout.ts';
import { fileFacts, isBuildFolder, stateFile } from './build-state.ts';
import { writeAtomic } from './fs.ts';
import type { Ledger } from '../build-ledger.ts';

/** A file's size, modification time (ns) and inode. */
type Facts = NonNullable<Awaited<ReturnType<typeof fileFacts>>>;

interface Saved {
  key: string;
  /** What the build kept of each report (build-ledger.ts), when it may be kept from. */
  ledger: Ledger | null;
  /** The build folder (where `out` linked) that holds the files; with `keep`, the folder of their links in the cache. */
  folder: string;
  /** The files are kept in the cache (`keep`), not read from the build folder. */
  kept?: boolean;
  years: Array<YearFiles & { facts: Facts[] }>;
}

export interface YearRecord extends YearStreams {
  /** The last build's ledger, when it is usable (the same key, `out` still its folder); else null. */
  ledger: Ledger | null;
  /** Why there is no ledger to keep reports from, when a build into `out` was recorded (null when none was, or it is usable). */
  why: string | null;
  /** The folder holding the last build's year files (its report documents are read again from there), when usable. */
  root: string | null;
  /**
   * Remember the streams of the build just switched in as `out`, whose manifest.json has the sha256 `manifest` (none
   * when `out` is no longer that build: output-switch.ts names a build folder by its manifest's hash).
   */
  save(years: readonly YearFiles[], manifest: string, ledger: Ledger | null): Promise<void>;
}

/** The record of builds into `out` kept in the cache folder `cacheDir`, for builds of options key `key` (`keep`: see the file's comment). */
export async function yearRecord(cacheDir: string, out: string, key: string, options: { keep?: boolean } = {}): Promise<YearRecord> {
  const file = stateFile(cacheDir, out, '.years.json');
  const keep = options.keep === true;
  const text = await readFile(file, 'utf8').catch(() => null);
  let saved: Saved | null = null;
  try {
    saved = text === null ? null : (JSON.parse(text) as Saved);
  } catch {
    saved = null;
  }
  const folder = keep ? null : await readlink(out).catch(() => null);
  const usable = saved === null || saved.key !== key || (saved.kept === true) !== keep ? null
    : keep ? saved
      : folder !== null && saved.folder === folder ? saved : null;
  const root = usable ? join(keep ? dirname(file) : dirname(out), usable.folder) : null;
  const why = saved === null ? null
    : saved.key !== key || (saved.kept === true) !== keep ? 'xxgk or the build\'s options changed since the last build'
      : usable === null ? `${out} is no longer the last build's folder`
        : usable.ledger === null ? 'the last build was not whole (a file unreadable or a report excluded): no ledger kept'
          : null;
  return {
    why,
    usable: usable !== null && usable.years.length > 0,
    ledger: usable?.ledger ?? null,
    root,
    async take(year, digest, sink: OutputSink) {
      const got = usable?.years.find((y) => y.year === year && y.digest === digest);
      if (!got || !sink.link || got.files.length === 0) return null;
      const from = (path: string) => join(root!, path);
      // Every file as the last build left it, before any is linked.
      for (let k = 0; k < got.files.length; k++) {
        const now = await fileFacts(from(got.files[k]!.path));
        if (!now || now.join() !== got.facts[k]?.join()) return null;
      }
      for (const f of got.files) await sink.link(f.path, from(f.path));
      const { facts: _, ...files } = got;
      return files;
    },
    parts(year, sink: OutputSink) {
      const got = usable?.years.find((y) => y.year === year);
      if (!got || !sink.link) return [];
      const at = new Map(got.files.map((f, k) => [f.path, k]));
      return got.breaks.map((b) => ({
        ...b,
        // The part's files (or those of them named), each as the last build left it (checked before any is linked), or
        // null: the part (or those files) is written.
        async link(paths?: readonly string[]) {
          if (paths?.some((p) => !b.files?.includes(p))) return null;
          const ks = (paths ?? b.files ?? []).map((p) => at.get(p));
          if (ks.length === 0 || ks.some((k) => k === undefined)) return null;
          for (const k of ks) {
            const now = await fileFacts(join(root!, got.files[k!]!.path));
            if (!now || now.join() !== got.facts[k!]?.join()) return null;
          }
          for (const k of ks) await sink.link!(got.files[k!]!.path, join(root!, got.files[k!]!.path));
          return ks.map((k) => got.files[k!]!);
        },
      }));
    },
    async pages(year, key) {
      const got = usable?.years.find((y) => y.year === year);
      const path = pagesArchivePath(year);
      const k = got?.files.findIndex((f) => f.path === path) ?? -1;
      if (!got || got.pages !== key || k < 0) return null;
      // The archive as the last build left it (as for a link), else every page is rendered.
      const now = await fileFacts(join(root!, path));
      if (!now || now.join() !== got.facts[k]?.join()) return null;
      return tarGzEntries(join(root!, path));
    },
    async save(years, manifest, ledger) {
      const now = await readlink(out).catch(() => null);
      if (!isBuildFolder(now, out, manifest)) {
        await rm(file, { force: true });
        return;
      }
      const build = join(dirname(out), now);
      // With `keep`: a new folder of links to the year files (named for the build), the record switched to it, then
      // the earlier ones removed (and any left by a run killed meanwhile).
      const keptName = `${basename(file, '.json')}-${basename(now).slice(-40)}-${process.pid}`;
      const at = keep ? join(dirname(file), keptName) : build;
      if (keep) await rm(at, { recursive: true, force: true });
      const kept: Saved['years'] = [];
      for (const y of years) {
        const facts: Facts[] = [];
        for (const f of y.files) {
          if (keep && !(await keepFile(join(build, f.path), join(at, f.path)))) break;
          const got = await fileFacts(join(at, f.path));
          if (!got) break;
          facts.push(got);
        }
        if (facts.length === y.files.length) kept.push({ ...y, facts });
      }
      await writeAtomic(file, JSON.stringify({ key, folder: keep ? keptName : now, ...(keep ? { kept: true } : {}), years: kept, ledger } satisfies Saved));
      if (keep) await removeKept(dirname(file), basename(file, '.json'), keptName);
    },
  };
}

/** A hard link to `from` at `to` (a copy across file systems); false when `from` is not there. */
async function keepFile(from: string, to: string): Promise<boolean> {
  await mkdir(dirname(to), { recursive: true });
  return link(from, to).then(() => true, async (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return false;
    if (err.code !== 'EXDEV' && err.code !== 'EPERM' && err.code !== 'ENOTSUP') throw err;
    await copyFile(from, to);
    return true;
  });
}

/** The folders of kept year files of the record `stem` but `current`. */
async function removeKept(dir: string, stem: string, current: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name !== current && name.startsWith(`${stem}-`)) await rm(join(dir, name), { recursive: true, force: true });
  }
}
