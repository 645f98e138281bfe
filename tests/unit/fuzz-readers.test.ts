/**
 * Structure-aware fuzzing of every reader (issue 14 §6): a synthetic report in each rendering — HTML, .docx, PDF,
 * pdftotext -layout text, Word text, and the lossy renderings: flattened text, Markdown tables, OCR text (Markdown
 * or plain), raw pdftotext text — is mutated the way its format breaks (tags dropped, duplicated, nested deep or
 * left open; the .docx's XML likewise, re-zipped, or its zip bytes hit; PDF content streams of random operators and
 * numbers, or the file's bytes hit; lines duplicated, swapped, cut, columns shifted; pipe-table cells dropped,
 * merged, split, replaced, rows too wide; OCR look-alikes and spaces inside figures; raw text blocks moved, page
 * numbers between rows, labels rewrapped; flattened rows glued or joined — tests/helpers/fuzz-lossy.ts; bytes
 * flipped, inserted, cut), then read under lowered limits. Every case ends in a report or an InputError saying what
 * is wrong, never another exception. Seeded: `npm test` runs a quick slice (100 cases), `npm run test:full`
 * (XXGK_TEST_FULL=1) 11,000.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import { InputError } from '../../pipeline/errors.ts';
import { READ_LIMITS, type ReadLimits } from '../../pipeline/ingest/limits.ts';
import { readReport } from '../../pipeline/read.ts';
import { generate, renderDocx, renderHtml, renderLayoutText, renderPdf, renderWordText } from '../../pipeline/synth/index.ts';
import { renderFlatText } from '../../pipeline/synth/render-flat-text.ts';
import { renderMarkdown } from '../../pipeline/synth/render-markdown.ts';
import { renderOcr } from '../../pipeline/synth/render-ocr.ts';
import { renderRawText } from '../../pipeline/synth/render-raw-text.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { type ByteOp, applyBytes, byteOp } from '../helpers/fuzz-bytes.ts';
import { applyFlat, applyMd, applyOcr, applyRaw, flatOp, mdOp, ocrOp, rawOp } from '../helpers/fuzz-lossy.ts';
import { spawn } from 'node:child_process';

const FULL = process.env.XXGK_TEST_FULL === '1';
/** Cases per reader: quick slice / full run. */
const RUNS = FULL
  ? { html: 2000, docx: 1200, pdf: 1000, 'pdf-ops': 700, layout: 1200, word: 1200, flat: 1000, markdown: 1000, ocr: 900, raw: 800 }
  : { html: 15, docx: 9, pdf: 6, 'pdf-ops': 6, layout: 12, word: 12, flat: 10, markdown: 11, ocr: 9, raw: 10 };

