/**
 * Rows real reports leave out (issue 11 §1): table 二 without 规章, table 三 without （六）, a 2019 table 二 with only
 * some of the 第二十条 blocks. What is printed is read exactly, the missing rows are absent with a table.row_missing
 * warning, and a table whose printed rows cannot be placed by their labels is refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { parseDocument } from '../../pipeline/parse/index.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { type TabReportOptions, tabReport, tabReportHtml } from '../helpers/tab-report.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** The tab report without the lines that start with any of `prefixes` (a row, a block heading, its header). */
function without(prefixes: string[], options: TabReportOptions = {}): string {
  const lines = tabReport(options).split('\n');
  return lines.filter((l) => !prefixes.some((p) => l.startsWith(p))).join('\n');
}

async function read(text: string, name = 'report.txt'): Promise<AnnualReport> {
  return readReport(new TextEncoder().encode(text), name);
}

function kinds(report: AnnualReport, table: 'proactive' | 'applications', row: string): string[] {
  return Object.values(report.tables[table][row]!).map((c) => c.kind);
}

function rowMissing(report: AnnualReport): Array<{ table: string | undefined; found: unknown; severity: string }> {
  return validate(report).issues.filter((i) => i.rule === 'table.row_missing').map((i) => ({ table: i.table, found: i.found, severity: i.severity }));
}

test('table 二 without the 规章 row: the other rows read exactly, 规章 is absent, one warning names it', async () => {
  for (const [name, text] of [['report.txt', without(['规章\t'])], ['report.html', tabReportHtml(without(['规章\t']))]] as const) {
    const r = await read(text, name);
    assert.deepEqual(kinds(r, 'proactive', 'regulations'), ['absent', 'absent', 'absent'], name);
    assert.deepEqual(Object.values(r.tables.proactive.normative_documents!).map((c) => c.value), [4, 4, 4], name);
    assert.equal(r.tables.proactive.administrative_fees!.fee_amount_10k_yuan!.value, 12.5);
    const result = validate(r);
    assert.deepEqual(rowMissing(r), [{ table: 'proactive', found: 'row not printed: regulations', severity: 'warning' }], name);
    const issue = result.issues.find((i) => i.rule === 'table.row_missing')!;
    assert.match(issue.message.zh, /表二（主动公开政府信息情况）未列出规章（regulations）/);
    assert.match(issue.message.en, /does not print the row 规章 \(regulations\)/);
    assert.deepEqual(issue.cells, ['regulations.issued', 'regulations.repealed', 'regulations.in_force']);
    assert.ok(result.valid, 'a warning, not an error');
  }
});

test('table 三 without （六）其他处理 (2019 edition): absent, and the outcome total is still checked as printed', async () => {
  const r = await read(without(['（六）其他处理'], { edition: '2019' }));
  assert.deepEqual(kinds(r, 'applications', 'other'), Array(7).fill('absent'));
  assert.equal(r.tables.applications.total!.total!.value, 12);
  assert.equal(r.tables.applications['not_processed.confirmation']!.natural_person!.value, 0);
  assert.deepEqual(rowMissing(r), [{ table: 'applications', found: 'row not printed: other', severity: 'warning' }]);
  // Every rule holds with what is printed: nothing else is reported.
  assert.deepEqual(validate(r).issues.map((i) => i.rule), ['table.row_missing']);
});

test('table 三 without （六） and its sub-rows (2021 edition): the four rows are named', async () => {
  const text = without(['（六）其他处理', '1.申请人无正当理由', '2.申请人逾期未按', '3.其他']);
  const r = await read(text);
  for (const row of ['other', 'other.no_correction', 'other.fee_unpaid', 'other.other']) {
    assert.deepEqual(new Set(kinds(r, 'applications', row)), new Set(['absent']), row);
  }
  assert.deepEqual(rowMissing(r), [{ table: 'applications', found: 'rows not printed: other, other.no_correction, other.fee_unpaid, other.other', severity: 'warning' }]);
});

test('2021 edition: （六） printed as two of its three sub-rows: the third is missing, and so is （六） (not derived)', async () => {
  const r = await read(without(['2.申请人逾期未按'], { cells: { 'applications.other.other.natural_person': '3', 'applications.other.other.total': '3' } }));
  assert.equal(r.tables.applications['other.other']!.natural_person!.value, 3);
  assert.deepEqual(new Set(kinds(r, 'applications', 'other')), new Set(['absent']), 'a sum of two of three parts is not （六）');
  assert.deepEqual(new Set(kinds(r, 'applications', 'other.fee_unpaid')), new Set(['absent']));
  assert.deepEqual(rowMissing(r).map((m) => m.found), ['rows not printed: other, other.fee_unpaid']);
  // Besides the missing rows, nothing is reported: no rule counts the unknown （六） as the sum of two sub-rows.
  assert.deepEqual(validate(r).issues.map((i) => i.rule), ['table.row_missing']);
});

