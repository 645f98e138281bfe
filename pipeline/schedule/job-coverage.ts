/**
 * What the job knows for data/coverage.csv: the bodies the configuration expects (each source's body, resolved in
 * the registry with the source's region as a hint, and every registry body in a configured division), where each
 * document came from and the date its site shows, and the last year whose deadline has passed.
 */
import { type Clock, chinaDate } from '../adapters/clock.ts';
import { loadRegistry } from '../adapters/registry.ts';
import type { Config } from '../config.ts';
import { type CoverageInput, type ExpectedBody, lastYearDue } from '../datasets/coverage.ts';
import { agencyRef } from '../model/agency.ts';
import { registryResolver } from '../run.ts';
import type { HarvestState } from './harvest-store.ts';
import type { HeldDocuments } from './job-store.ts';

/** 320800 → "3208": a body is in the division when its code starts with this. */
const areaPrefix = (division: string): string => division.replace(/(?:00)+$/, '');

export async function jobCoverage(
  config: Config,
  harvest: HarvestState,
  docs: HeldDocuments,
  clock: Clock,
  /** The years of the last release's reports. */
  published: readonly number[] = [],
): Promise<{ coverage: Omit<CoverageInput, 'found'>; warnings: string[] }> {
  const warnings: string[] = [];
  const expected: ExpectedBody[] = [];
  const resolver = await registryResolver();
  for (const source of config.sources) {
    const r = resolver.resolve(source.name, { division: source.region });
    if (r.status === 'resolved') expected.push({ body: agencyRef(r.agency), source: source.id, by: 'source' });
    else warnings.push(`source ${source.id}: "${source.name}" is ${r.status} in the registry; coverage.csv expects it only once it has published a report`);
  }
  if (config.coverage.divisions.length > 0) {
    const prefixes = config.coverage.divisions.map(areaPrefix);
    for (const agency of await loadRegistry()) {
      if (prefixes.some((p) => agency.division.startsWith(p))) expected.push({ body: agencyRef(agency), source: null, by: 'division' });
    }
  }
  const documents = new Map<string, { url: string; posted: string | null }>();
  for (const source of config.sources) {
    if (source.kind === 'url') for (const d of docs.held[source.id] ?? []) documents.set(d.name, { url: source.url, posted: d.posted ?? null });
    if (source.kind !== 'listing') continue;
    for (const [url, report] of Object.entries(harvest[source.id]?.reports ?? {})) {
      for (const d of report.documents) documents.set(d.name, { url, posted: report.posted });
    }
  }
  return {
    coverage: {
      expected, documents, lastYear: lastYearDue(chinaDate(clock)),
      ...(config.coverage.since !== undefined ? { since: config.coverage.since } : {}),
      // The last release's reports stay in the release when their source finds nothing (carried over when publishing).
      // A loop, not Math.min(...published): one year a report, past some 120,000 V8 runs out of stack spreading them.
      ...(published.length ? { earliest: published.reduce((a, b) => Math.min(a, b)) } : {}),
    },
    warnings,
  };
}
