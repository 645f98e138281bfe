/**
 * The release planner: compare a new build with the last release and say what a release would change — files,
 * reports added, corrected and withdrawn, every corrected cell, the next version and the release notes. Pure: the
 * caller reads both sides (pipeline/publish/release-side.ts) and hands them in.
 *
 * Versioning follows the Frictionless Data Package recipe: MAJOR when a field or code is removed or renamed (the
 * schemas' properties and enums, the Data Package's fields and enum values); MINOR when reports are added or
 * withdrawn, or fields or codes added; PATCH when values are corrected (or any other data file changes). Files that
 * carry the version or the release date change with every release and decide nothing.
 */
import { isReportDocument, reportDocumentAt } from '../datasets/release-layout.ts';
import type { DatasetMeta, ValidatedReport } from '../datasets/types.ts';
import { correctedCells, otherChanges } from './plan-cells.ts';
import { renderNotes, type CorrectedReport } from './plan-notes.ts';
import { isSurfaceFile } from './plan-surface.ts';
import type { Bump, CellCorrection, Manifest, ReleasePlan, ReportRef } from './types.ts';

/** A report as feed/reports.json lists it (what the planner needs of it). */
export interface FeedEntry {
  id: string;
  agency: string;
  year: number;
  /** Rule ids of the report's validation warnings. */
  flags: string[];
}

/** One side of the comparison: the last release, or the new build. */
export interface ReleaseSide {
  manifest: Manifest;
  /** feed/reports.json's reports (empty when it cannot be read). */
  reports: FeedEntry[];
  /** releaseSurface() of its surface files (schemas, datapackage.json) that differ between the sides. */
  surface: string[];
  /** Surface files that differ but could not be read: whether they changed incompatibly cannot be told. */
  unreadable?: string[];
  /** Report documents by path, for the reports whose document differs between the sides; null: unreadable. */
  documents: ReadonlyMap<string, ValidatedReport | null>;
}

export interface PlanInput {
  previous: ReleaseSide | null;
  next: ReleaseSide;
  meta: Pick<DatasetMeta, 'baseUrl'>;
  /** The release date (YYYY-MM-DD, from the injected clock). */
  today: string;
  /** The operator's reason for each report withdrawn by this release (`xxgk withdraw`), by report id. */
  withdrawals?: ReadonlyMap<string, string>;
}

export const FIRST_VERSION = '1.0.0';

const VERSIONED = new Set(['datapackage.json', 'catalog.jsonld', 'catalog.ttl', 'manifest.json', 'index.html', 'feed/reports.json', 'catalog-gbt21063.json']);

/** Files that carry the version or the release date: they change with every release and decide nothing. */
export const isVersioned = (path: string): boolean => VERSIONED.has(path) || /^reports\/\d{4}\/index\.html$/.test(path);

/** The report documents present on both sides whose content differs: the ones whose cells the planner compares. */
export function reportsToCompare(previous: Manifest, next: Manifest): string[] {
  const before = new Map(previous.files.map((f) => [f.path, f.sha256]));
  return next.files.filter((f) => isReportDocument(f.path) && before.has(f.path) && before.get(f.path) !== f.sha256).map((f) => f.path);
}

/** The surface files (schemas, datapackage.json) added, removed or changed: the ones whose surfaces are compared. */
export function surfaceToCompare(previous: Manifest, next: Manifest): string[] {
  const before = new Map(previous.files.filter((f) => isSurfaceFile(f.path)).map((f) => [f.path, f.sha256]));
  const after = new Map(next.files.filter((f) => isSurfaceFile(f.path)).map((f) => [f.path, f.sha256]));
  return [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** Files added, changed and removed between two manifests; manifest.json itself changes whenever anything does. */
export function diffFiles(previous: Manifest | null, next: Manifest): ReleasePlan['files'] {
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f.sha256]));
  const after = new Set(next.files.map((f) => f.path));
  const added = next.files.filter((f) => !before.has(f.path)).map((f) => f.path);
  const changed = next.files.filter((f) => before.has(f.path) && before.get(f.path) !== f.sha256).map((f) => f.path);
  const removed = [...before.keys()].filter((p) => !after.has(p));
  if (!previous) added.push('manifest.json');
  else if (added.length + changed.length + removed.length > 0 || previous.version !== next.version) changed.push('manifest.json');
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function bumpVersion(version: string, bump: Bump): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`the last release's version is not MAJOR.MINOR.PATCH: ${JSON.stringify(version)}`);
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return bump === 'initial' ? FIRST_VERSION : version;
}

