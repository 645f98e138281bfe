/**
 * `xxgk agencies suggest DIR`: read every report in DIR, resolve each printed agency name against the registry,
 * print registry entries for the names that do not resolve (stdout, YAML) and a summary (stderr). Unreadable files
 * are skipped with a note. Exit 0 when every name resolves, 1 when some do not, 2 for bad usage or a bad registry.
 */
import { printableLine } from '../printable.ts';
import { join } from 'node:path';
import { isDirectory, listFiles, readInput } from '../adapters/fs.ts';
import { READ_LIMITS } from '../ingest/limits.ts';
import { loadDivisions, loadRegistry } from '../adapters/registry.ts';
import { InputError, UsageError } from '../errors.ts';
import { readReport } from '../read.ts';
import { createResolver, type ResolveHint } from './resolve.ts';
import { suggestEntries, type Unresolved } from './suggest.ts';
import { suggestionsYaml } from './suggest-yaml.ts';

/** Files in a folder that are not reports (as xxgk build skips them): Markdown notes and manifests. */
const NOT_REPORTS = /(?:^|\/)(?:[^/]+\.md|manifest\.json)$/i;

export interface SuggestOptions {
  /** Extra registry files, read after agencies.yaml. */
  registry?: string[];
  /** The division the reports come from (a GB/T 2260 code), as a hint for every name. */
  division?: string;
}

/** Every printed agency name in the folder's reports, with the files that print it (sorted). */
async function printedNames(dir: string): Promise<{ names: Map<string, string[]>; reports: number; skipped: number }> {
  const names = new Map<string, string[]>();
  let reports = 0;
  let skipped = 0;
  for (const file of (await listFiles(dir)).filter((f) => !NOT_REPORTS.test(f))) {
    try {
      const report = await readReport(await readInput(join(dir, file), file, READ_LIMITS.maxBytes), file);
      reports++;
      const list = names.get(report.agency);
      if (list) list.push(file);
      else names.set(report.agency, [file]);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      process.stderr.write(`${printableLine(`xxgk: ${join(dir, file)}: skipped, ${err.message}`)}\n`);
      skipped++;
    }
  }
  return { names: new Map([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), reports, skipped };
}

export async function suggestCommand(dir: string, opts: SuggestOptions): Promise<number> {
  if (opts.division !== undefined && !/^\d{6}$/.test(opts.division)) throw new UsageError(`--division: expected a six-digit GB/T 2260 code (e.g. 320800), got "${opts.division}"`);
  if (!(await isDirectory(dir))) throw new InputError('not a folder of reports', dir);
  const registry = await loadRegistry(opts.registry ?? []);
  const resolver = createResolver(registry);
  const hint: ResolveHint | undefined = opts.division === undefined ? undefined : { division: opts.division };
  const { names, reports, skipped } = await printedNames(dir);
  const unresolved: Unresolved[] = [];
  for (const [printed, files] of names) {
    const resolution = resolver.resolve(printed, hint);
    if (resolution.status !== 'resolved') unresolved.push({ printed, files, resolution });
  }
  const suggestions = unresolved.length > 0 ? suggestEntries(unresolved, await loadDivisions({ townships: true }), registry) : [];
  process.stdout.write(suggestionsYaml(suggestions));
  const count = (status: string) => unresolved.filter((u) => u.resolution.status === status).length;
  process.stderr.write(
    `xxgk: ${reports} reports in ${dir}${skipped ? ` (${skipped} unreadable files skipped)` : ''}: ${names.size} printed names, ` +
      `${names.size - unresolved.length} resolved, ${count('unknown')} unknown, ${count('ambiguous')} ambiguous; ` +
      `${suggestions.filter((s) => s.entry).length} entries proposed (registry: ${registry.length} bodies)\n`,
  );
  return unresolved.length > 0 ? 1 : 0;
}
