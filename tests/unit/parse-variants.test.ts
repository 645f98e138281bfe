/**
 * Variants seen in real reports (issue 11 §1 "More variants to handle"), each from a real-looking example: padding,
 * signs and full-width digits in numbers, zeros printed as blanks, notes inside cells, headers wrapped over several
 * cells or paragraphs, 2019-edition wording in 2021-edition tables, section numbers shifted, page numbers and footers
 * inside tables. Each is read exactly, or flagged; none is read silently wrong. The generator prints the same variants
 * (pipeline/synth/variants.ts), so the round trips cover them at scale (tests/unit/synth-roundtrip.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { dropLeadingBlanks } from '../../pipeline/parse/leading-blanks.ts';
import { readValue } from '../../pipeline/ingest/read-value.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { type TabReportOptions, tabReport, tabReportHtml } from '../helpers/tab-report.ts';
import { tabReportDocx, tabReportWordText } from '../helpers/tab-report-docx.ts';
import { scratchDir } from '../helpers/scratch.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The report in four renderings: tab-separated text, Word text (one cell per TAB line), a web page, a .docx. */
async function renderings(text: string): Promise<Array<[string, Uint8Array]>> {
  return [
    ['report.txt', encode(text)],
    ['word.txt', encode(tabReportWordText(text))],
    ['report.html', encode(tabReportHtml(text))],
    ['report.docx', await tabReportDocx(text)],
  ];
}

async function readAll(text: string): Promise<Array<[string, AnnualReport]>> {
  const out: Array<[string, AnnualReport]> = [];
  for (const [name, bytes] of await renderings(text)) out.push([name, await readReport(bytes, name)]);
  return out;
}

/** "applications.received.natural_person" → the printed-cell key tabReport takes, and back. */
const ref = (table: string, row: string, column: string): string => `${table}.${row}.${column}`;

function issues(report: AnnualReport, rule?: string): string[] {
  return validate(report).issues.filter((i) => (rule ? i.rule === rule : i.severity !== 'info')).map((i) => `${i.severity} ${i.rule} ${i.table}.${i.row}.${i.column}`);
}

test('numbers padded with &nbsp; or U+3000, signed "+3", full-width "２３" and "１，２３４": read exactly, raw as printed, in every rendering', async () => {
  const cells: TabReportOptions['cells'] = {
    [ref('applications', 'received', 'natural_person')]: '１０',
    [ref('applications', 'received', 'total')]: '12\u3000',
    [ref('applications', 'granted', 'natural_person')]: '\u00a010\u00a0',
    [ref('applications', 'granted', 'total')]: '\u3000１２',
    [ref('applications', 'total', 'total')]: '+12',
    [ref('proactive', 'normative_documents', 'in_force')]: '１，２３４',
    [ref('proactive', 'regulations', 'in_force')]: '1 234',
  };
  for (const [name, report] of await readAll(tabReport({ cells }))) {
    const a = report.tables.applications;
    assert.deepEqual([a.received!.natural_person!.value, a.received!.total!.value, a.granted!.natural_person!.value, a.granted!.total!.value, a.total!.total!.value], [10, 12, 10, 12, 12], name);
    assert.equal(a.received!.natural_person!.raw, '１０', name);
    assert.equal(a.granted!.total!.raw, '１２', name);
    assert.equal(report.tables.proactive.normative_documents!.in_force!.value, 1234, name);
    assert.equal(report.tables.proactive.normative_documents!.in_force!.raw, '１，２３４', name);
    assert.equal(report.tables.proactive.regulations!.in_force!.value, 1234, name);
    assert.deepEqual(issues(report), [], name);
  }
  // 2019 edition: 本年增/减 signed "+3" and full-width "－２".
  const r2019 = await readReport(encode(tabReport({ edition: '2019', cells: { [ref('proactive', 'administrative_penalty', 'items_change')]: '－２' } })), 'report.txt');
  assert.equal(r2019.tables.proactive.administrative_licensing!.items_change!.value, 3);
  assert.equal(r2019.tables.proactive.administrative_penalty!.items_change!.value, -2);
});

