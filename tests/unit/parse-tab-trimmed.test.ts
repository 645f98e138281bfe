/**
 * TAB-separated rows whose trailing blank cells were trimmed (issue 11, real reports as text). A web page's text
 * copied with its cells TAB-separated, or Word text, keeps every cell's place with its TABs — a blank cell is an
 * empty piece — except the blank cells at the end of a line, which go with the line's trailing white space:
 * "（一）予以公开\t258\t12\t\t\t1\t1" is seven cells, the 总计 blank. The figures restate a real report's (上海市人民政府办公厅
 * 2019: most rows of table 三 print no 总计, and table 四's last group is blank); the rendering is written here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReport } from '../../pipeline/read.ts';
import { APPEALS, APPLICATIONS, COLUMNS, GROUPS, RESULTS, ROWS_2019, printedCells } from '../helpers/shanghai-2019.ts';
import { tabReport } from '../helpers/tab-report.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const trimLines = (text: string): string => text.split('\n').map((l) => l.trimEnd()).join('\n');

function printed(appeals = APPEALS): Record<string, string> {
  const cells = printedCells(appeals);
  // Table 二: 行政事业性收费's 本年增/减 blank, the last cell of its line.
  cells['proactive.administrative_fees.items_change'] = '';
  cells['proactive.regulations.made'] = '13';
  cells['proactive.regulations.published'] = '13';
  cells['proactive.regulations.published_total'] = '524';
  return cells;
}

const report = (appeals?: string[]) =>
  trimLines(tabReport({ edition: '2019', year: 2019, agency: '上海市人民政府办公厅', cells: printed(appeals) }));

test('TAB-separated rows short of their trailing blank cells: every figure read in its own column, the lost cells blank', async () => {
  const text = report();
  assert.match(text, /（一）予以公开\t258\t12\t\t\t1\t1\n/); // 总计 blank, trimmed
  assert.match(text, /\n5\t\t\t2\t7\t8\t\t\t1\t9\n/); // 复议后起诉 blank, trimmed
  const r = await readReport(encode(text), 'report.txt');
  assert.equal(r.sources[0]!.rendering, 'word-text');
  const a = r.tables.applications;
  for (const row of ROWS_2019) {
    COLUMNS.forEach((c, k) => {
      const want = APPLICATIONS[row]?.[k] ?? '';
      const cell = a[row]![c]!;
      assert.deepEqual([cell.kind, cell.value], want === '' ? ['blank', null] : ['number', Number(want)], `${row}.${c}`);
    });
  }
  GROUPS.forEach((g, i) => RESULTS.forEach((res, j) => {
    const want = APPEALS[i * 5 + j]!;
    const cell = r.tables.appeals[g]![res]!;
    assert.deepEqual([cell.kind, cell.value], want === '' ? ['blank', null] : ['number', Number(want)], `${g}.${res}`);
  }));
  assert.deepEqual([r.tables.proactive.administrative_fees!.items_change!.kind, r.tables.proactive.administrative_fees!.items_previous_year!.value], ['blank', 4]);
});

test('table 四 of TAB-separated text with an empty piece before its figures and its last cells trimmed: refused, never read one place off', async () => {
  // Word copies an empty cell before the figures when a header is merged down: padding at the end would shift them.
  const text = report().replace(/\n5\t\t\t2\t7\t8\t\t\t1\t9\n/, '\n\t5\t\t\t2\t7\t8\t\t\t1\t9\n');
  await assert.rejects(readReport(encode(text), 'report.txt'), /table 四[^]*expected 15 figures/);
});
