/**
 * Publish a built release folder to a target: plan, then apply.
 *
 * 1. Read the folder back: each report's `modified` date, its schemas; its report documents are a source, read again
 *    one at a time for each use (settle.ts reads them once for their ids, each rebuild once), never held together.
 * 2. Ask the target for its last release.
 * 3. Rebuild the release as the last version (same version and notes) in a scratch folder and plan against the last
 *    release: files that carry the version or the date decide nothing, so a rebuild of the same data plans nothing.
 * 4. Empty plan: let the target finish a release a crash left unfinished, keep the folder equal to what is
 *    published (the rebuild of step 3 is that release: its files are linked into the folder, not built again), and
 *    stop. No write reaches the target otherwise.
 * 5. Otherwise rebuild with the new version and its notes, swap that into the folder atomically, and apply the plan
 *    with the folder's files and the release assets. This is the second build of a release published: every page
 *    of the release (its footer), datapackage.json, the catalogs, manifest.json and the feeds' index carry the
 *    version, which the plan of step 3 decides, and step 3 must build with the last version so that those files
 *    compare equal with the last release's.
 *
 * Nothing published leaves by accident (carry-over.ts): a report of the last release that the folder does not hold
 * is carried over unchanged, unless the operator withdrew it (options.withdraw now, or withdrawals.json of the last
 * release before). A report of the last release that cannot be read is an error, never a withdrawal.
 *
 * --dry-run stops after planning (the exact file lists come from a scratch build) and writes nothing.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Clock, chinaDate } from '../adapters/clock.ts';
import { removeOnSignal } from '../adapters/build-process.ts';
import { folderSink, type OutputSink, writeFolderAtomically } from '../adapters/output.ts';
import { loadDivisionNames } from '../adapters/registry.ts';
import type { CoverageRow } from '../datasets/coverage.ts';
import { coverageFromFound } from '../datasets/coverage-from-rows.ts';
import { DEFAULT_META } from '../datasets/defaults.ts';
import { parseCoverageCsv } from '../datasets/from-coverage-csv.ts';
import { type BuildInput, buildRelease, foundOf } from '../datasets/index.ts';
import { COVERAGE_CSV } from '../datasets/table-schemas-coverage.ts';
import type { DatasetMeta } from '../datasets/types.ts';
import type { Withdrawal } from '../datasets/to-withdrawals.ts';
import { loadSchemas } from '../adapters/schemas.ts';
import { releaseOf } from '../datasets/release-layout.ts';
import { TreeTooLargeError, treeOverBudget, treeSize } from '../datasets/tree-budget.ts';
import { releaseAssets } from './assets.ts';
import { documentView } from './bundles.ts';
import type { WithdrawRequest } from './carry-over.ts';
import { FIRST_VERSION, diffFiles, planRelease, reportsToCompare, surfaceToCompare } from './plan.ts';
import { versionSummary } from './plan-notes.ts';
import { type BuiltFolder, builtFolder, folderRelease, readOrNull } from './release-folder.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseFeedDates, parseIssued, parseVersionNotes, readSide } from './release-side.ts';
import { settle } from './settle.ts';
import type { Manifest, PublishResult, PublishTarget, Published, ReleasePlan, ReportRef } from './types.ts';

export interface PublishOptions {
  clock: Clock;
  meta?: DatasetMeta;
  dryRun?: boolean;
  /** Take these reports out of the release, each with the operator's reason (`xxgk withdraw`). */
  withdraw?: WithdrawRequest[];
  /** Start from the target's last release rather than the folder's build (`xxgk withdraw`); the folder is written. */
  fromTarget?: boolean;
  /** The release's builder (datasets/index.ts buildRelease, the default): replaced in tests, to count the builds. */
  build?: typeof buildRelease;
}

export interface PublishOutcome {
  plan: ReleasePlan;
  /** What the target did: the new release, a finished one, or null (nothing to do, or a dry run). */
  result: PublishResult | null;
  dryRun: boolean;
  /** Reports of the last release that the folder does not hold: kept in the release, unchanged. */
  kept: ReportRef[];
  /** Reports the folder holds that the operator withdrew before: left out. */
  stillWithdrawn: Withdrawal[];
  /** Reports withdrawn by this release. */
  withdrawnNow: Withdrawal[];
}

