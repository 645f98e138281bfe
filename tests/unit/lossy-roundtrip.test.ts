/**
 * Round trips of the lossy renderings (flattened page text, raw pdftotext): the share of reports read exactly, read in part (cells
 * flagged as not read), refused, and read wrong — which must be 0, as must wrong cells. Prints the figures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { LOSSY_RENDERINGS, formatScore, scoreLossy } from '../../pipeline/synth/lossy-score.ts';
import { renderFlatText } from '../../pipeline/synth/render-flat-text.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i);
/**
 * The share of reports a rendering may refuse. Raw pdftotext prints nothing for a blank cell, so a row with blanks
 * often fits several splits: those cells are flagged ("run pdftotext -layout to read it"), the report is read.
 */
const MAX_REFUSED: Record<string, number> = { 'flat-text': 0.1, 'pdftotext-raw': 0.1, markdown: 0.15, ocr: 0.25 };

for (const rendering of LOSSY_RENDERINGS) {
  test(`lossy round trip: ${rendering} reads no cell wrong`, async () => {
    const score = await scoreLossy(rendering, SEEDS);
    console.log(formatScore(rendering, score));
    assert.equal(score.wrong, 0, score.examples.join('\n'));
    assert.equal(score.cellsWrong, 0);
    assert.ok(score.refused <= score.reports * (MAX_REFUSED[rendering] ?? 0.1), `refused ${score.refused} of ${score.reports}: ${score.examples.join('\n')}`);
  });
}

test('flattened text is told from the bytes, and its cells are inferred with the rules that fixed them', async () => {
  const g = generate(7, { blankStyle: 'zeros' });
  const text = renderFlatText(g.values, { narrative: g.narrative });
  const doc = await ingest(new TextEncoder().encode(text), 'page.txt');
  assert.equal(doc.source.rendering, 'flat-text');
  const report = parseDocument(doc);
  const cells = Object.values(report.tables.applications).flatMap((row) => Object.values(row));
  const inferred = cells.filter((c) => c.kind === 'inferred');
  assert.ok(inferred.length > 0);
  for (const c of inferred) assert.ok(c.inferredBy!.includes('applications.row_total'));
});

test('a row whose digits split several ways is refused with the candidate splits, not guessed', async () => {
  const g = generate(7, { blankStyle: 'zeros' });
  const text = renderFlatText(g.values, { narrative: g.narrative }).replace(/^(规章).*$/m, '$15012');
  const report = parseDocument(await ingest(new TextEncoder().encode(text), 'page.txt'));
  const cell = Object.values(report.tables.proactive.regulations!)[0]!;
  assert.equal(cell.kind, 'text');
  assert.match(cell.note!, /^"5012" splits \d+ ways/);
});

