/**
 * A build after a few input files changed (issue 13 §5): the reports the change touches (build-ledger.ts affected:
 * those read from a changed file, and the same body's report of the next year) are read and validated again, with
 * last year's report of each; every other report is kept from the last build — its summary from the ledger, and,
 * where a report year is written again, its document from the last build folder. The years whose reports did not
 * change are linked from the last build (datasets/year-streams.ts), and the aggregate files are built from the
 * summaries. The same release, byte for byte, as a full build over the same last release: a change the ledger
 * cannot follow (build-ledger.ts), a touched report whose validity or identity changed, or a kept document that is
 * not what was kept, and this returns why (`{ full }`): the caller builds in full and says so. Composition only, like run.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from './adapters/clock.ts';
import { readPrevious, writeFolderAtomically } from './adapters/output.ts';
import { type Ledger, type LedgerEntry, MISSING_RULE, type NotFollowed, affected, followed, historyHash, ledgerEntry } from './build-ledger.ts';
import { DEFAULT_META } from './datasets/defaults.ts';
import { type KeptReport, ReuseMismatch, buildRelease } from './datasets/index.ts';
import { assetPartition, bundlePath, isNational, isReportBundle } from './datasets/release-layout.ts';
import type { ValidatedReport } from './datasets/types.ts';
import type { AnnualReport } from './model/report.ts';
import { BundleReadError, bundleLines } from './publish/bundle-lines.ts';
import type { HistorySource } from './publish/history.ts';
import { parseReportDocument } from './publish/release-side.ts';
import type { ReportOutcome } from './read-folder.ts';
import { folderResolver } from './resolvers.ts';
import { type BuildOptions, type BuildRun, NOT_REPORTS, readFolderFlat, releaseSetting } from './run.ts';
import { bodyKey, missingInRun, withMissing } from './validate/index.ts';

/**
 * The documents of a report year in the last build, in order (the national layout's bundles, else one file a report),
 * from `outDir`, the folder of the last build's year files (year-record.ts root).
 */
async function* lastDocuments(outDir: string, year: number, ids: readonly string[], national: boolean): AsyncGenerator<string> {
  if (!national) {
    for (const id of ids) yield (await readPrevious(outDir, `reports/${year}/${id}.json`)) ?? '';
    return;
  }
  const bundles = (await readdir(join(outDir, 'reports')).catch(() => [] as string[]))
    .map((f) => `reports/${f}`).filter((f) => isReportBundle(f) && assetPartition(f)!.year === year)
    .sort((a, b) => assetPartition(a)!.part - assetPartition(b)!.part);
  if (bundles[0] !== bundlePath(year, 1)) return;
  for (const b of bundles) {
    try {
      yield* bundleLines(await readFile(join(outDir, b)));
    } catch (err) {
      // A bundle that cannot be read: the full build reads the reports again.
      if (err instanceof BundleReadError) throw new ReuseMismatch(`build: the last build's ${b}: ${err.message}`);
      throw err;
    }
  }
}

const outcomeOf = (e: Pick<LedgerEntry, 'summary'>): ReportOutcome => ({
  id: e.summary.id, agency: e.summary.agency, year: e.summary.year, edition: e.summary.edition as ReportOutcome['edition'],
  sources: e.summary.sources.length, valid: e.summary.valid, errors: e.summary.errors, warnings: e.summary.warnings,
});

/**
 * Build into outDir keeping what the ledger of the last build allows (see the file's comment); `inputs`: every input
 * file's sha256. `{ full: why }` when it cannot: the caller builds in full (nothing was written then).
 *
 * A history given (`xxgk run`: the publish target's last release, a HistorySource read in passes, never held whole)
 * is read as a full build reads it: its reports of ids not in the run are the last year's report of a touched one
 * where the run has none, and count in the missing rule. The kept reports read it too: it must be the one of the
 * last build there (the ledger's historyDigest, taken as it streams by), else null. Read twice: the digest and the
 * missing rule's {id, year, body} of each, then the read of the touched reports.
 */