/** Limits low enough for the mutations to reach them (the real ones are far above any of these inputs). */
const LIMITS: ReadLimits = { ...READ_LIMITS, maxBytes: 2_000_000, maxUnzippedBytes: 4_000_000, maxHtmlDepth: 60, maxPdfPages: 20, maxPdfOperators: 20_000, maxPdfSegments: 4_000, maxFieldLength: 300 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const g = generate(20261205, { blankStyle: 'zeros' });
const text = (v: string | Uint8Array): string => (typeof v === 'string' ? v : decoder.decode(v));

/** Read; a thrown InputError counts as rejected; anything else fails the property. */
async function readOrReject(bytes: Uint8Array, name: string, tally: { read: number; rejected: number }): Promise<void> {
  try {
    const report = await readReport(bytes, name, LIMITS);
    assert.equal(typeof validate(report).valid, 'boolean');
    tally.read++;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    assert.ok(err.message.length > 10, `the error says what is wrong: ${err.message}`);
    tally.rejected++;
  }
}

// --- markup mutations (HTML, the .docx's XML): on tokens, tags and text ---
const TAGS = ['<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td rowspan="3" colspan="2">', '<div>', '</div>', '<p>', '<br>', '<span>', '<nav>', '<script>', '<!--', '-->', '<w:tbl>', '</w:tbl>', '<w:tr>', '<w:tc>', '</w:tc>', '<w:p>', '<w:t>', '</w:t>'];
type MarkupOp =
  | { op: 'drop'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'nest'; at: number; depth: number; tag: number }
  | { op: 'insert'; at: number; tag: number }
  | { op: 'text'; at: number; text: string }
  | { op: 'swap'; a: number; b: number };
const markupOp: fc.Arbitrary<MarkupOp> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 120 }), tag: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), tag: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('若干', '-', '１２', '1e309', '元', '（二）', '\u202e', '\u0000', '&#0;', '&nbsp;')) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
);
function applyMarkup(tokens: string[], m: MarkupOp): string[] {
  const n = tokens.length;
  if (n === 0) return tokens;
  const t = [...tokens];
  switch (m.op) {
    case 'drop':
      t.splice(m.at % n, m.length);
      return t;
    case 'duplicate': {
      const at = m.at % n;
      t.splice(at, 0, ...t.slice(at, at + m.length));
      return t;
    }
    case 'nest': {
      const at = m.at % n;
      const name = ['div', 'span', 'table', 'b', 'w:p', 'x'][m.tag % 6]!;
      t.splice(at, 0, ...Array<string>(m.depth).fill(`<${name}>`));
      if (m.depth % 2 === 0) t.splice(Math.min(n + m.depth, at + m.depth + 3), 0, ...Array<string>(m.depth).fill(`</${name}>`));
      return t;
    }
    case 'insert':
      t.splice(m.at % (n + 1), 0, TAGS[m.tag % TAGS.length]!);
      return t;
    case 'text': {
      const at = m.at % n;
      if (!t[at]!.startsWith('<')) t[at] = m.text;
      else t.splice(at, 0, m.text);
      return t;
    }
    case 'swap': {
      const [a, b] = [m.a % n, m.b % n];
      [t[a], t[b]] = [t[b]!, t[a]!];
      return t;
    }
  }
}
const tokenize = (s: string): string[] => s.split(/(<[^>]*>)/).filter((x) => x !== '');

