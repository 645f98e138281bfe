/**
 * withdrawals.json: the reports the operator withdrew from the dataset (`xxgk withdraw REPORT_ID --reason …`), each
 * with its reason and the date of the release that dropped it. Part of the release, so the record travels with the
 * published data: the next release reads it back from the target and keeps those reports out. Written only when a
 * report was ever withdrawn. Pure.
 */

export interface Withdrawal {
  id: string;
  agency: string;
  year: number;
  /** The operator's reason, as given. */
  reason: string;
  /** The date of the release that withdrew it (YYYY-MM-DD). */
  date: string;
}

export const WITHDRAWALS_FILE = 'withdrawals.json';

const byId = (a: Withdrawal, b: Withdrawal) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function withdrawalsJson(list: readonly Withdrawal[]): string {
  const withdrawn = [...list].sort(byId).map((w) => ({ id: w.id, agency: w.agency, year: w.year, reason: w.reason, date: w.date }));
  return `${JSON.stringify({ withdrawn }, null, 2)}\n`;
}
