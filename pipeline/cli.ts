/**
 * The xxgk command line. One top-level catch turns errors into a message and an exit code. Each command loads its
 * modules when it runs (dynamic import), so that `xxgk --help` does not load pdf.js, mammoth, cheerio, Octokit,
 * jsonld, n3 or the agency registry.
 */
import { Command, CommanderError, Option } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from './version.ts';
import { ConfigError, InputError, PublishError, RemoteError, UsageError } from './errors.ts';
import { printableLine, printableText } from './printable.ts';
import { type Clock, systemClock } from './adapters/clock.ts';
import { DEFAULT_REPO } from './publish/default-repo.ts';
import { EXIT } from './exit.ts';
import { buildingProcess } from './adapters/build-process.ts';

export { EXIT } from './exit.ts';

/** --jobs: a positive whole number. */
function jobsArg(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--jobs: expected a whole number of worker threads, 1 or more, got "${value}"`);
  return n;
}

/** `start`'s parse cache: `.xxgk-parsed/` beside the release folder (output/.xxgk-parsed for output/dist). */
export const startCacheFor = (out: string): string => join(dirname(resolve(out)), '.xxgk-parsed');

/** The commands that build a release. */
const BUILDS = new Set(['build', 'run', 'start']);

export function program(clock: Clock = systemClock): Command {
  const cmd = new Command('xxgk')
    .description('Open data from 政府信息公开工作年度报告: read, check and publish tables 二, 三 and 四')
    .version(version(), '-V, --version', 'print xxgk\'s version')
    .exitOverride()
    .showHelpAfterError();
  // The commands that build a release, in one place: the flat heap, and SIGINT/SIGTERM removing the temporary files
  // and exiting 130/143 (adapters/build-process.ts). `schedule` stops on a signal in its own way.
  cmd.hook('preAction', (_, action) => {
    if (BUILDS.has(action.name())) buildingProcess();
  });
  cmd
    .command('parse')
    .description('read reports into the canonical model (JSON) or tidy CSV rows')
    .argument('<files...>', 'report documents: Word text, HTML, .docx, .doc/.wps, PDF, pdftotext -layout text, JSON or YAML')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (files: string[], opts) => { process.exitCode = await (await import('./cli-read.ts')).parseCommand(files, opts); });
  cmd
    .command('validate')
    .description('check reports against the schema and the template\'s consistency rules (勾稽关系)')
    .argument('<files...>', 'report documents')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], opts) => { process.exitCode = await (await import('./cli-read.ts')).validateCommand(files, opts); });
  cmd
    .command('build')
    .description('build the open datasets (CSV, JSON feeds, Data Package, CSVW, DCAT catalog, site) from a folder of reports')
    .requiredOption('--in <dir>', 'folder of report documents (any supported rendering)')
    .requiredOption('--out <dir>', 'output folder (replaced atomically)')
    .option('--config <file>', "configuration file whose dataset: section describes the release (title, publisher, base URL, …)")
    .option('--base-url <url>', "where the release is served, ending with '/' (overrides dataset.baseUrl)")
    .option('--jobs <n>', 'worker threads that read the documents (default: one per core but one; 1: the main thread reads alone)', jobsArg)
    .option('--cache <dir>', 'parse cache: a document read before (same bytes, same xxgk) is not parsed again')
    .action(async (opts) => {
      // --in checked before the build's modules are loaded: a usage error is said at once.
      await (await import('./input-folder.ts')).inputFolder(opts.in);
      process.exitCode = await (await import('./cli-build.ts')).buildCommand(opts, clock, { jobs: opts.jobs });
    });
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
      const [{ configured }, { publishCommand }] = await Promise.all([import('./cli-build.ts'), import('./publish/cli-publish.ts')]);
      const given = await configured(opts);
      if (!given.repo) throw new UsageError('publish: give --repo OWNER/NAME (GitHub), a git URL or a path, or --config with a publish.repo');
      process.exitCode = await publishCommand({ ...opts, ...given, repo: given.repo, branch: given.branch ?? 'main' }, clock);
    });
  cmd
    .command('withdraw')
    .description('take reports out of the dataset, with a reason: publishes the last release without them (notes, CHANGELOG.md, withdrawals.json say why); later runs keep them out')
    .argument('<report-ids...>', 'ids of published reports (latest/feed/reports.json), e.g. jiangsu-huaian-hongze-2023')
    .requiredOption('--reason <text>', 'why the reports leave the dataset (goes into the release notes)')
    .option('--config <file>', "the job's configuration: its target, its release folder and its lock")
    .option('--repo <repo>', 'OWNER/NAME (GitHub), a git URL or a path (instead of --config)')
    .option('--branch <branch>', 'branch to publish on (with --repo; default main)')
    .option('--out <dir>', 'release folder to write (with --repo; default output/dist)')
    .option('--base-url <url>', "where the release is served, ending with '/' (overrides dataset.baseUrl)")
    .option('--dry-run', 'print the plan and write nothing')
    .action(async (ids: string[], opts) => { process.exitCode = await (await import('./publish/cli-withdraw.ts')).withdrawCommand(ids, opts, clock); });
  cmd
    .command('start')
    .description(`run the whole pipeline on the bundled sample reports and publish them to ${DEFAULT_REPO} (what npm start runs)`)
    .option('--in <dir>', 'folder of reports', 'samples')
    .option('--out <dir>', 'release folder', 'output/dist')
    .option('--repo <repo>', 'where to publish', DEFAULT_REPO)
    .action(async (opts) => {
      const [{ buildCommand }, { publishCommand, targetFor }, { publishedHistory, unreadableWarnings }] = await Promise.all([
        import('./cli-build.ts'),
        import('./publish/cli-publish.ts'),
        import('./publish/history.ts'),
      ]);
      // The target's last release is the history the cross-year rules look back into.
      const lost = unreadableWarnings((line) => process.stderr.write(`xxgk: warning: ${line}\n`), opts.repo);
      const history = publishedHistory(await (await targetFor({ out: opts.out, repo: opts.repo }, clock)).latest(), lost);
      // The documents go through a parse cache beside the release folder (as publish's work folder is): a second
      // start with the same samples and the same xxgk parses nothing again.
      const built = await buildCommand({ ...opts, cache: startCacheFor(opts.out) }, clock, { history: await history });
      // An unreadable input would withdraw its report: publish only a complete read.
      process.exitCode = built === EXIT.input || built === EXIT.internal ? built : Math.max(built, await publishCommand({ out: opts.out, repo: opts.repo }, clock, process.env, true));
    });
  cmd
    .command('run')
    .description('the scheduled job, once: fetch the configured sources, parse, validate, build, publish (quarantining reports with errors)')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .option('--strict', 'exit 1 when a source matched no documents, or fewer than last run (its published reports are kept either way)')
    .action(async (opts) => { process.exitCode = await (await import('./schedule/cli-schedule.ts')).runCommand(opts, clock); });
  cmd
    .command('schedule')
    .description("run the job on the config's cron until SIGTERM/SIGINT (a missed run is done at start-up)")
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .action(async (opts) => { process.exitCode = await (await import('./schedule/cli-schedule.ts')).scheduleCommand(opts, clock); });
  const agencies = cmd.command('agencies').description('the agency registry (agencies.yaml): one identity per government body');
  agencies
    .command('suggest')
    .description('resolve the agency name printed in every report of a folder; print registry entries (YAML) for the names that do not resolve')
    .argument('<dir>', 'folder of report documents (any supported rendering)')
    .option('--registry <file>', 'an extra registry file, read after agencies.yaml (repeatable)', (file: string, files: string[]) => [...files, file], [] as string[])
    .option('--division <code>', 'GB/T 2260 code of the area the reports come from: narrows names that fit several bodies')
    .action(async (dir: string, opts) => { process.exitCode = await (await import('./agencies/cli-agencies.ts')).suggestCommand(dir, opts); });
  const sources = cmd.command('sources').description("the config's sources");
  sources
    .command('check')
    .description('read each listing source once and print the reports the job would take (year, title, URL), storing nothing')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .option('--source <id>', 'only this source')
    .action(async (opts) => { process.exitCode = await (await import('./schedule/cli-sources.ts')).sourcesCheckCommand(opts); });
  cmd
    .command('status')
    .description('the last attempt, the last success, the last published version and the next scheduled run')
    .option('--config <file>', 'configuration file', 'xxgk.config.yaml')
    .action(async (opts) => { process.exitCode = await (await import('./schedule/cli-schedule.ts')).statusCommand(opts, clock); });
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