test('a space between digits that is no thousands separator ("1 0") is not read as 10: value.not_a_number names the cell', async () => {
  assert.equal(readValue('1 0').kind, 'text');
  assert.equal(readValue('12 34').kind, 'text');
  // No figure's first group starts with 0: "0 281" is two figures (a column's 0 one space before the next's 281).
  assert.equal(readValue('0 281').kind, 'text');
  assert.equal(readValue('0 281（含转办94件）').kind, 'text');
  assert.equal(readValue('12 345').value, 12345);
  assert.equal(readValue('12\u3000345').value, 12345);
  const cells = { [ref('applications', 'received', 'natural_person')]: '1 0' };
  for (const [name, bytes] of await renderings(tabReport({ cells }))) {
    // Word text knows no rows: the row with text among its figures is left unread (every cell an error), never read as 10.
    if (name === 'word.txt') {
      const row = (await readReport(bytes, name)).tables.applications.received!;
      assert.deepEqual(Object.values(row).map((c) => c.kind), Array<string>(7).fill('text'), name);
      continue;
    }
    const report = await readReport(bytes, name);
    assert.deepEqual(issues(report, 'value.not_a_number'), ['error value.not_a_number applications.received.natural_person'], name);
  }
});

test('notes inside cells ("5（含转办2件）", "0注", "3*", "12①"): the leading figure is read, raw and note kept, value.note warns; never 52 or 121', async () => {
  assert.deepEqual(readValue('5（含转办2件）'), { kind: 'number', value: 5, raw: '5（含转办2件）', note: '含转办2件' });
  assert.deepEqual(readValue('0注'), { kind: 'number', value: 0, raw: '0注', note: '注' });
  assert.deepEqual(readValue('3*'), { kind: 'number', value: 3, raw: '3*', note: '*' });
  assert.deepEqual(readValue('12①'), { kind: 'number', value: 12, raw: '12①', note: '①' });
  assert.deepEqual(readValue('7¹'), { kind: 'number', value: 7, raw: '7¹', note: '¹' });
  assert.deepEqual(readValue('4[1]'), { kind: 'number', value: 4, raw: '4[1]', note: '[1]' });
  assert.equal(readValue('①2').kind, 'text', 'a circled digit before the figure is no note');
  assert.deepEqual(readValue('5，含转办2件'), { kind: 'number', value: 5, raw: '5，含转办2件', note: '含转办2件' }, 'a note after a comma, opened by 含');
  assert.equal(readValue('1，234').value, 1234, 'a full-width thousands comma is no note');
  assert.equal(readValue('1，申请人逾期').kind, 'text', 'text after a comma that opens no note is not guessed at');
  const cells = {
    [ref('applications', 'received', 'natural_person')]: '10（含转办2件）',
    [ref('applications', 'granted', 'natural_person')]: '10注',
    [ref('applications', 'total', 'natural_person')]: '10*',
    [ref('applications', 'received', 'total')]: '12①',
  };
  // The footnote under table 三, as reports print it.
  const text = tabReport({ cells, insertBefore: { '四、政府信息公开行政复议': ['注：*其中2件为上级机关转办。①含补正后重新提交的申请。'] } });
  for (const [name, report] of await readAll(text)) {
    const a = report.tables.applications;
    assert.deepEqual([a.received!.natural_person!.value, a.granted!.natural_person!.value, a.total!.natural_person!.value, a.received!.total!.value], [10, 10, 10, 12], name);
    assert.equal(a.received!.natural_person!.note, '含转办2件', name);
    assert.deepEqual(issues(report), [
      'warning value.note applications.received.natural_person',
      'warning value.note applications.received.total',
      'warning value.note applications.granted.natural_person',
      'warning value.note applications.total.natural_person',
    ], name);
    assert.equal(validate(report).valid, true, name);
  }
});

test('zeros printed as blanks: blank cells stay blank (never 0), the rules count them as 0 and hold, no issue', async () => {
  const zerosBlank = (text: string): string => text.split('\n').map((l) => (l.includes('\t') ? l.replace(/\t0(?=\t|$)/g, '\t').replace(/\t0(?=\t|$)/g, '\t') : l)).join('\n');
  const text = zerosBlank(tabReport());
  assert.ok(/\t\t\t/.test(text));
  for (const [name, report] of await readAll(text)) {
    const a = report.tables.applications;
    assert.deepEqual(a.received!.research_institution, { ...a.received!.research_institution!, kind: 'blank', value: null, raw: '' }, name);
    assert.equal(a.carried_over!.total!.kind, 'blank', name);
    assert.equal(report.tables.appeals.reconsideration!.pending!.kind, 'blank', name);
    assert.deepEqual(issues(report), [], name);
  }
  // A table that does not add up even with its blanks as 0: the warning says which blanks it counted as 0.
  const broken = zerosBlank(tabReport({ cells: { [ref('applications', 'total', 'natural_person')]: '11', [ref('applications', 'total', 'total')]: '13' } }));
  const report = await readReport(encode(broken), 'report.txt');
  const outcome = validate(report).issues.find((i) => i.rule === 'applications.outcome_total' && i.column === 'natural_person')!;
  assert.equal(outcome.severity, 'warning');
  assert.ok(outcome.blanksAsZero!.includes('partially_granted.natural_person'));
  assert.match(outcome.message.en, /blank or "-" cells counted as 0/);
});

