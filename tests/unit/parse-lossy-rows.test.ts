/**
 * Rows of the lossy renderings (Markdown, raw pdftotext) that lost their labels, in tables that also leave rows out:
 * each example is a report as a converter or pdftotext writes it, with one damage applied by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderMarkdown } from '../../pipeline/synth/render-markdown.ts';

const CLEAN = { pageBreak: 0, labelLost: 0, labelSplit: 0, stray: 0 };

async function read(text: string, name: string) {
  return parseDocument(await ingest(new TextEncoder().encode(text), name));
}

function markdown(seed: number, edition: '2019' | '2021'): string {
  const g = generate(seed, { blankStyle: 'zeros', edition, otherRows: 'sub-rows', missingRows: 'none' });
  return renderMarkdown(g.values, { narrative: g.narrative, damage: CLEAN });
}

test('Markdown: a table without 规章 whose 行政许可 row lost its label reads the row by the row order, and 规章 is absent', async () => {
  // | 规章 | 3 | 0 | 11 |  not printed;  | 行政许可 | 714 |  |  |  →  | 714 |
  const text = markdown(5, '2021').replace(/^\| 规章 \|.*\n/m, '').replace(/^\| 行政许可 \| (\d+) \|.*$/m, '| $1 |');
  const report = await read(text, 'report.md');
  for (const cell of Object.values(report.tables.proactive.regulations!)) assert.equal(cell.kind, 'absent');
  const licensing = report.tables.proactive.administrative_licensing!.decisions!;
  assert.equal(licensing.kind, 'inferred');
  assert.equal(licensing.value, 714);
  assert.deepEqual(licensing.inferredBy, ['row_order']);
});

test('Markdown: in a table that leaves rows out, two template rows with one row of figures without a label are flagged, not guessed', async () => {
  // 行政强制 not printed, 行政处罚's label lost: the figures stand where 行政处罚 and 行政强制 are.
  const text = markdown(5, '2021').replace(/^\| 规章 \|.*\n/m, '').replace(/^\| 行政强制 \|.*\n/m, '').replace(/^\| 行政处罚 \| ([^|]+) \|.*$/m, '| $1 |');
  const report = await read(text, 'report.md');
  for (const row of ['administrative_penalty', 'administrative_coercion']) {
    const cell = report.tables.proactive[row]!.decisions!;
    assert.equal(cell.kind, 'text', row);
    assert.match(cell.note!, /1 row of figures without a label .* where the template has 2 rows: which row is which cannot be told/);
  }
  for (const cell of Object.values(report.tables.proactive.regulations!)) assert.equal(cell.kind, 'absent');
});

test('Markdown: table 三 without （六）其他处理 (2019) and a row whose label was lost: placed by the row order, checked by the arithmetic', async () => {
  const text = markdown(11, '2019').replace(/^\|[^\n]*（六）其他处理[^\n]*\n/m, '').replace(/^\|[^|\n]*\|[^|\n]*\| 2[.、]重复申请 \|/m, '|  |  |  |');
  const report = await read(text, 'report.md');
  for (const cell of Object.values(report.tables.applications.other!)) assert.equal(cell.kind, 'absent');
  const dup = report.tables.applications['not_processed.duplicate']!.total!;
  assert.equal(dup.kind, 'inferred');
  assert.equal(dup.inferredBy![0], 'row_order');
  assert.ok(dup.inferredBy!.includes('applications.row_total'), dup.inferredBy!.join());
});
