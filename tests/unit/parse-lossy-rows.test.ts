/**
 * Rows of the lossy renderings (Markdown, raw pdftotext) that lost their labels — in tables that also leave rows out,
 * or whose blank cells print nothing: each example is a report as a converter or pdftotext writes it, with one damage
 * applied by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingest } from '../../pipeline/ingest/index.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { cutByTotals } from '../../pipeline/parse/raw-lines.ts';
import { compareCells } from '../../pipeline/synth/compare.ts';
import { generate } from '../../pipeline/synth/generate.ts';
import { renderMarkdown } from '../../pipeline/synth/render-markdown.ts';
import { renderRawText } from '../../pipeline/synth/render-raw-text.ts';

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

test('Markdown: table 三 without a （六） that holds 21 applications: the printed outcome rows add up to at most 总计, a bound a row placed by the row order holds', async () => {
  // Seed 7 (2019): （六）其他处理 is 21 … 21, so the printed outcome rows add up to 21 less than （七）总计; 2.重复申请
  // (7 … 7) lost its label. The bound is no equation: the row is read, inferred, and the bound is among its rules.
  const text = markdown(7, '2019').replace(/^\|[^\n]*（六）其他处理[^\n]*\n/m, '').replace(/^\|[^|\n]*\|[^|\n]*\| 2[.、]重复申请 \|/m, '|  |  |  |');
  const report = await read(text, 'report.md');
  for (const cell of Object.values(report.tables.applications.other!)) assert.equal(cell.kind, 'absent');
  const dup = report.tables.applications['not_processed.duplicate']!.total!;
  assert.equal(dup.kind, 'inferred');
  assert.equal(dup.value, 7);
  assert.deepEqual(dup.inferredBy, ['row_order', 'applications.row_total', 'applications.outcome_total']);
});

function raw(options: Parameters<typeof generate>[1] = {}) {
  const g = generate(3, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows', missingRows: 'none', ...options });
  return { g, text: renderRawText(g.values, { narrative: g.narrative }) };
}

/** Move a label (its wrapped lines) from its place to after table 三's figures, as pdftotext does with wrapped labels. */
function moveLabel(text: string, label: RegExp): string {
  const m = label.exec(text);
  assert.ok(m, `${label} not in the text`);
  return text.replace(m[0], '').replace(/^(四、政府信息公开行政复议)/m, `${m[0]}$1`);
}

test('raw pdftotext: a run of figures holding two rows with blank cells is cut into rows by their totals', () => {
  assert.deepEqual(cutByTotals('902 49 24 975 417 7 4 428'.split(' '), 7), [4, 4]);
  assert.deepEqual(cutByTotals(['4', '4', '1', '1'], 7), [2, 2]);
  // "0 0" is one row or two: not cut.
  assert.equal(cutByTotals(['0', '0'], 7), null);
  assert.equal(cutByTotals(['5', '3'], 7), null);
});