test('raw pdftotext is told from the bytes; rows whose labels pdftotext moved away are placed by the row order', async () => {
  const { renderRawText } = await import('../../pipeline/synth/render-raw-text.ts');
  const g = generate(3, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows' });
  const text = renderRawText(g.values, { narrative: g.narrative });
  const doc = await ingest(new TextEncoder().encode(text), 'raw.txt');
  assert.equal(doc.source.rendering, 'pdftotext-raw');
  const report = parseDocument(doc);
  assert.deepEqual(compareCells(g.values, report), []);
  // Move a row's label after the table (as pdftotext does with wrapped labels): the row is read by the row order.
  const moved = text.replace(/^1[.、]属于国家秘密\n/m, '').replace(/^(四、结转下年度)/m, '1.属于国家秘密\n\n$1');
  const placed = parseDocument(await ingest(new TextEncoder().encode(moved), 'raw.txt'));
  assert.deepEqual(compareCells(g.values, placed), []);
  const cell = placed.tables.applications['denied.state_secret']!.total!;
  assert.equal(cell.kind, 'inferred');
  assert.equal(cell.inferredBy![0], 'row_order');
  assert.ok(cell.inferredBy!.includes('applications.outcome_total'), cell.inferredBy!.join());
});

test('raw pdftotext whose table cannot be aligned with the template is refused with the advice to run pdftotext -layout', async () => {
  const { renderRawText } = await import('../../pipeline/synth/render-raw-text.ts');
  const g = generate(3, { blankStyle: 'zeros', edition: '2021' });
  // A row of figures more, where the template has no room for it.
  const text = renderRawText(g.values, { narrative: g.narrative }).replace(/^(二、上年结转)/m, '1\n0\n0\n0\n0\n0\n1\n$1');
  const doc = await ingest(new TextEncoder().encode(text), 'raw.txt');
  assert.throws(() => parseDocument(doc), (err: Error) => {
    assert.match(err.message, /^this looks like pdftotext without -layout; run pdftotext -layout \(table 三/);
    return true;
  });
});

test('Markdown from a PDF converter: told from the bytes; rows whose label cell was lost are placed by the row order', async () => {
  const { renderMarkdown } = await import('../../pipeline/synth/render-markdown.ts');
  const g = generate(5, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows' });
  const damage = { pageBreak: 0.2, labelLost: 0.3, labelSplit: 0.2, stray: 0.1 };
  const text = renderMarkdown(g.values, { narrative: g.narrative, damage });
  assert.match(text, /^\| [\d ]+(?:\| [\d ]*)+\|$/m, 'a row of figures without its label');
  const doc = await ingest(new TextEncoder().encode(text), 'report.md');
  assert.equal(doc.source.rendering, 'markdown');
  assert.match(doc.source.mediaType, /^text\/markdown/);
  const report = parseDocument(doc);
  assert.deepEqual(compareCells(g.values, report), []);
  const placed = Object.values(report.tables.applications).flatMap((row) => Object.values(row)).filter((c) => c.kind === 'inferred');
  assert.ok(placed.length > 0);
  for (const c of placed) assert.equal(c.inferredBy![0], 'row_order');
});

test('Markdown: page footers, a renamed header and a stray line between rows change no cell', async () => {
  const { readMarkdown } = await import('../../pipeline/ingest/markdown.ts');
  const { markdownLines } = await import('../../pipeline/parse/markdown-lines.ts');
  const md = ['| 项目 | 数据1 | 数据2 | 数据3 |', '| --- | --- | --- | --- |', '| 规章 | 5 | 0 | 12 |', '', '— 5 —', '（续表）', '| 0 | 1 | 3 |', '| 行政许可 | 1O | | |'].join('\n');
  const lines = markdownLines(readMarkdown(md).filter((c) => c.text !== '— 5 —'));
  assert.deepEqual(lines.map((l) => [l.label, l.cells ?? null]), [
    ['项目数据1数据2数据3', null], ['规章', ['5', '0', '12']], ['（续表）', null], ['', ['0', '1', '3']], ['行政许可', ['1O', '', '']],
  ]);
});

test('a Markdown row whose labels cannot be told apart is flagged, not guessed', async () => {
  const { renderMarkdown } = await import('../../pipeline/synth/render-markdown.ts');
  const g = generate(5, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows' });
  const text = renderMarkdown(g.values, { narrative: g.narrative, damage: { pageBreak: 0, labelLost: 0, labelSplit: 0, stray: 0 } });
  // Two neighbouring rows lose their labels, and one of them its row: two template rows, one row of figures.
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /2[.、]重复申请/.test(l));
  lines.splice(at, 2, `| ${lines[at]!.split('|').slice(-8, -1).map((c) => c.trim()).join(' | ')} |`);
  const report = parseDocument(await ingest(new TextEncoder().encode(lines.join('\n')), 'report.md'));
  const dup = report.tables.applications['not_processed.duplicate']!.total!;
  assert.equal(dup.kind, 'text');
  assert.match(dup.note!, /without a label .* which row is which cannot be told/);
});

test('OCR text: a figure with a letter in it (O for 0, l for 1) where no arithmetic fixes it (table 二) is flagged, never guessed; slipped labels still align', async () => {
  const { renderOcr } = await import('../../pipeline/synth/render-ocr.ts');
  const g = generate(9, { blankStyle: 'zeros', edition: '2021' });
  for (const form of ['markdown', 'plain'] as const) {
    const text = renderOcr(g.values, { narrative: g.narrative, form })
      .replace(/^(\|? ?行政许可 (?:\| )?)[^ |\n]*/m, '$11O5')
      .replace(/申请数量/, '甲请数量');
    const doc = await ingest(new TextEncoder().encode(text), `ocr.${form === 'plain' ? 'txt' : 'md'}`);
    assert.equal(doc.source.rendering, form === 'plain' ? 'flat-text' : 'markdown');
    const report = parseDocument(doc);
    const cell = report.tables.proactive.administrative_licensing!.decisions!;
    assert.equal(cell.kind, 'text', form);
    assert.equal(cell.value, null);
    assert.match(cell.note!, /OCR slip/);
    const wrong = compareCells(g.values, report).filter((m) => !m.found.startsWith('text'));
    assert.deepEqual(wrong, [], form);
  }
});

test('flattened text: table 四\'s splits are chosen by the figures the text states (行政复议 N件, 行政诉讼 N件), when some split agrees', async () => {
  // "001010000000000": fifteen figures, or blank cells and "10"s that keep the groups' totals; the text says 行政复议1件、行政诉讼0件.
  const { renderLossy } = await import('../../pipeline/synth/lossy-score.ts');
  const { bytes, values } = renderLossy('flat-text', 140);
  const text = new TextDecoder().decode(bytes);
  assert.match(text, /^001010000000000$/m);
  assert.match(text, /行政复议1件、行政诉讼0件/);
  const appeals = async (page: string) => parseDocument(await ingest(new TextEncoder().encode(page), 'page.txt')).tables.appeals;
  const told = await appeals(text);
  for (const [row, cells] of Object.entries(values.tables.appeals)) {
    for (const [column, value] of Object.entries(cells)) {
      const cell = told[row]![column]!;
      assert.equal(cell.value, value, `${row}.${column}`);
      assert.equal(cell.kind, 'inferred');
      assert.deepEqual(cell.inferredBy, ['appeals.row_total', 'narrative.reconsideration', 'narrative.litigation']);
    }
  }
  // Without the sentence, or with one that no split agrees with (行政复议7件), the cells stay flagged with the splits.
  for (const page of [text.replace(/因政府信息公开申请引发[^\n]*/, ''), text.replace('行政复议1件', '行政复议7件')]) {
    const cell = (await appeals(page)).reconsideration!.total!;
    assert.equal(cell.kind, 'text');
    assert.match(cell.note!, /^"001010000000000" splits \d+ ways that fit the template's arithmetic/);
  }
});
