/**
 * Nothing published leaves by accident, pure: the carry-over (reports of the last release the build does not hold
 * are kept; withdrawn ones stay out, even when read again), the withdrawal's reason in the plan and its notes, and the
 * source warnings of a run (a source that matched nothing or fewer documents, with the reports kept for it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ValidatedReport } from '../../pipeline/datasets/types.ts';
import { withdrawalsJson } from '../../pipeline/datasets/to-withdrawals.ts';
import { carryOver, toCarry } from '../../pipeline/publish/carry-over.ts';
import { planRelease } from '../../pipeline/publish/plan.ts';
import { parseWithdrawals } from '../../pipeline/publish/withdrawals.ts';
import { keptBySource, nothingYielded, shortfalls, sourceWarnings, withdrawMissing } from '../../pipeline/schedule/source-warnings.ts';
import { sampleReports } from '../helpers/release.ts';

const [A, B, C] = sampleReports(3) as [ValidatedReport, ValidatedReport, ValidatedReport];
const ref = (r: ValidatedReport) => ({ id: r.report.id, agency: r.report.agency, year: r.report.year });
const published = new Map([A, B, C].map((r) => [r.report.id, ref(r)]));
const ids = (rs: readonly ValidatedReport[]) => rs.map((r) => r.report.id);

test('a report of the last release the build does not hold is kept; one asked to withdraw leaves with its reason; one withdrawn before stays out', () => {
  assert.deepEqual(toCarry(published.keys(), [A], [], []), [B.report.id, C.report.id].sort(), 'what to read from the target');
  const kept = carryOver({ built: [A], missing: [B, C], withdrawals: [], withdraw: [], published, today: '2026-03-01' });
  assert.deepEqual(ids(kept.reports), ids([A, B, C]));
  assert.deepEqual(kept.kept.map((r) => r.id).sort(), [B.report.id, C.report.id].sort());
  assert.deepEqual(kept.withdrawals, []);

  const now = carryOver({ built: [A, B], missing: [C], withdrawals: [], withdraw: [{ id: B.report.id, reason: 'a duplicate' }], published, today: '2026-03-01' });
  assert.deepEqual(ids(now.reports), ids([A, C]));
  assert.deepEqual(now.withdrawnNow, [{ ...ref(B), reason: 'a duplicate', date: '2026-03-01' }]);
  assert.deepEqual(now.withdrawals, now.withdrawnNow);

  // Recorded in withdrawals.json, read back by the next release: B stays out although the build holds it again.
  const recorded = parseWithdrawals(new TextEncoder().encode(withdrawalsJson(now.withdrawals)))!;
  assert.deepEqual(recorded, now.withdrawals);
  assert.deepEqual(toCarry(published.keys(), [A, B], recorded, []), [C.report.id]);
  const later = carryOver({ built: [A, B], missing: [C], withdrawals: recorded, withdraw: [], published, today: '2026-03-09' });
  assert.deepEqual(ids(later.reports), ids([A, C]));
  assert.deepEqual(later.stillWithdrawn, recorded);
  assert.deepEqual(later.withdrawals, recorded, 'the record keeps its date');
  assert.equal(parseWithdrawals(new TextEncoder().encode('{"withdrawn": [{"id": 1}]}')), null, 'not a withdrawals file');
});

test('the plan gives a withdrawn report its reason, in the reasons and the notes', () => {
  const files = (rs: ValidatedReport[]) => ({ version: '1.0.0', files: rs.map((r) => ({ path: `reports/${r.report.year}/${r.report.id}.json`, bytes: 1, sha256: 'x' })) });
  const side = (rs: ValidatedReport[]) => ({ manifest: files(rs), reports: rs.map((r) => ({ ...ref(r), flags: [] })), surface: [], documents: new Map() });
  const plan = planRelease({
    previous: side([A, B]), next: side([A]), meta: { baseUrl: 'https://example.org/latest/' }, today: '2026-03-01',
    withdrawals: new Map([[B.report.id, 'published under the wrong year *twice*']]),
  });
  assert.equal(plan.bump, 'minor');
  assert.deepEqual(plan.reports.withdrawn, [{ ...ref(B), reason: 'published under the wrong year *twice*' }]);
  assert.ok(plan.reasons.includes(`report withdrawn: ${B.report.id} (published under the wrong year *twice*)`));
  assert.ok(plan.notes.includes(`— withdrawn by the operator: published under the wrong year \\*twice\\*`), plan.notes);
});

test('source warnings: nothing matched, or fewer documents than last run, with the published reports kept for the source', () => {
  const yields = [
    { source: 'hongze', documents: 0, before: 2, failed: false },
    { source: 'city', documents: 1, before: 3, failed: false },
    { source: 'down', documents: 0, before: 1, failed: true },
    { source: 'steady', documents: 2, before: 2, failed: false },
  ];
  const found = shortfalls(yields);
  assert.deepEqual(found.map((s) => s.text), ['source hongze matched no documents', 'source city yielded 1 document, 3 last time']);
  const reports = [
    { id: 'hongze-2023', sources: [{ name: 'hongze/2023.docx' }] },
    { id: 'hongze-2024', sources: [{ name: 'hongze/2024.docx' }, { name: 'hongze/2024.pdf' }] },
    { id: 'city-2024', sources: [{ name: 'city/2024.docx' }] },
    { id: 'city-2023', sources: [{ name: 'city/2023.docx' }] },
  ];
  const kept = keptBySource(reports, new Set(['city/2024.docx']));
  assert.deepEqual(Object.fromEntries(kept), { hongze: ['hongze-2023', 'hongze-2024'], city: ['city-2023'] });
  assert.deepEqual(sourceWarnings(found, kept).map((s) => s.text), [
    'source hongze matched no documents; its 2 published reports are kept (hongze-2023, hongze-2024)',
    'source city yielded 1 document, 3 last time; its 1 published report is kept (city-2023)',
  ]);
  assert.equal(nothingYielded(yields), false);
  assert.equal(nothingYielded(yields.map((y) => ({ ...y, documents: 0 }))), true, 'a failed source yields nothing too');
  assert.equal(nothingYielded([]), false, 'a config without sources is not "every source empty"');
});

test('withdrawMissing: a flagged source that still yields withdraws the published reports it no longer gives; an empty one withdraws nothing', () => {
  const reports = [
    { id: 'inbox-2023', sources: [{ name: 'inbox/2023.docx' }] },
    { id: 'inbox-2024', sources: [{ name: 'inbox/2024.docx' }] },
    { id: 'both-2024', sources: [{ name: 'inbox/b.docx' }, { name: 'other/b.pdf' }] },
    { id: 'other-2024', sources: [{ name: 'other/2024.docx' }] },
  ];
  const yields = [{ source: 'inbox', documents: 1, before: 3, failed: false }, { source: 'other', documents: 0, before: 2, failed: false }];
  const flagged = new Set(['inbox']);
  assert.deepEqual(withdrawMissing(flagged, yields, reports, new Set(['inbox-2024'])), [
    { id: 'inbox-2023', reason: 'no longer in source inbox (sources[].withdrawMissing)' },
  ], 'both-2024 also came from a source without the flag; inbox-2024 was read (under any file name)');
  assert.deepEqual(withdrawMissing(flagged, [{ ...yields[0]!, documents: 0 }], reports, new Set()), [], 'a flagged source that matched nothing withdraws nothing');
  assert.deepEqual(withdrawMissing(flagged, [{ ...yields[0]!, failed: true }], reports, new Set()), [], 'nor one that failed');
});

test('keptBySource: 50,000 published reports of one source, kept in their order (grouped without copying the list per report)', () => {
  const reports = Array.from({ length: 50_000 }, (_, i) => ({ id: `r${i}`, sources: [{ name: `inbox/${i}.docx` }, { name: `other/${i}.pdf` }] }));
  const kept = keptBySource(reports, new Set(['inbox/7.docx']));
  const expected = reports.map((r) => r.id).filter((id) => id !== 'r7');
  assert.deepEqual([...kept.keys()], ['inbox', 'other']);
  assert.deepEqual(kept.get('inbox'), expected);
  assert.deepEqual(kept.get('other'), expected);
});