const byReleaseOrder = (a: ReportRef, b: ReportRef) => a.year - b.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The reports of a side by document path, described from its feed (or from the path when the feed lacks them). */
function reportsOf(side: ReleaseSide): Map<string, ReportRef> {
  const feed = new Map(side.reports.map((r) => [r.id, r]));
  const out = new Map<string, ReportRef>();
  for (const f of side.manifest.files) {
    const at = reportDocumentAt(f.path);
    if (!at) continue;
    const entry = feed.get(at.id);
    out.set(f.path, { id: at.id, agency: entry?.agency ?? '', year: entry?.year ?? at.year });
  }
  return out;
}

export function planRelease(input: PlanInput): ReleasePlan {
  const { previous, next } = input;
  const files = diffFiles(previous?.manifest ?? null, next.manifest);
  const after = reportsOf(next);
  const warnings = next.reports.filter((r) => r.flags.length > 0).map((r) => ({ report: r.id, rules: [...r.flags] }));
  const catalog = `${input.meta.baseUrl}catalog.jsonld`;

  if (!previous) {
    const plan: ReleasePlan = {
      previousVersion: null, version: FIRST_VERSION, bump: 'initial', reasons: ['first release'], files,
      reports: { added: [...after.values()].sort(byReleaseOrder), corrected: [], withdrawn: [] },
      corrections: [], warnings, notes: '', empty: false,
    };
    return { ...plan, notes: renderNotes({ plan, today: input.today, catalog, corrected: [], surface: { removed: [], added: [] }, unjudged: [], otherFiles: [] }) };
  }

  const before = reportsOf(previous);
  const deciding = [...files.added, ...files.changed, ...files.removed].filter((p) => !isVersioned(p));
  const added = [...after].filter(([p]) => !before.has(p)).map(([, r]) => r).sort(byReleaseOrder);
  const why = (id: string) => input.withdrawals?.get(id);
  const withdrawn = [...before].filter(([p]) => !after.has(p))
    .map(([, r]): ReportRef & { reason?: string } => (why(r.id) === undefined ? r : { ...r, reason: why(r.id)! }))
    .sort(byReleaseOrder);
  const oldSurface = new Set(previous.surface);
  const newSurface = new Set(next.surface);
  const surface = {
    removed: previous.surface.filter((s) => !newSurface.has(s)),
    added: next.surface.filter((s) => !oldSurface.has(s)),
  };

  const corrected: CorrectedReport[] = [];
  for (const path of reportsToCompare(previous.manifest, next.manifest)) {
    const ref = after.get(path)!;
    const old = previous.documents.get(path) ?? null;
    const now = next.documents.get(path) ?? null;
    if (!old || !now) {
      corrected.push({ ref, cells: [], detailUnavailable: true, other: [] });
      continue;
    }
    const cells = correctedCells(old, now);
    corrected.push({ ref, cells, detailUnavailable: false, other: otherChanges(old, now, cells.length > 0) });
  }
  corrected.sort((a, b) => byReleaseOrder(a.ref, b.ref));
  const corrections: CellCorrection[] = corrected.flatMap((c) => c.cells);
  const reportFiles = new Set([...before.keys(), ...after.keys()]);
  // When reports were added, withdrawn or corrected, the tables and pages change with them: other files are listed
  // only when no report explains them.
  const reportsChanged = added.length + withdrawn.length + corrected.length > 0;
  const otherFiles = reportsChanged ? [] : deciding.filter((p) => !reportFiles.has(p));

  const unjudged = [...new Set([...(previous.unreadable ?? []), ...(next.unreadable ?? [])])].sort();
  const reasons = [
    ...surface.removed.map((s) => `field or code removed or renamed: ${s}`),
    ...unjudged.map((p) => `not compared (could not be read): ${p}`),
    ...added.map((r) => `report added: ${r.id}`),
    ...withdrawn.map((r) => `report withdrawn: ${r.id}${r.reason === undefined ? '' : ` (${r.reason})`}`),
    ...surface.added.map((s) => `field or code added: ${s}`),
    ...corrected.map((c) => `report corrected: ${c.ref.id}`),
    ...otherFiles.map((p) => `file changed: ${p}`),
  ];
  const bump: Bump = deciding.length === 0 ? 'none'
    : surface.removed.length > 0 ? 'major'
    : added.length + withdrawn.length + surface.added.length > 0 ? 'minor'
    : 'patch';
  const plan: ReleasePlan = {
    previousVersion: previous.manifest.version,
    version: bumpVersion(previous.manifest.version, bump),
    bump,
    reasons: bump === 'none' ? [] : reasons,
    files: bump === 'none' ? { added: [], changed: [], removed: [] } : files,
    reports: { added, corrected: corrected.map((c) => c.ref), withdrawn },
    corrections,
    warnings,
    notes: '',
    empty: bump === 'none',
  };
  if (plan.empty) return plan;
  return { ...plan, notes: renderNotes({ plan, today: input.today, catalog, corrected, surface, unjudged, otherFiles }) };
}
