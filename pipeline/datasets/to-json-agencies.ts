/**
 * The per-body feeds: feed/agencies/<id>.json (a body's registry facts and, per year, its report, figures, rates and
 * flags) and feed/agencies.json (the index of bodies). Built from the summaries (series.ts). They carry no version
 * and no release date, only the date their data last changed, so an unchanged body's file stays byte-identical. Pure.
 */
import { ratesOf } from './figures.ts';
import { bodySeries, seriesIndex, type BodySeries } from './series.ts';
import { TIMESERIES_CSV } from './table-schemas-series.ts';
import { bodyLinks } from './release-layout.ts';
import { csvwPath } from './to-csvw.ts';
import { schemaUrl } from './to-json.ts';
import type { ReleaseContext } from './types.ts';

export const AGENCY_SCHEMA_FILES = {
  agency: 'schemas/feed-agency.schema.json',
  agencies: 'schemas/feed-agencies.schema.json',
} as const;

export const AGENCIES_FEED = 'feed/agencies.json';

/** feed/agencies/<id>.json for one body. */
export function agencyFeed(ctx: ReleaseContext, series: BodySeries): string {
  const { meta } = ctx;
  const parent = series.body?.parent;
  const found = parent ? seriesIndex(ctx.reports).get(parent) : undefined;
  const parentSeries = found?.resolved ? found : undefined;
  const doc = {
    $schema: schemaUrl(meta, AGENCY_SCHEMA_FILES.agency),
    id: series.key,
    resolved: series.resolved,
    name: series.name,
    body: series.body,
    names: series.names,
    division: series.division,
    parent_url: parentSeries ? `${meta.baseUrl}${bodyLinks(meta, parentSeries).feed}` : null,
    page: `${meta.baseUrl}${bodyLinks(meta, series).page}`,
    timeseries: `${meta.baseUrl}${csvwPath(TIMESERIES_CSV)}`,
    license: meta.license.url,
    modified: series.modified,
    years: series.reports.map((s) => ({
      year: s.year,
      report_id: s.id,
      agency: s.agency,
      edition: s.edition,
      url: `${meta.baseUrl}${s.json.path}`,
      page: `${meta.baseUrl}${s.page}`,
      warnings: s.warnings,
      flags: s.flags,
      figures: s.figures,
      rates: ratesOf(s.figures),
      modified: s.modified,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** feed/agencies.json: every body of the release, sorted by id, with links to its feed and page. */
export function agenciesFeed(ctx: ReleaseContext): string {
  const { meta } = ctx;
  const doc = {
    $schema: schemaUrl(meta, AGENCY_SCHEMA_FILES.agencies),
    modified: ctx.modified,
    license: meta.license.url,
    timeseries: `${meta.baseUrl}${csvwPath(TIMESERIES_CSV)}`,
    agencies: bodySeries(ctx.reports).map((b) => ({
      id: b.key,
      resolved: b.resolved,
      name: b.name,
      division: b.division,
      level: b.body?.level ?? null,
      kind: b.body?.kind ?? null,
      parent: b.body?.parent ?? null,
      years: b.reports.map((s) => s.year),
      modified: b.modified,
      url: `${meta.baseUrl}${bodyLinks(meta, b).feed}`,
      page: `${meta.baseUrl}${bodyLinks(meta, b).page}`,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
