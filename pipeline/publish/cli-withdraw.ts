/**
 * `xxgk withdraw REPORT_ID… --reason "…"`: take reports out of the dataset, on the operator's word. It publishes a
 * release at once: the target's last release without those reports (nothing is read from the sources), whose notes
 * and CHANGELOG.md entry give the reason, and whose withdrawals.json records it, so that later runs keep the reports
 * out even while a source still yields them.
 *
 * With --config (the job's config) it works on the job's release folder, under the job's lock, and records the
 * version in the run state; with --repo, on --out.
 */
import { join, resolve } from 'node:path';
import type { Clock } from '../adapters/clock.ts';
import { UsageError } from '../errors.ts';
import { printableLine } from '../printable.ts';
import { readConfig } from '../schedule/cli-schedule.ts';
import { runLocked } from '../schedule/daemon.ts';
import { configTarget, defaultRoot } from '../schedule/job-target.ts';
import { jobPaths } from '../schedule/job-store.ts';
import { readState, writeState } from '../schedule/state.ts';
import { releaseMeta } from '../config.ts';
import { formatOutcome, metaFor, targetFor } from './cli-publish.ts';
import { type PublishOutcome, publish } from './index.ts';

export interface WithdrawOptions {
  reason: string;
  config?: string;
  repo?: string;
  branch?: string;
  out?: string;
  baseUrl?: string;
  dryRun?: boolean;
}

function describe(outcome: PublishOutcome, repo: string): string {
  const lines = [formatOutcome(outcome, repo)];
  if (!outcome.dryRun && outcome.result) {
    for (const w of outcome.withdrawnNow) lines.push(printableLine(`xxgk: withdrew ${w.id} in v${outcome.result.version}: ${w.reason}`));
  }
  return lines.join('\n');
}

export async function withdrawCommand(ids: string[], opts: WithdrawOptions, clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!opts.reason?.trim()) throw new UsageError('withdraw: --reason is empty: say why the report leaves the dataset (it goes into the release notes and CHANGELOG.md)');
  const withdraw = [...new Set(ids)].map((id) => ({ id, reason: opts.reason.trim() }));
  const dryRun = opts.dryRun ?? false;
  if (opts.config && !opts.repo) {
    const config = await readConfig(opts.config, env);
    const root = defaultRoot(config);
    const paths = jobPaths(root);
    const meta = releaseMeta(config, opts.baseUrl);
    const ran = await runLocked(paths.lock, clock, async () => {
      const outcome = await publish(paths.dist, configTarget(config, paths.dist, clock), { clock, meta, dryRun, withdraw, fromTarget: true });
      if (!dryRun && outcome.result && !outcome.plan.empty) {
        const { state } = await readState(paths.state, clock);
        await writeState(paths.state, { ...state, lastPublishedVersion: outcome.result.version });
      }
      return outcome;
    });
    if (!ran.ran) {
      process.stdout.write(`xxgk withdraw: another xxgk run holds ${paths.lock}; nothing done\n`);
      return 1;
    }
    process.stdout.write(`${describe(ran.value, config.publish.repo)}\n`);
    return 0;
  }
  if (!opts.repo) throw new UsageError('withdraw: give --config (the job\'s config) or --repo OWNER/NAME, a git URL or a path');
  const out = resolve(opts.out ?? join('output', 'dist'));
  const meta = metaFor({ repo: opts.repo, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) });
  const target = await targetFor({ out, repo: opts.repo, ...(opts.branch ? { branch: opts.branch } : {}), meta }, clock, env);
  const outcome = await publish(out, target, { clock, meta, dryRun, withdraw, fromTarget: true });
  process.stdout.write(`${describe(outcome, opts.repo)}\n`);
  return 0;
}
