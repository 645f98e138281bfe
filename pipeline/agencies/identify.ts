/**
 * Give a parsed report its identity: the registry body its printed name resolves to. A resolved report carries
 * the body (id, official name, division, level, kind, parent), the id `<agency-id>-<year>` and the body's division
 * as its region; an unknown or ambiguous name keeps the report's own id (from the printed name) and yields a
 * warning naming the candidates — never a guess. Pure.
 */
import { type Agency, agencyRef } from '../model/agency.ts';
import type { Issue } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';
import { agencyIssue } from './agency-issue.ts';

export type NameResolution =
  | { status: 'resolved'; agency: Agency }
  | { status: 'ambiguous' | 'unknown'; candidates: readonly Agency[] };

export interface NameResolver {
  resolve(printed: string, hint?: { division?: string }): NameResolution;
}

export interface Identified {
  report: AnnualReport;
  /** The warning for a name that did not resolve. */
  issue?: Issue;
}

/**
 * `division`: the GB/T 2260 code of the area the document came from (a configured source's region), used to pick
 * one body out of several that fit the name; the report's own region (structured input) when not given.
 */
export function identify(report: AnnualReport, resolver: NameResolver, division?: string): Identified {
  const hint = division ?? report.region;
  const resolution = resolver.resolve(report.agency, hint ? { division: hint } : undefined);
  if (resolution.status !== 'resolved') {
    return { report, issue: agencyIssue(report, { status: resolution.status, printed: report.agency, candidates: resolution.candidates }) };
  }
  const body = agencyRef(resolution.agency);
  return { report: { ...report, id: `${body.id}-${report.year}`, body, region: body.division } };
}

/**
 * Identify every report of a run. `regionOf` gives the division of the area a report's document came from. The
 * warnings of names that did not resolve come back by report id (one per distinct name: renderings of one report
 * that print the same unknown name share one warning).
 */
export function identifyAll(
  reports: readonly AnnualReport[],
  resolver: NameResolver,
  regionOf?: (file: string) => string | undefined,
): { reports: AnnualReport[]; found: Map<string, Issue[]> } {
  const found = new Map<string, Issue[]>();
  const identified = reports.map((report) => {
    const { report: r, issue } = identify(report, resolver, regionOf?.(report.sources[0]!.name));
    if (issue) found.set(r.id, [...(found.get(r.id) ?? []).filter((i) => i.message.en !== issue.message.en), issue]);
    return r;
  });
  return { reports: identified, found };
}
