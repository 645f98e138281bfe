/**
 * A lock file so two `xxgk run` processes never work at once. Taken by an exclusive create (open 'wx') of a file
 * holding {pid, host, startedAt}; a stale lock (its process is dead, or it is older than staleAfterMs) is taken over
 * atomically: a new lock written to a temporary file and renamed over it, then read back to confirm ownership.
 */
import { open, readFile, rename, rm, stat, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Clock } from '../adapters/clock.ts';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface LockOptions {
  pid: number;
  now: Clock;
  host?: string;
  /** Whether a process of this host is alive; defaults to process.kill(pid, 0). */
  isAlive?: (pid: number) => boolean;
  /** A lock older than this is stale whatever its process (covers other hosts and reused pids); default 6 hours. */
  staleAfterMs?: number;
}

export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
  /** Remove the lock file if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

const SIX_HOURS = 6 * 3600 * 1000;
/** A lock file that cannot be read as JSON may be one being written right now: it is stale only after this long. */
const UNREADABLE_GRACE_MS = 60 * 1000;

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Take the lock at path, or return null when a live process holds it. */
export async function acquireLock(path: string, options: LockOptions): Promise<Lock | null> {
  const info: LockInfo = {
    pid: options.pid,
    host: options.host ?? hostname(),
    startedAt: options.now().toISOString(),
  };
  const text = `${JSON.stringify(info)}\n`;
  await mkdir(dirname(path), { recursive: true });
  if (await createExclusive(path, text)) return held(path, info, text);
  if (!(await isStale(path, options, info.host))) return null;
  return (await takeOver(path, text, options, info.host)) ? held(path, info, text) : null;
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

function parseInfo(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string') {
      return { pid: v.pid, host: v.host, startedAt: v.startedAt };
    }
  } catch {
    // fall through
  }
  return null;
}

async function isStale(path: string, options: LockOptions, host: string): Promise<boolean> {
  const text = await readText(path);
  if (text === null) return true; // released meanwhile: take it
  const other = parseInfo(text);
  if (!other) {
    const mtime = (await stat(path).catch(() => null))?.mtimeMs;
    return mtime === undefined || Date.now() - mtime > UNREADABLE_GRACE_MS;
  }
  const age = options.now().getTime() - Date.parse(other.startedAt);
  if (Number.isFinite(age) && age > (options.staleAfterMs ?? SIX_HOURS)) return true;
  return other.host === host && !(options.isAlive ?? processIsAlive)(other.pid);
}

/**
 * Replace a stale lock. A guard file (itself an exclusive create) keeps two processes from taking over the same stale
 * lock at once; inside it the lock is checked again, replaced by a rename, and read back.
 */
async function takeOver(path: string, text: string, options: LockOptions, host: string): Promise<boolean> {
  const guard = `${path}.takeover`;
  if (!(await createExclusive(guard, text))) {
    const mtime = (await stat(guard).catch(() => null))?.mtimeMs;
    if (mtime !== undefined && Date.now() - mtime > UNREADABLE_GRACE_MS) await rm(guard, { force: true });
    return false;
  }
  try {
    if (!(await isStale(path, options, host))) return false;
    const tmp = `${path}.${options.pid}.tmp`;
    await createOrReplace(tmp, text);
    await rename(tmp, path);
    return (await readText(path)) === text;
  } finally {
    await rm(guard, { force: true });
  }
}

async function createOrReplace(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

function held(path: string, info: LockInfo, text: string): Lock {
  return {
    path,
    info,
    async release() {
      if ((await readText(path)) === text) await rm(path, { force: true });
    },
  };
}
