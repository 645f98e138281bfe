/**
 * The switch of an output folder, in one atomic step. `out` is a symbolic link to a build folder named for its
 * content (`.<out>.build-<hash of its manifest>`, beside it); a new build is switched in by renaming a new link
 * over `out` — one rename(2), so a reader (or a kill) sees the old build or the new one, never no `out`. Staging
 * folders, links and old builds left by killed runs are cleaned up by the next switch.
 *
 * A real folder written by an older xxgk is converted once: renamed aside, then the link renamed into its place.
 * A run killed between those two renames leaves the link beside `out`; `recoverOutput` (run before every build)
 * puts it in place.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Steps of the switch, for tests that inject a crash between them. */
export type SwitchStep = 'staged' | 'named' | 'linked' | 'moved-aside' | 'switched';
export type StepHook = (step: SwitchStep) => void | Promise<void>;

const names = (out: string) => {
  const base = basename(out);
  return {
    dir: dirname(out),
    staging: `.${base}.staging-${process.pid}`,
    link: `.${base}.link-${process.pid}`,
    aside: `.${base}.old-${process.pid}`,
    /** Every name a switch of this folder leaves beside it (and those of older xxgk: <out>.staging-PID, <out>.old-PID). */
    ours: new RegExp(`^(?:\\.${escape(base)}\\.(?:staging|link|old|build)-|${escape(base)}\\.(?:staging|old)-)`),
  };
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The staging folder of this process for `out`. */
export function stagingFolder(out: string): string {
  const n = names(out);
  return join(n.dir, n.staging);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When `out` is missing but a killed run left its link (or, with an older xxgk, the previous folder) beside it: put it back. */
export async function recoverOutput(out: string): Promise<void> {
  if (await lstat(out).then(() => true, () => false)) return;
  const n = names(out);
  const left = await readdir(n.dir).catch(() => [] as string[]);
  const base = basename(out);
  const links = left.filter((f) => f.startsWith(`.${base}.link-`));
  for (const link of links) {
    const target = await readlink(join(n.dir, link)).catch(() => null);
    if (target && (await lstat(join(n.dir, target)).then(() => true, () => false))) return rename(join(n.dir, link), out);
  }
  const old = left.find((f) => f.startsWith(`${base}.old-`) || f.startsWith(`.${base}.old-`));
  if (old) await rename(join(n.dir, old), out);
}

/** The build folder's name: from the hash of its manifest.json (which lists every file's hash), else the process and time. */
async function contentName(out: string, staging: string): Promise<string> {
  const manifest = await readFile(join(staging, 'manifest.json')).catch(() => null);
  const id = manifest ? createHash('sha256').update(manifest).digest('hex').slice(0, 16) : `${process.pid}-${Date.now()}`;
  return `.${basename(out)}.build-${id}`;
}

/** Switch the finished staging folder in as `out` (see the file's comment); `step` is called after each step. */
export async function switchOutput(out: string, step: StepHook = () => {}): Promise<void> {
  const n = names(out);
  const staging = join(n.dir, n.staging);
  await step('staged');
  const current = await readlink(out).catch(() => null);
  // A build with the current build's manifest still replaces it: a file of the current folder may have been edited
  // or removed since (the manifest is not read back). Its folder takes the process id too, beside the current one.
  const named = await contentName(out, staging);
  const name = named === current ? `${named}-${process.pid}` : named;
  await rm(join(n.dir, name), { recursive: true, force: true });
  await rename(staging, join(n.dir, name));
  await step('named');
  const link = join(n.dir, n.link);
  await rm(link, { force: true });
  await symlink(name, link, 'dir');
  await step('linked');
  const found = await lstat(out).catch(() => null);
  if (found && !found.isSymbolicLink()) {
    await rename(out, join(n.dir, n.aside));
    await step('moved-aside');
  }
  await rename(link, out);
  await step('switched');
  await cleanUp(out, name);
}

/** Remove what switches of `out` left beside it: every build but `keep`, and staging folders and links of dead processes. */
async function cleanUp(out: string, keep: string): Promise<void> {
  const n = names(out);
  for (const entry of await readdir(n.dir)) {
    if (entry === keep || !n.ours.test(entry)) continue;
    const pid = /(?:staging|link)-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && alive(Number(pid))) continue;
    await rm(join(n.dir, entry), { recursive: true, force: true });
  }
}