test('section numbers shifted: the tables under 一/二/三 (or 三/四/五) instead of 二/三/四 read exactly', async () => {
  const plain = JSON.stringify((await readReport(encode(tabReport()), 'report.txt')).tables, (k, v) => (k === 'source' ? undefined : v));
  const shifts: Array<[string, string, string]> = [
    ['一、主动公开政府信息情况', '二、收到和处理政府信息公开申请情况', '三、政府信息公开行政复议、行政诉讼情况'],
    ['三、主动公开政府信息情况', '四、收到和处理政府信息公开申请情况', '五、政府信息公开行政复议、行政诉讼情况'],
    ['（一）主动公开政府信息情况', '（二）收到和处理政府信息公开申请情况', '（三）政府信息公开行政复议、行政诉讼情况'],
  ];
  for (const [proactive, applications, appeals] of shifts) {
    const text = tabReport({ headings: { proactive, applications, appeals } })
      .replace('五、存在的主要问题及改进情况', proactive.startsWith('一') ? '四、存在的主要问题及改进情况' : '六、存在的主要问题及改进情况');
    for (const [name, report] of await readAll(text)) {
      assert.equal(JSON.stringify(report.tables, (k, v) => (k === 'source' ? undefined : v)), plain, `${proactive} (${name})`);
      assert.deepEqual(issues(report), [], `${proactive} (${name})`);
    }
  }
});

/** Header cells' text split over several paragraphs: "本年制发¶件数" (¶: a paragraph break inside the cell). */
function htmlWithParagraphs(text: string): string {
  return tabReportHtml(text).replace(/<td>([^<]*¶[^<]*)<\/td>/g, (_, inner: string) => `<td>${inner.split('¶').map((p) => `<p>${p}</p>`).join('')}</td>`);
}

const tablesOf = (report: AnnualReport): string => JSON.stringify(report.tables, (k, v) => (k === 'source' ? undefined : v));

test('headers wrapped over several paragraphs of a cell, or over extra header rows, read exactly', async () => {
  const plain = tablesOf(await readReport(encode(tabReport()), 'report.txt'));
  const wrapped = tabReport()
    .replace('本年制发件数\t本年废止件数\t现行有效件数', '本年制发¶件数\t本年¶废止件数\t现行¶有效¶件数')
    .replace(/信息内容\t本年处理决定数量/g, '信息内容\t本年处理¶决定数量')
    .replace('本年收费金额（单位：万元）', '本年收费¶金额¶（单位：万元）')
    .replace('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他', '商业¶企业\t科研¶机构\t社会¶公益¶组织\t法律¶服务¶机构\t其他')
    .replace(/^(结果维持\t.*)$/m, (line) => line.replace(/结果维持|结果纠正|其他结果|尚未审结/g, (h) => `${h.slice(0, 2)}¶${h.slice(2)}`));
  // Header rows split in two: table 三's applicant headers and table 四's leaf headers wrapped onto a row of their own.
  const extraRows = tabReport()
    .replace('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他', '商业\t科研\t社会公益\t法律服务\t其他\n企业\t机构\t组织\t机构\t')
    .replace(/^(结果维持\t.*)$/m, Array.from({ length: 3 }, () => '结果\t结果\t其他\t尚未\t总计').join('\t') + '\n' + Array.from({ length: 3 }, () => '维持\t纠正\t结果\t审结\t').join('\t'));
  const sources: Array<[string, Uint8Array]> = [
    ['report.html', encode(htmlWithParagraphs(wrapped))],
    ['report.docx', await tabReportDocx(wrapped)],
    ['word.txt', encode(tabReportWordText(wrapped))],
    ['report.txt', encode(wrapped.replace(/¶/g, ''))],
    ['rows.html', encode(tabReportHtml(extraRows))],
    ['rows.docx', await tabReportDocx(extraRows)],
    ['rows.txt', encode(extraRows)],
    // Word text of the split header rows: the empty cell under 总计 comes right before the figures.
    ['rows-word.txt', encode(tabReportWordText(extraRows))],
  ];
  for (const [name, bytes] of sources) {
    const report = await readReport(bytes, name);
    assert.equal(report.edition, '2021', name);
    assert.equal(tablesOf(report), plain, name);
  }
});

