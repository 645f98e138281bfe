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
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '../adapters/clock.ts';
import { writeAtomic } from '../adapters/fs.ts';
import { rawStore } from '../adapters/raw-store.ts';
import { type Config, releaseMeta } from '../config.ts';
import { InputError } from '../errors.ts';
import { publish as publishRelease } from '../publish/index.ts';
import { workDirFor } from '../publish/cli-publish.ts';
import { gitTarget } from '../publish/git-target.ts';
import { type GithubTargetOptions, githubTarget } from '../publish/github-target.ts';
import type { PublishTarget } from '../publish/types.ts';
import { parseCache } from '../adapters/parse-cache.ts';
import { mapLimit } from './map-limit.ts';
import { buildFolder } from '../run.ts';
import { type HeldDocument, collectSource } from './job-sources.ts';
import { contactWarning, harvestFetcher } from './harvest-fetcher.ts';
import { readHarvest, writeHarvest } from './harvest-store.ts';
import { collectListing } from './job-listing.ts';
import { jobCoverage } from './job-coverage.ts';
import { fingerprint, jobPaths, readDocuments, writeDocuments } from './job-store.ts';
import { type Progress, silentProgress } from './progress.ts';
import { readState, writeState } from './state.ts';
import { readPreviousBytes } from '../adapters/output.ts';
import { publishedHistory, releaseReports, unreadableWarnings } from '../publish/history.ts';
import { type Shortfall, type SourceYield, keptBySource, nothingYielded, shortfalls, sourceWarnings, withdrawMissing } from './source-warnings.ts';

export interface QuarantineEntry {
  /** The report id, or the document / source that could not be read. */
  report: string;
  agency?: string;
  year?: number;
  issues: Array<{ rule: string; severity: string; message: string }>;
  /** The release still holds the report's last good version (it was published before). */
  keptPublished?: boolean;
}

export interface JobSummary {
  /** empty: every source yielded nothing, so nothing was built or published. */
  status: 'done' | 'stopped' | 'empty';
  fetched: number;
  unchanged: number;
  parsed: number;
  warnings: number;
  quarantined: number;
  /** The version published by this run, or null. */
  published: string | null;
  /** Problems of listing sources (a page not allowed or not read, a listing that matches nothing), each naming its source. */
  harvestWarnings: string[];
  /** Sources that matched no documents, or fewer than last run, with the published reports kept for each. */
  sourceWarnings: string[];
  /**
   * Documents that could not be read — files of path and inbox sources (permissions, over limits.maxBytes) and
   * documents that could not be parsed (damaged, over a limit, not a report): each quarantined, the rest built;
   * `xxgk run` exits 2.
   */
  unreadable?: string[];
  /** Sources that could not be fetched ("source <id>: <why>"): each keeps what it held, the rest built; `xxgk run` exits 2. */
  failedSources?: string[];
}

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

export const defaultRoot = (config: Config): string => join(dirname(config.file), 'output');

export function configTarget(
  config: Config,
  outDir: string,
  clock: Clock,
  github: Pick<GithubTargetOptions, 'fetch' | 'client'> = {},
): PublishTarget {
  const workDir = workDirFor(outDir);
  const { target, branch } = config.publish;
  const meta = releaseMeta(config);
  if (target.kind === 'github') {
    return githubTarget({
      owner: target.owner, repo: target.name, branch, baseUrl: config.github.apiUrl, clock, meta,
      timeoutMs: config.publish.timeoutMs, retries: config.publish.retries,
      ...(config.github.token ? { token: config.github.token } : {}),
      stateDir: join(workDir, 'github', target.owner, target.name),
      ...github,
    });
  }
  return gitTarget({ repo: target.location, branch, workDir, clock, meta, timeoutMs: config.publish.timeoutMs });
}

