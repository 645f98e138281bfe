/** The xxgk command line. One top-level catch turns errors into a message and an exit code. */
import { Command, CommanderError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from './version.ts';
import { readBytes } from './adapters/fs.ts';
import { tidyRows } from './datasets/tidy-rows.ts';
import { ConfigError, InputError, PublishError, RemoteError, UsageError, describeLocation } from './errors.ts';
import type { Issue, ValidationResult } from './model/issue.ts';
import type { AnnualReport } from './model/report.ts';
import { readReport } from './read.ts';
import { printableLine, printableText } from './printable.ts';
import { type BuildOptions, buildFolder, registryResolver } from './run.ts';
import { publishedHistory } from './publish/history.ts';
import { DEFAULT_REPO, checkBaseUrl, publishCommand, targetFor } from './publish/cli-publish.ts';
import { releaseMeta } from './config.ts';
import { datasetMeta } from './datasets/meta.ts';
import { type Clock, systemClock } from './adapters/clock.ts';
import { validateAll } from './validate/index.ts';
import { readConfig, runCommand, scheduleCommand, statusCommand } from './schedule/cli-schedule.ts';
import { suggestCommand } from './agencies/cli-agencies.ts';
import { sourcesCheckCommand } from './schedule/cli-sources.ts';
import { identifyAll } from './agencies/identify.ts';

/** Exit codes: 0 ok, 1 validation errors, 2 bad usage, unreadable input, bad config or a remote that failed; 70 a bug. */
export const EXIT = { ok: 0, invalid: 1, input: 2, internal: 70 } as const;

interface Read {
  file: string;
  report: AnnualReport;
}

/**
 * Read every file and give each report its registry identity (agencies.yaml); print unreadable ones to stderr.
 * Returns the reports, the warnings of names that did not resolve, and whether any file failed.
 */
async function readAll(files: string[]): Promise<{ read: Read[]; found: Map<string, Issue[]>; failed: boolean }> {
  const read: Read[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const bytes = await readBytes(file).catch((err: NodeJS.ErrnoException) => {
        throw new InputError(`cannot read file: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, file);
      });
      read.push({ file, report: await readReport(bytes, basename(file)) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      process.stderr.write(`${printableLine(`xxgk: ${file}: ${err.message}`)}\n`);
      failed = true;
    }
  }
  const { reports, found } = identifyAll(read.map((r) => r.report), await registryResolver());
  return { read: read.map((r, k) => ({ file: r.file, report: reports[k]! })), found, failed };
}

/** A value printed as text where a number belongs is bad input (exit 2); other errors are validation errors (1). */
function exitFor(results: Iterable<ValidationResult>, inputFailed: boolean): number {
  let code: number = inputFailed ? EXIT.input : EXIT.ok;
  for (const r of results) {
    if (r.issues.some((i) => i.rule === 'value.not_a_number')) code = EXIT.input;
    else if (!r.valid && code === EXIT.ok) code = EXIT.invalid;
  }
  return code;
}

function formatIssue(issue: Issue): string {
  const where = [issue.table, issue.row, issue.column].filter(Boolean).join(' / ');
  const numbers = issue.expected !== undefined || issue.found !== undefined ? ` expected ${issue.expected ?? '—'}, found ${issue.found ?? '—'}` : '';
  const head = `  ${issue.severity.padEnd(7)} ${issue.rule}${where ? ` [${where}]` : ''}${numbers}`;
  return [head, `          ${issue.message.en}`, `          ${issue.message.zh}`].map(printableLine).join('\n');
}

/** Cells printed as text where a number belongs: bad input, reported on stderr by every command. */
function reportTextCells(read: Read[], results: Map<string, ValidationResult>): boolean {
  let found = false;
  for (const { file, report } of read) {
    for (const issue of results.get(report.id)?.issues ?? []) {
      if (issue.rule !== 'value.not_a_number') continue;
      process.stderr.write(`${printableLine(`xxgk: ${file}: ${issue.message.en}${issue.source ? ` (${describeLocation(issue.source)})` : ''}; expected a number`)}\n`);
      found = true;
    }
  }
  return found;
}

async function parseCommand(files: string[], opts: { format: 'json' | 'csv' }): Promise<number> {
  const { read, failed: unreadable } = await readAll(files);
  const failed = reportTextCells(read, validateAll(read.map((r) => r.report))) || unreadable;
  if (opts.format === 'csv') {
    const rows = read.flatMap((r) => tidyRows(r.report)).map((t) => [t.report_id, t.year, t.edition, t.table, t.row, t.column, t.value ?? ''].map((v) => (typeof v === 'string' ? printableText(v) : v)));
    process.stdout.write(stringify(rows, { header: true, columns: ['report_id', 'year', 'edition', 'table', 'row', 'column', 'value'] }));
  } else {
    const reports = read.map((r) => r.report);
    process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  }
  return failed ? EXIT.input : EXIT.ok;
}

async function validateCommand(files: string[], opts: { format: 'text' | 'json' }): Promise<number> {
  const { read, found, failed } = await readAll(files);
  const results = validateAll(read.map((r) => r.report), { found });
  reportTextCells(read, results);
  if (opts.format === 'json') {
    const out = read.map((r) => ({ file: r.file, report: r.report.id, ...results.get(r.report.id)! }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const { file, report } of read) {
      const result = results.get(report.id)!;
      const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
      process.stdout.write(
        `${printableLine(`${file}: ${report.id} (${report.agency}, ${report.year}, ${report.edition} edition): ${result.valid ? 'valid' : 'INVALID'}, ${count('error')} errors, ${count('warning')} warnings`)}\n`,
      );
      for (const issue of result.issues) process.stdout.write(`${formatIssue(issue)}\n`);
    }
  }
  return exitFor(results.values(), failed);
}

/** --config and --base-url of build and publish: the release's metadata, and the config's target when --repo is not given. */
async function configured(opts: { config?: string; baseUrl?: string; repo?: string; branch?: string }) {
  const baseUrl = checkBaseUrl(opts.baseUrl);
  if (!opts.config) return { ...(baseUrl ? { baseUrl } : {}), repo: opts.repo, branch: opts.branch };
  const config = await readConfig(opts.config);
  return { meta: releaseMeta(config, baseUrl), repo: opts.repo ?? config.publish.repo, branch: opts.branch ?? config.publish.branch };
}

async function buildCommand(opts: { in: string; out: string; config?: string; baseUrl?: string }, clock: Clock, options: BuildOptions = {}): Promise<number> {
  const given = await configured(opts);
  const meta = options.meta ?? given.meta ?? (given.baseUrl ? datasetMeta({}, { baseUrl: given.baseUrl }) : undefined);
  const run = await buildFolder(resolve(opts.in), resolve(opts.out), clock, { ...options, ...(meta ? { meta } : {}) });
  const lines = [`xxgk: read ${run.files} files from ${opts.in}: ${run.reports.length} reports`];
  for (const { report, validation } of run.reports) {
    const count = (s: string) => validation.issues.filter((i) => i.severity === s).length;
    // "published" is the word of a release that publishes (xxgk publish, the job); a build only includes.
    const status = run.published.some((p) => p.report.id === report.id) ? 'included' : 'EXCLUDED';
    lines.push(`  ${status} ${report.id}  ${report.agency} ${report.year} (${report.edition} edition, ${report.sources.length} sources)  ${count('error')} errors, ${count('warning')} warnings`);
  }
  for (const u of run.unreadable) lines.push(`  UNREADABLE ${u.file}: ${u.message}`);
  for (const { report, validation } of run.excluded) {
    for (const issue of validation.issues.filter((i) => i.severity === 'error')) lines.push(`  ERROR ${report.id}: ${issue.message.en}`);
  }
  lines.push(`xxgk: built ${run.written.length} files into ${opts.out}/ (${run.published.length} reports; CSV, JSON feeds, datapackage.json, CSVW, catalog.jsonld/.ttl, index.html, manifest.json)`);
  // One line each: a name or file name holding a line break or a bidi override cannot forge or reorder a line.
  process.stdout.write(`${lines.map(printableLine).join('\n')}\n`);
  if (run.unreadable.length > 0) return EXIT.input;
  return run.excluded.length > 0 ? EXIT.invalid : EXIT.ok;
}

export function program(clock: Clock = systemClock): Command {
  const cmd = new Command('xxgk')
    .description('Open data from 政府信息公开工作年度报告: read, check and publish tables 二, 三 and 四')
    .version(version(), '-V, --version', 'print xxgk\'s version')
    .exitOverride()
    .showHelpAfterError();
  cmd
    .command('parse')
    .description('read reports into the canonical model (JSON) or tidy CSV rows')
    .argument('<files...>', 'report documents: Word text, HTML, .docx, .doc/.wps, PDF, pdftotext -layout text, JSON or YAML')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (files: string[], opts) => { process.exitCode = await parseCommand(files, opts); });
  cmd
    .command('validate')
    .description('check reports against the schema and the template\'s consistency rules (勾稽关系)')
    .argument('<files...>', 'report documents')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], opts) => { process.exitCode = await validateCommand(files, opts); });
  cmd
    .command('build')
    .description('build the open datasets (CSV, JSON feeds, Data Package, CSVW, DCAT catalog, site) from a folder of reports')
    .requiredOption('--in <dir>', 'folder of report documents (any supported rendering)')
    .requiredOption('--out <dir>', 'output folder (replaced atomically)')
    .option('--config <file>', "configuration file whose dataset: section describes the release (title, publisher, base URL, …)")
    .option('--base-url <url>', "where the release is served, ending with '/' (overrides dataset.baseUrl)")
    .action(async (opts) => { process.exitCode = await buildCommand(opts, clock); });
  cmd
    .command('publish')
    .description('publish a built release folder as a versioned release: plan, then apply (commit, tag vX.Y.Z, CHANGELOG.md)')
    .requiredOption('--out <dir>', 'the built release folder (xxgk build --out)')
    .option('--repo <repo>', 'OWNER/NAME (GitHub), a git URL (file://, https://, ssh) or a path to a bare repository (default: the config\'s publish.repo)')
    .option('--branch <branch>', 'branch to publish on (default: the config\'s publish.branch, else main)')
    .option('--config <file>', "configuration file: its dataset: section describes the release, its publish: section is the default target")
    .option('--base-url <url>', "where the release is served, ending with '/' (overrides dataset.baseUrl)")
    .option('--dry-run', 'print the plan and write nothing')
    .action(async (opts) => {
      const given = await configured(opts);
      if (!given.repo) throw new UsageError('publish: give --repo OWNER/NAME (GitHub), a git URL or a path, or --config with a publish.repo');
      process.exitCode = await publishCommand({ ...opts, ...given, repo: given.repo, branch: given.branch ?? 'main' }, clock);
    });
  cmd
    .command('start')
    .description(`run the whole pipeline on the bundled sample reports and publish them to ${DEFAULT_REPO} (what npm start runs)`)
    .option('--in <dir>', 'folder of reports', 'samples')
    .option('--out <dir>', 'release folder', 'output/dist')
    .option('--repo <repo>', 'where to publish', DEFAULT_REPO)
    .action(async (opts) => {
      // The target's last release is the history the cross-year rules look back into.
      const history = publishedHistory(await (await targetFor({ out: opts.out, repo: opts.repo }, clock)).latest());
      const built = await buildCommand(opts, clock, { history: await history });
      // An unreadable input would withdraw its report: publish only a complete read.
      process.exitCode = built === EXIT.input ? built : Math.max(built, await publishCommand({ out: opts.out, repo: opts.repo }, clock, process.env, true));
    });
  cmd
    .command('run')
    .description('the scheduled job, once: fetch the configured sources, parse, validate, build, publish (quarantining reports with errors)')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .action(async (opts) => { process.exitCode = await runCommand(opts, clock); });
  cmd
    .command('schedule')
    .description("run the job on the config's cron until SIGTERM/SIGINT (a missed run is done at start-up)")
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .action(async (opts) => { process.exitCode = await scheduleCommand(opts, clock); });
  const agencies = cmd.command('agencies').description('the agency registry (agencies.yaml): one identity per government body');
  agencies
    .command('suggest')
    .description('resolve the agency name printed in every report of a folder; print registry entries (YAML) for the names that do not resolve')
    .argument('<dir>', 'folder of report documents (any supported rendering)')
    .option('--registry <file>', 'an extra registry file, read after agencies.yaml (repeatable)', (file: string, files: string[]) => [...files, file], [] as string[])
    .option('--division <code>', 'GB/T 2260 code of the area the reports come from: narrows names that fit several bodies')
    .action(async (dir: string, opts) => { process.exitCode = await suggestCommand(dir, opts); });
  const sources = cmd.command('sources').description("the config's sources");
  sources
    .command('check')
    .description('read each listing source once and print the reports the job would take (year, title, URL), storing nothing')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .option('--source <id>', 'only this source')
    .action(async (opts) => { process.exitCode = await sourcesCheckCommand(opts); });
  cmd
    .command('status')
    .description('the last attempt, the last success, the last published version and the next scheduled run')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .action(async (opts) => { process.exitCode = await statusCommand(opts, clock); });
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.input;
    if (err instanceof InputError) {
      process.stderr.write(`${printableLine(`xxgk: ${err.file ? `${err.file}: ` : ''}${err.message}`)}\n`);
      return EXIT.input;
    }
    if (err instanceof UsageError || err instanceof PublishError || err instanceof ConfigError || err instanceof RemoteError) {
      process.stderr.write(`xxgk: ${printableText(err.message)}\n`);
      return EXIT.input;
    }
    process.stderr.write(`${printableLine(`xxgk: internal error (a bug in xxgk, please report it): ${err instanceof Error ? err.message : String(err)}`)}\n`);
    return EXIT.internal;
  }
}

const entry = process.argv[1] ?? '';
if (import.meta.url === pathToFileURL(entry).href || entry.endsWith('xxgk.js') || entry.endsWith('/xxgk')) {
  process.exitCode = await main(process.argv.slice(2));
}
