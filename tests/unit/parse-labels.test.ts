/** Label matching and number reading the way real reports print them (issue: parse). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../pipeline/errors.ts';
import type { AnnualReport } from '../../pipeline/model/report.ts';
import { detectEdition } from '../../pipeline/parse/detect-edition.ts';
import { readReport } from '../../pipeline/read.ts';
import { type TabReportOptions, tabReport } from '../helpers/tab-report.ts';

async function read(options: TabReportOptions = {}): Promise<AnnualReport> {
  return readReport(new TextEncoder().encode(tabReport(options)), 'report.txt');
}

function value(report: AnnualReport, path: string): number | null {
  const [table, row, column] = path.split('/') as ['applications', string, string];
  return report.tables[table][row]![column]!.value;
}

test('a plain report of each edition reads its metadata and cells', async () => {
  for (const edition of ['2019', '2021'] as const) {
    const r = await read({ edition });
    assert.equal(r.edition, edition);
    assert.equal(r.agency, '测试市档案局');
    assert.equal(r.year, edition === '2019' ? 2020 : 2023);
    assert.equal(r.published, `${r.year + 1}-01-20`);
    assert.equal(value(r, 'applications/received/natural_person'), 10);
    assert.equal(value(r, 'applications/total/total'), 12);
    assert.equal(value(r, 'appeals/reconsideration/total'), 2);
    assert.match(r.id, /^cesh.*-\d{4}$/);
  }
});

test('"1、" numbering and full-width punctuation match "1."', async () => {
  const r = await read({ labels: { '1.属于国家秘密': '1、属于国家秘密', '2.重复申请': '２．重复申请' }, cells: { 'applications.denied.state_secret.natural_person': '3', 'applications.not_processed.duplicate.total': '5' } });
  assert.equal(value(r, 'applications/denied.state_secret/natural_person'), 3);
  assert.equal(value(r, 'applications/not_processed.duplicate/total'), 5);
});

test('typos in labels still match: 其他法律行政止公开, and 规范性文件 in a 2021 table', async () => {
  const r = await read({
    labels: { '2.其他法律行政法规禁止公开': '2.其他法律行政止公开', '行政规范性文件': '规范性文件' },
    cells: { 'applications.denied.prohibited_by_law.natural_person': '7', 'proactive.normative_documents.in_force': '66' },
  });
  assert.equal(value(r, 'applications/denied.prohibited_by_law/natural_person'), 7);
  assert.equal(r.tables.proactive.normative_documents!.in_force!.value, 66);
});

test('page numbers inside a table are dropped', async () => {
  const r = await read({ insertBefore: { '（四）无法提供': ['-4-'], '2.重复申请': ['— 5 —'] } });
  assert.equal(value(r, 'applications/unavailable.not_held/natural_person'), 0);
  assert.equal(value(r, 'applications/total/total'), 12);
});

test('notes inside cells, money in 元 and 万元, signed changes and dashes', async () => {
  const r = await read({
    edition: '2019',
    cells: {
      'proactive.normative_documents.made': '22（其中修订 16 件）',
      'proactive.centralized_procurement.procurement_amount_10k_yuan': '251000元',
      'proactive.administrative_licensing.items_change': '-230',
      'proactive.administrative_penalty.items_change': '+12',
      'proactive.other_management_services.items_previous_year': '—',
      'proactive.administrative_coercion.items_previous_year': '-',
    },
  });
  const p = r.tables.proactive;
  assert.equal(p.normative_documents!.made!.value, 22);
  assert.equal(p.normative_documents!.made!.note, '其中修订16件');
  assert.equal(p.centralized_procurement!.procurement_amount_10k_yuan!.value, 25.1);
  assert.equal(p.centralized_procurement!.procurement_amount_10k_yuan!.unit, '元');
  assert.equal(p.administrative_licensing!.items_change!.value, -230);
  assert.equal(p.administrative_penalty!.items_change!.value, 12);
  assert.deepEqual([p.other_management_services!.items_previous_year!.kind, p.administrative_coercion!.items_previous_year!.kind], ['not_applicable', 'not_applicable']);
  assert.equal(p.administrative_coercion!.items_previous_year!.value, null);
});

test('a blank cell stays apart from a printed 0', async () => {
  const r = await read({ cells: { 'applications.granted.research_institution': '' } });
  const blank = r.tables.applications.granted!.research_institution!;
  const zero = r.tables.applications.granted!.social_welfare_org!;
  assert.deepEqual([blank.kind, blank.value], ['blank', null]);
  assert.deepEqual([zero.kind, zero.value], ['number', 0]);
});

test('renumbered sections and narrative after the tables', async () => {
  const r = await read({
    headings: { proactive: '三、主动公开政府信息情况', applications: '四、收到和处理政府信息公开申请情况', appeals: '五、政府信息公开行政复议、行政诉讼情况' },
  });
  assert.equal(value(r, 'applications/received/total'), 12);
  assert.equal(value(r, 'appeals/litigation_direct/upheld'), 1);
});

test('provenance: every printed cell says where it was read', async () => {
  const r = await read();
  const cell = r.tables.applications.received!.natural_person!;
  assert.equal(cell.raw, '10');
  assert.ok(cell.source?.line, 'line number recorded');
  const lines = tabReport().split('\n');
  assert.match(lines[cell.source!.line! - 1]!, /^一、本年新收政府信息公开申请数量\t10\t/);
});

test('the 2021 edition\'s （六）其他处理 is derived from its printed sub-rows', async () => {
  const r = await read({ cells: { 'applications.other.no_correction.natural_person': '2', 'applications.other.other.natural_person': '1' } });
  const other = r.tables.applications.other!.natural_person!;
  assert.equal(other.kind, 'derived');
  assert.equal(other.value, 3);
});

test('a report cut off inside table 三 is an error that names the missing row', async () => {
  const text = tabReport();
  const cut = text.slice(0, text.indexOf('（五）不予处理'));
  await assert.rejects(readReport(new TextEncoder().encode(cut), 'cut.txt'), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /not found/);
    return true;
  });
});

test('a table in an edition xxgk does not know is reported, not read wrong', async () => {
  // Table 二 in neither edition's columns (an older, pre-2019 style); table 三 has no edition-specific rows.
  const text = tabReport({ edition: '2019' })
    .replace('本年新制作数量\t本年新公开数量\t对外公开总数量', '发文数\t公开数\t累计数')
    .replaceAll('上一年项目数量\t本年增/减', '事项数\t增减')
    .replace('其他对外管理服务事项', '其他事项')
    .replace('第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额', '第二十条第（九）项\n信息内容\t项目数\t金额')
    .replace('政府集中采购', '采购');
  await assert.rejects(readReport(new TextEncoder().encode(text), 'odd.txt'), /edition unknown/);
});

test('a row label that names no template row is an error, not a silent guess', async () => {
  const text = tabReport().replace('3.危及“三安全一稳定”', '3.属于商业秘密的信息');
  await assert.rejects(readReport(new TextEncoder().encode(text), 'odd.txt'), /does not match the template row/);
});

test('labels of both editions in equal number: the report year decides (2019 edition for 2019–2020, 2021 from 2021)', () => {
  const cells = ['行政许可', '其他对外管理服务事项', '本年处理决定数量'].map((text, i) => ({ text, at: { line: i + 1 } }));
  assert.equal(detectEdition(cells).edition, null);
  assert.deepEqual([2020, 2021].map((y) => detectEdition(cells, y).edition), ['2019', '2021']);
  assert.equal(detectEdition(cells, 2020).byYear, true);
  assert.equal(detectEdition(cells.slice(0, 1), 2020).edition, null, 'no label of either edition is no tie');
});

test('OCR look-alikes in a label match their characters (行攻许可 is 行政许可, 甲请 is 申请)', async () => {
  const { labelRecall } = await import('../../pipeline/parse/normalize.ts');
  assert.equal(labelRecall('行攻许可', '行政许可'), 1);
  assert.equal(labelRecall('本年新收政府信息公开甲请数量', '本年新收政府信息公开申请数量'), 1);
  assert.ok(labelRecall('行政处罚', '行政强制') < 0.5);
});
