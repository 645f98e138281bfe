/**
 * The release's reports grouped by body (ReportSummary.series): the unit of data/timeseries.csv, the per-body feeds
 * and pages and the body datasets of the catalog. Built from the small summaries only. Pure (memoised per summary
 * list, which the build does not change once the reports are streamed).
 */
import type { AgencyRef } from '../model/agency.ts';
import { bodyPaths } from './series-key.ts';
import type { ReportSummary } from './types.ts';

export interface BodySeries {
  /** body.id, or the fallback key of a report without body. */
  key: string;
  /** The key is a registry body's id. */
  resolved: boolean;
  /** The registry facts (from the latest report); null when unresolved. */
  body: AgencyRef | null;
  /** The official name, or the printed name of the latest report when unresolved. */
  name: string;
  /** GB/T 2260 code: the body's division, or the latest report's region when unresolved (null if none). */
  division: string | null;
  /** Names the reports print, sorted, unique. */
  names: string[];
  /** One report per year, in year order. */
  reports: ReportSummary[];
  /** Latest `modified` of its reports (YYYY-MM-DD). */
  modified: string;
  /** Its feed's and page's paths (series-key.ts bodyPaths), made when asked for. */
  readonly feed: string;
  readonly page: string;
}

/**
 * A body's series as bodySeries keeps it for the whole of the aggregate files (a body a few reports: at 100,000 reports
 * some 14,000 of them): its paths made from the key when asked for (two strings of some 80 bytes a body otherwise),
 * its list of reports exactly as long as it is (a list grown by push keeps room for 17).
 */
class Series implements BodySeries {
  constructor(
    readonly key: string,
    readonly resolved: boolean,
    readonly body: AgencyRef | null,
    readonly name: string,
    readonly division: string | null,
    readonly names: string[],
    readonly reports: ReportSummary[],
    readonly modified: string,
  ) {}
  get feed(): string { return bodyPaths(this.key).feed; }
  get page(): string { return bodyPaths(this.key).page; }
}

const cache = new WeakMap<readonly ReportSummary[], BodySeries[]>();
const indexes = new WeakMap<readonly ReportSummary[], Map<string, BodySeries>>();
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every body of the release, sorted by key. Throws when two reports of the same body share a year, or when a
 * registry id is also the fallback key of an unresolved name: the per-body files need one identity per key.
 */
export function bodySeries(reports: readonly ReportSummary[]): BodySeries[] {
  const cached = cache.get(reports);
  if (cached) return cached;
  const groups = new Map<string, ReportSummary[]>();
  for (const s of reports) {
    const list = groups.get(s.series);
    if (list) list.push(s);
    else groups.set(s.series, [s]);
  }
  const out: BodySeries[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => a.year - b.year || cmp(a.id, b.id));
    for (let k = 1; k < list.length; k++) {
      if (list[k]!.year === list[k - 1]!.year) {
        throw new Error(`build: body ${key} has two reports for ${list[k]!.year} (${list[k - 1]!.id}, ${list[k]!.id}); `
          + 'the time series needs one report per body and year: merge them or resolve them to different bodies');
      }
    }
    const resolved = list.filter((s) => s.body !== null);
    if (resolved.length > 0 && resolved.length < list.length) {
      const stray = list.find((s) => s.body === null)!;
      throw new Error(`build: the report ${stray.id} (printed name ${JSON.stringify(stray.agency)}) did not resolve to a body, `
        + `but its fallback key ${key} is the id of the registry body ${resolved[0]!.body!.name}; add the name as an alias`);
    }
    const latest = list[list.length - 1]!;
    const body = latest.body;
    out.push(new Series(
      key,
      body !== null,
      body,
      body ? body.name : latest.agency,
      body ? body.division : latest.region,
      [...new Set(list.map((s) => s.agency))].sort(cmp),
      list.slice(),
      list.reduce((m, s) => (s.modified > m ? s.modified : m), '0000-00-00'),
    ));
  }
  out.sort((a, b) => cmp(a.key, b.key));
  cache.set(reports, out);
  return out;
}

/** The bodies of the release by key. */
export function seriesIndex(reports: readonly ReportSummary[]): ReadonlyMap<string, BodySeries> {
  let index = indexes.get(reports);
  if (!index) {
    index = new Map(bodySeries(reports).map((b) => [b.key, b]));
    indexes.set(reports, index);
  }
  return index;
}
