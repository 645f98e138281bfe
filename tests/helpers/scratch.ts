/**
 * Temporary folders of a test file: made under the system's temporary folder (TMPDIR: `npm test` gives each run a
 * fresh one, scripts/test-tmpdir.sh) and removed when the process exits, whatever the test did with them — a test
 * that fails, or forgets, leaves nothing behind. `after` hooks may still remove theirs earlier.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A fresh folder `<TMPDIR>/<prefix>XXXXXX`, removed at the process's exit. */
export function scratchDir(prefix = 'xxgk-test-'): string {
  if (made.size === 0) process.on('exit', removeAll);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Remove a scratch folder now (it is no longer removed at exit). */
export function removeScratch(dir: string): void {
  remove(dir);
  made.delete(dir);
}

function removeAll(): void {
  for (const dir of made) {
    try {
      remove(dir);
    } catch (err) {
      // Said, not thrown: an exception here would change the test file's outcome; the run's TMPDIR check lists it.
      process.stderr.write(`scratch: cannot remove ${dir}: ${(err as Error).message}\n`);
    }
  }
  made.clear();
}

function remove(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // A folder a test made unreadable (chmod 000; root is never refused): made readable again, then removed.
    openUp(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

function openUp(dir: string): void {
  try {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) openUp(path);
    }
  } catch {
    // Not ours to open: rmSync says so.
  }
}
