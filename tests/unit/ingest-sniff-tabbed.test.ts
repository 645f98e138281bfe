/**
 * sniffText on a text with TABs (Word text or layout text) counts in place, testing for runs of numbers only the lines
 * with two spaces side by side: the same answer as counting every line cut out (written out here); and sniffBinary
 * finds "%PDF-" in the bytes where it found it in their latin1 text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { numberRuns, sniffBinary, sniffText, tabbedText } from '../../pipeline/ingest/sniff.ts';

const RUNS = process.env.XXGK_TEST_FULL === '1' ? 5000 : 500;

function byLines(text: string): string {
  let tabbed = 0;
  let layout = 0;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) tabbed++;
    else if ((line.match(/ {2,}[+\-−]?\d/g)?.length ?? 0) >= 2) layout++;
  }
  return layout >= 3 && layout > tabbed ? 'pdftotext-layout' : 'word-text';
}

test('numberRuns: the matches of / {2,}[+\\-−]?\\d/g in a part of a text, counted up to the number asked', () => {
  const piece = fc.constantFrom(' ', '  ', '   ', '1', '-', '+', '−', '-2', '−3', 'x', '数', '\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 16 }), fc.nat(40), fc.nat(40), fc.integer({ min: 1, max: 4 }), (parts, a, b, enough) => {
      const text = parts.join('');
      const [from, to] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
      const all = text.slice(from, to).match(/ {2,}[+\-−]?\d/g)?.length ?? 0;
      assert.equal(numberRuns(text, from, to, enough), Math.min(all, enough));
    }),
    { numRuns: RUNS * 4, seed: 13 },
  );
});

test('sniffText of a text with a TAB: the lines counted as when each is cut out', () => {
  const piece = fc.constantFrom('\t', '\n', '  12', '   -3', ' 4', '  ', ' ', '收到申请', '0', '\n\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = `标题\t${parts.join('')}`;
      assert.equal(sniffText(text), byLines(text));
    }),
    { numRuns: RUNS, seed: 13 },
  );
});

test('tabbedText on lines of TABs, gaps and signed figures: the lines counted as when each is cut out, both outcomes met', () => {
  // Lines of pieces: layout rows, TAB rows, both, gaps with one figure, plain text, empty lines.
  const piece = fc.constantFrom('\t', ' ', '  ', '   ', '1', '-2', '−3', '数量', 'x', '  5', '   +6');
  const line = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(line, { maxLength: 11 }), (lines) => {
      const text = lines.join('\n');
      const expected = byLines(text);
      seen.add(expected);
      assert.equal(tabbedText(text), expected);
    }),
    { numRuns: RUNS * 8, seed: 11 },
  );
  assert.equal(seen.size, 2, 'both outcomes');
});

test('sniffBinary: "%PDF-" within the first 1,024 bytes, and only there', () => {
  const bytes = (at: number): Uint8Array => {
    const b = new Uint8Array(at + 5 + 10).fill(0x20);
    b.set([0x25, 0x50, 0x44, 0x46, 0x2d], at);
    return b;
  };
  assert.equal(sniffBinary(bytes(0)), 'pdf');
  assert.equal(sniffBinary(bytes(1019)), 'pdf');
  assert.equal(sniffBinary(bytes(1020)), 'text');
  assert.equal(sniffBinary(bytes(2000).subarray(1990)), 'pdf');
  assert.equal(sniffBinary(new TextEncoder().encode('%PDF')), 'text');
});