test('a 2019 table 二 with only some of the 第二十条 blocks reads the blocks it prints', async () => {
  const text = without(['第二十条第（六）项', '行政处罚', '行政强制', '第二十条第（九）项', '政府集中采购', '信息内容\t采购项目数量'], { edition: '2019' });
  const r = await read(text);
  assert.equal(r.tables.proactive.administrative_fees!.items_change!.value, 3);
  assert.equal(r.tables.proactive.other_management_services!.decisions!.value, 4);
  for (const row of ['administrative_penalty', 'administrative_coercion', 'centralized_procurement']) {
    assert.deepEqual(new Set(kinds(r, 'proactive', row)), new Set(['absent']), row);
  }
  assert.deepEqual(rowMissing(r).map((m) => m.found), ['rows not printed: administrative_penalty, administrative_coercion, centralized_procurement']);
});

test('a rule over an absent row that does not hold as printed is information, not a warning', async () => {
  // （六） is not printed, and the outcomes printed add up to 10 while （七）总计 says 12: the difference may be （六）'s.
  const r = await read(without(['（六）其他处理'], { edition: '2019', cells: { 'applications.granted.commercial_enterprise': '0', 'applications.granted.total': '10' } }));
  const outcome = validate(r).issues.filter((i) => i.rule === 'applications.outcome_total');
  assert.deepEqual(outcome.map((i) => [i.column, i.severity]), [['commercial_enterprise', 'info'], ['total', 'info']]);
  assert.deepEqual(outcome[0]!.absent, ['other.commercial_enterprise']);
  assert.match(outcome[0]!.message.en, /not checked: the source does not print other\.commercial_enterprise/);
  assert.ok(!outcome[0]!.blanksAsZero?.includes('other.commercial_enterprise'));
  // A rule that does not involve （六） is still a warning: the text says 予以公开12件, the table 10.
  assert.ok(validate(r).issues.some((i) => i.rule === 'narrative.granted' && i.severity === 'warning'));
  assert.ok(validate(r).valid);
});

test('a row that cannot be placed by its label when rows are missing: refused, naming the table and why', async () => {
  // 行政许可 is not printed, and "对外管理事项" names 其他对外管理服务事项 only in part: where is the gap?
  const text = without(['行政许可\t'], { edition: '2019', labels: { 其他对外管理服务事项: '对外管理事项' } });
  await assert.rejects(read(text, 'gap.txt'), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.file, 'gap.txt');
    assert.match(err.message, /table 二 \(主动公开政府信息情况\): the rows "行政许可" of the 2019 template are not printed, and row "对外管理事项" \(line \d+, column \d+\) cannot be placed by its label/);
    assert.match(err.message, /cannot be aligned with the template/);
    return true;
  });
  // With every row printed, the same label is read (the order places it).
  const full = await read(tabReport({ edition: '2019', labels: { 其他对外管理服务事项: '对外管理事项' } }));
  assert.equal(full.tables.proactive.other_management_services!.decisions!.value, 4);
});

test('a missing row in a PDF with scanned pages is refused: the row may be on the scan', async () => {
  const doc = await ingest(new TextEncoder().encode(without(['规章\t'])), 'scan.txt');
  assert.equal(doc.kind, 'cells');
  assert.throws(() => parseDocument({ ...doc, scannedPages: [3] } as typeof doc), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /rows regulations not found \(page 3 of this PDF is a scan with no text layer/);
    return true;
  });
});

test('CLI: xxgk validate reads a report without 规章 and exits 0 with the table.row_missing warning', () => {
  const path = join(scratchDir('xxgk-missing-'), 'no-regulations.txt');
  writeFileSync(path, without(['规章\t']));
  const root = resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, [join(root, 'bin/xxgk.js'), 'validate', '--format', 'json', path], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [result] = JSON.parse(r.stdout);
  const issue = result.issues.find((i: { rule: string }) => i.rule === 'table.row_missing');
  assert.equal(issue.severity, 'warning');
  assert.equal(issue.table, 'proactive');
  assert.equal(issue.found, 'row not printed: regulations');
  assert.ok(result.valid);
});
