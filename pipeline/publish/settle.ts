/**
 * Settle what a release holds against the last one on the target (the I/O around carry-over.ts): list the last
 * release's reports and withdrawals, check the operator's withdraw requests, read the documents of the reports to
 * carry over. A file of the last release that cannot be read stops the publish (PublishError): never a withdrawal.
 *
 * No list of reports is made: the build's reports are read once here for their ids (id, agency, year: carry-over.ts
 * decides on those), the last release's bundles once for theirs, and the settled release is a source that reads the
 * build's reports and the carried ones again at each use, one at a time, merged in year-then-id order.
 */
import type { Withdrawal } from '../datasets/to-withdrawals.ts';
import { WITHDRAWALS_FILE } from '../datasets/to-withdrawals.ts';
import { reportDocumentAt } from '../datasets/release-layout.ts';
import type { ValidatedReport } from '../datasets/types.ts';
import { PublishError, UsageError } from '../errors.ts';
import { type CarryOver, type Held, type WithdrawRequest, carryOver, toCarry } from './carry-over.ts';
import { bundleStream, bundlesInOrder, hasBundles } from './bundles.ts';
import { readFeedEntries } from './read-feed.ts';
import type { ReportSource } from './release-folder.ts';
import { parseFeed, parseReportDocument } from './release-side.ts';
import type { Published, ReportRef } from './types.ts';
import { parseWithdrawals } from './withdrawals.ts';


/** The settled release: the carry-over's lists, and its reports as a source (each use reads them again). */
export type SettledRelease = Omit<CarryOver, 'reports'> & {
  reports: ReportSource;
  /** How many reports the release holds. */
  count: number;
};

/** A file of the last release: from the target's copy, else (GitHub) from the remote. */
async function readPublished(latest: Published, path: string): Promise<Uint8Array | null> {
  return (await latest.read(path)) ?? (latest.fetch ? await latest.fetch(path) : null);
}

const cannotRead = (latest: Published, path: string, what: string) =>
  new PublishError(`the last release (v${latest.manifest.version}) lists latest/${path} but it cannot be read, so ${what}; nothing was published. Re-run once the target can be read`);

const ref = (r: ValidatedReport): ReportRef => ({ id: r.report.id, agency: r.report.agency, year: r.report.year });

/** A source read again whose reports are not those read first: the folder or the target changed while publishing. */
const changed = (what: string, got: string | undefined, want: string | undefined) =>
  new PublishError(`${what} changed while publishing (read again, it gives ${got ?? 'no report'} where ${want ?? 'none'} was read first); nothing was published. Re-run`);

/** Where the last release keeps a report's document: its own file, or a bundle (the national layout). */
type Where = { file: string } | { bundle: string };

export async function settle(built: ReportSource, latest: Published | null, withdraw: readonly WithdrawRequest[], today: string): Promise<SettledRelease> {
  // The build's reports, once: what the carry-over decides on (the source checks their order).
  const held: Held[] = [];
  for await (const r of built()) held.push({ report: ref(r) });
  if (!latest) {
    if (withdraw.length > 0) throw new UsageError(`withdraw ${withdraw[0]!.id}: nothing is published yet on this target`);
    return settled(built, null, new Map(), carryOver({ built: held, missing: [], withdrawals: [], withdraw: [], published: new Map(), today }));
  }
  const paths = new Map<string, string>();
  const where = new Map<string, Where>();
  for (const f of latest.manifest.files) {
    const at = reportDocumentAt(f.path);
    if (at) {
      paths.set(at.id, f.path);
      where.set(at.id, { file: f.path });
    }
  }
  // The national layout: the last release's documents are in bundles (reports/<year>.ndjson.gz), read through once
  // for their ids; a document in a bundle is read from there, where a file of its own says the same id.
  const bundled = new Map<string, ReportRef>();
  if (hasBundles(latest.manifest.files)) {
    let bundle = '';
    const docs = bundleStream(bundlesInOrder(latest.manifest.files), (p) => {
      bundle = p;
      return readPublished(latest, p);
    }, ({ bundle, line }) => cannotRead(latest, bundle, line ? `its line ${line} is not a report document` : 'the reports it holds cannot be kept'));
    for await (const d of docs) {
      bundled.set(d.report.id, ref(d));
      paths.set(d.report.id, `reports/${d.report.year}/${d.report.id}.json`);
      where.set(d.report.id, { bundle });
    }
  }
  const feed = new Map(parseFeed(await readFeedEntries((path) => readPublished(latest, path))).map((r) => [r.id, r]));
  const published = new Map<string, ReportRef>([...paths].map(([id, path]) => [id, {
    id, agency: feed.get(id)?.agency ?? '', year: feed.get(id)?.year ?? reportDocumentAt(path)!.year,
  }]));

  let withdrawals: Withdrawal[] = [];
  if (latest.manifest.files.some((f) => f.path === WITHDRAWALS_FILE)) {
    const bytes = await readPublished(latest, WITHDRAWALS_FILE);
    const parsed = bytes ? parseWithdrawals(bytes) : null;
    if (!parsed) throw cannotRead(latest, WITHDRAWALS_FILE, 'the reports withdrawn before are not known');
    withdrawals = parsed;
  }
  for (const { id, reason } of withdraw) {
    const before = withdrawals.find((w) => w.id === id);
    if (before) throw new UsageError(`withdraw ${id}: already withdrawn on ${before.date} (${before.reason})`);
    if (!published.has(id)) throw new UsageError(`withdraw ${id}: no such report in the last release (v${latest.manifest.version}); latest/feed/reports.json lists the published ids`);
    if (!reason.trim()) throw new UsageError(`withdraw ${id}: --reason is empty: say why the report leaves the dataset (it goes into the release notes)`);
  }

  const missing: Held[] = [];
  const carried = new Map<string, Where>();
  for (const id of toCarry(paths.keys(), held, withdrawals, withdraw)) {
    const path = paths.get(id)!;
    let r = bundled.get(id);
    if (!r) {
      const doc = parseReportDocument(await readPublished(latest, path));
      if (!doc) throw cannotRead(latest, path, `report ${id}, which this build does not hold, cannot be kept`);
      r = ref(doc);
    }
    missing.push({ report: r });
    carried.set(id, where.get(id)!);
  }
  return settled(built, latest, carried, carryOver({ built: held, missing, withdrawals, withdraw, published, today }));
}

