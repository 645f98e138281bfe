/**
 * The scheduled job, one run: fetch → parse → validate → build → publish. Sources are collected into the raw store;
 * when the documents are those the last successful run built, nothing is parsed again. Reports with errors (and
 * unreadable documents) are quarantined in <output>/quarantine.json and left out of the release. A stop flag is
 * checked between steps; publishing is one step and always completes.
 *
 * Nothing published is withdrawn by a run: a report the run did not read stays in the release (publish/carry-over.ts).
 * A source that matched no documents, or fewer than last run, is a warning naming the reports kept for it; a run in
 * which every source yielded nothing builds and publishes nothing (status "empty").
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../adapters/clock.ts';
import { writeAtomic } from '../adapters/fs.ts';
import { rawStore } from '../adapters/raw-store.ts';
import { type Config, releaseMeta } from '../config.ts';
import { publish as publishRelease } from '../publish/index.ts';
import type { GithubTargetOptions } from '../publish/github-target.ts';
import type { PublishTarget } from '../publish/types.ts';
import { parseCache } from '../adapters/parse-cache.ts';
import { buildFolder } from '../run.ts';
import { listFiles } from '../adapters/fs.ts';
import { optionsKey } from '../adapters/build-state.ts';
import { yearRecord } from '../adapters/year-record.ts';
import { buildChanged } from '../build-changed.ts';
import { historyHash } from '../build-ledger.ts';
import type { HeldDocument } from './job-sources.ts';
import { contactWarning, harvestFetcher } from './harvest-fetcher.ts';
import { readHarvest, writeHarvest } from './harvest-store.ts';
import { jobCoverage } from './job-coverage.ts';
import { fetchSources } from './job-fetch.ts';
import { fingerprint, jobPaths, readDocuments, writeDocuments } from './job-store.ts';
import type { JobSummary } from './job-summary.ts';
import { configTarget, defaultRoot } from './job-target.ts';
import { type Progress, silentProgress } from './progress.ts';
import { lastQuarantine, quarantineOf } from './quarantine.ts';
import { readState, writeState } from './state.ts';
import { readPreviousBytes } from '../adapters/output.ts';
import { publishedHistorySource, releaseReportStream, unreadableWarnings } from '../publish/history.ts';
import { type PublishedReport, type Shortfall, type SourceYield, keptBySource, nothingYielded, shortfalls, sourceWarnings, withdrawalOf } from './source-warnings.ts';

export interface JobDeps {
  clock: Clock;
  /** Output root; default: "output" next to the config file. */
  root?: string;
  progress?: Progress;
  /** Checked between steps: true stops the run before the next step. */
  shouldStop?: () => boolean;
  /** Defaults to the config's target. */
  target?: PublishTarget;
  /** Replaced in tests (e.g. to crash before publishing). */
  publish?: typeof publishRelease;
  fetch?: typeof fetch;
  /** The harvester's wait between two requests to one host (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** How the GitHub target reaches GitHub (tests hand it a fake's fetch and a client that does not wait). */
  github?: Pick<GithubTargetOptions, 'fetch' | 'client'>;
}

/** The source warnings of a run, with the reports the release in `dist` keeps for each source (read only when there is one). */
async function warnSources(yields: readonly SourceYield[], held: ReadonlySet<string>, dist: string): Promise<Shortfall[]> {
  const found = shortfalls(yields);
  if (found.length === 0) return [];
  // The release streams by: only each report's id and document names are kept.
  const published: PublishedReport[] = [];
  for await (const { report } of releaseReportStream((path) => readPreviousBytes(dist, path))) {
    published.push({ id: report.id, sources: report.sources.map((s) => ({ name: s.name })) });
  }
  return sourceWarnings(found, keptBySource(published, held));
}

