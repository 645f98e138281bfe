/**
 * Reading PDF files directly: PDFs built here by the synthetic renderer (pipeline/synth/render-pdf.ts: ruled
 * tables, a CJK font that is not embedded, page numbers in the footer) and by pdf-lib for the broken cases.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { InputError } from '../../pipeline/errors.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { openPdf, readPages } from '../../pipeline/ingest/pdf-load.ts';
import type { CellDocument, TextCell } from '../../pipeline/ingest/types.ts';
import { readReport } from '../../pipeline/read.ts';
import { compareCells, compareMeta } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { type PdfRenderOptions, renderPdf } from '../../pipeline/synth/render-pdf.ts';
import { docText } from '../../pipeline/synth/doc-text.ts';

test('reading a PDF leaves the built-ins pdf.js\'s core-js would replace as they were (Array.prototype.push, JSON.parse)', () => {
  // In a fresh process: this one has loaded pdf.js already. The built-ins taken before anything of xxgk loads.
  const script = [
    'const kept = [Array.prototype.push, JSON.parse, Function.prototype.toString];',
    "const { readFileSync } = await import('node:fs');",
    "const { readReport } = await import('./pipeline/read.ts');",
    "const report = await readReport(new Uint8Array(readFileSync('samples/synthetic/2019_beiyuanshengrenminzhengfu-24353e/report.pdf')), 'report.pdf');",
    'const now = [Array.prototype.push, JSON.parse, Function.prototype.toString];',
    'console.log(JSON.stringify({ year: report.year, same: kept.map((f, k) => f === now[k]), withResolvers: typeof Promise.withResolvers }));',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  // The PDF read (pdf.js and its worker loaded), V8's own push, JSON.parse and toString, and what pdf.js needs added.
  assert.deepEqual(JSON.parse(r.stdout), { year: 2019, same: [true, true, true], withResolvers: 'function' });
});

async function cellsOf(bytes: Uint8Array, name = 'report.pdf'): Promise<CellDocument> {
  const doc = await ingest(bytes, name);
  assert.equal(doc.kind, 'cells');
  return doc as CellDocument;
}

/** The cell stream as rows of text ('∅' for a blank cell), one string per row. */
function rows(cells: readonly TextCell[]): string[] {
  const out: string[] = [];
  let row: string[] = [];
  for (const c of cells) {
    row.push(c.text === '' ? '∅' : c.text);
    if (c.rowEnd) {
      out.push(row.join(' | '));
      row = [];
    }
  }
  return out;
}

async function roundTrip(seed: number, opts: PdfRenderOptions): Promise<{ bytes: Uint8Array; diffs: unknown[] }> {
  const { values, narrative } = generate(seed);
  const bytes = await renderPdf(values, { narrative, seed, ...opts });
  const report = await readReport(bytes, `synthetic-${seed}.pdf`);
  return { bytes, diffs: [...compareCells(values, report), ...compareMeta(values, report, narrative)] };
}

async function rejects(bytes: Uint8Array, pattern: RegExp): Promise<void> {
  await assert.rejects(ingest(bytes, 'broken.pdf'), (err: unknown) => {
    assert.ok(err instanceof InputError, `an InputError, not ${String(err)}`);
    assert.equal(err.file, 'broken.pdf');
    assert.match(err.message, pattern);
    return true;
  });
}

test('a generated PDF reads with every cell and the metadata equal to the generated values, in both CMaps', async () => {
  for (const seed of [3, 8, 21]) {
    for (const font of ['ucs2', 'gbk'] as const) {
      const { diffs } = await roundTrip(seed, { font });
      assert.deepEqual(diffs, [], `seed ${seed}, ${font}`);
    }
  }
});

test('the CJK font is not embedded: the text decodes through the CMaps pdf.js is given', async () => {
  const { values, narrative } = generate(5);
  const bytes = await renderPdf(values, { narrative, seed: 5 });
  const raw = Buffer.from(bytes).toString('latin1');
  assert.match(raw, /\/BaseFont\s*\/STSong-Light/);
  assert.doesNotMatch(raw, /\/FontFile[23]?\b/, 'no embedded font program');
  const doc = await cellsOf(bytes);
  assert.equal(doc.source.rendering, 'pdf');
  assert.equal(doc.source.mediaType, 'application/pdf');
  assert.ok(doc.cells.some((c) => c.text.includes(values.agency)), 'the agency name reads as Chinese text');
  assert.ok(doc.cells.some((c) => c.text.includes('主动公开政府信息情况')));
});