export async function buildChanged(
  inDir: string, outDir: string, clock: Clock,
  options: Omit<BuildOptions, 'history'> & { history?: HistorySource | BuildOptions['history']; ledger: Ledger; inputs: ReadonlyMap<string, string>; files: readonly string[] },
): Promise<(BuildRun & { kept: number; historyDigest: string | undefined }) | NotFollowed> {
  const { ledger } = options;
  const root = options.years?.root;
  if (!options.years?.usable || !root) return { full: 'the last build\'s year files are not there to keep from' };
  const touched = affected(ledger, options.inputs);
  if (!followed(touched)) return touched;
  // Without a history given, the history is the release in outDir: the last build's own reports (year-record.ts
  // takes the ledger only when outDir is still that build).
  // A history that can be read only once (an iterator) is not one this can read twice: a full build reads it.
  const given = options.history;
  if (given !== undefined && typeof given !== 'function' && !Array.isArray(given)) return { full: 'the history can be read only once' };
  const source: HistorySource | undefined = Array.isArray(given) ? async function* () { yield* given as readonly AnnualReport[]; } : given as HistorySource | undefined;
  const ids = new Set(ledger.reports.map((e) => e.id));
  const foreign = source
    ? async function* (): AsyncGenerator<AnnualReport> {
      for await (const h of source()) if (!ids.has(h.id)) yield h;
    }
    : null;
  const rows: Array<{ id: string; year: number; body: string }> = [];
  let digest: string | undefined;
  if (foreign) {
    const hash = historyHash();
    for await (const h of foreign()) {
      hash.add(h);
      rows.push({ id: h.id, year: h.year, body: bodyKey(h) });
    }
    digest = hash.digest();
  }
  if (digest !== ledger.history) return { full: 'the history (the release\'s reports not in the folder) changed since the last build' };
  // Read in the folder's order, as a full build reads them.
  const wanted = new Set(touched.files);
  const files = options.files.filter((f) => wanted.has(f));
  const resolver = options.resolver ?? (await folderResolver(inDir, options.files));
  const read = await readFolderFlat(inDir, {
    cache: options.cache, resolver, regionOf: options.regionOf, files, jobs: options.jobs, history: foreign ? foreign() : [], ...(options.limits ? { limits: options.limits } : {}),
  });
  try {
    if (read.unreadable.length > 0) return { full: `${read.unreadable[0]!.file} no longer reads` };
    // The full run's missing rule, over the ledger's facts: the same ids, years, bodies and validity (checked below).
    const missing = missingInRun(ledger.reports, rows);
    const fresh = new Map<string, ValidatedReport>();
    const byId = new Map(ledger.reports.map((e) => [e.id, e]));
    const readIds = new Set(read.reports.map((o) => o.id));
    for (const id of touched.ids) {
      const e = byId.get(id)!;
      if (!readIds.has(id)) return { full: `report ${id} is no longer read from its files` };
      const { report, validation } = read.load(id);
      // The subset's own missing rule is not the run's: its issue is taken off, and the run's put on.
      const base = { ...validation, issues: validation.issues.filter((i) => i.rule !== MISSING_RULE) };
      const r = { report, validation: e.missing ? withMissing(report, base, missing.latest, missing.seen) : base };
      if (r.report.year !== e.year || bodyKey(r.report) !== e.body || r.validation.valid !== e.valid
        || r.report.sources.map((s) => s.name).join('\n') !== e.files.join('\n')) return { full: `report ${id} changed its year, body, validity or files` };
      fresh.set(id, r);
    }
    const national = isNational(options.meta ?? DEFAULT_META);
    const { previous, schemas, divisions, today, meta } = await releaseSetting(outDir, clock, options.meta);
    const entries: LedgerEntry[] = [];
    let k = 0;
    /** The last build's documents of the reports read again, a year's at a time, as asked for (`reuse.last`). */
    const lastOf = new Map<number, Promise<Map<string, ValidatedReport>>>();
    const lastOfYear = async (year: number): Promise<Map<string, ValidatedReport>> => {
      // The national layout's bundles are read through; the site layout's documents are files of their own.
      const ids = ledger.reports.filter((e) => e.year === year && (national || fresh.has(e.id))).map((e) => e.id);
      const out = new Map<string, ValidatedReport>();
      let n = 0;
      for await (const line of lastDocuments(root, year, ids, national)) {
        const id = ids[n++];
        if (id !== undefined && fresh.has(id)) {
          const doc = parseReportDocument(line);
          if (doc?.report.id === id) out.set(id, doc);
        }
      }
      return out;
    };
    // The summaries stay in memory (datasets/index.ts's default): the ledger holds them already, and spilling them
    // again cost a tenth of such a build (10,000 reports: 2 s of 25 s, reading them back for the aggregate files).
    const result = await writeFolderAtomically(outDir, (sink) => buildRelease({
      reports: (function* (): Generator<ValidatedReport | KeptReport> {
        for (const e of ledger.reports) yield fresh.get(e.id) ?? { kept: e.summary };
      })(),
      meta, today, previous, schemas, divisions,
      reuse: {
        years: options.years!,
        async *again(year) {
          const ids = ledger.reports.filter((e) => e.year === year).map((e) => e.id);
          let n = 0;
          for await (const line of lastDocuments(root, year, ids, national)) {
            const id = ids[n++];
            if (id === undefined) throw new ReuseMismatch(`build: more documents of ${year} in the last build than reports kept`);
            const doc = fresh.get(id) ?? parseReportDocument(line);
            if (!doc || doc.report.id !== id) throw new ReuseMismatch(`build: the last build's document of ${id} is not there`);
            yield doc;
          }
          if (n !== ids.length) throw new ReuseMismatch(`build: ${ids.length - n} documents of ${year} missing in the last build`);
        },
        // The reports are the ledger's, in its order, the kept ones as the last build had them (checked by `again`).
        async last(id) {
          const year = fresh.get(id)?.report.year;
          if (year === undefined) return null;
          if (!lastOf.has(year)) lastOf.set(year, lastOfYear(year));
          return (await lastOf.get(year)!).get(id) ?? null;
        },
      },
      described(r, summary) {
        const e = ledger.reports[k++]!;
        // A kept report: its entry as it was, with the date just taken (its summary's other fields are the entry's own).
        entries.push(r ? ledgerEntry(r, summary) : { ...e, summary: { ...e.summary, modified: summary.modified } });
      },
      ...(options.coverage ? { coverage: options.coverage } : {}),
    }, sink)).catch((err: unknown) => {
      if (err instanceof ReuseMismatch) return { full: err.message };
      throw err;
    });
    if ('full' in result) return result;
    const reports = entries.map(outcomeOf);
    return {
      files: options.files.filter((f) => !NOT_REPORTS.test(f)).length, parsed: read.parsed, reports, unreadable: [], excluded: [],
      published: new Set(reports.map((r) => r.id)), written: result.files, streams: result.streams,
      ledger: { inputs: Object.fromEntries(options.inputs), reports: entries }, kept: reports.length - fresh.size,
      // The run's reports are the ledger's: the digest of the history's others is the one checked above.
      historyDigest: digest,
    };
  } finally {
    read.close();
  }
}
