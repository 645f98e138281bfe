/** withdrawals.json of a release, read back (the builder is datasets/to-withdrawals.ts). */
import type { Withdrawal } from '../datasets/to-withdrawals.ts';
import { isRecord } from './json-shape.ts';

/** The entries of a withdrawals.json; null when the bytes are not one (a release that lists the file but cannot give it). */
export function parseWithdrawals(bytes: Uint8Array): Withdrawal[] | null {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (!isRecord(doc) || !Array.isArray(doc.withdrawn)) return null;
  const out: Withdrawal[] = [];
  for (const w of doc.withdrawn) {
    if (!isRecord(w) || typeof w.id !== 'string' || typeof w.reason !== 'string') return null;
    out.push({
      id: w.id,
      agency: typeof w.agency === 'string' ? w.agency : '',
      year: typeof w.year === 'number' ? w.year : 0,
      reason: w.reason,
      date: typeof w.date === 'string' ? w.date : '',
    });
  }
  return out;
}