// --- line mutations (layout, Word and flattened text) ---
type LineOp = { op: 'dup' | 'drop'; line: number } | { op: 'swap'; a: number; b: number } | { op: 'shift'; line: number; by: number } | { op: 'cut'; line: number; at: number } | { op: 'digits'; line: number; text: string };
const lineOp: fc.Arbitrary<LineOp> = fc.oneof(
  fc.record({ op: fc.constantFrom('dup' as const, 'drop' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('shift' as const), line: fc.nat(), by: fc.integer({ min: -20, max: 200 }) }),
  fc.record({ op: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant('digits' as const), line: fc.nat(), text: fc.constantFrom('若干', '9'.repeat(40), '1 2 3 4 5 6 7 8 9', '\t\t', '（一）', '-', '－', '１．５') }),
);
function applyLines(lines: string[], m: LineOp): string[] {
  const n = lines.length;
  if (n === 0) return lines;
  const l = [...lines];
  if (m.op === 'dup') l.splice(m.line % n, 0, l[m.line % n]!);
  else if (m.op === 'drop') l.splice(m.line % n, 1);
  else if (m.op === 'swap') [l[m.a % n], l[m.b % n]] = [l[m.b % n]!, l[m.a % n]!];
  else if (m.op === 'shift') l[m.line % n] = m.by >= 0 ? ' '.repeat(m.by) + l[m.line % n] : l[m.line % n]!.slice(-m.by);
  else if (m.op === 'cut') {
    const s = l[m.line % n]!;
    l.splice(m.line % n, 1, s.slice(0, m.at % (s.length + 1)), s.slice(m.at % (s.length + 1)));
  } else if (m.op === 'digits') l[m.line % n] = l[m.line % n]!.replace(/\d+/, m.text);
  return l;
}

/** PDF cases read in a child process (tests/helpers/fuzz-pdf-child.ts): its tally, with no failure. */
async function pdfChild(mode: 'bytes' | 'ops', seed: number, runs: number): Promise<{ read: number; rejected: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../helpers/fuzz-pdf-child.ts', import.meta.url).pathname, String(seed), String(runs), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, out);
  const t = JSON.parse(out) as { read: number; rejected: number; failures: string[] };
  assert.deepEqual(t.failures, []);
  return t;
}

describe('fuzzing every reader: only InputErrors (issue 14 §6)', { timeout: FULL ? 3_600_000 : 300_000 }, () => {
  const property = async <T>(name: string, runs: number, seed: number, arb: fc.Arbitrary<T>, bytesOf: (t: T) => Promise<Uint8Array> | Uint8Array, file: string) => {
    const tally = { read: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(arb, async (t) => readOrReject(await bytesOf(t), file, tally)), { seed, numRuns: runs, endOnFailure: true });
    assert.equal(tally.read + tally.rejected, runs, name);
    return tally;
  };

  it(`HTML: ${RUNS.html} pages with tags dropped, duplicated, nested, left open, text replaced, bytes hit`, async () => {
    const tokens = tokenize(text(renderHtml(g.values, { narrative: g.narrative })));
    const arb = fc.tuple(fc.array(markupOp, { minLength: 1, maxLength: 5 }), fc.array(byteOp, { maxLength: 2 }));
    const t = await property('html', RUNS.html, 1, arb, ([ms, bs]) => bs.reduce(applyBytes, encoder.encode(ms.reduce(applyMarkup, tokens).join(''))), 'page.html');
    assert.ok(t.read > 0 && t.rejected > 0, JSON.stringify(t));
  });

  it(`.docx: ${RUNS.docx} documents with their XML mutated and re-zipped, or their zip bytes hit`, async () => {
    const original = await renderDocx(g.values, { narrative: g.narrative });
    const zip = await JSZip.loadAsync(original);
    const xml = tokenize(await zip.file('word/document.xml')!.async('string'));
    const arb = fc.oneof(
      fc.array(markupOp, { minLength: 1, maxLength: 4 }).map((ms) => ({ ms, bs: [] as ByteOp[] })),
      fc.array(byteOp, { minLength: 1, maxLength: 3 }).map((bs) => ({ ms: [] as MarkupOp[], bs })),
    );
    const t = await property('docx', RUNS.docx, 2, arb, async ({ ms, bs }) => {
      if (bs.length > 0) return bs.reduce(applyBytes, original);
      zip.file('word/document.xml', ms.reduce(applyMarkup, xml).join(''));
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    }, 'report.docx');
    assert.ok(t.rejected > 0, JSON.stringify(t));
  });

  it(`PDF: ${RUNS.pdf} files with their bytes hit (in a child process)`, async () => {
    // pdf.js may leave a stray rejection in the process reading a damaged PDF (pdf-stray.ts ignores it there);
    // the test runner would report it as this test's failure, so these reads run in a child of their own.
    const t = await pdfChild('bytes', 3, RUNS.pdf);
    assert.equal(t.read + t.rejected, RUNS.pdf);
  });

  it(`PDF: ${RUNS['pdf-ops']} pages of random operators, numbers and text (in a child process)`, async () => {
    // In a child of its own for the same reason: a page stopped at maxPdfOperators can leave pdf.js's stray rejection
    // ("Page was destroyed.") after the read (a full run failed on it, in this process).
    const t = await pdfChild('ops', 4, RUNS['pdf-ops']);
    assert.equal(t.read + t.rejected, RUNS['pdf-ops']);
  });

  for (const [key, seed, name, source] of [
    ['layout', 5, 'pdftotext-layout.txt', () => text(renderLayoutText(g.values, { narrative: g.narrative }))],
    ['word', 6, 'word-text.txt', () => text(renderWordText(g.values, { narrative: g.narrative }))],
  ] as const) {
    it(`${name}: ${RUNS[key]} texts with lines duplicated, dropped, swapped, shifted, cut, figures replaced, bytes hit`, async () => {
      const lines = source().split('\n');
      const arb = fc.tuple(fc.array(lineOp, { minLength: 1, maxLength: 5 }), fc.array(byteOp, { maxLength: 2 }));
      const t = await property(key, RUNS[key], seed, arb, ([ls, bs]) => bs.reduce(applyBytes, encoder.encode(ls.reduce(applyLines, lines).join('\n'))), name);
      assert.ok(t.read > 0, JSON.stringify(t));
    });
  }

  // The lossy renderings: each of a few render seeds (their damage and print style are drawn from it), mutated.
  const seeds = [1, 2, 3];
  it(`flattened text: ${RUNS.flat} texts with rows glued, joined, spaced, full-width, lines moved or cut, bytes hit`, async () => {
    const texts = seeds.map((seed) => renderFlatText(g.values, { narrative: g.narrative, seed }).split('\n'));
    const op = fc.oneof(flatOp.map((flat) => ({ flat })), lineOp.map((line) => ({ line })));
    const arb = fc.tuple(fc.nat(seeds.length - 1), fc.array(op, { minLength: 1, maxLength: 5 }), fc.array(byteOp, { maxLength: 1 }));
    const t = await property('flat', RUNS.flat, 7, arb, ([k, ops, bs]) => {
      const lines = ops.reduce((l, m) => ('flat' in m ? applyFlat(l, m.flat) : applyLines(l, m.line)), texts[k]!);
      return bs.reduce(applyBytes, encoder.encode(lines.join('\n')));
    }, 'flat.txt');
    assert.ok(t.read > 0, JSON.stringify(t));
  });

  it(`Markdown: ${RUNS.markdown} pipe tables with cells dropped, doubled, merged, split, replaced, rule rows and footers between rows`, async () => {
    const texts = seeds.map((seed) => renderMarkdown(g.values, { narrative: g.narrative, seed }).split('\n'));
    const arb = fc.tuple(fc.nat(seeds.length - 1), fc.array(mdOp, { minLength: 1, maxLength: 6 }), fc.array(byteOp, { maxLength: 1 }));
    const t = await property('markdown', RUNS.markdown, 8, arb, ([k, ops, bs]) => bs.reduce(applyBytes, encoder.encode(ops.reduce(applyMd, texts[k]!).join('\n'))), 'report.md');
    assert.ok(t.read > 0, JSON.stringify(t));
  });

  it(`OCR text: ${RUNS.ocr} scans (Markdown and plain) with look-alike characters, spaces gained and lost, lines joined and split`, async () => {
    const forms = [
      ...seeds.map((seed) => ({ text: renderOcr(g.values, { narrative: g.narrative, seed, form: 'markdown' }), name: 'ocr.md' })),
      ...seeds.map((seed) => ({ text: renderOcr(g.values, { narrative: g.narrative, seed, form: 'plain' }), name: 'ocr.txt' })),
    ];
    const arb = fc.tuple(fc.nat(forms.length - 1), fc.array(ocrOp, { minLength: 1, maxLength: 8 }), fc.array(mdOp, { maxLength: 2 }));
    const tally = { read: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(arb, async ([k, ops, mds]) => {
      const { text: t, name } = forms[k]!;
      const mutated = ops.reduce(applyOcr, name.endsWith('.md') ? mds.reduce(applyMd, t.split('\n')).join('\n') : t);
      await readOrReject(encoder.encode(mutated), name, tally);
    }), { seed: 9, numRuns: RUNS.ocr, endOnFailure: true });
    assert.equal(tally.read + tally.rejected, RUNS.ocr);
    assert.ok(tally.read > 0, JSON.stringify(tally));
  });

  it(`raw pdftotext text: ${RUNS.raw} texts with blocks moved, blank lines lost, page numbers between rows, labels rewrapped`, async () => {
    const texts = seeds.map((seed) => renderRawText(g.values, { narrative: g.narrative, seed }));
    const arb = fc.tuple(fc.nat(seeds.length - 1), fc.array(rawOp, { minLength: 1, maxLength: 5 }), fc.array(byteOp, { maxLength: 1 }));
    const t = await property('raw', RUNS.raw, 10, arb, ([k, ops, bs]) => bs.reduce(applyBytes, encoder.encode(ops.reduce(applyRaw, texts[k]!))), 'raw.txt');
    assert.ok(t.read > 0, JSON.stringify(t));
  });
});