test('a table across two pages reads as one table, the page number between its parts dropped', async () => {
  for (const seed of [2, 11, 17]) {
    const { values, narrative } = generate(seed);
    const bytes = await renderPdf(values, { narrative, seed, breakInside: 'applications' });
    const doc = await cellsOf(bytes);
    const pages = new Set(doc.cells.filter((c) => /^（[一二三四五六七]）/.test(c.text)).map((c) => c.at.page));
    assert.ok(pages.size >= 2, `table 三's rows stand on two pages (seed ${seed})`);
    for (const c of doc.cells) assert.doesNotMatch(c.text, /^-\s?\d{1,2}\s?-$/, `page number "${c.text}" dropped`);
    const { diffs } = await roundTrip(seed, { breakInside: 'applications' });
    assert.deepEqual(diffs, []);
  }
});

test('a label wrapped inside its cell reads as one label', async () => {
  const { values, narrative } = generate(4);
  const bytes = await renderPdf(values, { narrative, seed: 4, narrowLabels: true });
  // On the page the label is cut into lines: no text run holds it whole.
  const doc = await openPdf(bytes, 'narrow.pdf');
  const runs = (await readPages(doc, 'narrow.pdf')).flatMap((p) => p.texts.map((t) => t.text));
  await doc.destroy();
  assert.ok(runs.some((t) => t.startsWith('（二）部分公开')), 'the label is printed');
  assert.ok(!runs.some((t) => t.includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')), 'and wrapped');
  const text = rows((await cellsOf(bytes)).cells).join('\n');
  assert.match(text, /（二）部分公开（区分处理的，只计这一情形，不计其他情形）/);
  const { diffs } = await roundTrip(4, { narrowLabels: true });
  assert.deepEqual(diffs, []);
});

test('blank cells stay blank, in their columns', async () => {
  // Find a generated report that prints blank cells in table 三, and check they come back blank (not 0, not shifted).
  for (let seed = 1; seed < 200; seed++) {
    const { values } = generate(seed);
    const blanks = Object.values(values.tables.applications).flatMap((r) => Object.values(r)).filter((v) => v === null).length;
    if (blanks === 0) continue;
    const { diffs } = await roundTrip(seed, {});
    assert.deepEqual(diffs, [], `seed ${seed} with ${blanks} blank cells in table 三`);
    const report = await readReport(await renderPdf(values, { seed }), 'blanks.pdf');
    const read = Object.values(report.tables.applications).flatMap((r) => Object.values(r)).filter((c) => c.kind === 'blank').length;
    assert.equal(read, blanks);
    return;
  }
  assert.fail('no generated report with blank cells in the first 200 seeds');
});

test('values carry their page and position on the page', async () => {
  const { values, narrative } = generate(9);
  const report = await readReport(await renderPdf(values, { narrative, seed: 9 }), 'report.pdf');
  const cell = report.tables.applications.received!.total!;
  assert.ok(cell.source?.page && cell.source.page >= 2, 'page');
  assert.ok(cell.source.x! > 300 && cell.source.x! < 560, `x ${cell.source.x}`);
  assert.ok(cell.source.y! > 50 && cell.source.y! < 800, `y ${cell.source.y}`);
});

test('a running header on every page is dropped, the title on page 1 is not', async () => {
  const { values, narrative } = generate(6);
  const bytes = await renderPdf(values, { narrative, seed: 6, runningHeader: true });
  const doc = await cellsOf(bytes);
  const { heading, fullTitle } = docText(values, narrative);
  assert.ok(doc.cells.some((c) => c.at.page === 1 && c.text.includes(heading.at(-1)!)), 'the title on page 1 is kept');
  const headers = doc.cells.filter((c) => c.text.includes(fullTitle) || c.text.includes(heading.at(-1)!));
  assert.ok(headers.every((c) => c.at.page === 1), `only the title of page 1: ${headers.map((c) => c.at.page).join(', ')}`);
  const { diffs } = await roundTrip(6, { runningHeader: true });
  assert.deepEqual(diffs, []);
});

test('a scanned PDF (images only) is reported as such, with its pages, never read as empty tables', async () => {
  const { values, narrative } = generate(7);
  const bytes = await renderPdf(values, { narrative, seed: 7, scanned: true });
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  await rejects(bytes, new RegExp(`^scanned PDF, no text layer: pages 1–${pages} of ${pages} hold only images`));
});

test('a PDF with one scanned page among text pages names that page when the report cannot be read', async () => {
  const { values, narrative } = generate(7);
  const bytes = await renderPdf(values, { narrative, seed: 7, scanned: [2] });
  const doc = await cellsOf(bytes);
  assert.deepEqual(doc.scannedPages, [2]);
  await assert.rejects(readReport(bytes, 'partly-scanned.pdf'), /page 2 of this PDF is a scan with no text layer/);
});

test('a truncated PDF is a clear error, never a crash', async () => {
  const { values } = generate(1);
  const bytes = await renderPdf(values, { seed: 1 });
  for (const keep of [0.3, 0.6, 0.95]) {
    await rejects(bytes.subarray(0, Math.floor(bytes.length * keep)), /^truncated PDF: the file ends after \d+ bytes without the %%EOF marker/);
  }
});

test('a damaged PDF is a clear error, never a crash', async () => {
  const { values } = generate(1);
  const bytes = new Uint8Array(await renderPdf(values, { seed: 1 }));
  // Keep the header and the %%EOF, overwrite everything between with junk.
  const junk = new Uint8Array(bytes);
  for (let i = 16; i < junk.length - 16; i++) junk[i] = (i * 7919) % 251;
  await assert.rejects(ingest(junk, 'broken.pdf'), (err: unknown) => err instanceof InputError && err.file === 'broken.pdf' &&
    /damaged PDF|no text in this PDF/.test(err.message));
  await rejects(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), /^damaged PDF: .*expected a readable PDF file/);
});

test('an encrypted PDF that needs a password is a clear error', async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  const hex32 = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''));
  doc.context.trailerInfo.Encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -4, O: hex32(1), U: hex32(2),
  });
  doc.context.trailerInfo.ID = doc.context.obj([hex32(3), hex32(3)]);
  await rejects(await doc.save({ useObjectStreams: false }), /^encrypted PDF: it needs a password to open/);
});

