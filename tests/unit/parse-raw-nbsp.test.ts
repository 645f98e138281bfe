/**
 * A web page's text stored a cell a line, as crawlers store it (issue 11, real reports as text): every cell on a line
 * of its own, a blank cell's &nbsp; kept as a line of its own. Read as raw pdftotext (one cell per line), whose blank
 * cells print nothing — but here they print, so every figure's column is known. The figures restate a real report's
 * (上海市人民政府办公厅 2019: most rows of table 三 print no 总计, which left the arithmetic nothing to place them by);
 * the rendering is written here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { readRawText } from '../../pipeline/ingest/pdftotext-raw.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderRawText } from '../../pipeline/synth/render-raw-text.ts';
import { APPEALS, COLUMNS, GROUPS, APPLICATIONS as PRINTED, RESULTS, printedCells } from '../helpers/shanghai-2019.ts';
import { tabReport } from '../helpers/tab-report.ts';

const NBSP = '\u00a0';
/** The report's page text a cell a line: each TAB-separated cell of the tab report on its own line, blanks as &nbsp;. */
function pageText(): string {
  const cells = printedCells();
  const text = tabReport({ edition: '2019', year: 2019, agency: '上海市人民政府办公厅', cells });
  // A stray &nbsp; line between the agency and the title, as pages print an empty paragraph.
  return text.split('\n').flatMap((l, i) => (i === 1 ? [NBSP, l] : l.split('\t').map((c) => (c === '' ? NBSP : c)))).join('\n');
}

test('a page\'s text a cell a line, blank cells as &nbsp; lines: every figure in its own column, the blanks blank', async () => {
  const doc = await ingest(new TextEncoder().encode(pageText()), 'page.txt');
  assert.equal(doc.source.rendering, 'pdftotext-raw');
  const report = parseDocument(doc);
  assert.equal(report.agency, '上海市人民政府办公厅'); // the &nbsp; line above the title is no cell
  for (const [row, printed] of Object.entries(PRINTED)) {
    COLUMNS.forEach((c, k) => {
      const cell = report.tables.applications[row]![c]!;
      assert.deepEqual([cell.kind, cell.value], printed[k] === '' ? ['blank', null] : ['number', Number(printed[k])], `${row}.${c}`);
    });
  }
  GROUPS.forEach((g, i) => RESULTS.forEach((r, j) => {
    const cell = report.tables.appeals[g]![r]!;
    assert.deepEqual([cell.kind, cell.value], APPEALS[i * 5 + j] === '' ? ['blank', null] : ['number', Number(APPEALS[i * 5 + j])], `${g}.${r}`);
  }));
});

test('&nbsp; lines are blank cells only among figures: between paragraphs, or a row short of one, they say nothing', async () => {
  assert.deepEqual(readRawText(`段落一\n${NBSP}\n段落二\n标签\n${NBSP}\n5\n-3-\n${NBSP}\n正文`).map((c) => c.text), ['段落一', '段落二', '标签', '', '5', '-3-', '', '正文']);
  // One blank of 予以公开 printed as nothing (an empty cell without &nbsp;): six cells for seven — not placed by
  // position, read as raw pdftotext's figures (here flagged: the row prints no 总计 to place them by), never shifted.
  const text = pageText().replace(/（一）予以公开\n258\n12\n\u00a0\n/, '（一）予以公开\n258\n12\n');
  const granted = parseDocument(await ingest(new TextEncoder().encode(text), 'page.txt')).tables.applications.granted!;
  for (const c of COLUMNS) assert.ok(granted[c]!.kind === 'text' || granted[c]!.value === [258, 12, null, null, 1, 1, null][COLUMNS.indexOf(c)], c);
  assert.equal(granted.natural_person!.kind, 'text');
});

test('round trip: synthetic reports as page text a cell a line with &nbsp; blanks (renderRawText nbspBlanks) read exactly', async () => {
  for (let seed = 0; seed < 30; seed++) {
    for (const options of [{}, { blankStyle: 'zeros' as const }]) {
      const g = generate(seed, options);
      const text = renderRawText(g.values, { narrative: g.narrative, nbspBlanks: true });
      const report = parseDocument(await ingest(new TextEncoder().encode(text), `synthetic-${seed}.txt`));
      assert.deepEqual(compareCells(g.values, report), [], `seed ${seed} ${JSON.stringify(options)}`);
    }
  }
});
