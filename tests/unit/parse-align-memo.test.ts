/**
 * alignByLabels (align-memo.ts) remembers alignRows per table layout, keyed by the printed rows' label texts: it must
 * give what alignRows gives, on the first call and on every later one (rows with the same texts and other figures,
 * the same texts cut differently between label, own, context and after).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { APPLICATIONS, PROACTIVE, rowsOf } from '../../pipeline/model/template.ts';
import { alignRows } from '../../pipeline/parse/align.ts';
import { alignByLabels, bestLabelScore, LayoutKeys } from '../../pipeline/parse/align-memo.ts';
import { labelScores } from '../../pipeline/parse/label-index.ts';
import type { DataRow } from '../../pipeline/parse/segment.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 2000 : 200;

/** A layout's key, as printed or (`spaceless`) without the spaces of quickNormal texts: the printed one when every row
 * is keyed as printed (the memo then looks the layout up by that key alone). */
const keys = new LayoutKeys();
function layoutKey(rows: readonly DataRow[], spaceless = false): string {
  return (spaceless ? keys.spaceless(rows) : undefined) ?? keys.printed(rows);
}

function row(texts: { label: string; own: string; context: string; after: string }, figure = '1'): DataRow {
  return { ...texts, values: [{ text: figure, at: { line: 1 } }], at: { line: 1 }, index: 0, line: 0 };
}

for (const [table, edition] of [[PROACTIVE, '2021'], [APPLICATIONS, '2019'], [APPLICATIONS, '2021']] as const) {
  const defs = rowsOf(table, edition);
  const labels = defs.map((d) => d.zh);
  const text = fc.tuple(fc.constantFrom(...labels, ''), fc.constantFrom('', '（一）', '其他', '申请', 'x')).map(([a, b]) => `${b}${a}`);
  const texts = fc.record({ label: text, own: text, context: text, after: fc.oneof(fc.constant(''), text) });

  test(`${table.id} ${edition}: alignByLabels gives alignRows' alignment, first call and remembered`, () => {
    fc.assert(
      fc.property(fc.array(texts, { maxLength: defs.length + 1 }), fc.array(fc.constantFrom('0', '7', '', '若干')), (list, figures) => {
        const want = alignRows(list.map((t) => row(t)), defs);
        assert.deepEqual(alignByLabels(list.map((t) => row(t)), defs), want);
        assert.deepEqual(alignByLabels(list.map((t, k) => row(t, figures[k] ?? '3')), defs), want, 'remembered');
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
}

for (const [table, edition] of [[PROACTIVE, '2019'], [APPLICATIONS, '2021']] as const) {
  const defs = rowsOf(table, edition);
  const text = fc.tuple(fc.constantFrom(...defs.map((d) => d.zh), ''), fc.constantFrom('', '（一）', '其他', 'x')).map(([a, b]) => `${b}${a}`);
  test(`${table.id} ${edition}: bestLabelScore is the best of labelScores, first call and remembered`, () => {
    fc.assert(
      fc.property(fc.record({ label: text, own: text, context: text, after: fc.oneof(fc.constant(''), text) }), (t) => {
        const want = Math.max(...labelScores(row(t), defs));
        assert.equal(bestLabelScore(row(t), defs), want);
        assert.equal(bestLabelScore(row(t, ''), defs), want, 'remembered');
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
}

test('layoutKey tells apart texts cut at another place or split over other rows', () => {
  const a = row({ label: '政府信息', own: '公开', context: '', after: '' });
  const b = row({ label: '政府', own: '信息公开', context: '', after: '' });
  const c = row({ label: '', own: '', context: '政府信息公开', after: '' });
  const keys = [[a], [b], [c], [a, c], [c, a], [a, a]].flatMap((rows) => [layoutKey(rows), layoutKey(rows, true)]);
  // Printed and spaceless keys share one map: neither kind is ever the other's string (they open with 0 and 1).
  assert.equal(new Set(keys).size, keys.length);
  // Stated up front: a text that looks like the next length prefix is still one text.
  assert.notEqual(layoutKey([row({ label: '1,x', own: '', context: '', after: '' })]), layoutKey([row({ label: '', own: '1,x', context: '', after: '' })]));
});

// Texts of quickNormal's characters are keyed without their spaces: a label wrapped at another place (a line break in
// an HTML cell) is the same layout. The remembered alignment must be what alignRows gives for each spacing, and texts
// with other characters (NFKC may join them across a space) keep their spaces in the key.
for (const [table, edition] of [[PROACTIVE, '2021'], [APPLICATIONS, '2019'], [APPLICATIONS, '2021']] as const) {
  const defs = rowsOf(table, edition);
  const base = fc.tuple(fc.constantFrom(...defs.map((d) => d.zh), ''), fc.constantFrom('', '（一）', '其他', 'x', 'e\u0301', 'Ⅲ', '１、'))
    .map(([a, b]) => `${b}${a}`);
  const spaced = (t: string, cuts: number[], spaces: string[]): string => {
    let out = t;
    for (const [k, at] of cuts.entries()) {
      const i = at % (out.length + 1);
      out = `${out.slice(0, i)}${spaces[k % spaces.length] ?? ' '}${out.slice(i)}`;
    }
    return out;
  };
  const cuts = fc.array(fc.nat(60), { maxLength: 3 });
  const spaces = fc.array(fc.constantFrom(' ', '\n', '\u3000', '\t', '\u00a0'), { minLength: 1, maxLength: 3 });
  const texts = fc.record({ label: base, own: base, context: base, after: fc.oneof(fc.constant(''), base) });
  const respace = (t: { label: string; own: string; context: string; after: string }, c: number[][], s: string[]) => ({
    label: spaced(t.label, c[0] ?? [], s), own: spaced(t.own, c[1] ?? [], s), context: spaced(t.context, c[2] ?? [], s),
    after: spaced(t.after, c[3] ?? [], s),
  });
  test(`${table.id} ${edition}: alignByLabels gives alignRows' alignment for texts spaced differently`, () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(texts, fc.array(cuts, { minLength: 4, maxLength: 4 }), fc.array(cuts, { minLength: 4, maxLength: 4 })), { maxLength: defs.length + 1 }), spaces, (list, s) => {
        const first = list.map(([t, c]) => row(respace(t, c, s)));
        assert.deepEqual(alignByLabels(first, defs), alignRows(first, defs));
        const second = list.map(([t, , c]) => row(respace(t, c, s)));
        assert.deepEqual(alignByLabels(second, defs), alignRows(list.map(([t, , c]) => row(respace(t, c, s))), defs), 'remembered');
        for (const r of second) assert.equal(bestLabelScore(r, defs), Math.max(...labelScores(row({ ...r }), defs)));
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
}

test('layoutKey leaves out the spaces of quickNormal texts only, and tells an empty label from a blank one', () => {
  assert.notEqual(layoutKey([row({ label: '政府\n信息', own: '', context: '', after: '' })]), layoutKey([row({ label: '政府信息', own: '', context: '', after: '' })]), 'as printed');
  const key = (label: string, own = '', after = ''): string => layoutKey([row({ label, own, context: '', after })], true);
  assert.equal(key('政府\n信息', '公 开'), key('政府信息', '公开'));
  assert.notEqual(key('政府信息', '公开'), key('政府', '信息公开'));
  assert.notEqual(key('\n'), key(''));
  assert.notEqual(key('政府', '', ' '), key('政府', '', ''));
  assert.notEqual(key('e \u0301'), key('e\u0301'));
});
