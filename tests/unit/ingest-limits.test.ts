/** The readers' limits one by one, in process (limits-cli.test.ts takes each row through the CLI). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { htmlDepth } from '../../pipeline/ingest/html-depth.ts';
import { READ_LIMITS } from '../../pipeline/ingest/limits.ts';
import { checkPdfStreams } from '../../pipeline/ingest/pdf-streams.ts';
import { longField } from '../../pipeline/parse/field-lengths.ts';
import { readReport } from '../../pipeline/read.ts';
import { deepHtml, docxBomb, pdfOf, pdfSegments } from '../helpers/hostile.ts';
import { scratchDir } from '../helpers/scratch.ts';

describe('HTML depth, measured before parsing', () => {
  it('counts nesting as the parser builds it', () => {
    assert.equal(htmlDepth('<html><body><div><p>a<p>b<ul><li>x<li>y</ul><br><img src=x></div></body></html>', 100), 2);
    assert.equal(htmlDepth('<div><span></div></span><div>', 100), 2, 'an end tag closes up to its element; a stray one is ignored');
    assert.equal(htmlDepth('<div><!-- <div><div><div> --><script>if (a<b) "<div><div>"</script></div>', 100), 1);
    assert.equal(htmlDepth(deepHtml(50), 100), 50);
  });
  it('stops at the limit: a page 100,000 levels deep is refused at once', () => {
    assert.throws(() => htmlDepth(deepHtml(100_000), 500), (err: Error) => err instanceof InputError && /HTML nested more than 500 elements deep, over the limit of 500 \(limits\.maxHtmlDepth/.test(err.message));
  });
  it('ingest names the file', async () => {
    await assert.rejects(ingest(new TextEncoder().encode(deepHtml(600)), 'deep.html'), (err: InputError) => err.file === 'deep.html' && /maxHtmlDepth/.test(err.message));
  });
});

describe('.docx, PDF and size limits through ingest', () => {
  const limits = { ...READ_LIMITS, maxUnzippedBytes: 100_000, maxPdfOperators: 3000, maxPdfPages: 2 };
  it('a .docx that lies about its sizes is stopped while inflating', async () => {
    await assert.rejects(ingest(await docxBomb(2_000_000, { lie: true }), 'liar.docx', { limits }), /inflates to more than 0\.1 MB \(stopped inside its entry word\/bomb\.xml/);
  });
  it('every entry of a .docx is inflated and counted, not only its XML parts', async () => {
    const bomb = await docxBomb(2_000_000, { lie: true, name: 'word/media/image1.png' });
    await assert.rejects(ingest(bomb, 'image.docx', { limits }), /inflates to more than 0\.1 MB \(stopped inside its entry word\/media\/image1\.png/);
  });
  it('a .docx declaring 3 GB (past 2^31: jszip reads it as a negative number) is refused from its headers', async () => {
    await assert.rejects(ingest(await docxBomb(10_000, { declared: 3 * 2 ** 30 }), 'big.docx', { limits }), /the \.docx declares 3072\.0 MB uncompressed \(a zip bomb\?\)/);
  });
  it('a PDF page with more operators than maxPdfOperators', async () => {
    await assert.rejects(ingest(pdfSegments(3000), 'ops.pdf', { limits }), /page 1 of 1: a page has more than 3000 drawing operators, over the limit of 3,000 \(limits\.maxPdfOperators/);
  });
  it('a PDF page drawing more than maxPdfSegments is stopped while its operators arrive', async () => {
    // 3,000 segments of two points each: the list's first chunks pass the 2,000 points.
    await assert.rejects(ingest(pdfSegments(3000), 'segments.pdf', { limits: { ...limits, maxPdfOperators: 100_000, maxPdfSegments: 2000 } }), /page 1 of 1: a page draws more than 2000 line segments, over the limit of 2,000 \(limits\.maxPdfSegments/);
  });
  it('a PDF whose content stream inflates past maxUnzippedBytes is refused before pdf.js opens it', async () => {
    const bomb = pdfOf([`BT /F1 12 Tf 72 800 Td (2024) Tj ET\n${' '.repeat(200_000)}`]);
    await assert.rejects(ingest(bomb, 'bomb.pdf', { limits }), (err: InputError) => err.file === 'bomb.pdf' && /^a compressed stream of the PDF \(object 5\) inflates to more than 0\.1 MB \(stopped at the limit: a PDF bomb\?\), over the limit of 100,000 \(limits\.maxUnzippedBytes/.test(err.message));
  });
  it('a stream is inflated to its deflate end, not cut at an endstream planted in its data', async () => {
    // A zlib stream: a stored block holding "endstream", then a block inflating to 1 MB of zeros.
    const planted = Buffer.from('\nendstream\nendobj\n');
    const stored = Buffer.concat([Buffer.from([0x00, planted.length, 0, ~planted.length & 0xff, 0xff]), planted]);
    const data = Buffer.concat([Buffer.from([0x78, 0x01]), stored, deflateRawSync(Buffer.alloc(1_000_000))]);
    const pdf = Buffer.concat([Buffer.from(`1 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
    await assert.rejects(checkPdfStreams(pdf, 100_000), /a compressed stream of the PDF \(object 1\) inflates to more than 0\.1 MB/);
    await checkPdfStreams(pdf, 2_000_000);
  });
  it('a PDF with more pages than maxPdfPages', async () => {
    await assert.rejects(ingest(pdfOf(['', '', '']), 'pages.pdf', { limits }), /the PDF has 3 pages, over the limit of 2 \(limits\.maxPdfPages/);
  });
  it('bytes over maxBytes', async () => {
    await assert.rejects(ingest(new Uint8Array(101).fill(65), 'big.txt', { limits: { ...READ_LIMITS, maxBytes: 100 } }), /the file is 101 bytes, over the limit of 100 \(limits\.maxBytes/);
  });
});

describe('field lengths', () => {
  it('names the first field over the limit', async () => {
    const report = await readReport(new Uint8Array(readFileSync(new URL('../../samples/real/2024_huaian-city-gov.json', import.meta.url))), 'r.json');
    assert.equal(longField(report, 500), null);
    assert.deepEqual(longField({ ...report, agency: 'x'.repeat(501) }, 500), { pointer: '/agency', length: 501 });
  });
});

describe('a damaged PDF on which pdf.js leaves a stray rejection (found by fuzz-readers.test.ts)', () => {
  // In a child process: the test runner itself reports any unhandled rejection of its own process.
  it('is that file\'s InputError, exit 2, not a crash of the process', { timeout: 120_000 }, async () => {
    const { generate, renderPdf } = await import('../../pipeline/synth/index.ts');
    const g = generate(20261205, { blankStyle: 'zeros' });
    const bytes = [...(await renderPdf(g.values, { narrative: g.narrative }))];
    bytes.splice(552288504 % bytes.length, 0, 52, 133, 223, 127, 115, 160, 85, 11, 40, 99, 12, 50);
    bytes[2147483626 % bytes.length] = 4;
    const dir = scratchDir('xxgk-stray-');
    await writeFile(join(dir, 'damaged.pdf'), Uint8Array.from(bytes));
    const r = spawnSync(process.execPath, [new URL('../../bin/xxgk.js', import.meta.url).pathname, 'parse', 'damaged.pdf'], { cwd: dir, encoding: 'utf8', env: { ...process.env } });
    await rm(dir, { recursive: true, force: true });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^xxgk: damaged\.pdf: damaged PDF: page 3 of 3 could not be read \(Illegal character: 41\)$/m);
  });
});
