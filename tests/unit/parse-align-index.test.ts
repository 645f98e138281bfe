/**
 * Property test: the fast label matching (align.ts: the bigram index, the banded alignment, widthNamedBy's memo)
 * gives exactly what the full scoring gives, on generated and mutated rows: every score to the bit, the same
 * template row for every printed row, the same width for every label. The full scoring is written out here as it
 * was before the index: labelScore for every pair, and the search over every (row, template row) pair.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { APPLICATIONS, type Edition, PROACTIVE, type RowDef, type TableDef, columnsOf, rowsOf } from '../../pipeline/model/template.ts';
import { alignRows } from '../../pipeline/parse/align.ts';
import { labelScores } from '../../pipeline/parse/label-index.ts';
import { labelScore } from '../../pipeline/parse/label-score.ts';
import { widthNamedBy } from '../../pipeline/parse/width-named-by.ts';
import { labelRecall } from '../../pipeline/parse/normalize.ts';
import type { DataRow } from '../../pipeline/parse/segment.ts';

// 300 cases per table and edition in `npm test`, 3,000 under `npm run test:full`.
const RUNS = process.env.XXGK_TEST_FULL === '1' ? 3000 : 300;
const SKIP = 0.15;

/** The alignment over every pair, as align.ts did it before the band (the reference). */
function fullAlign(rows: readonly DataRow[], defs: readonly RowDef[]): { assigned: number[]; scores: number[] } | null {
  const n = rows.length;
  const m = defs.length;
  if (n > m) return null;
  if (n === 0) return { assigned: [], scores: [] };
  const score = rows.map((r) => defs.map((d) => labelScore(r, d)));
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-Infinity));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(-1));
  for (let j = 0; j < m; j++) best[0]![j] = score[0]![j]! - SKIP * j;
  for (let i = 1; i < n; i++) {
    for (let j = i; j < m; j++) {
      for (let k = i - 1; k < j; k++) {
        const total = best[i - 1]![k]! - SKIP * (j - k - 1) + score[i]![j]!;
        if (total > best[i]![j]!) {
          best[i]![j] = total;
          from[i]![j] = k;
        }
      }
    }
  }
  let end = n - 1;
  for (let j = n - 1; j < m; j++) {
    if (best[n - 1]![j]! - SKIP * (m - 1 - j) > best[n - 1]![end]! - SKIP * (m - 1 - end)) end = j;
  }
  const assigned = new Array<number>(n);
  for (let i = n - 1, j = end; i >= 0; i--) {
    assigned[i] = j;
    j = from[i]![j]!;
  }
  return { assigned, scores: assigned.map((j, i) => score[i]![j]!) };
}

/** widthNamedBy as it was: the best of a stable sort by labelRecall against each template label. */
function fullWidth(table: TableDef, edition: Edition, label: string): number | undefined {
  const [best] = rowsOf(table, edition).map((d) => ({ d, score: labelRecall(label, d.zh) })).sort((a, b) => b.score - a.score);
  return best && best.score >= 0.8 ? columnsOf(table, best.d, edition).length : undefined;
}

/** A printed text near a template label: cut, with characters dropped, changed (look-alikes too) or put in. */
function mutatedText(labels: readonly string[]): fc.Arbitrary<string> {
  const noise = fc.constantFrom('', '（一）', '1.', '三、', '其他', '行攻', '甲请', '  ', '，', '处理', '申请', '本年', '总计', 'x', '政府信息');
  return fc
    .record({
      base: fc.constantFrom(...labels, ''),
      other: fc.constantFrom(...labels, ''),
      cut: fc.nat(),
      drop: fc.array(fc.nat(), { maxLength: 3 }),
      before: noise,
      after: noise,
      join: fc.boolean(),
    })
    .map(({ base, other, cut, drop, before, after, join }) => {
      let chars = [...base];
      for (const d of drop) if (chars.length > 0) chars.splice(d % chars.length, 1);
      if (cut % 4 === 0) chars = chars.slice(0, Math.max(1, chars.length - (cut % 5)));
      return `${before}${chars.join('')}${join ? other.slice(0, 4) : ''}${after}`;
    });
}

function rowArbitrary(labels: readonly string[]): fc.Arbitrary<DataRow> {
  const text = mutatedText(labels);
  return fc.record({ label: fc.oneof(text, fc.constant('')), own: text, context: text, after: fc.oneof(fc.constant(''), text) }).map((r) => ({
    ...r,
    values: [],
    at: { line: 1 },
    index: 0,
    line: 0,
  }));
}

const CASES: Array<[TableDef, Edition]> = [[PROACTIVE, '2019'], [PROACTIVE, '2021'], [APPLICATIONS, '2019'], [APPLICATIONS, '2021']];

for (const [table, edition] of CASES) {
  const defs = rowsOf(table, edition);
  const labels = defs.flatMap((d) => [d.zh, ...(d.aliases ?? [])]);

  test(`${table.id} ${edition}: labelScores equals labelScore for every template row, to the bit`, () => {
    fc.assert(
      fc.property(rowArbitrary(labels), (row) => {
        const fast = labelScores(row, rowsOf(table, edition));
        defs.forEach((d, j) => assert.ok(Object.is(fast[j], labelScore(row, d)), `${d.zh}: ${fast[j]} vs ${labelScore(row, d)}`));
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  test(`${table.id} ${edition}: the banded alignment places every row where the full search does`, () => {
    // Template rows in order, some left out, some printed with another row's label or none: n from 0 to m + 1.
    const printed = fc.array(fc.record({ keep: fc.integer({ min: 0, max: 9 }), row: rowArbitrary(labels) }), { minLength: defs.length + 1, maxLength: defs.length + 1 });
    fc.assert(
      fc.property(printed, fc.integer({ min: 0, max: 9 }), (picks, keepAbove) => {
        const rows = picks
          .map((p, k) => ({ p, row: p.keep % 3 === 0 ? p.row : { ...p.row, label: defs[k]?.zh ?? p.row.label, own: defs[k]?.zh ?? p.row.own } }))
          .filter(({ p }, k) => (k === defs.length ? p.keep === 0 : p.keep >= keepAbove))
          .map(({ row }) => row);
        assert.deepEqual(alignRows(rows, defs), fullAlign(rows, defs));
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });

  test(`${table.id} ${edition}: widthNamedBy names the width the full scoring names`, () => {
    const widthOf = widthNamedBy(table, edition);
    fc.assert(
      fc.property(mutatedText(labels), (label) => {
        assert.equal(widthOf(label), fullWidth(table, edition, label));
        assert.equal(widthOf(label), fullWidth(table, edition, label), 'memoised');
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
}
