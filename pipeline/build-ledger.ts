/**
 * What a build keeps of each report for the next build into the same output folder (issue 13 §5): the ledger. Per
 * report: its identity as the cross-year rules see it (id, year, body), whether it was valid and got the missing
 * issue, the input files it was read from, and its summary as the build made it. With the input files' sha256, the
 * next build knows which reports a change of files touches (`affected`): the reports read from a changed file, and
 * the reports whose cross-year rules read those (the same body's report of the next year). Only those are read and
 * validated again, with last year's report of each; every other report is kept as it was (build-changed.ts). Pure.
 *
 * A build given its history (`xxgk run`: the publish target's last release) also keeps a digest of the history's
 * reports that are none of its own (`historyDigest`): the cross-year rules and the missing rule read those (a
 * history report of an id in the run is not read: read-folder.ts, missingInRun), so a history that changed there
 * makes the next build a full one.
 */
import { createHash } from 'node:crypto';
import type { ReportSummary, ValidatedReport } from './datasets/types.ts';
import type { AnnualReport } from './model/report.ts';
import { bodyKey, bodyYear } from './validate/index.ts';

export interface LedgerEntry {
  id: string;
  year: number;
  /** validate/index.ts bodyKey: whose report it is for the cross-year rules. */
  body: string;
  valid: boolean;
  /** It got the cross_year.missing issue (missingInRun). */
  missing: boolean;
  /** The input files (paths in the input folder) it was read from: its sources. */
  files: string[];
  /** Its summary as the build made it, before the national layout's links (datasets/index.ts `described`). */
  summary: ReportSummary;
}

export interface Ledger {
  /** Every input file of the build (path → sha256), reports and not. */
  inputs: Record<string, string>;
  /** Every report of the build, sorted by year then id. */
  reports: LedgerEntry[];
  /**
   * historyDigest of the reports of the history the build was given that are none of its run's; absent when it was
   * given none (`xxgk build`: its history is the release in --out, the last build's own reports).
   */
  history?: string;
}

/** historyDigest taken as the reports stream by: `add` each in order, then `digest` (once). */
export function historyHash(): { add(report: AnnualReport): void; digest(): string } {
  const hash = createHash('sha256').update('history 1');
  return {
    add: (r) => void hash.update('\0').update(JSON.stringify(r)),
    digest: () => hash.digest('hex'),
  };
}

/** A digest of history reports, in order: each whole (the cross-year rules read any of its figures). */
export function historyDigest(reports: Iterable<AnnualReport>): string {
  const hash = historyHash();
  for (const r of reports) hash.add(r);
  return hash.digest();
}

export const MISSING_RULE = 'cross_year.missing';

/** A report's ledger entry (`summary`: as datasets/index.ts made it; copied, so that the entry holds no live object). */
export function ledgerEntry(r: ValidatedReport, summary: ReportSummary): LedgerEntry {
  return {
    id: r.report.id, year: r.report.year, body: bodyKey(r.report), valid: r.validation.valid,
    missing: r.validation.issues.some((i) => i.rule === MISSING_RULE),
    files: r.report.sources.map((s) => s.name), summary: JSON.parse(JSON.stringify(summary)) as ReportSummary,
  };
}

/** What a change of input files touches: the reports to read and validate again, and the files to read for them. */
export interface Affected {
  /** Ids of the reports validated again (their results replace the ledger's). */
  ids: Set<string>;
  /** The files to read: those of the reports validated again and of last year's report of each. */
  files: string[];
}

/** Why a change is not one the ledger can follow (`affected`): the build reads every report again, and says why. */
export interface NotFollowed {
  full: string;
}

/**
 * The reports a change touches (see the file's comment), or why the change is not one the ledger can follow:
 * files added or removed, a changed file that is no report's (the folder's registry, a file that did not read), or
 * a report that was not valid (the history and the missing rule would read it differently).
 */
export function affected(ledger: Ledger, inputs: ReadonlyMap<string, string>): Affected | NotFollowed {
  const before = Object.keys(ledger.inputs);
  const added = [...inputs.keys()].filter((f) => !(f in ledger.inputs));
  const removed = before.filter((f) => !inputs.has(f));
  if (added.length > 0 || removed.length > 0) {
    return { full: [added.length > 0 ? `${count(added, 'file')} added (${sample(added)})` : '', removed.length > 0 ? `${count(removed, 'file')} removed (${sample(removed)})` : ''].filter(Boolean).join(', ') };
  }
  const changed = new Set([...inputs].filter(([f, sha]) => ledger.inputs[f] !== sha).map(([f]) => f));
  if (changed.size === 0) return { full: 'no input file changed' };
  const invalid = ledger.reports.filter((r) => !r.valid).map((r) => r.id);
  if (invalid.length > 0) return { full: `the last build had ${count(invalid, 'report')} not valid (${sample(invalid)})` };
  const ofFile = new Map<string, LedgerEntry>();
  for (const r of ledger.reports) for (const f of r.files) ofFile.set(f, r);
  const foreign = [...changed].filter((f) => !ofFile.has(f));
  if (foreign.length > 0) return { full: `${count(foreign, 'changed file')} that made no report of the last build (${sample(foreign)})` };
  // The reports of a body and year, in the run's order (the first is the one the next year's rules read).
  const at = new Map<string, LedgerEntry[]>();
  for (const r of ledger.reports) {
    const key = bodyYear(r.body, r.year);
    const list = at.get(key);
    if (list) list.push(r);
    else at.set(key, [r]);
  }
  const touched = new Set<LedgerEntry>();
  for (const f of changed) {
    const r = ofFile.get(f)!;
    touched.add(r);
    for (const next of at.get(bodyYear(r.body, r.year + 1)) ?? []) touched.add(next);
  }
  const read = new Set<LedgerEntry>(touched);
  for (const r of touched) {
    const last = at.get(bodyYear(r.body, r.year - 1))?.[0];
    if (last) read.add(last);
  }
  return { ids: new Set([...touched].map((r) => r.id)), files: [...read].flatMap((r) => r.files) };
}

const count = (list: readonly string[], noun: string): string => `${list.length} ${noun}${list.length === 1 ? '' : 's'}`;
/** The first few of a list, for a message. */
const sample = (list: readonly string[]): string => (list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')}, …`);

/** Whether `affected` gave the reports touched (else the reason it cannot follow the change). */
export const followed = (a: Affected | NotFollowed): a is Affected => !('full' in a);
