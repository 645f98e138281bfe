/**
 * PDFs of web pages as LibreOffice prints them (soffice --convert-to pdf of the page): the page's <h1> is lost (the
 * title is only the document's Info /Title, set from the page's <title>), and a table without rules whose row labels
 * wrap above and below their figures puts a line of figures alone at the top of a page. Restated from real reports
 * (平潭综合实验区 2022) in renderings written here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { InputError } from '../../pipeline/errors.ts';
import type { PdfText } from '../../pipeline/ingest/pdf-content.ts';
import { furniture } from '../../pipeline/ingest/pdf-furniture.ts';
import { groupLines, lineText, pieces } from '../../pipeline/ingest/pdf-lines.ts';
import { readReport } from '../../pipeline/read.ts';
import { compareCells, compareMeta } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderPdf } from '../../pipeline/synth/render-pdf.ts';

test('a PDF whose pages print no title reads its year and agency from its document title (Info /Title)', async () => {
  for (const seed of [3, 8, 21]) {
    const { values, narrative } = generate(seed);
    const bytes = await renderPdf(values, { narrative, seed, untitledPage: true });
    const report = await readReport(bytes, `synthetic-${seed}.pdf`);
    assert.deepEqual([...compareCells(values, report), ...compareMeta(values, report, narrative)], [], `seed ${seed}`);
  }
});

test('a document title naming another year than the text is not read: the report is refused, not dated wrong', async () => {
  const { values, narrative } = generate(8);
  const doc = await PDFDocument.load(await renderPdf(values, { narrative, seed: 8, untitledPage: true }));
  const stale = values.year - 3;
  doc.setTitle(`${values.agency}${stale}年政府信息公开工作年度报告`);
  const bytes = await doc.save();
  await assert.rejects(readReport(bytes, 'stale.pdf'), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /report year not found/);
    return true;
  });
  // The same title naming the year the text names is read.
  doc.setTitle(`${values.agency}${values.year}年政府信息公开工作年度报告`);
  assert.equal((await readReport(await doc.save(), 'fresh.pdf')).year, values.year);
});

/** One line of runs at this baseline: label pieces and figures, 12 pt type. */
const line = (baseline: number, ...texts: Array<[string, number]>): PdfText[] =>
  texts.map(([text, x]) => ({ text, x, baseline, width: [...text].length * (/^\d+$/.test(text) ? 6 : 12), size: 12 }));

test('a line of figures alone at the top of two pages is a table row, not a running header', () => {
  const height = 842;
  // Page 3 starts with a row's figures between the two lines of its label; page 4 likewise. A running header
  // repeated on both pages is furniture; so is a page number.
  const page = (number: number, label: [string, string], figures: string[]): { number: number; height: number; lines: ReturnType<typeof groupLines> } => ({
    number,
    height,
    lines: groupLines([
      ...line(30, ['平潭综合实验区政府信息公开工作年度报告', 150]),
      ...line(78, [label[0], 113]),
      ...line(85.5, ...figures.map((f, i): [string, number] => [f, 284 + i * 40])),
      ...line(95, [label[1], 113]),
      ...line(400, ['1.属于国家秘密', 113], ['0', 284]),
      ...line(820, [`-${number}-`, 290]),
    ]),
  });
  const pages = [
    page(3, ['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）'], ['8', '1', '0', '0', '0', '0', '9']),
    page(4, ['1.申请人无正当理由逾期不补正、行', '政机关不再处理其政府信息公开申请'], ['2', '0', '0', '0', '0', '0', '2']),
  ];
  const dropped = furniture(pages);
  const kept = pages.map((p) => p.lines.filter((l) => !dropped.has(l)).map(lineText));
  assert.deepEqual(kept, [
    ['（二）部分公开（区分处理的，', '8 1 0 0 0 0 9', '只计这一情形，不计其他情形）', '1.属于国家秘密 0'],
    ['1.申请人无正当理由逾期不补正、行', '2 0 0 0 0 0 2', '政机关不再处理其政府信息公开申请', '1.属于国家秘密 0'],
  ]);
});

test('two figures of adjacent cells 0.55 em apart are two pieces; a figure grouped with a space stays one', () => {
  // Table 四 of a page without rules, printed by Chromium: 总计 12 of 未经复议直接起诉, then 0 of 复议后起诉 6.7 pt on.
  const row = line(100, ['3', 188.7], ['16', 211.5], ['0', 230.2], ['0', 268.4]);
  assert.deepEqual(pieces(groupLines(row)[0]!).map((p) => p.text), ['3', '16', '0', '0']);
  // "47 161" drawn as two runs a space (3.5 pt) apart: one figure, as before.
  assert.deepEqual(pieces(groupLines(line(100, ['47', 100], ['161', 115.5]))[0]!).map((p) => p.text), ['47 161']);
});
