/**
 * Table 三's rows whose figures are unknown — not printed, or printed but not read (which row is which cannot be
 * told) — are counts, ≥ 0: the equations over them still bound the rows that are read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { applicationEquations } from '../../pipeline/parse/application-equations.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { renderLossy } from '../../pipeline/synth/lossy-score.ts';

test('上年结转 unknown: received is at most 总计 + 结转下年度 (a bound, not left out)', () => {
  const equations = applicationEquations(new Set(['received', 'granted', 'total', 'carried_forward']), new Set(['carried_over']));
  assert.deepEqual(equations.find((e) => e.rule === 'applications.balance'), { rule: 'applications.balance', left: ['received'], right: ['total', 'carried_forward'], atMost: true });
  // 总计 unknown too: unknown rows on both sides bound nothing.
  assert.equal(applicationEquations(new Set(['received', 'carried_forward']), new Set(['carried_over', 'total'])).length, 0);
});

test('a sub-row of （六） unknown: the others add up to at most （六）, not to （六） (an equation that was unsound)', () => {
  const printed = new Set(['received', 'carried_over', 'granted', 'other', 'other.no_correction', 'other.fee_unpaid', 'total', 'carried_forward']);
  const equations = applicationEquations(printed, new Set(['other.other']));
  assert.deepEqual(equations.find((e) => e.rule === 'applications.other_subtotal'), { rule: 'applications.other_subtotal', left: ['other.no_correction', 'other.fee_unpaid'], right: ['other'], atMost: true });
  assert.deepEqual(equations.find((e) => e.rule === 'applications.outcome_total'), { rule: 'applications.outcome_total', left: ['granted', 'other'], right: ['total'] });
});

test('raw pdftotext: rows not read (which row the figures are cannot be told) still leave the read outcome rows ≤ 总计, which places "1 1"', async () => {
  // Seed 0: rows around a moved label are not read; 3.危及“三安全一稳定” prints "1 1" (its blank cells print nothing),
  // 1 in any of six applicant columns by its own total — and in 自然人 only, by 总计's columns.
  const { bytes, values } = renderLossy('pdftotext-raw', 0);
  const report = parseDocument(await ingest(bytes, 'report.txt'));
  const row = report.tables.applications['denied.security_stability']!;
  assert.equal(row.natural_person!.kind, 'inferred');
  assert.equal(row.natural_person!.value, 1);
  assert.deepEqual(row.natural_person!.inferredBy, ['applications.row_total', 'applications.outcome_total']);
  assert.equal(row.commercial_enterprise!.kind, 'blank');
  assert.ok(report.tables.applications.granted!.natural_person!.kind === 'text', 'a row around the moved label is still not read');
  const wrong = compareCells(values, report).filter((m) => !m.found.startsWith('text') && !m.cell.endsWith('row_missing'));
  assert.deepEqual(wrong, []);
});