/** The reports a release holds (the folder's, settled against the last release: a source) and its withdrawals. */
type Settled = BuiltFolder & { withdrawals: Withdrawal[] };

/**
 * data/coverage.csv's input from the build's rows (who is expected, the sites' dates: coverage-from-rows.ts) and the
 * release's reports as the build summarises them (foundOf, each valid: what foundReport gives of the report), so that
 * no list of reports is made for it. buildRelease calls `found` once, before it reads `documents`, which it fills.
 */
function coverageOf(rows: readonly CoverageRow[]): NonNullable<BuildInput['coverage']> {
  const documents = new Map<string, { url: string; posted: string | null }>();
  const input = coverageFromFound(rows, []);
  return {
    ...input,
    documents,
    found: (summaries) => {
      const whole = coverageFromFound(rows, summaries.map((s) => ({ ...foundOf(s), valid: true })));
      documents.clear();
      for (const [name, doc] of whole.documents) documents.set(name, doc);
      return whole.found;
    },
  };
}

/** Build the settled reports as a release with the given metadata (the same builder as `xxgk build`, unless `build`). */
async function rebuild(built: Settled, meta: DatasetMeta, today: string, previous: BuiltFolder['feed'], sink: OutputSink, build = buildRelease) {
  const divisions = await loadDivisionNames();
  // data/coverage.csv: who is expected and the sites' dates come from the build's rows; the reports from the release.
  const coverage = built.coverage ? { coverage: coverageOf(built.coverage) } : {};
  return build({ reports: built.reports(), meta, today, previous, schemas: built.schemas, divisions, withdrawals: built.withdrawals, ...coverage }, sink);
}

/** Every file of the folder `dir` put through `sink` (hard-linked, else copied). */
async function linkFolder(dir: string, sink: OutputSink): Promise<void> {
  if (!sink.link) throw new Error('publish: the output cannot link files (adapters/output.ts)');
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = found.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name))).sort();
  for (const path of paths) await sink.link(path.split('\\').join('/'), join(dir, path));
}

/** `fromTarget`: no build of its own; the release is the last one's reports (carried over), with the repository's schemas. */
async function nothingBuilt(): Promise<BuiltFolder> {
  return { manifest: { version: '', files: [] }, reports: async function* () {}, feed: new Map(), schemas: await loadSchemas(), coverage: null };
}

/** Each report keeps the date the last release gives it when its document is unchanged, else the folder's date. */
async function modifiedDates(built: BuiltFolder, latest: Published | null): Promise<BuiltFolder['feed']> {
  const published = latest ? parseFeedDates(await readFeedEntries((path) => latest.read(path))) : new Map<string, { sha256: string; modified: string }>();
  const out = new Map(built.feed);
  for (const [id, own] of built.feed) {
    const before = published.get(id);
    if (before && before.sha256 === own.sha256) out.set(id, before);
  }
  // A report carried over from the last release keeps its entry.
  for (const [id, before] of published) if (!out.has(id)) out.set(id, before);
  return out;
}

/**
 * The last release, its files read from the target's copy, else (GitHub, when the copy is missing: a run that stopped
 * after the branch moved and before the copy was saved) from the remote, one request a file, checked against the
 * manifest. Without this the re-run planned against a release it could not read: a new version instead of finishing it.
 */
function readable(latest: Published | null): Published | null {
  const fetch = latest?.fetch;
  if (!latest || !fetch) return latest;
  return { ...latest, read: async (path) => (await latest.read(path)) ?? fetch(path) };
}

const sameRelease = (a: Manifest, b: Manifest) =>
  a.version === b.version && a.files.length === b.files.length && a.files.every((f, k) => f.path === b.files[k]?.path && f.sha256 === b.files[k]?.sha256);