export async function runJob(config: Config, deps: JobDeps): Promise<JobSummary> {
  const { clock } = deps;
  const progress = deps.progress ?? silentProgress;
  const stop = deps.shouldStop ?? (() => false);
  const paths = jobPaths(deps.root ?? defaultRoot(config));
  const summary: JobSummary = { status: 'done', fetched: 0, unchanged: 0, parsed: 0, warnings: 0, quarantined: 0, published: null, harvestWarnings: [], sourceWarnings: [] };
  const stopped = (): JobSummary => ({ ...summary, status: 'stopped' });

  const { state, recovered } = await readState(paths.state, clock);
  if (recovered) progress.log('warn', recovered.message);
  state.lastAttempt = clock().toISOString();
  await writeState(paths.state, state);
  const docs = await readDocuments(paths.documents);
  const store = rawStore(paths.raw);
  const harvest = await readHarvest(paths.harvest);
  const fetcher = harvestFetcher(config, { ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  const noContact = contactWarning(config);
  if (noContact) {
    summary.harvestWarnings.push(noContact);
    progress.log('warn', noContact);
  }

  // 1. fetch
  progress.start(config.sources.length + 2);
  const fetchedSources = await fetchSources(config, { docs, state, harvest, store, fetcher, progress, stop, ...(deps.fetch ? { fetch: deps.fetch } : {}) }, summary);
  if (!fetchedSources) return stopped();
  const { yields, failures } = fetchedSources;
  await writeDocuments(paths.documents, docs);
  await writeHarvest(paths.harvest, harvest);
  await writeState(paths.state, state);

  const all: HeldDocument[] = Object.entries(docs.held)
    .filter(([id]) => config.sources.some((s) => s.id === id))
    .flatMap(([, d]) => d);
  const current = fingerprint(all);
  const heldNow = new Set(all.map((d) => d.name));
  const warn = async () => {
    const found = await warnSources(yields, heldNow, paths.dist);
    summary.sourceWarnings = found.map((w) => w.text);
    for (const w of found) progress.log('warn', w.text, { source: w.source, event: 'source-shortfall' });
    state.warnings = summary.sourceWarnings;
  };
  if (nothingYielded(yields)) {
    // A typo in every path, an emptied inbox, the network down: nothing to build, and nothing is withdrawn.
    await warn();
    summary.quarantined = (await lastQuarantine(paths.quarantine)).count;
    progress.log('error', 'every source yielded no documents: nothing built or published', { event: 'nothing-yielded' });
    progress.end();
    await writeState(paths.state, state);
    return { ...summary, status: 'empty' };
  }
  if (docs.built !== null && failures.length === 0 && current.join('\n') === docs.built.join('\n')) {
    // Nothing new: what the last run quarantined is still quarantined, and what it could not read is still unreadable.
    const last = await lastQuarantine(paths.quarantine);
    summary.quarantined = last.count;
    if (last.unreadable.length > 0) summary.unreadable = last.unreadable;
    await warn();
    progress.end();
    state.lastSuccess = clock().toISOString();
    await writeState(paths.state, state);
    return summary;
  }
  if (stop()) return stopped();

  // 2. parse, validate, build
  progress.step('parse, validate and build');
  await rm(paths.work, { recursive: true, force: true });
  // Every input file's sha256 (build-ledger.ts), taken from the bytes as they are written.
  const written = new Map<string, string>();
  for (const d of all) {
    const bytes = await store.get(d.sha256);
    if (!bytes) continue;
    await writeAtomic(join(paths.work, d.name), bytes);
    written.set(d.name, createHash('sha256').update(bytes).digest('hex'));
  }
  await mkdir(paths.work, { recursive: true });
  const target = deps.target ?? configTarget(config, paths.dist, clock, deps.github);
  // The target's last release is the history the cross-year rules look back into. Never held whole (national scale:
  // 100,000 reports a year): read in passes, one report at a time — its years here, the build's, then the ledger's
  // digest and the withdrawals.
  const lost = unreadableWarnings((line) => progress.log('warn', line), 'the publish target');
  const history = publishedHistorySource(await target.latest(), lost);
  const historyYears: number[] = [];
  for await (const r of history()) historyYears.push(r.year);
  // Documents are named <source id>/<file>: the source's region helps resolve a name that fits several bodies.
  const regionOf = (file: string) => config.sources.find((s) => s.id === file.split('/')[0])?.region;
  const meta = releaseMeta(config);
  const { coverage, warnings: coverageWarnings } = await jobCoverage(config, harvest, docs, clock, historyYears);
  for (const w of coverageWarnings) progress.log('warn', w);
  // The build of the last run is kept beside the parse cache (adapters/year-record.ts, `keep`: publishing replaces
  // the build folder): the report years whose reports did not change are linked from it, and when only the content
  // of a few documents changed, only the reports they touch are read and validated again (build-changed.ts). The
  // key: the code and what the reports' documents, summaries and year files depend on (coverage.csv, built from
  // the summaries after the stream, is not among them). The release is byte for byte that of a build without it.
  const years = await yearRecord(paths.parsed, paths.dist, await optionsKey({
    argv: ['xxgk run'],
    options: { meta, limits: config.limits ?? null, regions: config.sources.map((x) => [x.id, x.region ?? null]), keepPublished: true },
  }), { keep: true });
  const listed = await listFiles(paths.work);
  const inputs = new Map<string, string>();
  for (const f of listed) inputs.set(f, written.get(f) ?? createHash('sha256').update(await readFile(join(paths.work, f))).digest('hex'));
  const buildOptions = {
    cache: await parseCache(paths.parsed), keepPublished: true, regionOf, meta, coverage, limits: config.limits,
    onUnreadable: unreadableWarnings((line) => progress.log('warn', line), paths.dist), years,
  };
  const attempt = years.ledger ? await buildChanged(paths.work, paths.dist, clock, { ...buildOptions, history, ledger: years.ledger, inputs, files: listed }) : null;
  if (attempt && 'full' in attempt) progress.log('info', `every report read again (a full build): ${attempt.full}`, { event: 'full-build', reason: attempt.full });
  const changed = attempt && !('full' in attempt) ? attempt : null;
  const run = changed ?? await buildFolder(paths.work, paths.dist, clock, { ...buildOptions, history: history() });
  if (changed) progress.log('info', `${changed.kept} reports kept from the last build (their documents, and what their cross-year rules read, unchanged); ${run.reports.length - changed.kept} read and validated again`, { event: 'kept', kept: changed.kept });
  // Kept for the next run before publishing switches the release in: the ledger only of a build whose every
  // document made a report of the release (build-ledger.ts follows no other).
  const manifest = run.written.find((f) => f.path === 'manifest.json');
  const whole = run.unreadable.length === 0 && run.excluded.length === 0 && run.published.size === run.reports.length;
  // One more pass over the history: the digest of its reports none of the run's (build-ledger.ts; a build from the
  // ledger took it already, over the same reports), and the withdrawals sources whose config says so ask for (their
  // published reports this run did not read; every other report is kept).
  const flagged = new Set(config.sources.filter((x) => x.withdrawMissing).map((x) => x.id));
  const withdraw: Array<{ id: string; reason: string }> = [];
  const taken = changed?.historyDigest;
  const hash = manifest && whole && taken === undefined ? historyHash() : null;
  if (hash || flagged.size) {
    const withdrawn = withdrawalOf(flagged, yields, new Set(run.reports.map((r) => r.id)));
    for await (const h of history()) {
      if (hash && !run.published.has(h.id)) hash.add(h);
      const w = flagged.size ? withdrawn(h) : null;
      if (w) withdraw.push(w);
    }
  }
  if (manifest) {
    const ledger = whole ? { ...run.ledger, inputs: Object.fromEntries(inputs), history: taken ?? hash!.digest() } : null;
    await years.save(run.streams, manifest.sha256, ledger);
  }
  summary.parsed = run.parsed;
  summary.warnings = run.reports.reduce((n, r) => n + r.warnings, 0);
  const quarantine = quarantineOf(failures, run);
  summary.quarantined = quarantine.length;
  for (const u of run.unreadable) if (!summary.unreadable?.includes(u.file)) (summary.unreadable ??= []).push(u.file);
  await writeAtomic(paths.quarantine, `${JSON.stringify({ checked: clock().toISOString(), reports: quarantine }, null, 2)}\n`);
  await rm(paths.work, { recursive: true, force: true });
  progress.log('info', `built ${run.published.size} reports, quarantined ${quarantine.length}`);
  if (stop()) return stopped();

  // 3. publish: one step, never interrupted
  progress.step('publish');
  for (const w of withdraw) progress.log('warn', `report ${w.id}: withdrawn, ${w.reason}`, { report: w.id, event: 'withdrawn' });
  const outcome = await (deps.publish ?? publishRelease)(paths.dist, target, { clock, meta, ...(withdraw.length ? { withdraw } : {}) });
  if (!outcome.plan.empty && outcome.result) summary.published = outcome.result.version;
  for (const w of outcome.stillWithdrawn) progress.log('info', `report ${w.id} was withdrawn on ${w.date} (${w.reason}): left out`, { report: w.id });
  await warn();
  progress.end();

  docs.built = failures.length === 0 ? current : null;
  await writeDocuments(paths.documents, docs);
  state.lastSuccess = clock().toISOString();
  if (summary.published) state.lastPublishedVersion = summary.published;
  await writeState(paths.state, state);
  return summary;
}

