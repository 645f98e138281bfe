/**
 * The job's first step: fetch every source (`limits.concurrency` at a time, results taken in the config's order)
 * into the raw store. What each source yielded is recorded in the held documents, the run state's validators and
 * the harvest state; a source that cannot be fetched keeps what it held and is quarantined as `source.unreadable`, a
 * document that cannot be read as `document.unreadable`.
 */
import type { Config } from '../config.ts';
import { InputError } from '../errors.ts';
import type { rawStore } from '../adapters/raw-store.ts';
import type { harvestFetcher } from './harvest-fetcher.ts';
import type { readHarvest } from './harvest-store.ts';
import { collectSource } from './job-sources.ts';
import { collectListing } from './job-listing.ts';
import type { readDocuments } from './job-store.ts';
import type { JobSummary } from './job-summary.ts';
import { mapLimit } from './map-limit.ts';
import type { Progress } from './progress.ts';
import type { QuarantineEntry } from './quarantine.ts';
import type { SourceYield } from './source-warnings.ts';
import type { readState } from './state.ts';

export interface FetchContext {
  docs: Awaited<ReturnType<typeof readDocuments>>;
  state: Awaited<ReturnType<typeof readState>>['state'];
  harvest: Awaited<ReturnType<typeof readHarvest>>;
  store: ReturnType<typeof rawStore>;
  fetcher: ReturnType<typeof harvestFetcher>;
  progress: Progress;
  stop: () => boolean;
  fetch?: typeof fetch;
}

export interface Fetched {
  /** What each source yielded, against what it held before. */
  yields: SourceYield[];
  /** Sources that could not be fetched and documents that could not be read. */
  failures: QuarantineEntry[];
}

/** Fetch the sources; null when the stop flag was raised before every source was fetched. */
export async function fetchSources(config: Config, ctx: FetchContext, summary: JobSummary): Promise<Fetched | null> {
  const { docs, state, harvest, store, fetcher, progress, stop } = ctx;
  const before = new Set(Object.values(docs.held).flat().map((d) => `${d.name} ${d.sha256}`));
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
      return { source, got: await collectSource(source, { validators: state.sources[source.id], documents: held }, store, config.limits, ctx.fetch) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return { source, error: err };
    }
  });
  if (fetched.some((f) => 'skipped' in f)) return null;
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
  return { yields, failures };
}
