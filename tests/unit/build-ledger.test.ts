/**
 * build-ledger.ts `affected`: which reports a change of input files touches (the changed report and the same body's
 * report of the next year, with last year's report of each to read), and the changes it does not follow.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Ledger, type LedgerEntry, affected, followed } from '../../pipeline/build-ledger.ts';
import type { ReportSummary } from '../../pipeline/datasets/types.ts';

const entry = (id: string, year: number, body: string, files: string[], valid = true): LedgerEntry => ({
  id, year, body, valid, missing: false, files, summary: { id, year } as ReportSummary,
});

function ledger(reports: LedgerEntry[], extra: Record<string, string> = {}): Ledger {
  const inputs: Record<string, string> = { ...extra };
  for (const r of reports) for (const f of r.files) inputs[f] = `sha-${f}`;
  return { inputs, reports };
}

const REPORTS = [
  entry('a-2022', 2022, 'id:a', ['a22.txt']),
  entry('b-2022', 2022, 'id:b', ['b22.txt']),
  entry('a-2023', 2023, 'id:a', ['a23.txt', 'a23.html']),
  entry('b-2023', 2023, 'id:b', ['b23.txt']),
  entry('a-2024', 2024, 'id:a', ['a24.txt']),
];

const inputsOf = (l: Ledger, change: Record<string, string | null> = {}) => {
  const m = new Map(Object.entries(l.inputs));
  for (const [f, sha] of Object.entries(change)) {
    if (sha === null) m.delete(f);
    else m.set(f, sha);
  }
  return m;
};

test('affected: the changed report, the next year of its body, and last year of each to read', () => {
  const l = ledger(REPORTS, { 'agencies.yaml': 'sha-reg' });
  const got = affected(l, inputsOf(l, { 'a23.html': 'new' }));
  assert.ok(followed(got));
  assert.deepEqual([...got.ids].sort(), ['a-2023', 'a-2024']);
  assert.deepEqual([...got.files].sort(), ['a22.txt', 'a23.html', 'a23.txt', 'a24.txt']);
  // The last year: nothing reads it.
  const last = affected(l, inputsOf(l, { 'a24.txt': 'new' }));
  assert.ok(followed(last));
  assert.deepEqual([...last.ids], ['a-2024']);
  assert.deepEqual([...last.files].sort(), ['a23.html', 'a23.txt', 'a24.txt']);
});

test('affected: why, for what it does not follow', () => {
  const l = ledger(REPORTS, { 'agencies.yaml': 'sha-reg' });
  assert.deepEqual(affected(l, inputsOf(l)), { full: 'no input file changed' });
  assert.deepEqual(affected(l, inputsOf(l, { 'new.txt': 'x' })), { full: '1 file added (new.txt)' });
  assert.deepEqual(affected(l, inputsOf(l, { 'b22.txt': null })), { full: '1 file removed (b22.txt)' });
  assert.deepEqual(affected(l, inputsOf(l, { 'b22.txt': null, 'x.txt': 'x', 'y.txt': 'y', 'z.txt': 'z', 'w.txt': 'w' })), { full: '4 files added (x.txt, y.txt, z.txt, …), 1 file removed (b22.txt)' });
  assert.deepEqual(affected(l, inputsOf(l, { 'agencies.yaml': 'new' })), { full: '1 changed file that made no report of the last build (agencies.yaml)' });
  const invalid = ledger([...REPORTS.slice(0, 4), entry('a-2024', 2024, 'id:a', ['a24.txt'], false)]);
  assert.deepEqual(affected(invalid, inputsOf(invalid, { 'b22.txt': 'new' })), { full: 'the last build had 1 report not valid (a-2024)' });
});