async function planAgainst(latest: Published | null, dir: string, meta: DatasetMeta, today: string, withdrawals: readonly Withdrawal[]): Promise<{ plan: ReleasePlan; manifest: Manifest }> {
  const next = await folderRelease(dir);
  // The national layout's documents are in bundles: compared at their site-layout paths (bundles.ts), of each bundle
  // only the lines of the documents compared kept.
  let compared: ReadonlySet<string> = new Set();
  const keep = (path: string) => compared.has(path);
  const ours = await documentView(next.manifest, readOrNull(next), dir, keep);
  const theirs = latest ? await documentView(latest.manifest, (p) => latest.read(p), `the last release (v${latest.manifest.version})`, keep) : null;
  const documents = theirs ? reportsToCompare(theirs.manifest, ours.manifest) : [];
  compared = new Set(documents);
  const surface = latest ? surfaceToCompare(latest.manifest, next.manifest) : [];
  const [previous, side] = await Promise.all([
    theirs ? readSide(theirs.manifest, theirs.read, documents, surface) : null,
    readSide(ours.manifest, ours.read, documents, surface),
  ]);
  const plan = planRelease({ previous, next: side, meta, today, withdrawals: new Map(withdrawals.map((w) => [w.id, w.reason])) });
  return { plan, manifest: next.manifest };
}

export async function publish(outDir: string, target: PublishTarget, options: PublishOptions): Promise<PublishOutcome> {
  const given = options.meta ?? DEFAULT_META;
  const dryRun = options.dryRun ?? false;
  const today = chinaDate(options.clock);
  const folder = options.fromTarget ? await nothingBuilt() : await builtFolder(outDir);
  const latest = readable(await target.latest());
  // Without a build of its own, coverage.csv is the last release's (who is expected, the sites' dates).
  if (options.fromTarget && latest) {
    const last = await latest.read(COVERAGE_CSV).catch(() => null);
    folder.coverage = last ? parseCoverageCsv(new TextDecoder().decode(last)) : null;
  }
  const settled = await settle(folder.reports, latest, options.withdraw ?? [], today);
  const built: Settled = { ...folder, reports: settled.reports, withdrawals: settled.withdrawals };
  const told = { kept: settled.kept, stillWithdrawn: settled.stillWithdrawn, withdrawnNow: settled.withdrawnNow };
  const [dates, catalog] = await Promise.all([modifiedDates(built, latest), latest ? latest.read('catalog.jsonld') : null]);
  const notes = parseVersionNotes(catalog);
  // The dataset was issued with its first release: kept from release to release; today on a first release.
  const meta: DatasetMeta = { ...given, issued: parseIssued(catalog) ?? today };
  const current: DatasetMeta = { ...meta, version: latest?.manifest.version ?? FIRST_VERSION, versionNotes: notes ?? meta.versionNotes };
  const scratch = await mkdtemp(join(tmpdir(), 'xxgk-publish-'));
  const release = removeOnSignal(scratch);
  try {
    const staged = join(scratch, 'as-published');
    await rebuild(built, current, today, dates, folderSink(staged), options.build);
    const { plan, manifest } = await planAgainst(latest, staged, meta, today, settled.withdrawnNow);

    if (plan.empty) {
      if (dryRun) return { plan, result: null, dryRun, ...told };
      // The rebuild is the published release byte for byte when nothing but the build's defaults differ.
      const exact = latest !== null && sameRelease(manifest, latest.manifest);
      const result = (await target.finish?.(exact ? await releaseAssets(await folderRelease(staged)) : undefined)) ?? null;
      // Keep the folder equal to the published release (a build writes the default version into it): the rebuild
      // above is that release (the same reports, metadata and dates), linked in rather than built again.
      if (exact && !sameRelease(built.manifest, manifest)) {
        await writeFolderAtomically(outDir, (sink) => linkFolder(staged, sink));
      }
      return { plan, result, dryRun, ...told };
    }

    // The git and GitHub targets alike: a tree over its budget is refused before anything is written.
    const over = treeOverBudget(treeSize(manifest.files), releaseOf(given));
    if (over) throw new TreeTooLargeError(`publish: ${over}; nothing was published`);
    const next: DatasetMeta = { ...meta, version: plan.version, versionNotes: versionSummary(plan, today) };
    if (dryRun) {
      const final = join(scratch, 'release');
      await rebuild(built, next, today, dates, folderSink(final), options.build);
      const files = await folderRelease(final);
      return { plan: { ...plan, files: diffFiles(latest?.manifest ?? null, files.manifest) }, result: null, dryRun, ...told };
    }
    await writeFolderAtomically(outDir, (sink) => rebuild(built, next, today, dates, sink, options.build));
    const files = await folderRelease(outDir);
    const final: ReleasePlan = { ...plan, files: diffFiles(latest?.manifest ?? null, files.manifest) };
    const result = await target.apply(final, files, await releaseAssets(files));
    return { plan: final, result, dryRun, ...told };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    release();
  }
}