test('raw pdftotext: a row whose blank cells print nothing and whose label was moved after the table is read from the run before it', async () => {
  const { g, text } = raw();
  const n = g.values.tables.applications.partially_granted!.natural_person as number;
  // （二）部分公开 prints "320 320" (its zeros blank), its label written after the table.
  const blanked = text.replace(new RegExp(`([\\n\\f])${n}\\n\\n(?:0\\n\\n){5}${n}\\n`), `$1${n}\n\n${n}\n`);
  assert.notEqual(blanked, text);
  const report = await read(moveLabel(blanked, /（二）部分公开[^]*?其他情形）\n\n/), 'raw.txt');
  const row = report.tables.applications.partially_granted!;
  assert.equal(row.natural_person!.value, n);
  assert.equal(row.natural_person!.kind, 'inferred');
  assert.equal(row.natural_person!.inferredBy![0], 'row_order');
  assert.equal(row.total!.value, n);
  for (const c of ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org']) assert.equal(row[c]!.kind, 'blank', c);
  const others = compareCells(g.values, report).filter((m) => !m.cell.startsWith('applications.partially_granted.'));
  assert.deepEqual(others, []);
});

test('raw pdftotext: rows whose labels stand nowhere are not printed, so a row of figures without a label fills the one row printed', async () => {
  const { g, text } = raw({ missingRows: 'other' });
  assert.doesNotMatch(text, /其他处理/);
  const report = await read(moveLabel(text, /5、要求行政机关确认\n或重新出具已获取信息\n\n/), 'raw.txt');
  const cell = report.tables.applications['not_processed.confirmation']!.total!;
  assert.equal(cell.kind, 'inferred');
  assert.equal(cell.inferredBy![0], 'row_order');
  assert.deepEqual(compareCells(g.values, report), []);
});

test('raw pdftotext: the figures after a label may be its row\'s or those of a row whose label was moved: both rows flagged with the advice, not guessed', async () => {
  const { text } = raw();
  // 4、无正当理由大量反复申请 prints no figure (its cells blank), 5、's label goes after the table: the figures after
  // 4、's label are 5、's, or 4、's with 5、 blank.
  const blanked = text.replace(/(4、无正当理由大量反\n复申请\n\n)(?:0\n\n){7}/, '$1');
  assert.notEqual(blanked, text);
  const doc = await ingest(new TextEncoder().encode(moveLabel(blanked, /5、要求行政机关确认\n或重新出具已获取信息\n\n/)), 'raw.txt');
  const report = parseDocument(doc);
  for (const row of ['not_processed.excessive', 'not_processed.confirmation']) {
    const cell = report.tables.applications[row]!.total!;
    assert.equal(cell.kind, 'text', row);
    assert.match(cell.note!, /may be that row's or those of "5\.要求行政机关确认或重新出具已获取信息"/);
    assert.match(cell.note!, /\(this looks like pdftotext without -layout; run pdftotext -layout to read it\)$/);
  }
  assert.equal(report.tables.applications['not_processed.duplicate']!.total!.kind, 'number');
});

test('raw pdftotext: figures after （六）其他处理 whose sub-rows\' labels are printed are not read as （六） alone', async () => {
  const { text } = raw();
  // 1、's label goes after the table, 2、 and 3、 print no figure (2、's label after the table too): the figures after
  // the heading （六）其他处理 are 1、's — or （六）'s, were its sub-rows not printed; but their labels are printed.
  let damaged = text.replace(/(2、申请人逾期未按收\n[^]*?府信息公开申请\n\n)(?:0\n\n){7}/, '$1').replace(/(3、其他\n\n)(?:0\n\n){7}/, '$1');
  damaged = moveLabel(moveLabel(damaged, /1、申请人无正当理由\n[^]*?开申请\n\n/), /2、申请人逾期未按收\n[^]*?府信息公开申请\n\n/);
  assert.match(damaged, /理\n\n-8-\n\n\f?(?:0\n\n){7}3、其他/);
  const doc = await ingest(new TextEncoder().encode(damaged), 'raw.txt');
  const cell = parseDocument(doc).tables.applications.other!.total!;
  assert.equal(cell.kind, 'text');
  assert.match(cell.note!, /without a label .* which row is which cannot be told/);
  assert.match(cell.note!, /run pdftotext -layout to read it\)$/);
});

test('Markdown: a label split over two rows with its figures on the first is one label (the second row starts no item)', async () => {
  const { readMarkdown } = await import('../../pipeline/ingest/markdown.ts');
  const { markdownLines } = await import('../../pipeline/parse/markdown-lines.ts');
  const md = [
    '|  | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '|  |  | 2.其他法 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '|  |  | 律行政法规禁止公开 |  |  |  |  |  |  |  |',
    '|  |  | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '|  |  | 4.保护第三 |  |  |  |  |  |  |  |',
    '|  |  | 方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  ].join('\n');
  const lines = markdownLines(readMarkdown(md), ['（三）不予公开']);
  assert.deepEqual(lines.map((l) => l.label), ['（三）不予公开1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三', '方合法权益']);
  // In a whole report (a converter's page break after the split row): read exactly.
  const text = markdown(5, '2021').replace(/^(\|[^|\n]*\|[^|\n]*\| )2[.、]其他法(律行政法规禁止公开)( \|.*)$/m, (_, head, rest, cells) =>
    `${head}2.其他法${cells}\n${head}${rest}${cells.replace(/[^|]+(?=\|)/g, '  ')}\n\n第 3 页\n`);
  assert.match(text, /\| 2\.其他法 \|/);
  const g = generate(5, { blankStyle: 'zeros', edition: '2021', otherRows: 'sub-rows', missingRows: 'none' });
  assert.deepEqual(compareCells(g.values, await read(text, 'report.md')), []);
});

test('raw pdftotext: a label written at the end of its page, among later rows (淮安市 2024), still leaves its row to the row order', async () => {
  const { g, text } = raw();
  const label = /（二）部分公开（区分\n[^]*?其他情形）\n\n/.exec(text)![0];
  // As in the real file: the wrapped label after a later row of the same page, before the page number.
  const moved = text.replace(label, '').replace(/\n(-5-\n)/, `\n${label}$1`);
  assert.ok(moved.indexOf(label) > moved.indexOf('6、属于四类过程性信'), 'the label stands after later rows');
  const report = await read(moved, 'raw.txt');
  assert.deepEqual(compareCells(g.values, report), []);
  assert.equal(report.tables.applications.partially_granted!.total!.inferredBy![0], 'row_order');
});

test('raw pdftotext read in part: the generated reports whose moved labels once gave a row\'s figures to another row read no cell wrong', async () => {
  const { scoreLossy } = await import('../../pipeline/synth/lossy-score.ts');
  // Each read a cell wrong once raw reports were read in part (before, they were refused whole): 四、结转下年度's label
  // among the labels moved after 总计 taken as a row of blanks in place (8, 46, 47, 80, 81, 94, 118, 161, 1211); a run
  // after a label standing in place that was a moved row's (138, 170, 781, 884); （六）'s sub-row or heading (280, 819, 1108).
  const seeds = [8, 46, 47, 80, 81, 94, 118, 138, 161, 170, 280, 781, 819, 884, 1108, 1211];
  const score = await scoreLossy('pdftotext-raw', seeds);
  assert.equal(score.wrong, 0, score.examples.join('\n'));
  assert.equal(score.refused, 0, score.examples.join('\n'));
  const { renderLossy } = await import('../../pipeline/synth/lossy-score.ts');
  const { bytes } = renderLossy('pdftotext-raw', 8);
  const cell = (await read(new TextDecoder().decode(bytes), 'raw.txt')).tables.applications.carried_forward!.total!;
  assert.notEqual(cell.kind, 'blank', 'the figures after 总计 hold 四、结转下年度\'s: not a row of blanks');
});

test('raw pdftotext: rows of figures without a label between blank rows in place are placed part by part; a part that cannot be told is flagged alone', async () => {
  const { renderLossy } = await import('../../pipeline/synth/lossy-score.ts');
  // Generated report 14: one row of figures ("4 6 2" after （四）无法提供) where three rows' labels were moved after the
  // table; the labels of 1.属于国家秘密 … 8.属于行政查询事项 and 1.信访举报投诉类申请 … stand in place, their rows blank.
  const { bytes, values } = renderLossy('pdftotext-raw', 14);
  const report = await read(new TextDecoder().decode(bytes), 'raw.txt');
  const apps = report.tables.applications;
  for (const row of ['unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear']) {
    assert.equal(apps[row]!.total!.kind, 'text', row);
    assert.match(apps[row]!.total!.note!, /^1 row of figures without a label .* after "8\.属于行政查询事项" and before "1\.信访举报投诉类申请", where the template has 3 rows: which row is which cannot be told/);
  }
  for (const row of ['denied.state_secret', 'denied.administrative_query', 'not_processed.petition', 'other.other']) {
    for (const cell of Object.values(apps[row]!)) assert.equal(cell.kind, 'blank', row);
  }
  const flagged = (m: { found: string }) => m.found.startsWith('text');
  const mismatches = compareCells(values, report);
  assert.deepEqual(mismatches.filter((m) => !flagged(m)), []);
  // Not read: those three rows; 予以公开 and 部分公开 (the figures after 予以公开's label may be 部分公开's, whose label
  // was moved); 四、结转下年度's lone "0" (its blanks' places unknown). Before, every row from 部分公开 to 3.其他.
  const rows = new Set(mismatches.map((m) => m.cell.replace(/^applications\.(.*)\.[^.]+$/, '$1')));
  assert.deepEqual([...rows], ['granted', 'partially_granted', 'unavailable.not_held', 'unavailable.needs_creation', 'unavailable.unclear', 'carried_forward']);
});
