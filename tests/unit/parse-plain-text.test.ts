/**
 * Property test: the character tests that answer before a cache look-up (normalize.ts `plainness`, read-value.ts
 * `startsAsText`, find-sections.ts `moreKeptIdeographs`) give exactly what the full normalisation gives. The full
 * forms are written out here as they were before the tests: NFKC, spaces removed, "1、" → "1.", and so on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isValueText, readValue } from '../../pipeline/ingest/read-value.ts';
import type { TextCell } from '../../pipeline/ingest/types.ts';
import { TABLES } from '../../pipeline/model/template.ts';
import { findSections } from '../../pipeline/parse/find-sections.ts';
import { detectEdition } from '../../pipeline/parse/detect-edition.ts';
import { isPageNumber, keyLength, keyLengthBound, labelKey, labelRecall, normalizeText, stripNumbering } from '../../pipeline/parse/normalize.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 20_000 : 2_000;

const fullNormal = (t: string): string => t.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g, '').replace(/(\d)[、,，．]/g, '$1.');
const fullKey = (t: string): string => fullNormal(t).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?[、.]?|\(?[一二三四五六七八九十\d]+\)[、.]?|\d+[.、])/;
const fullStrip = (t: string): string => fullNormal(t).replace(NUMBERING, '');

/** Characters the fast paths decide on, and those next to their edges (full width, combining, spaces, 无 不 第). */
const CHARS = [
  ...'0123456789aZ.,;:()-/ 、。，．（）：０１９ＡＢ一二三四五六七八九十第部分无不适用件元万政府信息公开申请情况合计其他',
  '\u3000', '\u00a0', '\u200b', '\u0301', '\u4e00', '\u9fff', '\u3400', '\uf900', '\u2460', '\u00b9', '\ufe63', '\t', '\n', '*', '\u2003', '\u202f', '\u0085', '\u1680', '\uff5e', '\uff5f', '\ufeff', '\u3001',
  // Punctuation the fast path keeps as it is, and what lies next to it (… becomes "..." under NFKC).
  ...'“”‘’—–·《》【】〔〕「」…‥′〖〗', '\u2012', '\u2015', '\u2017', '\u201a', '\u201e', '\u3007', '\u3012', '\u3016',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((cs) => cs.join(''));

test('normalizeText, labelKey and stripNumbering equal the full normalisation', () => {
  fc.assert(
    fc.property(text, (t) => {
      assert.equal(normalizeText(t), fullNormal(t));
      assert.equal(labelKey(t), fullKey(t));
      assert.equal(stripNumbering(t), fullStrip(t));
    }),
    { numRuns: RUNS },
  );
});

test('isValueText is whether readValue reads a value', () => {
  fc.assert(fc.property(text, (t) => assert.equal(isValueText(t), readValue(t).kind !== 'text')), { numRuns: RUNS });
});

test('isValueText on padded figures and numbered items (its quick answers) is whether readValue reads a value', () => {
  const pad = fc.constantFrom('', ' ', '\u3000', '\u00a0', '  ', '\t');
  const digits = fc.array(fc.constantFrom(...'0123456789０１９'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
  const item = fc.tuple(pad, digits, fc.constantFrom('', '.', '、', '．', ' ', ','), text, pad).map((parts) => parts.join(''));
  fc.assert(fc.property(item, (t) => {
    assert.equal(isValueText(t), readValue(t).kind !== 'text');
    assert.equal(isPageNumber(t), fullPageNumber(t));
  }), { numRuns: RUNS });
});

test('keyLengthBound is at least the length of the key, of the text and of its numbering stripped; keyLength is the key\'s length', () => {
  fc.assert(fc.property(text, (t) => {
    assert.ok(keyLengthBound(t) >= fullKey(t).length);
    assert.ok(keyLengthBound(t) >= fullKey(fullStrip(t)).length);
    assert.equal(keyLength(t), fullKey(t).length);
  }), { numRuns: RUNS });
});

test('detectEdition finds the markers the key of every cell finds (short texts left out unread)', () => {
  const markers = ['本年新制作数量', '本年增减', '本年制发件数', '逾期不补正', '采购总金额', '现行有效件数'];
  const cell = fc.oneof(text, fc.tuple(text, fc.constantFrom(...markers), text).map(([a, m, b]) => `${a}${m}${b}`));
  fc.assert(fc.property(fc.array(cell, { maxLength: 8 }), (texts) => {
    const all = texts.map(fullKey).join('|');
    const got = detectEdition(texts.map((t, i) => ({ text: t, at: { line: i + 1 } })));
    for (const m of markers) assert.equal([...got.found['2019'], ...got.found['2021']].includes(m), all.includes(m), m);
  }), { numRuns: RUNS });
});

test('readValue reads padded and full-width digits (its quick path) as the full path reads them signed', () => {
  const pad = fc.constantFrom('', ' ', '\u3000', '\u00a0', '  ');
  const digits = fc.array(fc.constantFrom(...'0123456789０１５９'), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
  const options = fc.constantFrom({}, { money: true }, { money: true, statedUnit: '元' as const }, { money: true, statedUnit: '万元' as const });
  fc.assert(fc.property(pad, digits, pad, options, (a, d, b, o) => {
    // "+" sends the same figure down the full path (a sign that changes nothing but the raw text).
    assert.deepEqual(readValue(`${a}${d}${b}`, o, { line: 2 }), { ...readValue(`+${d}`, o, { line: 2 }), raw: d });
  }), { numRuns: RUNS });
});

/** isPageNumber written out: the patterns on the text in NFKC without spaces. */
function fullPageNumber(text: string): boolean {
  const t = text.normalize('NFKC').replace(/[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g, '');
  return /^[-—–―‒~]\d{1,4}[-—–―‒~]$/.test(t) || /^第\d{1,4}页(?:共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t);
}

test('isPageNumber equals the full test, the empty text included', () => {
  const page = fc.oneof(text, fc.tuple(fc.constantFrom('-', '— ', '第', ''), fc.nat(99999), fc.constantFrom('-', ' —', '页', '页共3页', '/12', '')).map(([a, n, b]) => `${a}${n}${b}`));
  fc.assert(fc.property(page, (t) => assert.equal(isPageNumber(t), fullPageNumber(t))), { numRuns: RUNS });
  assert.equal(isPageNumber(''), false);
});

/** findSections' heading test written out: the cell's key near the heading's in length, and holding it or most of it. */
function fullIsHeading(t: string, heading: string): boolean {
  const want = fullKey(heading);
  const key = fullKey(fullStrip(t));
  if (key.length > want.length + 8 || key.length < want.length - 4) return false;
  return key.includes(want) || labelRecall(key, want) >= 0.85;
}

test('findSections finds the headings the full test finds, paragraphs around them long or short', () => {
  const headings = Object.values(TABLES).map((t) => t.heading);
  const cell = fc.oneof(
    text,
    fc.constantFrom(...headings),
    fc.tuple(fc.constantFrom('', '一、', '（二）', '第三部分', '3.', ' '), fc.constantFrom(...headings), text).map(([a, h, b]) => a + h + b),
    fc.tuple(fc.constantFrom(...headings), fc.constantFrom(...headings)).map(([a, b]) => a + b),
  );
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 12 }), (texts) => {
      const cells: TextCell[] = texts.map((t, i) => ({ text: t, at: { line: i + 1 } }) as TextCell);
      const found = findSections(cells);
      // The reference: the first cell (after the previous heading) that the full test takes for each heading in turn.
      let from = 0;
      for (const table of ['proactive', 'applications', 'appeals'] as const) {
        const i = texts.findIndex((t, k) => k >= from && fullIsHeading(t, TABLES[table].heading));
        if (i < 0) {
          assert.equal(found[table], undefined);
          continue;
        }
        assert.equal(found[table]?.heading, i);
        from = i + 1;
      }
    }),
    { numRuns: RUNS },
  );
});

test('a figure of plain digits reads as the decimal it spells (as shiftDecimal spelled it, with ".0")', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (t) => {
      assert.deepEqual(readValue(t), { kind: 'number', value: Number(`${t}.0`), raw: t });
      assert.equal(readValue(t, { money: true, statedUnit: '元' }).unit, '元');
    }),
    { numRuns: RUNS },
  );
});
