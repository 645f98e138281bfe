/**
 * readMetadata normalises only the cells that may hold a date (年, 发 or U+F98E, which NFKC makes 年), the cells before
 * the tables and the last few: the same title, agency and date as when every cell is normalised first (the text
 * normalised is its own normal form).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { normalizeText } from '../../pipeline/parse/normalize.ts';
import { readMetadata } from '../../pipeline/parse/metadata.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 5000 : 500;

test('readMetadata reads what it reads from the cells normalised first', () => {
  const piece = fc.constantFrom(
    '2021', '２０２１', '12', '３', '年', '\uf98e', '月', '日', '2021年', '２０２１年', '2022\uf98e', '3月', '１２月', '5日', ' 2023 年', '发', '布', '发布时间：', '发 布日期', '来源：', '某市人民政府', '市政府办公室',
    '政府信息公开工作年度报告', ' ', '\u3000', '、', '，', '-', '①', '本年新制作数量', '0', '',
  );
  const cell = fc.array(piece, { maxLength: 6 }).map((ps) => ps.join(''));
  fc.assert(
    fc.property(fc.array(cell, { minLength: 1, maxLength: 14 }), fc.nat(14), (texts, start) => {
      const cells: TextCell[] = texts.map((t, i) => ({ text: t, at: { line: i + 1 } }));
      const normal = cells.map((c) => ({ ...c, text: normalizeText(c.text) }));
      const at = Math.min(start, cells.length);
      assert.deepEqual(readMetadata(cells, at), readMetadata(normal, at));
    }),
    { numRuns: RUNS, seed: 13 },
  );
});

test('a date printed with U+F98E, full-width digits or spaces is read', () => {
  const cells = (last: string): TextCell[] => ['某市人民政府2021年政府信息公开工作年度报告', '正文', last].map((t, i) => ({ text: t, at: { line: i + 1 } }));
  assert.equal(readMetadata(cells('2022\uf98e1月5日'), 1).published, '2022-01-05');
  assert.equal(readMetadata(cells('２０２２年１２月 ５日'), 1).published, '2022-12-05');
  assert.equal(readMetadata(cells('发 布时间：2022-3-4'), 1).published, '2022-03-04');
});

test('the signing date is looked for only in a cell short enough to be one, spaces and zero-width spaces aside', () => {
  const cells = (...rest: string[]): TextCell[] => ['某市人民政府2021年政府信息公开工作年度报告', '正文', ...rest].map((t, i) => ({ text: t, at: { line: i + 1 } }));
  // Eleven characters once the spaces are gone, however many spaces there are.
  assert.equal(readMetadata(cells(`${' '.repeat(40)}2022年12月31日\u200b\u3000${' '.repeat(40)}`), 1).published, '2022-12-31');
  assert.equal(readMetadata(cells('2\u200b0\u200b2\u200b2 年 1 2 月 3 1 日'), 1).published, '2022-12-31');
  // A sentence holding a date is not a signature; a later posting date still counts when nothing is signed.
  assert.equal(readMetadata(cells('本机关于2022年1月5日发布了本报告。'), 1).published, null);
  assert.equal(readMetadata(cells('本报告于2022年1月5日印发', '发布日期：2022-01-06'), 1).published, '2022-01-06');
  // A character outside the plain set (here ⽇, which NFKC makes 日) leaves the decision to the pattern, as before.
  assert.equal(readMetadata(cells('2022年1月5⽇'), 1).published, '2022-01-05');
});
