/**
 * Build a release: one pass over the validated reports streams the per-report files and the big tables (split by
 * year and size: partitions.ts), then the
 * aggregate files (reports.csv, the time series and the reports index in the same parts: report-parts.ts; the regional sums, the feeds, one feed and one page per body, Data
 * Package, CSVW, DCAT catalog, site index, manifest) are built from the small summaries. Builders are pure; writing
 * goes through the OutputSink.
 */
import type { OutputSink } from '../adapters/output.ts';
import { csvFiles } from './to-csv.ts';
import { csvwMetadata } from './to-csvw.ts';
import { dataPackage } from './to-datapackage.ts';
import { catalogDocument, catalogJsonLdChunks, catalogTurtleChunks, schemaOrgDataset } from './to-dcat.ts';
import { GBT21063_FILE, gbt21063Json } from './to-gbt21063.ts';
import { manifest, observationsNdjson, reportDocument, schemaUrl, withSchemaId } from './to-json.ts';
import { bodySeries } from './series.ts';
import { AGENCIES_INDEX, DICTIONARY_PAGE, STYLESHEET, agenciesIndexChunks, agencyPages, dictionaryPage, reportPage, siteCss, siteIndex, yearPageChunks } from './site/index.ts';
import { reportPaths, summarize, summaryPool } from './summary.ts';
import { type SummaryStore, summariesInMemory } from './summary-store.ts';
import { partitionWriter, reportPrint } from './partition-writer.ts';
import { ReuseMismatch } from './reuse-mismatch.ts';
import { observationsParquetCollector } from './to-parquet.ts';
import { DEFAULT_MAX_FILE_BYTES, checkFileSizes } from './partitions.ts';
import { REGIONS_CSV } from './table-schemas-series.ts';
import { writeReportParts } from './report-parts.ts';
import { archivesByKey, tarGzFile } from './archive-writer.ts';
import { documentStat, nationalPlacement, reportBundles } from './national-writer.ts';
import { AGENCIES_ARCHIVE, ASSETS_DIR, isNational, isReportBundle, nationalLinks, pagesArchivePath, releaseOf } from './release-layout.ts';
import { type ArchivedPage, type YearFiles, type YearStreams, filesByYear, linkableParts, pagesKey, partOf, rowsLinkableParts, yearDigest } from './year-streams.ts';
import { type TreeSize, treeOverBudget, treeSize } from './tree-budget.ts';
import { AGENCIES_FEED, agenciesFeed, agencyFeed } from './to-json-agencies.ts';
import { regionsCsv } from './to-regions.ts';
import { type CoverageInput, type CoverageRow, type FoundReport, coverageYears } from './coverage.ts';
import { writeCoverage } from './coverage-files.ts';
import { WITHDRAWALS_FILE, type Withdrawal, withdrawalsJson } from './to-withdrawals.ts';
import { type DatasetMeta, type DivisionNames, type FileStat, type ReleaseContext, type ReportSummary, type StreamedFile, type ValidatedReport, yearThenId } from './types.ts';

