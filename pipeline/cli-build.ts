/** `xxgk build` (and the --config/--base-url handling it shares with publish). Loaded by cli.ts only when it runs. */
import { resolve } from 'node:path';
import type { Clock } from './adapters/clock.ts';
import { buildKey, buildState, inputRecord, optionsKey } from './adapters/build-state.ts';
import { yearRecord } from './adapters/year-record.ts';
import { buildChanged } from './build-changed.ts';
import { listFiles } from './adapters/fs.ts';
import { inputFolder } from './input-folder.ts';
import { parseCache } from './adapters/parse-cache.ts';
import { releaseMeta } from './config.ts';
import { datasetMeta } from './datasets/meta.ts';
import { EXIT } from './exit.ts';
import { writeLines } from './printable.ts';
import { checkBaseUrl } from './publish/cli-publish.ts';
import { type BuildOptions, buildFolder } from './run.ts';
import { unreadableWarnings } from './publish/history.ts';
import { readFeedEntries } from './publish/read-feed.ts';
import { readPrevious } from './adapters/output.ts';
import { readConfig } from './schedule/cli-schedule.ts';
import { jobCoverage } from './schedule/job-coverage.ts';
import { releaseOf } from './datasets/release-layout.ts';
import { treeOverBudget, treeSize } from './datasets/tree-budget.ts';

/**
 * Lines written as they come, a thousand at a time: the text writeLines (printable.ts) gives for all of them at once.
 * One line each: a name or file name holding a line break or a bidi override cannot forge or reorder a line. `end`
 * writes the rest and gives every line when `keep`, else null (none is held).
 */
export function lineWriter(write: (text: string) => void, keep: boolean, chunk = 1000): { print(line: string): void; end(): string[] | null } {
  const kept: string[] | null = keep ? [] : null;
  let batch: string[] = [];
  let any = false;
  return {
    print(line) {
      kept?.push(line);
      batch.push(line);
      any = true;
      if (batch.length < chunk) return;
      writeLines(write, batch, chunk);
      batch = [];
    },
    end() {
      // writeLines writes a line break for no lines at all: a last batch is written when it holds some, or when none came.
      if (batch.length > 0 || !any) writeLines(write, batch, chunk);
      batch = [];
      return kept;
    },
  };
}

/** --config and --base-url of build and publish: the release's metadata, and the config's target when --repo is not given. */
export async function configured(opts: { config?: string; baseUrl?: string; repo?: string; branch?: string }) {
  const baseUrl = checkBaseUrl(opts.baseUrl);
  if (!opts.config) return { ...(baseUrl ? { baseUrl } : {}), repo: opts.repo, branch: opts.branch };
  const config = await readConfig(opts.config);
  const github = { apiUrl: config.github.apiUrl, timeoutMs: config.publish.timeoutMs, retries: config.publish.retries };
  return { meta: releaseMeta(config, baseUrl), repo: opts.repo ?? config.publish.repo, branch: opts.branch ?? config.publish.branch, github, limits: config.limits, config };
}