test('2019-edition wording in a 2021-edition table (and the reverse): aligned by the template, the edition kept from the year and structure', async () => {
  // A 2023 report whose table 二 says 规范性文件 and 处理决定数量 and whose table 三 prints （六）其他处理 as one row, as in 2019.
  const text = tabReport({ labels: { 行政规范性文件: '规范性文件' } })
    .replace(/信息内容\t本年处理决定数量/g, '信息内容\t处理决定数量')
    .split('\n')
    .filter((l) => !/^(1\.申请人无正当理由|2\.申请人逾期未按|3\.其他\t)/.test(l))
    .map((l) => (l === '（六）其他处理' ? ['（六）其他处理', ...Array<string>(7).fill('0')].join('\t') : l))
    .join('\n');
  for (const [name, report] of await readAll(text)) {
    assert.equal(report.edition, '2021', name);
    assert.equal(report.tables.proactive.normative_documents!.in_force!.value, 4, name);
    assert.equal(report.tables.proactive.administrative_penalty!.decisions!.value, 4, name);
    assert.deepEqual([report.tables.applications.other!.total!.kind, report.tables.applications.other!.total!.value], ['number', 0], name);
    assert.equal(report.tables.applications['other.other']!.total!.kind, 'absent', name);
    assert.deepEqual(issues(report), [], name);
  }
  // A 2020 report (2019 edition) with the 2021 wording 行政规范性文件 and 本年处理决定数量.
  const reverse = tabReport({ edition: '2019', labels: { 规范性文件: '行政规范性文件' } }).replace(/\t处理决定数量/g, '\t本年处理决定数量');
  for (const [name, report] of await readAll(reverse)) {
    assert.equal(report.edition, '2019', name);
    assert.equal(report.tables.proactive.normative_documents!.published_total!.value, 4, name);
    assert.deepEqual(issues(report), [], name);
  }
});

test('a 2021 table 二 printed under the 2019 edition\'s column headers is refused, naming both: which columns hold the figures is unclear', async () => {
  const text = tabReport().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
  for (const [name, bytes] of await renderings(text)) {
    await assert.rejects(readReport(bytes, name), (err: Error) => {
      assert.match(err.message, /本年新制作数量/, name);
      assert.match(err.message, /2021/, name);
      return true;
    });
  }
});

test('page numbers and running footers inside a table (rows of a web page\'s table, lines of Word text) are ignored', async () => {
  const plainHtml = tablesOf(await readReport(encode(tabReportHtml(tabReport())), 'report.html'));
  for (const footer of ['- 3 -', '— 3 —', '第 3 页', '测试市档案局2023年政府信息公开工作年度报告']) {
    const html = tabReportHtml(tabReport()).replace(/<tr><td>2\.没有现成信息需要另行制作/, `<tr><td colspan="10">${footer}</td></tr>\n$&`);
    assert.ok(html.includes(footer));
    assert.equal(tablesOf(await readReport(encode(html), 'report.html')), plainHtml, footer);
  }
  const plainWord = tablesOf(await readReport(encode(tabReportWordText(tabReport())), 'word.txt'));
  for (const lines of [['- 3 -'], ['', '第 3 页', ''], ['测试市档案局2023年政府信息公开工作年度报告', '— 3 —']]) {
    const word = tabReportWordText(tabReport()).replace('\t2.没有现成信息需要另行制作', `${lines.join('\n')}\n\t2.没有现成信息需要另行制作`);
    assert.ok(word.includes(lines.join('\n')));
    assert.equal(tablesOf(await readReport(encode(word), 'word.txt')), plainWord, lines.join(' / '));
  }
});

test('table 四: empty cells before the figures are dropped only when what is left adds up', () => {
  const cells = (...texts: string[]) => texts.map((text) => ({ text, at: {} }));
  const figures = ['1', '1', '0', '0', '2', '0', '0', '0', '0', '0', '0', '0', '1', '0', '1'];
  assert.deepEqual(dropLeadingBlanks(cells('', ...figures), 15).map((c) => c.text), figures);
  // A blank first figure and a stray figure after the table: shifting would read every figure one place off.
  const stray = cells('', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '3');
  assert.equal(dropLeadingBlanks(stray, 15), stray);
});

test('CLI: xxgk validate reads a note beside a figure and exits 0 with the value.note warning', () => {
  const path = join(scratchDir('xxgk-note-'), 'note.txt');
  writeFileSync(path, tabReport({ cells: { [ref('applications', 'received', 'total')]: '12（含转办2件）' } }));
  const root = resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, [join(root, 'bin/xxgk.js'), 'validate', '--format', 'json', path], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout);
  const issue = result.issues.find((i: { rule: string }) => i.rule === 'value.note');
  assert.deepEqual([issue.severity, issue.table, issue.row, issue.column, issue.expected, issue.found], ['warning', 'applications', 'received', 'total', 12, '12（含转办2件）']);
  assert.ok(result.valid);
});
