/**
 * Contracts of the build stage: validated reports in, dataset files out.
 * Builders are pure: they return strings (or string chunks per report, for the big files that are streamed);
 * the orchestrator (pipeline/datasets/index.ts) writes them through the file adapter and measures them.
 */
import type { DivisionNames } from '../agencies/divisions.ts';
import type { AgencyRef } from '../model/agency.ts';
import type { CoverageRow } from './coverage.ts';
import type { ValidationResult } from '../model/issue.ts';
import type { AnnualReport } from '../model/report.ts';

export interface ValidatedReport {
  report: AnnualReport;
  validation: ValidationResult;
}

export interface Text {
  zh: string;
  en: string;
}

/** What the whole release is about. Placeholder defaults in defaults.ts; the config's `dataset:` section overrides them (meta.ts). */
export interface DatasetMeta {
  /** Absolute URL where the output folder is served, ending with '/': the stable URLs harvesters use. */
  baseUrl: string;
  title: Text;
  description: Text;
  publisher: { name: Text; url: string; email: string };
  contact: { name: Text; email: string; url: string };
  license: { id: string; url: string; title: string };
  /** Semantic version of the release and what changed in it (set by the publish planner, issue 4). */
  version: string;
  versionNotes: string;
  keywords: { zh: string[]; en: string[] };
  /** EU data-theme codes (GOVE, …) of the datasets. */
  themes: string[];
  /** Languages of the catalog's texts. */
  languages: Array<'zh' | 'en'>;
  /** Spatial coverage: the country (EU authority URI) and its name, or a GB/T 2260 division code. */
  spatial: { uri: string; name: Text } | { code: string };
  /** Update frequency (EU frequency authority URI). */
  accrualPeriodicity: string;
  /** Date of the dataset's first release (YYYY-MM-DD), kept from release to release; the build date when there is none. */
  issued: string;
  /**
   * Where each version's release assets are downloaded, ending with '/': the asset of version X is at
   * `${releases}vX/<name>` (https://github.com/OWNER/NAME/releases/download/ for a GitHub target). Without it (a git
   * target, a build) the catalog names no asset.
   */
  releases?: string;
  /** How the release is laid out and the budget of its tree (config `release:`; release-layout.ts); default the site layout. */
  release?: ReleaseLayout;
}

/** How a release is laid out (config `release:`; release-layout.ts). */
export interface ReleaseLayout {
  /** site: every file in the tree; national: the bulk renderings as compressed release assets. */
  layout: 'site' | 'national';
  /** Budget of the tree: total bytes of the files under latest/ (manifest.json included). */
  maxTreeBytes: number;
  /** Budget of the tree: number of files. */
  maxTreeFiles: number;
}

/** Headline figures of one report (null when the source prints nothing there). */
export interface Headline {
  received: number | null;
  granted: number | null;
  /** Requests handled this year: 三（七）总计, total column. */
  handled: number | null;
  reconsiderations: number | null;
  lawsuits: number | null;
}

/**
 * The figures of tables 三 and 四 that the time series, the regional sums and the per-body feeds publish, each
 * defined by template codes in figures.ts; null when the source prints none of the cells a figure is made of.
 * Keys are the column names of data/timeseries.csv.
 */
export interface Figures {
  received: number | null;
  carried_over: number | null;
  handled: number | null;
  granted: number | null;
  partially_granted: number | null;
  refused: number | null;
  unavailable: number | null;
  not_processed: number | null;
  other: number | null;
  carried_forward: number | null;
  reconsiderations: number | null;
  lawsuits: number | null;
  appeals: number | null;
  appeals_corrected: number | null;
}

/** Shares journalists quote, as decimals rounded to 4 places; null when a part is missing or the denominator is 0. */
export interface Rates {
  granted_rate: number | null;
  partially_granted_rate: number | null;
  refused_rate: number | null;
  unavailable_rate: number | null;
  appeals_corrected_rate: number | null;
}

/** One report as the aggregate files see it: small, kept in memory for the whole corpus. */
export interface ReportSummary {
  id: string;
  agency: string;
  region: string | null;
  year: number;
  edition: string;
  published: string | null;
  valid: boolean;
  errors: number;
  warnings: number;
  /** Rule ids of the report's warnings, sorted, unique. */
  flags: string[];
  headline: Headline;
  /** The registry body the report resolved to; null when its printed name did not resolve. */
  body: AgencyRef | null;
  /**
   * The report's body in the per-body files (series.ts): body.id, or for a report without body the report id
   * without its "-<year>" (the printed name's nameKey, for the ids xxgk assigns).
   */
  series: string;
  /** Tables 三 and 四 reduced to the time series' figures. */
  figures: Figures;
  sources: string[];
  /** Relative path of the report's canonical JSON, its sha256 and size. */
  json: { path: string; sha256: string; bytes: number };
  /** Relative path of the report's page on the site. */
  page: string;
  /** Date (YYYY-MM-DD) this report's data last changed in the published datasets. */
  modified: string;
}

/** A file of the release, as measured after it was written. */
export interface FileStat {
  path: string;
  bytes: number;
  sha256: string;
  mediaType: string;
}

/** Everything the aggregate builders (datapackage, CSVW, catalog, site index) need. */
export interface ReleaseContext {
  meta: DatasetMeta;
  /** Sorted by year, then id. */
  reports: ReportSummary[];
  /** The data files written so far (CSV, JSON feeds, NDJSON), sorted by path. */
  files: FileStat[];
  /** Latest `modified` of any report (YYYY-MM-DD): the release's modification date. */
  modified: string;
  /** First and last report year, or null without reports. */
  years: [number, number] | null;
  /** Names of the GB/T 2260 divisions, by code (regions.csv's names); none when not given. */
  divisions?: ReadonlyMap<string, DivisionNames>;
  /**
   * The rows of data/coverage.csv (coverage.ts), once built; once the coverage files are written, the build keeps
   * the last year's only (coverage-files.ts), what the index page reads.
   */
  coverage?: CoverageRow[];
  /** The release assets the build wrote beside the tree (national layout: release-layout.ts), sorted by path. */
  assets?: FileStat[];
}

/**
 * A file built row by row, so that memory does not grow with the corpus: its head, one chunk per report, its tail.
 * The orchestrator writes head(), then chunk(r) for every report in order, then tail().
 */
export interface StreamedFile {
  path: string;
  mediaType: string;
  head(): string;
  chunk(r: ValidatedReport): string;
  tail(): string;
}

/** The order of every table of a release: by year, then report id. */
export function byYearThenId(a: ValidatedReport, b: ValidatedReport): number {
  return yearThenId(a.report, b.report);
}

/** The order of every table of the release: by report year, then report id. */
export function yearThenId(a: { year: number; id: string }, b: { year: number; id: string }): number {
  return a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type { DivisionNames };