export function formatSummary(s: JobSummary): string {
  const end = s.status === 'stopped' ? 'stopped before publishing'
    : s.status === 'empty' ? 'every source yielded no documents: nothing built or published'
    : s.published ? `published v${s.published}` : 'nothing to publish';
  const harvest = s.harvestWarnings.length ? `, ${s.harvestWarnings.length} harvest warnings` : '';
  const sources = s.sourceWarnings.length ? `, ${s.sourceWarnings.length} source warning${s.sourceWarnings.length === 1 ? '' : 's'}` : '';
  const failed = s.failedSources?.length ? `, ${s.failedSources.length} source${s.failedSources.length === 1 ? '' : 's'} failed` : '';
  return `xxgk run: ${s.fetched} fetched, ${s.unchanged} unchanged, ${s.parsed} parsed, ${s.warnings} warnings${harvest}${sources}${failed}, ${s.quarantined} quarantined; ${end}`;
}

/** The source warnings of a run, with the reports the release in `dist` keeps for each source (read only when there is one). */
async function warnSources(yields: readonly SourceYield[], held: ReadonlySet<string>, dist: string): Promise<Shortfall[]> {
  const found = shortfalls(yields);
  if (found.length === 0) return [];
  const published = await releaseReports((path) => readPreviousBytes(dist, path));
  return sourceWarnings(found, keptBySource(published.map((r) => r.report), held));
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
  const before = new Set(Object.values(docs.held).flat().map((d) => `${d.name} ${d.sha256}`));
  const noContact = contactWarning(config);
  if (noContact) {
    summary.harvestWarnings.push(noContact);
    progress.log('warn', noContact);
  }

  // 1. fetch
  progress.start(config.sources.length + 2);
  const failures: QuarantineEntry[] = [];
  const yields: SourceYield[] = [];
  // Sources are fetched `limits.concurrency` at a time; their results are taken in the config's order.
  const fetched = await mapLimit(config.sources, config.limits.concurrency, async (source) => {
    if (stop()) return { source, skipped: true as const };
    progress.step(`fetch ${source.id}`);
    const held = docs.held[source.id] ?? [];
    try {
      if (source.kind === 'listing') {
        const listed = await collectListing(source, harvest[source.id], store, fetcher);
        return { source, got: { documents: listed.documents, validators: null, notModified: false }, listed };
      }
      return { source, got: await collectSource(source, { validators: state.sources[source.id], documents: held }, store, config.limits, deps.fetch) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return { source, error: err };
    }
  });
  if (fetched.some((f) => 'skipped' in f)) return stopped();
  for (const f of fetched) {
    const { source } = f;
    const heldBefore = (docs.held[source.id] ?? []).length;
    if ('error' in f && f.error) {
      yields.push({ source: source.id, documents: 0, before: heldBefore, failed: true });
      // Keep what was held: a source that cannot be fetched today is not withdrawn.
      failures.push({ report: `source ${source.id}`, issues: [{ rule: 'source.unreadable', severity: 'error', message: f.error.message }] });
      (summary.failedSources ??= []).push(`source ${source.id}: ${f.error.message}`);
      progress.log('warn', `source ${source.id}: ${f.error.message}`, { source: source.id });
      continue;
    }
    if (!('got' in f) || !f.got) continue;
    const { got } = f;
    if ('listed' in f && f.listed) {
      harvest[source.id] = f.listed.state;
      for (const w of f.listed.warnings) {
        summary.harvestWarnings.push(w);
        progress.log('warn', w, { source: source.id });
      }
    }
    for (const u of ('unreadable' in got ? got.unreadable ?? [] : [])) {
      failures.push({ report: u.name, issues: [{ rule: 'document.unreadable', severity: 'error', message: u.message }] });
      (summary.unreadable ??= []).push(u.name);
      progress.log('warn', `${u.name}: ${u.message}`, { source: source.id });
    }
    yields.push({ source: source.id, documents: got.documents.length, before: heldBefore, failed: false });
    docs.held[source.id] = got.documents;
    if (got.validators) state.sources[source.id] = got.validators;
    for (const d of got.documents) {
      if (got.notModified || before.has(`${d.name} ${d.sha256}`)) summary.unchanged++;
      else summary.fetched++;
    }
    progress.log('info', `source ${source.id}: ${got.notModified ? 'not modified' : `${got.documents.length} documents`}`, { source: source.id });
  }
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
  for (const d of all) {
    const bytes = await store.get(d.sha256);
    if (bytes) await writeAtomic(join(paths.work, d.name), bytes);
  }
  await mkdir(paths.work, { recursive: true });
  const target = deps.target ?? configTarget(config, paths.dist, clock, deps.github);
  // The target's last release is the history the cross-year rules look back into.
  const lost = unreadableWarnings((line) => progress.log('warn', line), 'the publish target');
  const history = await publishedHistory(await target.latest(), lost);
  // Documents are named <source id>/<file>: the source's region helps resolve a name that fits several bodies.
  const regionOf = (file: string) => config.sources.find((s) => s.id === file.split('/')[0])?.region;
  const meta = releaseMeta(config);
  const { coverage, warnings: coverageWarnings } = await jobCoverage(config, harvest, docs, clock, history.map((r) => r.year));
  for (const w of coverageWarnings) progress.log('warn', w);
  const run = await buildFolder(paths.work, paths.dist, clock, {
    cache: await parseCache(paths.parsed), keepPublished: true, history, regionOf, meta, coverage, limits: config.limits,
    onUnreadable: unreadableWarnings((line) => progress.log('warn', line), paths.dist),
  });
  summary.parsed = run.parsed;
  summary.warnings = run.reports.reduce((n, r) => n + r.warnings, 0);
  const quarantine: QuarantineEntry[] = [
    ...failures,
    ...run.unreadable.map((u) => ({ report: u.file, issues: [{ rule: 'document.unreadable', severity: 'error', message: u.message }] })),
    ...run.excluded.map(({ report, validation }) => ({
      report: report.id,
      agency: report.agency,
      year: report.year,
      ...(run.published.has(report.id) ? { keptPublished: true } : {}),
      issues: [
        ...validation.issues.filter((i) => i.severity === 'error').map((i) => ({ rule: i.rule, severity: i.severity, message: i.message.en })),
      ],
    })),
  ];
  summary.quarantined = quarantine.length;
  for (const u of run.unreadable) if (!summary.unreadable?.includes(u.file)) (summary.unreadable ??= []).push(u.file);
  await writeAtomic(paths.quarantine, `${JSON.stringify({ checked: clock().toISOString(), reports: quarantine }, null, 2)}\n`);
  await rm(paths.work, { recursive: true, force: true });
  progress.log('info', `built ${run.published.size} reports, quarantined ${quarantine.length}`);
  if (stop()) return stopped();

  // 3. publish: one step, never interrupted
  progress.step('publish');
  // Sources whose config says so withdraw the published reports they no longer yield; every other report is kept.
  const flagged = new Set(config.sources.filter((x) => x.withdrawMissing).map((x) => x.id));
  const withdraw = flagged.size ? withdrawMissing(flagged, yields, history, new Set(run.reports.map((r) => r.id))) : [];
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

/**
 * What the last run left in quarantine.json: how many entries, and the documents it could not read
 * (document.unreadable); nothing when there is no file.
 */
async function lastQuarantine(path: string): Promise<{ count: number; unreadable: string[] }> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { count: 0, unreadable: [] };
  try {
    const doc = JSON.parse(text) as { reports?: QuarantineEntry[] };
    if (!Array.isArray(doc.reports)) return { count: 0, unreadable: [] };
    const unreadable = doc.reports.filter((r) => r.issues?.some((i) => i.rule === 'document.unreadable')).map((r) => r.report);
    return { count: doc.reports.length, unreadable };
  } catch {
    return { count: 0, unreadable: [] };
  }
}
