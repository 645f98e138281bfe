/**
 * Nothing published leaves a release by accident. The reports a release holds are the build's, plus every report of
 * the last release that the build does not hold (a source that matched nothing today, a site that is down, an emptied
 * inbox), carried over unchanged — minus the reports the operator withdrew (`xxgk withdraw`, recorded in the release's
 * withdrawals.json). A withdrawn report stays out even when a source still yields it. Pure.
 */
import type { Withdrawal } from '../datasets/to-withdrawals.ts';
import { yearThenId } from '../datasets/types.ts';
import type { ReportRef } from './types.ts';

/** The operator's request: take this report out of the release, for this reason. */
export interface WithdrawRequest {
  id: string;
  reason: string;
}

/**
 * What the carry-over reads of a report: its id, agency and year. A validated report is one; publishing passes just
 * these (the reports themselves are read again, one at a time, when the release is built: settle.ts).
 */
export interface Held {
  report: ReportRef;
}

export interface CarryOverInput<R extends Held = Held> {
  /** The build's reports. */
  built: readonly R[];
  /** The last release's reports that the build does not hold (and that are not withdrawn), read from the target. */
  missing: readonly R[];
  /** The last release's withdrawals.json. */
  withdrawals: readonly Withdrawal[];
  /** Withdrawals asked for now. */
  withdraw: readonly WithdrawRequest[];
  /** The last release's reports (id, agency, year), to describe a report withdrawn now. */
  published: ReadonlyMap<string, ReportRef>;
  today: string;
}

export interface CarryOver<R extends Held = Held> {
  /** What the release holds, sorted by year then id. */
  reports: R[];
  /** Reports of the last release the build does not hold, kept. */
  kept: ReportRef[];
  /** Reports the build holds that were withdrawn before: left out. */
  stillWithdrawn: Withdrawal[];
  /** Reports withdrawn now. */
  withdrawnNow: Withdrawal[];
  /** The release's withdrawals.json: the last one's entries and those of now. */
  withdrawals: Withdrawal[];
}

const ref = (r: Held): ReportRef => ({ id: r.report.id, agency: r.report.agency, year: r.report.year });

/** The ids of the last release's reports that the build does not hold and that are not withdrawn: those to read. */
export function toCarry(published: Iterable<string>, built: readonly Held[], withdrawals: readonly Withdrawal[], withdraw: readonly WithdrawRequest[]): string[] {
  const skip = new Set([...built.map((r) => r.report.id), ...withdrawals.map((w) => w.id), ...withdraw.map((w) => w.id)]);
  return [...new Set(published)].filter((id) => !skip.has(id)).sort();
}

export function carryOver<R extends Held>(input: CarryOverInput<R>): CarryOver<R> {
  const earlier = new Map(input.withdrawals.map((w) => [w.id, w]));
  const withdrawnNow: Withdrawal[] = [];
  for (const { id, reason } of input.withdraw) {
    if (earlier.has(id) || withdrawnNow.some((w) => w.id === id)) continue;
    const r = input.published.get(id) ?? input.built.map(ref).find((x) => x.id === id);
    if (!r) continue;
    withdrawnNow.push({ id, agency: r.agency, year: r.year, reason, date: input.today });
  }
  const out = new Set([...earlier.keys(), ...withdrawnNow.map((w) => w.id)]);
  const built = input.built.filter((r) => !out.has(r.report.id));
  const have = new Set(built.map((r) => r.report.id));
  const carried = input.missing.filter((r) => !out.has(r.report.id) && !have.has(r.report.id));
  const reports = [...built, ...carried].sort((a, b) => yearThenId(a.report, b.report));
  const stillWithdrawn = input.built.filter((r) => earlier.has(r.report.id)).map((r) => earlier.get(r.report.id)!);
  return {
    reports,
    kept: carried.map(ref).sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1)),
    stillWithdrawn,
    withdrawnNow,
    withdrawals: [...earlier.values(), ...withdrawnNow].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
