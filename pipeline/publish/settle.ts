/**
 * Settle what a release holds against the last one on the target (the I/O around carry-over.ts): list the last
 * release's reports and withdrawals, check the operator's withdraw requests, read the documents of the reports to
 * carry over. A file of the last release that cannot be read stops the publish (PublishError): never a withdrawal.
 */
import type { Withdrawal } from '../datasets/to-withdrawals.ts';
import { WITHDRAWALS_FILE } from '../datasets/to-withdrawals.ts';
import type { ValidatedReport } from '../datasets/types.ts';
import { PublishError, UsageError } from '../errors.ts';
import { type CarryOver, type WithdrawRequest, carryOver, toCarry } from './carry-over.ts';
import { bundledReports, hasBundles } from './bundles.ts';
import { readFeedEntries } from './read-feed.ts';
import { parseFeed, parseReportDocument } from './release-side.ts';
import type { Published, ReportRef } from './types.ts';
import { parseWithdrawals } from './withdrawals.ts';

const REPORT_DOCUMENT = /^reports\/(\d{4})\/([^/]+)\.json$/;

/** A file of the last release: from the target's copy, else (GitHub) from the remote. */
async function readPublished(latest: Published, path: string): Promise<Uint8Array | null> {
  return (await latest.read(path)) ?? (latest.fetch ? await latest.fetch(path) : null);
}

const cannotRead = (latest: Published, path: string, what: string) =>
  new PublishError(`the last release (v${latest.manifest.version}) lists latest/${path} but it cannot be read, so ${what}; nothing was published. Re-run once the target can be read`);

export async function settle(built: readonly ValidatedReport[], latest: Published | null, withdraw: readonly WithdrawRequest[], today: string): Promise<CarryOver> {
  if (!latest) {
    if (withdraw.length > 0) throw new UsageError(`withdraw ${withdraw[0]!.id}: nothing is published yet on this target`);
    return carryOver({ built, missing: [], withdrawals: [], withdraw: [], published: new Map(), today });
  }
  const paths = new Map<string, string>();
  for (const f of latest.manifest.files) {
    const m = REPORT_DOCUMENT.exec(f.path);
    if (m) paths.set(m[2]!, f.path);
  }
  // The national layout: the last release's documents are in bundles (reports/<year>.ndjson.gz), read whole.
  const bundled = new Map<string, ValidatedReport>();
  if (hasBundles(latest.manifest.files)) {
    const docs = await bundledReports(latest.manifest.files, (p) => readPublished(latest, p), ({ bundle, line }) =>
      cannotRead(latest, bundle, line ? `its line ${line} is not a report document` : 'the reports it holds cannot be kept'));
    for (const d of docs) {
      bundled.set(d.report.id, d);
      paths.set(d.report.id, `reports/${d.report.year}/${d.report.id}.json`);
    }
  }
  const feed = new Map(parseFeed(await readFeedEntries((path) => readPublished(latest, path))).map((r) => [r.id, r]));
  const published = new Map<string, ReportRef>([...paths].map(([id, path]) => [id, {
    id, agency: feed.get(id)?.agency ?? '', year: feed.get(id)?.year ?? Number(REPORT_DOCUMENT.exec(path)![1]),
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

  const missing: ValidatedReport[] = [];
  for (const id of toCarry(paths.keys(), built, withdrawals, withdraw)) {
    const path = paths.get(id)!;
    const doc = bundled.get(id) ?? parseReportDocument(await readPublished(latest, path));
    if (!doc) throw cannotRead(latest, path, `report ${id}, which this build does not hold, cannot be kept`);
    missing.push(doc);
  }
  return carryOver({ built, missing, withdrawals, withdraw, published, today });
}
