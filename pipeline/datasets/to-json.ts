/** The JSON feeds: one document per report, the reports index and its parts, the bulk NDJSON of observations. Pure. */
import type { AnnualReport } from '../model/report.ts';
import { TABLE_IDS } from '../model/template.ts';
import { cellFlags, flagIndex } from './flags.ts';
import { OBSERVATIONS_NDJSON } from './table-schemas.ts';
import type { DatasetMeta, ReleaseContext, ReportSummary, StreamedFile, ValidatedReport } from './types.ts';

export const SCHEMA_FILES = {
  report: 'schemas/report-document.schema.json',
  feed: 'schemas/feed-reports.schema.json',
  feedPart: 'schemas/feed-reports-part.schema.json',
  observation: 'schemas/observation.schema.json',
  manifest: 'schemas/manifest.schema.json',
} as const;

/**
 * A schema's identity: its URL under the release's base URL (the stable latest/ URL), which is both the schema's
 * `$id` and the `$schema` of the documents it describes, so a consumer finds it by either, and the schemas' relative
 * `$ref`s resolve among the release's own schemas.
 */
export function schemaUrl(meta: Pick<DatasetMeta, 'baseUrl'>, file: string): string {
  return `${meta.baseUrl}${file}`;
}

/** A schema file's text with its top-level `$id` set to its URL in the release (the rest of the text unchanged). */
export function withSchemaId(content: string, id: string): string {
  const found = /"\$id"\s*:\s*"[^"]*"/;
  if (!found.test(content)) throw new Error(`schema ${id}: no "$id" to set`);
  return content.replace(found, () => `"$id": ${JSON.stringify(id)}`);
}

/**
 * reports/<year>/<id>.json: the canonical report and its validation result, without indentation (a tenth of a
 * national release is these documents: indented they were twice the size, for the same data).
 */
export function reportDocument(r: ValidatedReport, meta: DatasetMeta): string {
  const doc = { $schema: schemaUrl(meta, SCHEMA_FILES.report), report: r.report, validation: r.validation };
  return `${JSON.stringify(doc)}\n`;
}

const maxModified = (reports: readonly ReportSummary[]) => reports.reduce((m, s) => (s.modified > m ? s.modified : m), '0000-00-00');

/**
 * A part of the reports index (feed/reports/<year>.json): every report of the part with links, sha256 and the date
 * its data last changed; `modified` is the part's latest. No version: a part changes only when its reports do.
 */
export function reportsFeedPart(meta: DatasetMeta, reports: readonly ReportSummary[]): string {
  const doc = {
    $schema: schemaUrl(meta, SCHEMA_FILES.feedPart),
    modified: maxModified(reports),
    license: meta.license.url,
    reports: reports.map((s) => ({
      id: s.id,
      agency: s.agency,
      region: s.region,
      year: s.year,
      edition: s.edition,
      published: s.published,
      valid: s.valid,
      errors: s.errors,
      warnings: s.warnings,
      flags: s.flags,
      headline: s.headline,
      url: `${meta.baseUrl}${s.json.path}`,
      page: `${meta.baseUrl}${s.page}`,
      sha256: s.json.sha256,
      bytes: s.json.bytes,
      modified: s.modified,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A part of the reports index as the index names it: the file written, its partition and its reports. */
export interface FeedPart {
  file: { path: string; bytes: number; sha256: string };
  year: number;
  part: number;
  reports: readonly ReportSummary[];
}

/**
 * feed/reports.json, at its stable URL: the index of the parts (year, part, URL, its number of reports, the first and last
 * report id — ids are sorted within a year —, the latest `modified`, size and sha256), so a harvester fetches only
 * the parts whose `modified` or sha256 changed.
 */
export function reportsFeedIndex(ctx: Pick<ReleaseContext, 'meta' | 'modified'>, parts: readonly FeedPart[]): string {
  const { meta } = ctx;
  const doc = {
    $schema: schemaUrl(meta, SCHEMA_FILES.feed),
    version: meta.version,
    modified: ctx.modified,
    license: meta.license.url,
    count: parts.reduce((n, p) => n + p.reports.length, 0),
    parts: parts.map((p) => ({
      year: p.year,
      part: p.part,
      url: `${meta.baseUrl}${p.file.path}`,
      count: p.reports.length,
      first: p.reports[0]?.id ?? null,
      last: p.reports[p.reports.length - 1]?.id ?? null,
      modified: maxModified(p.reports),
      bytes: p.file.bytes,
      sha256: p.file.sha256,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** JSON.stringify of the codes (tables, rows, columns, kinds): a few hundred texts on every line. */
const codeJson = new Map<string, string>();
function codeText(code: string): string {
  let json = codeJson.get(code);
  if (json === undefined) {
    json = JSON.stringify(code);
    if (codeJson.size < 4096) codeJson.set(code, json);
  }
  return json;
}

/** A property as JSON.stringify writes it inside an object: nothing when the value is undefined. */
const property = (name: string, value: unknown): string => (value === undefined ? '' : `,${JSON.stringify(name)}:${JSON.stringify(value)}`);

/**
 * One observation per printed (or derived) cell (the tidy rows, tidy-rows.ts), a line each: the bytes
 * JSON.stringify gives for the object { report_id, agency, region, year, edition, table, row, column, value, kind,
 * raw (when it differs from the value), flags }, written a field at a time, the report's own fields once.
 */
function observations(report: AnnualReport, flags: ReturnType<typeof flagIndex>): string {
  // report_id is the report's id, a string: the line always starts with it.
  const head = JSON.stringify({ report_id: report.id, agency: report.agency, region: report.region ?? null, year: report.year, edition: report.edition })
    .slice(0, -1);
  let out = '';
  for (const table of TABLE_IDS) {
    const rows = report.tables[table];
    const tableJson = `${head},"table":${codeText(table)}`;
    for (const row of Object.keys(rows)) {
      const cells = rows[row]!;
      const rowJson = `${tableJson},"row":${codeText(row)},"column":`;
      for (const column of Object.keys(cells)) {
        const cell = cells[column]!;
        if (cell.kind === 'absent') continue;
        const flag = cellFlags(flags, table, row, column);
        const value = cell.value;
        out += `${rowJson}${codeText(column)}${value === undefined ? '' : `,"value":${typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value)}`}`
          + `${cell.kind === undefined ? '' : `,"kind":${codeText(cell.kind)}`}`
          + `${cell.raw !== undefined && cell.raw !== String(value) ? property('raw', cell.raw) : ''}`
          + `,"flags":${flag ? JSON.stringify(flag.split(';')) : '[]'}}\n`;
      }
    }
  }
  return out;
}

/** feed/observations.ndjson: the bulk data, one JSON object per line (schemas/observation.schema.json), written in partitions (feed/observations/<year>.ndjson). */
export function observationsNdjson(): StreamedFile {
  return {
    path: OBSERVATIONS_NDJSON,
    mediaType: 'application/x-ndjson',
    head: () => '',
    chunk: (r) => observations(r.report, flagIndex(r.validation.issues)),
    tail: () => '',
  };
}

/** manifest.json: size and sha256 of every other file of the release. Publishing diffs against it. */
export function manifest(ctx: { meta: DatasetMeta }, files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>): string {
  const doc = {
    $schema: schemaUrl(ctx.meta, SCHEMA_FILES.manifest),
    version: ctx.meta.version,
    files: [...files]
      .filter((f) => f.path !== 'manifest.json')
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
