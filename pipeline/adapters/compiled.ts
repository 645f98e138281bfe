/**
 * What `npm run build` computes ahead for the run time (scripts/compile-run-time.ts): dist-js/validators/<name>.cjs
 * (ajv standalone code) and dist-js/registry.json (agencies.yaml read, checked, with its name forms). Run compiled,
 * they lie beside the code (dist-js/). Run from the TypeScript sources (tsx: the tests, a working copy), they are
 * used while dist-js/.built is newer than every run-time source — pipeline/, schemas/, agencies.yaml — the rule
 * bin/xxgk.js follows to choose dist-js over the sources; otherwise the sources compute them (ajv compiles the
 * schemas, the YAML is read), as before. Without this every test process spent some 2 to 3 CPU-seconds on that.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** pipeline/ (sources) or dist-js/ (compiled): the folder that holds adapters/. */
const CODE = new URL('../', import.meta.url);
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** The newest modification time of the files under the given paths (a file counts itself); 0 when none exists. */
function newest(paths: readonly URL[]): number {
  let latest = 0;
  for (const path of paths) {
    const file = fileURLToPath(path);
    if (!existsSync(file)) continue;
    const stat = statSync(file);
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(file, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
    }
  }
  return latest;
}

const fresh = new Map<string, boolean>();

/** Whether `root`/dist-js/.built is newer than every run-time source under `root` (once per process and root). */
function builtIsFresh(root: URL): boolean {
  let known = fresh.get(root.href);
  if (known === undefined) {
    const stamp = fileURLToPath(new URL('dist-js/.built', root));
    known = existsSync(stamp) && statSync(stamp).mtimeMs >= newest(['pipeline/', 'schemas/', 'agencies.yaml'].map((p) => new URL(p, root)));
    fresh.set(root.href, known);
  }
  return known;
}

/**
 * The URL of a file the build compiled (`validators/annual-report.cjs`, `registry.json`), or null when there is none
 * to use. `sourcesRoot`: the repository root, when run from the sources (tests give their own).
 */
export function compiledFile(path: string, options: { sourcesRoot?: URL } = {}): URL | null {
  const root = options.sourcesRoot ?? (FROM_SOURCES ? new URL('../', CODE) : null);
  const file = root ? new URL(`dist-js/${path}`, root) : new URL(path, CODE);
  if (!existsSync(fileURLToPath(file))) return null;
  return root && !builtIsFresh(root) ? null : file;
}