/**
 * The release's reports as a source: each use reads the build's reports again (leaving out the withdrawn ones) and the
 * carried ones from the last release (their own files, or the bundles that hold them, each read once a use), and
 * gives them in the order the carry-over settled (year then id), checking that each is the report it settled.
 */
function settled(built: ReportSource, latest: Published | null, carried: ReadonlyMap<string, Where>, carry: CarryOver): SettledRelease {
  const order = carry.reports.map((r) => r.report.id);
  const out = new Set(carry.withdrawals.map((w) => w.id));
  async function* lastRelease(): AsyncGenerator<ValidatedReport> {
    if (!latest || carried.size === 0) return;
    // The bundles that hold a carried report, in order, and the carried reports in their own files.
    const bundles = bundlesInOrder([...new Set([...carried.values()].flatMap((w) => ('bundle' in w ? [w.bundle] : [])))].map((path) => ({ path })));
    const wanted = new Set([...carried].filter(([, w]) => 'bundle' in w).map(([id]) => id));
    const fromBundles = async function* () {
      let left = wanted.size;
      if (left === 0) return;
      const docs = bundleStream(bundles, (p) => readPublished(latest, p), ({ bundle, line }) =>
        cannotRead(latest, bundle, line ? `its line ${line} is not a report document` : 'the reports it holds cannot be kept'));
      for await (const d of docs) {
        if (!wanted.has(d.report.id)) continue;
        yield d;
        if (--left === 0) return;
      }
    };
    const bundledIt = fromBundles();
    try {
      for (const id of order) {
        const w = carried.get(id);
        if (!w) continue;
        if ('file' in w) {
          const doc = parseReportDocument(await readPublished(latest, w.file));
          if (!doc) throw cannotRead(latest, w.file, `report ${id}, which this build does not hold, cannot be kept`);
          yield doc;
        } else {
          const next = await bundledIt.next();
          if (next.done) throw changed(`the last release (v${latest.manifest.version})`, undefined, id);
          yield next.value;
        }
      }
    } finally {
      await bundledIt.return(undefined);
    }
  }
  async function* reports(): AsyncGenerator<ValidatedReport> {
    const own = built()[Symbol.asyncIterator]();
    const kept = lastRelease();
    const what = (id: string) => (carried.has(id) ? `the last release (v${latest?.manifest.version})` : 'the built folder');
    try {
      for (const id of order) {
        let next: IteratorResult<ValidatedReport>;
        if (carried.has(id)) next = await kept.next();
        else {
          do next = await own.next();
          while (!next.done && out.has(next.value.report.id));
        }
        if (next.done || next.value.report.id !== id) throw changed(what(id), next.done ? undefined : next.value.report.id, id);
        yield next.value;
      }
      // What the build holds past the last report settled: withdrawn ones only.
      for (let next = await own.next(); !next.done; next = await own.next()) {
        if (!out.has(next.value.report.id)) throw changed('the built folder', next.value.report.id, undefined);
      }
    } finally {
      await Promise.all([own.return?.(), kept.return(undefined)]);
    }
  }
  const { reports: _, ...lists } = carry;
  return { ...lists, reports, count: order.length };
}
