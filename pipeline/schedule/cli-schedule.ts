/**
 * `xxgk run`, `xxgk schedule` and `xxgk status`: read the config, then run the job once (under the lock), run it on
 * the config's cron, or print the run state and the next scheduled time.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { type Clock, zonedTime } from '../adapters/clock.ts';
import { type Config, loadConfig } from '../config.ts';
import { ConfigError } from '../errors.ts';
import { type CronScheduler, type Daemon, runLocked, startDaemon } from './daemon.ts';
import { type JobDeps, runJob } from './job.ts';
import { formatSummary } from './job-summary.ts';
import { defaultRoot } from './job-target.ts';
import { jobPaths } from './job-store.ts';
import { type Progress, progressFor } from './progress.ts';
import { readState } from './state.ts';
import { EXIT } from '../exit.ts';
import { printableLine } from '../printable.ts';

export interface ConfigOption {
  config: string;
}

export interface RunOptions extends ConfigOption {
  /** Source warnings (a source that matched nothing, or fewer documents than last run) exit 1. */
  strict?: boolean;
}

export async function readConfig(file: string, env: Record<string, string | undefined> = process.env): Promise<Config> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [`cannot read the config file: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`]);
  }
  return loadConfig(text, path, env);
}

export interface RunCommandDeps extends Partial<Omit<JobDeps, 'clock'>> {
  env?: Record<string, string | undefined>;
  out?: (line: string) => void;
}

/**
 * Exit 0 when the run itself succeeded (quarantined reports and source warnings included: they are listed, not a
 * failure); 1 when another run holds the lock, or with --strict when a source yielded less; 2 when every source
 * yielded nothing (nothing built or published), or when a source could not be fetched or a document could not be
 * read (the rest built and published: one bad source or file is its own error, reported at the end).
 */
export async function runCommand(opts: RunOptions, clock: Clock, deps: RunCommandDeps = {}): Promise<number> {
  const config = await readConfig(opts.config, deps.env);
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const root = deps.root ?? defaultRoot(config);
  const progress: Progress = deps.progress ?? progressFor();
  const result = await runLocked(jobPaths(root).lock, clock, () => runJob(config, { ...deps, clock, root, progress }));
  if (!result.ran) {
    out(`xxgk run: another xxgk run holds ${jobPaths(root).lock}; nothing done`);
    return 1;
  }
  const summary = result.value;
  for (const w of summary.sourceWarnings) out(`xxgk run: warning: ${printableLine(w)}`);
  out(formatSummary(summary));
  for (const u of summary.unreadable ?? []) out(`xxgk run: unreadable: ${printableLine(u)} (quarantined; see quarantine.json)`);
  for (const f of summary.failedSources ?? []) out(`xxgk run: source failed: ${printableLine(f)} (what it held is kept; quarantined as source.unreadable)`);
  if (summary.status === 'empty') return EXIT.input;
  // A source that could not be fetched, a document that could not be read: the operator's to see to (the rest was
  // built and published).
  if ((summary.unreadable?.length ?? 0) > 0 || (summary.failedSources?.length ?? 0) > 0) return EXIT.input;
  return opts.strict && summary.sourceWarnings.length > 0 ? EXIT.invalid : EXIT.ok;
}

export interface ScheduleDeps extends Pick<JobDeps, 'github'> {
  progress?: Progress;
  /** The cron scheduler (default node-cron); tests fire runs themselves. */
  scheduler?: CronScheduler;
  /** Where each run's summary line goes (default stdout). */
  out?: (line: string) => void;
}

/**
 * The scheduled job: the daemon running runJob on the config's cron (and once at start-up when a run was missed),
 * publishing to the config's target. `xxgk schedule` adds the signal handling.
 */
export function startSchedule(config: Config & { schedule: NonNullable<Config['schedule']> }, clock: Clock, deps: ScheduleDeps = {}): Daemon {
  const root = defaultRoot(config);
  const paths = jobPaths(root);
  const progress = deps.progress ?? progressFor();
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  return startDaemon({
    cron: config.schedule.cron,
    timezone: config.schedule.timezone,
    clock,
    statePath: paths.state,
    lockPath: paths.lock,
    log: (message) => progress.log('info', message),
    ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    job: async (shouldStop) => {
      const summary = await runJob(config, { clock, root, progress, shouldStop, ...(deps.github ? { github: deps.github } : {}) });
      out(formatSummary(summary));
    },
  });
}

/** Run until SIGTERM or SIGINT; the current run ends at its next step (publishing always completes). */
export async function scheduleCommand(opts: ConfigOption, clock: Clock): Promise<number> {
  const config = await readConfig(opts.config);
  const { schedule } = config;
  if (!schedule) throw new ConfigError(config.file, ['schedule: required by `xxgk schedule` (a cron expression and a time zone)']);
  const progress = progressFor();
  const log = (message: string) => progress.log('info', message);
  // The handlers go in before anything is started or logged: a SIGTERM that comes as soon as the "scheduled:" line is
  // out must stop the daemon gently, not kill it by the default action. (Signals are dispatched on the event loop, so
  // `daemon` is always set, in this same tick, before onSignal can run.)
  let daemon: Daemon | undefined;
  let stopped!: () => void;
  const finished = new Promise<void>((done) => { stopped = done; });
  const onSignal = (signal: string) => {
    log(`${signal}: stopping after the current step`);
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    void (daemon ? daemon.stop() : Promise.resolve()).then(stopped);
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  daemon = startSchedule({ ...config, schedule }, clock, { progress });
  log(`scheduled: "${schedule.cron}" (${schedule.timezone}); next at ${zonedTime(nextRun(schedule.cron, schedule.timezone, clock()), schedule.timezone)}`);
  await finished;
  return 0;
}

export function nextRun(cron: string, timezone: string, now: Date): string {
  return CronExpressionParser.parse(cron, { currentDate: now, tz: timezone }).next().toDate().toISOString();
}

export async function statusText(config: Config, clock: Clock, root: string = defaultRoot(config)): Promise<string> {
  const { state } = await readState(jobPaths(root).state, clock);
  // Times in the configured time zone (China's when there is no schedule), with the offset.
  const tz = config.schedule?.timezone ?? 'Asia/Shanghai';
  const at = (iso: string | null | undefined) => (iso ? zonedTime(iso, tz) : 'never');
  const lines = [
    `last attempt:      ${at(state.lastAttempt)}`,
    `last success:      ${at(state.lastSuccess)}`,
    `last published:    ${state.lastPublishedVersion ? `v${state.lastPublishedVersion}` : 'nothing yet'}`,
    `next scheduled:    ${config.schedule ? `${zonedTime(nextRun(config.schedule.cron, config.schedule.timezone, clock()), tz)} (${config.schedule.cron}, ${config.schedule.timezone})` : 'no schedule in the config'}`,
    `source warnings:   ${state.warnings?.length ? state.warnings.length : 'none'}${state.lastAttempt ? '' : ' (no run yet)'}`,
    ...(state.warnings ?? []).map((w) => `  - ${printableLine(w)}`),
  ];
  return lines.join('\n');
}

export async function statusCommand(opts: ConfigOption, clock: Clock): Promise<number> {
  const config = await readConfig(opts.config);
  process.stdout.write(`${await statusText(config, clock)}\n`);
  return 0;
}
