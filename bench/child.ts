/**
 * Run a command in a child process and measure it from outside: wall time, and peak RSS and CPU time of the child.
 * With GNU time (/usr/bin/time, Debian's `time` package) the figures are the kernel's own (getrusage of the child:
 * ru_maxrss, user and system time). Without it, peak RSS is the kernel's high-water mark VmHWM read from
 * /proc/<pid>/status every 20 ms, of the child and of every process under it (`xxgk build` runs the build in a second
 * node process: bin/xxgk.js), the highest of them (the last reading before the exit: a peak in the last 20 ms can be
 * missed), and CPU time is not known.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  code: number;
  wallMs: number;
  /** Peak resident set size of the child, in bytes. */
  peakRss: number;
  /** User + system CPU seconds of the child (null without GNU time). */
  cpuSeconds: number | null;
  method: 'GNU time' | 'VmHWM polling';
}

export const measureMethod = (): Measured['method'] => (existsSync(GNU_TIME) ? 'GNU time' : 'VmHWM polling');

async function vmHwm(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** The process ids under `pid` (its children, theirs, …), from /proc/<pid>/task/<tid>/children. */
async function descendants(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${pid}/task/${t}/children`, 'utf8').catch(() => '')));
  const children = lists.join(' ').split(/\s+/).filter(Boolean).map(Number);
  return [...children, ...(await Promise.all(children.map(descendants))).flat()];
}

/** The highest VmHWM of `pid` and the processes under it. */
async function treeHwm(pid: number): Promise<number> {
  const all = [pid, ...(await descendants(pid))];
  return Math.max(...(await Promise.all(all.map(vmHwm))));
}

/**
 * Run argv[0] with the rest as arguments; its stdout and stderr go to `log` (a file path), or are dropped.
 * `scratch` is a folder for GNU time's report.
 */
export async function runMeasured(argv: readonly string[], opts: { scratch: string; log?: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const method = measureMethod();
  const timeFile = join(opts.scratch, `time-${process.pid}-${Date.now()}.txt`);
  const command = method === 'GNU time' ? [GNU_TIME, '-o', timeFile, '-f', '%M %U %S', ...argv] : [...argv];
  const out = opts.log ? openSync(opts.log, 'w') : 'ignore';
  const t0 = performance.now();
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', out, out], env: opts.env ?? process.env });
  let polled = 0;
  const poll = method === 'VmHWM polling'
    ? setInterval(() => void treeHwm(child.pid!).then((b) => { polled = Math.max(polled, b); }), 20)
    : undefined;
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - t0;
  clearInterval(poll);
  if (typeof out === 'number') closeSync(out);
  if (method === 'VmHWM polling') return { code, wallMs, peakRss: polled, cpuSeconds: null, method };
  // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
  const line = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!;
  await rm(timeFile, { force: true });
  const [kb, user, sys] = line.split(' ').map(Number);
  return { code, wallMs, peakRss: kb! * 1024, cpuSeconds: user! + sys!, method };
}

/** The median of some numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