export async function buildCommand(opts: { in: string; out: string; config?: string; baseUrl?: string; cache?: string }, clock: Clock, options: BuildOptions = {}): Promise<number> {
  await inputFolder(opts.in);
  const cache = opts.cache === undefined ? undefined : await parseCache(resolve(opts.cache));
  const given = await configured(opts);
  const meta = options.meta ?? given.meta ?? (given.baseUrl ? datasetMeta({}, { baseUrl: given.baseUrl }) : undefined);
  // The config's coverage: (its sources' bodies, every registry body of its divisions) sets who data/coverage.csv expects.
  const expected = given.config && !options.coverage ? await jobCoverage(given.config, {}, { held: {}, built: null }, clock) : undefined;
  const coverage = options.coverage ?? expected?.coverage;
  // --cache: a re-run whose inputs, options and code are those of the last build into --out, and whose output is as
  // that build left it, prints what it printed and writes nothing (adapters/build-state.ts).
  const state = opts.cache !== undefined && remembered(options) ? buildState(resolve(opts.cache), resolve(opts.out)) : undefined;
  const keyed = {
    argv: [opts.in, opts.out, resolve(opts.in), resolve(opts.out)],
    options: { meta: meta ?? null, coverage: coverage ?? null, limits: options.limits ?? given.limits ?? null, warnings: expected?.warnings ?? [] },
  };
  const inputs = new Map<string, string>();
  const listed = state ? await listFiles(resolve(opts.in)) : [];
  // The sha256 of the inputs not changed since the last build read them (their stat, ctime included): not read again.
  const record = state ? await inputRecord(resolve(opts.cache!), resolve(opts.out), resolve(opts.in)) : undefined;
  const key = state && await buildKey({ inDir: resolve(opts.in), files: listed, ...keyed }, inputs, record);
  const last = key ? await state!.unchanged(key) : null;
  if (last) {
    writeLines((t) => process.stdout.write(t), [...last.lines, `xxgk: nothing changed since the last build into ${opts.out}/ (the same inputs, options and xxgk; its files as that build left them): nothing rebuilt`]);
    return last.code;
  }
  // The reports of the release in --out: the history this build reads (run.ts lastReports: those its index lists).
  const history = state ? (((await readFeedEntries((path) => readPrevious(resolve(opts.out), path))) ?? []) as Array<{ id: string }>).map((e) => e.id) : [];
  // A build that changed: the report years whose reports are those of the last build are taken from it (year-record.ts).
  const years = state ? await yearRecord(resolve(opts.cache!), resolve(opts.out), await optionsKey(keyed)) : undefined;
  // Documents of the release in --out that its index lists but cannot be read: said, not left out unseen.
  const historyLost: string[] = [];
  const buildOptions = {
    ...(given.limits ? { limits: given.limits } : {}), ...(cache ? { cache } : {}), ...options, ...(meta ? { meta } : {}), ...(coverage ? { coverage } : {}),
    ...(years ? { years } : {}), onUnreadable: unreadableWarnings((line) => historyLost.push(line), `${opts.out}/`),
  };
  // A few inputs changed: only the reports they touch are read and validated again (build-changed.ts), else a full build.
  const attempt = years?.ledger
    ? await buildChanged(resolve(opts.in), resolve(opts.out), clock, { ...buildOptions, ledger: years.ledger, inputs, files: listed })
    : null;
  // Why every report is read again, on stderr (stdout is the build's own account, the same with or without --cache).
  const full = attempt && 'full' in attempt ? attempt.full : years?.why;
  if (full) process.stderr.write(`xxgk: every report read again (a full build): ${full}\n`);
  const changed = attempt && !('full' in attempt) ? attempt : null;
  const run = changed ?? await buildFolder(resolve(opts.in), resolve(opts.out), clock, buildOptions);
  // What the build prints: one line a report. Kept whole only for the state of --cache (the lines a skipped re-run
  // prints again); else written as they are made (100,000 reports: some 20 MiB of lines).
  const out = lineWriter((t) => process.stdout.write(t), Boolean(key));
  const print = out.print;
  print(`xxgk: read ${run.files} files from ${opts.in}: ${run.reports.length} reports`);
  for (const w of [...expected?.warnings ?? [], ...historyLost]) print(`  warning: ${w}`);
  for (const r of run.reports) {
    // "published" is the word of a release that publishes (xxgk publish, the job); a build only includes.
    const status = run.published.has(r.id) ? 'included' : 'EXCLUDED';
    print(`  ${status} ${r.id}  ${r.agency} ${r.year} (${r.edition} edition, ${r.sources} sources)  ${r.errors} errors, ${r.warnings} warnings`);
  }
  for (const u of run.unreadable) print(`  UNREADABLE ${u.file}: ${u.message}`);
  for (const { report, validation } of run.excluded) {
    for (const issue of validation.issues.filter((i) => i.severity === 'error')) print(`  ERROR ${report.id}: ${issue.message.en}`);
  }
  // The tree against its budget (config release:): a warning here; publishing refuses it.
  const over = treeOverBudget(treeSize(run.written), releaseOf(meta ?? {}));
  if (over) print(`  warning: ${over}`);
  if (changed) print(`xxgk: ${changed.kept} reports kept from the last build (their inputs, and what their cross-year rules read, unchanged); ${run.reports.length - changed.kept} read and validated again`);
  print(`xxgk: built ${run.written.length} files into ${opts.out}/ (${run.published.size} reports; CSV, JSON feeds, datapackage.json, CSVW, catalog.jsonld/.ttl, index.html, manifest.json)`);
  const lines = out.end();
  const code = run.unreadable.some((u) => u.internal) ? EXIT.internal : run.unreadable.length > 0 ? EXIT.input : run.excluded.length > 0 ? EXIT.invalid : EXIT.ok;
  // A failure of xxgk's own is not remembered: the next run tries again.
  const manifest = run.written.find((f) => f.path === 'manifest.json');
  if (key && manifest && code !== EXIT.internal) {
    const valid = new Set(run.reports.filter((r) => r.valid).map((r) => r.id));
    await state!.save(key, history.every((id) => valid.has(id)), lines!, code, manifest.sha256);
  }
  // The ledger only of a build whose every file made a report of the release (build-ledger.ts follows no other).
  const whole = run.unreadable.length === 0 && run.excluded.length === 0 && run.published.size === run.reports.length;
  if (years && manifest) await years.save(run.streams, manifest.sha256, whole ? { ...run.ledger, inputs: Object.fromEntries(inputs) } : null);
  return code;
}

/**
 * Whether a build's options are all in its key: a caller's own resolver, history or kept reports (xxgk run, tests)
 * are not, and such a build is never skipped. `jobs` changes how, not what.
 */
function remembered(options: BuildOptions): boolean {
  return Object.keys(options).every((k) => ['jobs', 'meta', 'coverage', 'limits'].includes(k));
}