test('a PDF with no text and no images says so', async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.addPage();
  await rejects(await doc.save({ useObjectStreams: false }), /^no text in this PDF \(2 pages\): expected an annual report/);
});

test('a table with no rule on one side (as office suites print it) reads exactly, on every side, across a page break', async () => {
  for (const [seed, openSide] of [[21, 'left'], [22, 'right'], [23, 'top'], [24, 'bottom']] as const) {
    const { diffs } = await roundTrip(seed, { openSide, breakInside: 'applications', narrowLabels: true });
    assert.deepEqual(diffs, [], `seed ${seed}, open ${openSide}`);
  }
});

test('as office suites print: narrow columns (labels over four to six lines, figures broken in their cells) and a row cut by a page break read exactly', async () => {
  // Seeds 5 and 15 cut a numbered label after its number ("2." with the figures, "没有现成…" on the next page); seed 19
  // cuts a figure broken in its cell (its last digit at the head of the next page).
  for (const [seed, cutRow] of [[5, 'applications'], [15, 'applications'], [19, 'applications'], [3, 'proactive']] as const) {
    const { diffs } = await roundTrip(seed, { narrowColumns: true, cutRow });
    assert.deepEqual(diffs, [], `seed ${seed}, a row of ${cutRow} cut`);
  }
  const { diffs } = await roundTrip(8, { narrowColumns: true, breakInside: 'appeals', openSide: 'right' });
  assert.deepEqual(diffs, [], 'seed 8, narrow columns, table 四 across a page break');
  // Table 四's value row alone on the next page, with blank cells, the top side unruled (was read into wrong columns).
  const top = await roundTrip(15, { breakInside: 'appeals', openSide: 'top' });
  assert.deepEqual(top.diffs, [], 'seed 15, table 四\'s values alone under an unruled top');
});
