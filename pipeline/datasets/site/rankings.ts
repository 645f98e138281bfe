/**
 * Bodies ranked over all the years the release holds for them: by requests received (the sum over their reports),
 * and by the share of handled requests refused (pooled: Σ refused / Σ handled over the reports that print both, with
 * handled > 0), each with the sample it rests on. Pure.
 */
import type { BodySeries } from '../series.ts';
import { cmp } from './html.ts';

/** A share is ranked only when at least this many handled requests stand behind it. */
export const MIN_HANDLED = 30;

export interface BodyTotals {
  series: BodySeries;
  /** Σ received over the reports that print it, and how many do (null: none). */
  received: number | null;
  receivedReports: number;
  /** Σ refused and Σ handled over the reports that print both with handled > 0, and how many. */
  refused: number;
  handled: number;
  shareReports: number;
}

export function bodyTotals(series: BodySeries): BodyTotals {
  let received: number | null = null;
  let receivedReports = 0;
  let refused = 0;
  let handled = 0;
  let shareReports = 0;
  for (const s of series.reports) {
    const f = s.figures;
    if (f.received !== null) {
      received = (received ?? 0) + f.received;
      receivedReports += 1;
    }
    if (f.refused !== null && f.handled !== null && f.handled > 0) {
      refused += f.refused;
      handled += f.handled;
      shareReports += 1;
    }
  }
  return { series, received, receivedReports, refused, handled, shareReports };
}

const byName = (a: BodyTotals, b: BodyTotals) => cmp(a.series.name, b.series.name) || cmp(a.series.key, b.series.key);

/** Bodies that print requests received, most first (ties by name, then id). */
export function rankByReceived(all: readonly BodyTotals[]): BodyTotals[] {
  return all.filter((t) => t.received !== null).sort((a, b) => b.received! - a.received! || byName(a, b));
}

/** Bodies with at least MIN_HANDLED handled requests behind their share, highest share first (exact comparison), then more handled. */
export function rankByRefusedShare(all: readonly BodyTotals[], minHandled = MIN_HANDLED): BodyTotals[] {
  return all.filter((t) => t.handled >= minHandled && t.handled > 0)
    .sort((a, b) => b.refused * a.handled - a.refused * b.handled || b.handled - a.handled || byName(a, b));
}

/** A share as a percentage with one decimal: 0.12345 → "12.3%". */
export function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** "2019–2024" or "2021". */
export function yearSpan(series: BodySeries): string {
  const first = series.reports[0]!.year;
  const last = series.reports[series.reports.length - 1]!.year;
  return first === last ? String(first) : `${first}–${last}`;
}