export interface BuildInput {
  /** Validated reports, sorted by year then id (the order of every table); kept ones only with `reuse`. */
  reports: Iterable<ValidatedReport | KeptReport> | AsyncIterable<ValidatedReport | KeptReport>;
  meta: DatasetMeta;
  /** Today's date (YYYY-MM-DD) from the injected clock: the `modified` date of new or changed reports. */
  today: string;
  /** The previous release's report hashes and dates (feed/reports.json), so unchanged reports keep theirs. */
  previous?: ReadonlyMap<string, { sha256: string; modified: string }>;
  /** JSON Schemas to publish under schemas/ (file name → content). */
  schemas: ReadonlyMap<string, string>;
  /** Names of the GB/T 2260 divisions by code, for regions.csv (adapters/registry.ts loadDivisionNames). */
  divisions?: ReadonlyMap<string, DivisionNames>;
  /** Reports the operator withdrew (withdrawals.json, written only when there are any). */
  withdrawals?: readonly Withdrawal[];
  /**
   * Who is expected to publish, and what the harvest knows of each document (data/coverage.csv). Without it, the
   * bodies that published before are expected, up to the last year found. `found`: every report read (valid or
   * not), or a function giving them from the release's summaries (called once, when coverage.csv is written: nothing
   * is kept a report for it until then); read once, in order, so a generator serves (no list of them is made);
   * default the published ones.
   */
  coverage?: Omit<CoverageInput, 'found'> & { found?: Iterable<FoundReport> | ((summaries: readonly ReportSummary[]) => Iterable<FoundReport>) };
  /**
   * The size no file may pass (default 50 MiB): the big tables split into parts below it (partitions.ts), and the
   * build refuses a release with any other file above it, naming the file.
   */
  maxFileBytes?: number;
  /**
   * Where the summaries are kept until the aggregate files are written (summary-store.ts): in memory by default;
   * `xxgk build` spills their figures and links to a temporary file, so that what it keeps a report stays small.
   */
  summaries?: SummaryStore;
  /**
   * The last build's streamed files (year-streams.ts): a year whose reports are those of the last build is taken
   * from it, and `again` reads a year's reports once more (sorted) for the years written.
   */
  reuse?: {
    years: YearStreams;
    again(year: number): Iterable<ValidatedReport> | AsyncIterable<ValidatedReport>;
    /**
     * The last build's report of the id of a report read again (null when it had none): given only when the reports
     * are the last build's, in its order (build-changed.ts: the ledger's), each kept one as that build had it. A part
     * of a year written again whose reports all have the last build's rows (kept, or read again with the rows of this)
     * links its tables from the last build and writes only its documents (partition-writer.ts `expect`'s `rows`).
     */
    last?(id: string): Promise<ValidatedReport | null>;
  };
  /**
   * Called with every report's summary as the build makes it (unlinked: before the national layout's links), and
   * the report itself (null for a report kept from the last build): what the next build may keep (build-changed.ts).
   */
  described?(r: ValidatedReport | null, summary: ReportSummary): void;
}

/**
 * A report of the last build, kept: its summary as that build made it (BuildInput.described), in place of the report.
 * The last build is the one whose streams `reuse.years` gives: in a year written again, a kept report whose date and
 * partition did not change takes its page from that build's pages archive (national layout; see `pagesOfLast`).
 */
export interface KeptReport {
  kept: ReportSummary;
}

export { ReuseMismatch };

/** A report of the release as data/coverage.csv reads it: what foundReport (coverage.ts) gives of the report summarised. */
export const foundOf = (s: ReportSummary): FoundReport => ({
  key: s.series, body: s.body, name: s.body?.name ?? s.agency, region: s.region, year: s.year, reportId: s.id,
  signed: s.published, valid: s.valid, documents: s.sources,
});

/** The reports of the release as data/coverage.csv reads them, one at a time (foundOf): no list of them is made. */
export function* foundIn(summaries: readonly ReportSummary[]): Generator<FoundReport> {
  for (const s of summaries) yield foundOf(s);
}

export interface BuildResult {
  context: ReleaseContext;
  /** The tree's files (manifest.json's, and manifest.json), sorted by path; the assets are in context.assets. */
  files: FileStat[];
  /** The tree's size, and what is over its budget (release-layout.ts; publishing refuses it), or null. */
  tree: TreeSize & { over: string | null };
  /** Each report year's streamed files and digest, for the next build's reuse (year-streams.ts). */
  streams: YearFiles[];
}

