/**
 * Markdown whose tables are HTML, as PDF-to-Markdown converters such as MinerU write it (issue 11, real reports as
 * text): "# " headings and a paragraph a line, each table one line of <html><body><table>…. Read as a page, its text
 * lines ran together into one paragraph and no section heading was found (refused); each line outside the tables is
 * now a paragraph of its own. The figures restate a real report's (上海市人民政府办公厅 2019); the rendering is
 * written here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { htmlOfMarkdownTables } from '../../pipeline/ingest/markdown-html.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderMarkdown } from '../../pipeline/synth/render-markdown.ts';
import { tabReport } from '../helpers/tab-report.ts';

const PRINTED: Record<string, string[]> = {
  received: ['821', '35', '', '', '2', '1', '859'],
  carried_over: ['18', '', '', '', '', '', '18'],
  granted: ['258', '12', '', '', '1', '1', ''],
  total: ['767', '35', '', '', '2', '1', '805'],
  carried_forward: ['72', '', '', '', '', '', '72'],
};
const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

/** The tab report as MinerU-like Markdown: its runs of TAB-separated lines as one-line HTML tables. */
function mineru(text: string): string {
  const out: string[] = [];
  let rows: string[] = [];
  const flush = (): void => {
    if (rows.length > 0) out.push(`<html><body><table>${rows.join('')}</table></body></html>`, '');
    rows = [];
  };
  text.split('\n').forEach((line, i) => {
    if (line.includes('\t')) rows.push(`<tr>${line.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr>`);
    else if (/^第二十条/.test(line)) rows.push(`<tr><td colspan="4">${line}</td></tr>`);
    else {
      flush();
      out.push(i === 1 ? `# ${line}` : line, '');
    }
  });
  flush();
  return out.join('\n');
}

test('htmlOfMarkdownTables: text lines made paragraphs, tables kept; a page, or text without a table, left alone', () => {
  assert.equal(htmlOfMarkdownTables('<!DOCTYPE html><html><body><p>x</p><table></table></body></html>'), null);
  assert.equal(htmlOfMarkdownTables('一、总体情况\n正文。\n'), null);
  // A page's markup outside its tables (a fragment without <html>): a page, left alone; a <br> inside a table is no sign.
  assert.equal(htmlOfMarkdownTables('<div>\n一、总体情况\n正文。\n<table><tr><td>1</td></tr></table>\n</div>'), null);
  assert.notEqual(htmlOfMarkdownTables('标题\n正文。\n<html><body><table><tr><td>本年<br>制发</td></tr></table></body></html>'), null);
  assert.equal(
    htmlOfMarkdownTables('# 标题\n正文 a<b\n<table><tr>\n<td>1</td></tr></table>\n\n五、问题'),
    '<p>标题</p>\n<p>正文 a&lt;b</p>\n<table><tr>\n<td>1</td></tr></table>\n\n<p>五、问题</p>',
  );
});

test('Markdown with HTML tables (a real report\'s figures): read as a page, every cell exactly', async () => {
  const cells: Record<string, string> = {};
  for (const row of ['received', 'carried_over', 'granted', 'total', 'carried_forward']) COLUMNS.forEach((c, k) => (cells[`applications.${row}.${c}`] = PRINTED[row]![k]!));
  const text = mineru(tabReport({ edition: '2019', year: 2019, agency: '上海市人民政府办公厅', cells }));
  assert.match(text, /^# 2019年政府信息公开工作年度报告$/m);
  const doc = await ingest(new TextEncoder().encode(text), 'report.md');
  assert.equal(doc.source.rendering, 'html');
  const report = parseDocument(doc);
  assert.equal(report.agency, '上海市人民政府办公厅');
  assert.equal(report.year, 2019);
  for (const [row, printed] of Object.entries(PRINTED)) {
    COLUMNS.forEach((c, k) => {
      const cell = report.tables.applications[row]![c]!;
      assert.deepEqual([cell.kind, cell.value], printed[k] === '' ? ['blank', null] : ['number', Number(printed[k])], `${row}.${c}`);
    });
  }
});

test('round trip: synthetic reports as Markdown with MinerU-like HTML tables (renderMarkdown htmlTables) read exactly', async () => {
  for (let seed = 0; seed < 30; seed++) {
    for (const options of [{}, { blankStyle: 'zeros' as const }]) {
      const g = generate(seed, options);
      const text = renderMarkdown(g.values, { narrative: g.narrative, htmlTables: true });
      const report = parseDocument(await ingest(new TextEncoder().encode(text), `synthetic-${seed}.md`));
      assert.deepEqual(compareCells(g.values, report), [], `seed ${seed} ${JSON.stringify(options)}`);
    }
  }
});