const isAsset = (f: { path: string }) => f.path.startsWith(ASSETS_DIR);
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** A file written a piece at a time. */
async function writeChunks(sink: OutputSink, path: string, mediaType: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<FileStat> {
  const file = await sink.open(path, mediaType);
  for await (const chunk of chunks) await file.write(chunk);
  return file.close();
}

export async function buildRelease(input: BuildInput, sink: OutputSink): Promise<BuildResult> {
  const { meta } = input;
  const files: FileStat[] = [];
  const maxFileBytes = input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // National layout: report documents in bundles, renderings and pages as assets (release-layout.ts).
  const national = isNational(meta);
  const bundles = national ? reportBundles() : null;
  const streamed: StreamedFile[] = [...csvFiles(), observationsNdjson(), ...(bundles ? [bundles] : [])];
  // The parts' digests are seeded with the metadata (the bound and the tables are the writer's): year-streams.ts.
  const parts = partitionWriter(sink, streamed, maxFileBytes, [observationsParquetCollector()], national ? nationalPlacement : undefined, {
    seed: JSON.stringify(meta), ...(bundles ? { documents: bundles.path } : {}),
  });
  const pages = national ? archivesByKey(sink, pagesArchivePath) : null;
  let summaries: ReportSummary[] = [];
  // Dropped once every summary is made (below): its maps hold a key a distinct string or body (two or three a body).
  let share: ReturnType<typeof summaryPool> | null = summaryPool();
  const store = input.summaries ?? summariesInMemory();
  /** Summaries given to the store with no object made for them (`add`: without reuse, while the reports are written). */
  let added = 0;
  // The files the stream of reports wrote (a year's partitions, archive, and in the site layout its reports' files).
  const written: FileStat[] = [];
  /** A report's `modified` date: the previous release's when its document is the same, else today. */
  const modifiedOf = (id: string, sha256: string): string => {
    const before = input.previous?.get(id);
    return before && before.sha256 === sha256 ? before.modified : input.today;
  };
  /** A report's document, its FileStat as its own file, and its summary (not yet linked: national layout). */
  const describe = (r: ValidatedReport, first = true) => {
    // One string of each path, shared by the file list and the summary.
    const paths = reportPaths(r.report);
    const doc = reportDocument(r, meta);
    const json = documentStat(paths.json, doc);
    const summary = share!(summarize(r, { sha256: json.sha256, bytes: json.bytes }, modifiedOf(r.report.id, json.sha256), paths));
    // The document's FileStat is the summary's json (the same path, sha256 and size; one object, not two).
    if (!bundles) summary.json = json;
    if (first) input.described?.(r, summary);
    return { doc, json, summary };
  };
  /**
   * A report kept from the last build (reuse): its summary as that build made it (unlinked), the date taken again
   * from the previous release as `describe` takes it.
   */
  const describeKept = (kept: ReportSummary) => {
    const summary = share!({ ...kept, modified: modifiedOf(kept.id, kept.json.sha256) });
    input.described?.(null, summary);
    return { summary, sha256: kept.json.sha256 };
  };
  /**
   * Write a report's share of the stream; its summary as the release links it. `last` (a year written again, national
   * layout): the last build's pages archive of the year, read in step with the year's reports, and the part the report
   * was in there when it is a report kept from that build with its date unchanged (else null): then its page is that
   * build's when it is in the same part now (see `pagesOfLast`).
   */
  const stream = async (
    r: ValidatedReport, { doc, json, summary }: ReturnType<typeof describe>, last?: { pages: LastPages; part: number | null },
  ): Promise<ReportSummary> => {
    bundles?.next(doc);
    if (!bundles) written.push(await sink.write(json.path, doc, 'application/json'));
    await parts.add(r, reportPrint(r.report.id, json.sha256, summary.modified));
    const part = parts.current()!.part;
    // National layout: the report is linked where the tree holds it (its bundle line, its year page's row).
    const linked = bundles ? nationalLinks(summary, part) : summary;
    if (pages) {
      const taken = last ? await last.pages.next(summary.page, last.part === part) : null;
      await pages.add(r.report.year, summary.page, taken ?? reportPage(r, { ...linked, page: summary.page }, { meta }));
    } else {
      written.push(await sink.write(summary.page, reportPage(r, summary, { meta }), 'text/html'));
    }
    return linked;
  };
  // Each year's digest (year-streams.ts): recorded for the next build, which may take the year's files from this one.
  const digests = new Map<number, string>();
  const reused: YearFiles[] = [];
  /**
   * Years whose files are to be written, with where their summaries stand (reuse only): until written, the summaries
   * made as the year was read, which say who its reports are.
   */
  const toWrite: Array<{ year: number; at: number; count: number; same: Uint8Array; rows: Uint8Array | null }> = [];
  /**
   * With reuse: the places in the current year (from 0) of the reports kept from the last build with their date
   * unchanged — what the last build's page of each was made of (`pagesOfLast`); kept for the years written only.
   */
  let same: number[] = [];
  /**
   * With `reuse.last`: the places in the current year of the reports read again whose rows are not the last build's
   * report's (the kept ones have its rows): the parts holding none of them may link their tables; and of those whose
   * rows are, the ones whose document's size is another (rowsLinkableParts `sized`).
   */
  let otherRows: number[] = [];
  let otherSize: number[] = [];
  let year: number | null = null;
  let digest: ReturnType<typeof yearDigest> | undefined;
  /** Where the year's summaries start in `summaries` (with reuse, they wait there until the year is seen whole). */
  let yearStart = 0;
  /** A year seen whole: its digest; with reuse, its files taken from the last build, else it is written after. */
  const endYear = async () => {
    if (year === null) return;
    const d = digest!.digest();
    digests.set(year, d);
    if (!input.reuse) return;
    const at = yearStart;
    const count = summaries.length - at;
    const got = await input.reuse.years.take(year, d, sink);
    if (got) {
      for (let k = 0; k < count; k++) {
        const s = summaries[at + k]!;
        summaries[at + k] = store.keep(bundles ? nationalLinks(s, partOf(got.breaks, k)) : s);
      }
      reused.push(got);
    } else {
      const flags = new Uint8Array(count);
      for (const k of same) flags[k] = 1;
      let rows: Uint8Array | null = null;
      if (input.reuse.last) {
        rows = new Uint8Array(count).fill(2);
        for (const k of otherSize) rows[k] = 1;
        for (const k of otherRows) rows[k] = 0;
      }
      toWrite.push({ year, at, count, same: flags, rows });
    }
  };
  let last: { year: number; id: string } | undefined;
  for await (const r of input.reports) {
    const now = 'kept' in r ? r.kept : r.report;
    if (last && yearThenId(last, now) >= 0) {
      throw new Error(`build: reports must come sorted by year then id, unique (${last.id} before ${now.id})`);
    }
    last = now;
    if (now.year !== year) {
      await endYear();
      same = [];
      otherRows = [];
      otherSize = [];
      yearStart = summaries.length;
      year = now.year;
      digest = yearDigest(year, meta, maxFileBytes);
    }
    if ('kept' in r) {
      if (!input.reuse) throw new Error(`build: report ${now.id} kept from the last build, but no last build to take it from`);
      const d = describeKept(r.kept);
      if (d.summary.modified === r.kept.modified) same.push(summaries.length - yearStart);
      digest!.add(now.id, d.sha256, d.summary.modified);
      summaries.push(d.summary);
      continue;
    }
    const d = describe(r);
    digest!.add(r.report.id, d.json.sha256, d.summary.modified);
    if (input.reuse?.last) {
      const before = await input.reuse.last(r.report.id);
      if (!before || !parts.sameRows(before, r)) otherRows.push(summaries.length - yearStart);
      // The document is the bundle's chunk (national layout): its size is the rest of the report's sizes.
      else if (bundles && Buffer.byteLength(reportDocument(before, meta), 'utf8') !== Buffer.byteLength(d.doc, 'utf8')) otherSize.push(summaries.length - yearStart);
    }
    if (input.reuse) {
      // Written or not once the year is seen whole: the summary waits (a year's, not the release's).
      summaries.push(d.summary);
    } else {
      // No object kept a report while the stream runs (an object and a slot, some 40 bytes): made below, once written.
      if (store.add(await stream(r, d)) !== added++) throw new Error('build: the summary store numbered a summary out of order');
    }
  }
  await endYear();
  // With reuse: the years that changed, written now, each read again.
  for (const { year: y, at, count, same: kept, rows } of toWrite) {
    // The last build's parts of the year whose reports are this build's at the same place: linked, not written; those
    // whose reports have the same rows: their tables linked, their documents written.
    const last = input.reuse!.years.parts?.(y, sink);
    if (last?.length) {
      const prints = summaries.slice(at, at + count).map((s) => reportPrint(s.id, s.json.sha256, s.modified));
      const whole = linkableParts(last, y, prints, parts.seed);
      parts.expect(y, whole, rows ? rowsLinkableParts(last, y, rows, whole) : undefined);
    }
    // National layout: the last build's pages of the year, for its reports kept with their date (`pagesOfLast`).
    const lastPages = pages && last?.length && kept.includes(1) ? pagesOfLast(await input.reuse!.years.pages?.(y, pagesKey(meta)) ?? null) : null;
    /** How many reports the last build's parts of the year hold. */
    const lastCount = last?.reduce((n, b) => n + b.reports, 0) ?? 0;
    try {
      let k = 0;
      for await (const r of input.reuse!.again(y)) {
        const first = k < count ? summaries[at + k]! : undefined;
        if (r.report.id !== first?.id) throw new Error(`build: the reports of ${y} read again are not those read first (${r.report.id}, expected ${first?.id ?? 'none'})`);
        const d = describe(r, false);
        // A report kept from the last build and read again from its document: the same document, or this build is not
        // the one a full build makes (build-changed.ts falls back to one).
        if (d.json.sha256 !== first.json.sha256) throw new ReuseMismatch(`build: report ${r.report.id} read again from the last build is not the report kept from it`);
        const lastPart = kept[k] === 1 && k < lastCount ? partOf(last!, k) : null;
        summaries[at + k] = store.keep(await stream(r, d, lastPages ? { pages: lastPages, part: lastPart } : undefined));
        k++;
      }
      if (k !== count) throw new Error(`build: ${count - k} reports of ${y} were not read again`);
    } finally {
      await lastPages?.close();
    }
  }
  share = null;
  written.push(...(await parts.close()), ...(pages ? await pages.close() : []));
  // The summaries given to the store as the reports were written, as the aggregate files read them (a list as long as it is).
  if (added > 0) summaries = Array.from({ length: added }, (_, k) => store.at(k));
  files.push(...written, ...reused.flatMap((y) => y.files));
  const byYear = filesByYear(written);
  const breaks = [...parts.breaks(), ...reused.flatMap((y) => y.breaks)].sort((a, b) => a.year - b.year || a.part - b.part);
  const streams: YearFiles[] = [...digests].map(([y, d]) => reused.find((r) => r.year === y)
    ?? { year: y, digest: d, breaks: breaks.filter((b) => b.year === y), files: byYear.get(y) ?? [], ...(pages ? { pages: pagesKey(meta) } : {}) });
  // The release's first and last years (sorted by year): not a list of every report's year (8 bytes a report).
  const years: [number, number] | null = summaries.length ? [summaries[0]!.year, summaries[summaries.length - 1]!.year] : null;
  let coverageBuilt: CoverageRow[] | undefined;
  const context = (): ReleaseContext => ({
    meta,
    reports: summaries,
    // The release's own files: the per-report documents and pages are reached through the reports, not listed.
    // (The national layout's bundles of report documents are the release's files: described like the tables.)
    files: files.filter((f) => (!f.path.startsWith('reports/') || isReportBundle(f.path)) && !isAsset(f)).sort(byPath),
    modified: summaries.reduce((m, s) => (s.modified > m ? s.modified : m), summaries.length ? '0000-00-00' : meta.issued),
    years,
    ...(input.divisions ? { divisions: input.divisions } : {}),
    ...(coverageBuilt ? { coverage: coverageBuilt } : {}),
    ...(national ? { assets: files.filter(isAsset).sort(byPath) } : {}),
  });
  files.push(...(await writeReportParts(sink, meta, context().modified, summaries, breaks)));
  files.push(await sink.write(REGIONS_CSV, regionsCsv(context()), 'text/csv'));
  // The coverage pages are written with coverage.csv (while its rows are at hand) and listed after the site's other
  // pages as before, so that no context below sees them earlier; the release keeps the last year's rows only.
  const coverage = await writeCoverage(sink, context(), coverageYears({
    expected: [], documents: new Map(), lastYear: null, ...input.coverage,
    found: typeof input.coverage?.found === 'function' ? input.coverage.found(summaries) : input.coverage?.found ?? foundIn(summaries),
  }));
  files.push(coverage.csv);
  coverageBuilt = coverage.latest;
  const bodies = context();
  const bodyFiles = national ? tarGzFile(sink, AGENCIES_ARCHIVE) : null;
  const bodyFile = async (path: string, content: string, mediaType: string) => {
    if (bodyFiles) await bodyFiles.add(path, content);
    else files.push(await sink.write(path, content, mediaType));
  };
  for (const b of bodySeries(summaries)) await bodyFile(b.feed, agencyFeed(bodies, b), 'application/json');
  // National layout: the archive of the bodies' files is closed before the metadata, which gives its size and sha256.
  if (bodyFiles) {
    for (const { path, content } of agencyPages(bodies)) await bodyFiles.add(path, content);
    files.push(await bodyFiles.close());
  }
  files.push(await sink.write(AGENCIES_FEED, agenciesFeed(bodies), 'application/json'));
  for (const [name, content] of [...input.schemas].sort()) {
    files.push(await sink.write(`schemas/${name}`, withSchemaId(content, schemaUrl(meta, `schemas/${name}`)), 'application/schema+json'));
  }
  for (const { path, content } of csvwMetadata(context())) files.push(await sink.write(path, content, 'application/csvm+json'));
  files.push(await sink.write('datapackage.json', dataPackage(context()), 'application/json'));
  const ctx = context();
  // One document for the three files; catalog.jsonld and catalog.ttl written as their text comes (a node, a run of
  // nodes at a time: at national scale each is megabytes of text), catalog-gbt21063.json whole.
  const catalog = catalogDocument(ctx);
  files.push(await writeChunks(sink, 'catalog.jsonld', 'application/ld+json', catalogJsonLdChunks(catalog)));
  files.push(await writeChunks(sink, 'catalog.ttl', 'text/turtle', catalogTurtleChunks(catalog, ctx)));
  files.push(await sink.write(GBT21063_FILE, gbt21063Json(ctx, catalog), 'application/json'));
  const site = context();
  files.push(await sink.write(STYLESHEET, siteCss(), 'text/css'));
  for (const { path, chunks } of yearPageChunks(site)) {
    const page = await sink.open(path, 'text/html');
    for (const chunk of chunks) await page.write(chunk);
    files.push(await page.close());
  }
  files.push(await sink.write(DICTIONARY_PAGE, dictionaryPage(site), 'text/html'));
  if (!bodyFiles) for (const { path, content } of agencyPages(site)) files.push(await sink.write(path, content, 'text/html'));
  files.push(...coverage.pages);
  const agencies = await sink.open(AGENCIES_INDEX, 'text/html');
  for (const chunk of agenciesIndexChunks(site)) await agencies.write(chunk);
  files.push(await agencies.close());
  files.push(await sink.write('index.html', siteIndex(site, { schemaOrg: schemaOrgDataset(site) }), 'text/html'));
  if (input.withdrawals?.length) files.push(await sink.write(WITHDRAWALS_FILE, withdrawalsJson(input.withdrawals), 'application/json'));
  // Before the manifest: a release with a file GitHub would refuse is never finished.
  const tree = files.filter((f) => !isAsset(f));
  checkFileSizes(tree, maxFileBytes);
  tree.push(await sink.write('manifest.json', manifest({ meta }, tree), 'application/json'));
  // manifest.json grows with the files (two a report in the site layout): refused like any other file above the bound.
  checkFileSizes(tree, maxFileBytes);
  const size = treeSize(tree);
  return { context: context(), files: tree.sort(byPath), tree: { ...size, over: treeOverBudget(size, releaseOf(meta)) }, streams };
}

/** The last build's pages archive of a year written again, read in step with the year's reports (`pagesOfLast`). */
interface LastPages {
  /**
   * The next entry of the archive, for the year's next report (page `name`): its bytes when the entry is that page and
   * `same` (the report is what the last build's page was made of), else null (the page is rendered).
   */
  next(name: string, same: boolean): Promise<Buffer | null>;
  close(): Promise<void>;
}

/**
 * The last build's pages of a year written again (YearStreams.pages): the k-th report's page is the archive's k-th
 * entry when the entry has that page's name and the report is what that page was made of. A report's page
 * (site/report-page.ts reportPage) is a function of the code and the build's metadata (the build state's key: the
 * same, or there is no last build to take from), the report (its document's sha256 stands for it), its summary (made
 * from the report, its document's sha256 and size and its `modified` date) and its partition (its links). So a report
 * kept from the last build (its summary as that build made it, the same document) whose date is that build's and which
 * stays in the part it was in there has, byte for byte, the page that build wrote: nothing a report is kept for it but
 * a byte a report of the years written. An archive that cannot be read gives no more pages (they are rendered).
 */
function pagesOfLast(entries: AsyncIterator<ArchivedPage> | null): LastPages | null {
  if (!entries) return null;
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    await entries.return?.().catch(() => undefined);
  };
  return {
    async next(name, same) {
      if (!open) return null;
      const entry = await entries.next().catch(() => null);
      if (entry === null || entry.done) {
        await close();
        return null;
      }
      return same && entry.value.name === name ? entry.value.data : null;
    },
    close,
  };
}
