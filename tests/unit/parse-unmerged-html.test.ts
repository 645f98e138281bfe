/**
 * Web pages that print the template's tables without their merged cells (issue 11, real pages): each grid position a
 * rowspan/colspan covers is an empty cell of its own. Seen on a real 2025 page (table 三's header row "商业企业 … 其他"
 * between an empty cell under 自然人 and one under 总计) and in pages converted from other formats (every table). The
 * renderings here are written for these tests and restate real reports' figures: a 2025 municipal report (2021
 * edition) and the 2019 report of 上海市人民政府办公厅 (2019 edition, blank cells, 采购总金额 "251000元", its 本年新公开数量
 * merged over two grid columns). Each is read exactly; where which empty cell is a placeholder cannot be told, the table
 * is refused. The generator prints the same (pipeline/synth/unmerge-grid.ts, forced in synth-roundtrip.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnualReport, Cell } from '../../pipeline/model/report.ts';
import { readReport } from '../../pipeline/read.ts';
import { validate } from '../../pipeline/validate/index.ts';

interface Td { text: string; colspan?: number; rowspan?: number }
type Row = Array<string | Td>;

/** A cell's markup; "" prints as &nbsp; (an empty cell). */
function td(cell: string | Td): string {
  const c = typeof cell === 'string' ? { text: cell } : cell;
  const span = (c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
  return `<td${span}><p>${c.text === '' ? '&nbsp;' : c.text}</p></td>`;
}

/** Rows of a merged table, every merged cell unmerged: its text top left, an empty cell wherever it spanned. */
function unmerge(rows: Row[]): Row[] {
  const covered = rows.map(() => new Set<number>());
  return rows.map((row, r) => {
    const out: Row = [];
    let c = 0;
    const fill = (): void => {
      while (covered[r]!.has(c)) { out.push(''); c++; }
    };
    for (const cell of row) {
      fill();
      const x = typeof cell === 'string' ? { text: cell } : cell;
      out.push(x.text);
      for (let dr = 0; dr < (x.rowspan ?? 1); dr++) for (let dc = 0; dc < (x.colspan ?? 1); dc++) if (dr || dc) covered[r + dr]?.add(c + dc);
      c++;
      fill();
    }
    return out;
  });
}

const table = (rows: Row[]): string => `<table border="1">${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</table>`;

function page(title: string, tables: [Row[], Row[], Row[]], first = ''): Uint8Array {
  const [two, three, four] = tables;
  return new TextEncoder().encode(`<html><head><meta charset="utf-8"><title>${title}</title></head><body><div id="zoom">
<p>${title}</p><p>一、总体情况</p><p>${first}</p>
<p>二、主动公开政府信息情况</p>${table(two)}
<p>三、收到和处理政府信息公开申请情况</p>${table(three)}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${table(four)}
<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>`);
}

const DENIED = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'];
const UNAVAILABLE = ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'];
const NOT_PROCESSED = ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'];
const OTHER = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];
const CODES_2021 = [
  'received', 'carried_over', 'granted', 'partially_granted',
  ...['state_secret', 'prohibited_by_law', 'security_stability', 'third_party_rights', 'internal_affairs', 'process_information', 'enforcement_files', 'administrative_query'].map((c) => `denied.${c}`),
  ...['not_held', 'needs_creation', 'unclear'].map((c) => `unavailable.${c}`),
  ...['petition', 'duplicate', 'publication', 'excessive', 'confirmation'].map((c) => `not_processed.${c}`),
  'other.no_correction', 'other.fee_unpaid', 'other.other', 'total', 'carried_forward',
];
const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

/** Table 三 (merged, as the template prints it) from its figure rows in template order ("" = blank). */
function applicationsTable(figures: string[][], edition: '2019' | '2021', header: 'rowspan' | 'placeholders' = 'rowspan'): Row[] {
  const rows: Row[] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: 7 }],
    header === 'rowspan'
      ? [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }]
      : ['自然人', { text: '法人或其他组织', colspan: 5 }, '总计'],
    [...(header === 'rowspan' ? [] : ['']), '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ...(header === 'rowspan' ? [] : [''])],
  ];
  let k = 0;
  const next = (): string[] => figures[k++]!;
  rows.push([{ text: '一、本年新收政府信息公开申请数量', colspan: 3 }, ...next()]);
  rows.push([{ text: '二、上年结转政府信息公开申请数量', colspan: 3 }, ...next()]);
  rows.push([{ text: '三、本年度办理结果', rowspan: edition === '2021' ? 22 : 20 }, { text: '（一）予以公开', colspan: 2 }, ...next()]);
  rows.push([{ text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', colspan: 2 }, ...next()]);
  const groups: Array<[string, string[]]> = [['（三）不予公开', DENIED], ['（四）无法提供', UNAVAILABLE], ['（五）不予处理', NOT_PROCESSED]];
  if (edition === '2021') groups.push(['（六）其他处理', OTHER]);
  for (const [group, labels] of groups) {
    labels.forEach((label, i) => rows.push([...(i === 0 ? [{ text: group, rowspan: labels.length }] : []), label, ...next()]));
  }
  if (edition === '2019') rows.push([{ text: '（六）其他处理', colspan: 2 }, ...next()]);
  rows.push([{ text: '（七）总计', colspan: 2 }, ...next()]);
  rows.push([{ text: '四、结转下年度继续办理', colspan: 3 }, ...next()]);
  return rows;
}

function appealsTable(figures: string[]): Row[] {
  const leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [{ text: '行政复议', colspan: 5 }, { text: '行政诉讼', colspan: 10 }],
    [...leaves.map((text) => ({ text, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
    [...leaves, ...leaves],
    figures,
  ];
}

// A 2025 municipal report (2021 edition): its figures as printed.
const APPLICATIONS_2025 = [
  '13612 252 0 45 128 32 14069', '535 6 0 1 18 0 560', '5345 129 0 41 19 14 5548', '2120 39 0 1 6 2 2168',
  '13 0 0 0 0 0 13', '30 0 0 0 0 0 30', '11 0 0 0 0 0 11', '49 2 0 0 0 0 51', '103 1 0 0 0 0 104', '84 1 0 0 0 0 85',
  '282 4 0 0 0 0 286', '147 0 0 0 1 2 150', '3075 50 0 0 89 8 3222', '177 3 0 0 0 0 180', '19 0 0 0 0 0 19',
  '199 1 0 0 3 0 203', '147 1 0 0 0 0 148', '0 0 0 0 0 0 0', '100 1 0 0 0 0 101', '5 0 0 0 0 0 5',
  '315 3 0 0 0 0 318', '202 0 0 1 0 0 203', '941 17 0 1 3 3 965', '13364 252 0 44 121 29 13810', '783 6 0 2 25 3 819',
].map((r) => r.split(' '));
const PROACTIVE_2025: Row[] = [
  [{ text: '第二十条第（一）项', colspan: 4 }], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
  ['规章', '3', '5', '74'], ['行政规范性文件', '564', '984', '4185'],
  [{ text: '第二十条第（五）项', colspan: 4 }], ['信息内容', { text: '本年处理决定数量', colspan: 3 }], ['行政许可', { text: '11398889', colspan: 3 }],
  [{ text: '第二十条第（六）项', colspan: 4 }], ['信息内容', { text: '本年处理决定数量', colspan: 3 }],
  ['行政处罚', { text: '6937489', colspan: 3 }], ['行政强制', { text: '166105', colspan: 3 }],
  [{ text: '第二十条第（八）项', colspan: 4 }], ['信息内容', { text: '本年收费金额（单位：万元）', colspan: 3 }], ['行政事业性收费', { text: '316441', colspan: 3 }],
];
const APPEALS_2025 = '376 97 196 121 790 16 1 12 27 56 74 1 30 51 156'.split(' ');

function assertApplications(report: AnnualReport, figures: string[][], codes: string[], name: string): void {
  codes.forEach((code, r) => {
    COLUMNS.forEach((column, c) => {
      const cell: Cell | undefined = report.tables.applications[code]?.[column];
      const want = figures[r]![c]!;
      if (want === '') assert.equal(cell?.kind, 'blank', `${name}: ${code}.${column}`);
      else assert.equal(cell?.kind === 'number' ? cell.value : `${cell?.kind} ${cell?.raw}`, Number(want), `${name}: ${code}.${column}`);
    });
  });
}

test('a 2025 page whose table 三 header prints an empty cell under 自然人 and under 总计 (no rowspan): read exactly', async () => {
  const bytes = page('测试市2025年政府信息公开工作年度报告', [PROACTIVE_2025, applicationsTable(APPLICATIONS_2025, '2021', 'placeholders'), appealsTable(APPEALS_2025)]);
  const report = await readReport(bytes, 'placeholders.html');
  assertApplications(report, APPLICATIONS_2025, CODES_2021, 'placeholders');
  assert.equal(report.tables.appeals.reconsideration!.total!.value, 790);
  assert.deepEqual(validate(report).issues.filter((i) => i.severity !== 'info' && i.rule !== 'agency.unknown'), []);
});

test('the same page with no merged cell in any table: every placeholder dropped, every figure read exactly', async () => {
  const bytes = page('测试市2025年政府信息公开工作年度报告', [unmerge(PROACTIVE_2025), unmerge(applicationsTable(APPLICATIONS_2025, '2021')), unmerge(appealsTable(APPEALS_2025))]);
  const report = await readReport(bytes, 'unmerged.html');
  assertApplications(report, APPLICATIONS_2025, CODES_2021, 'unmerged');
  const p = report.tables.proactive;
  assert.deepEqual([p.regulations!.issued!.value, p.normative_documents!.in_force!.value, p.administrative_licensing!.decisions!.value, p.administrative_fees!.fee_amount_10k_yuan!.value], [3, 4185, 11398889, 316441]);
  assert.deepEqual(Object.values(report.tables.appeals.litigation_after_reconsideration!).map((c) => c.value), [74, 1, 30, 51, 156]);
});

// 上海市人民政府办公厅 2019 (2019 edition): many blank cells, its own source error (（一）予以公开 总计 blank), and table 二
// printed with 本年新公开数量 over two grid columns, so that the unmerged page has an empty cell between two figures.
const APPLICATIONS_2019 = [
  '821 35 _ _ 2 1 859', '18 _ _ _ _ _ 18', '258 12 _ _ 1 1 _', '3 _ _ _ _ _ _', '14 _ _ _ _ _ _', '_ _ _ _ _ _ _',
  '_ _ _ _ _ _ _', '_ _ _ _ _ _ _', '5 _ _ _ _ _ _', '3 1 _ _ _ _ _', '_ _ _ _ _ _ _', '10 2 _ _ _ _ _',
  '252 12 _ _ 1 _ _', '44 3 _ _ _ _ _', '25 _ _ _ _ _ _', '148 1 _ _ _ _ _', '5 4 _ _ _ _ _', '_ _ _ _ _ _ _',
  '_ _ _ _ _ _ _', '_ _ _ _ _ _ _', '_ _ _ _ _ _ _', '767 35 _ _ 2 1 805', '72 _ _ _ _ _ 72',
].map((r) => r.split(' ').map((x) => (x === '_' ? '' : x)));
const CODES_2019 = [...CODES_2021.slice(0, 20), 'other', 'total', 'carried_forward'];

function proactive2019(regulationsMade: string): Row[] {
  const items = (heading: string, rows: Array<[string, string, string, string]>): Row[] => [
    [{ text: heading, colspan: 5 }], ['信息内容', '上一年项目数量', { text: '本年增/减', colspan: 2 }, '处理决定数量'],
    ...rows.map(([label, a, b, c]): Row => [label, { text: a, colspan: 2 }, b, c]),
  ];
  return [
    [{ text: '第二十条第（一）项', colspan: 5 }], ['信息内容', '本年新<br />制作数量', { text: '本年新<br />公开数量', colspan: 2 }, '对外公开总数量'],
    ['规章', regulationsMade, { text: '13', colspan: 2 }, '524'], ['规范性文件', '60', { text: '60', colspan: 2 }, '368'],
    ...items('第二十条第（五）项', [['行政许可', '0', '0', '0'], ['其他对外管理服务事项', '0', '0', '0']]),
    ...items('第二十条第（六）项', [['行政处罚', '0', '0', '0'], ['行政强制', '0', '0', '0']]),
    [{ text: '第二十条第（八）项', colspan: 5 }], ['信息内容', { text: '上一年项目数量', colspan: 2 }, { text: '本年增/减', colspan: 2 }],
    ['行政事业性收费', { text: '0', colspan: 2 }, { text: '0', colspan: 2 }],
    [{ text: '第二十条第（九）项', colspan: 5 }], ['信息内容', { text: '采购项目数量', colspan: 2 }, { text: '采购总金额', colspan: 2 }],
    ['政府集中采购', { text: '6', colspan: 2 }, { text: '251000元', colspan: 2 }],
  ];
}
const APPEALS_2019 = ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''];
const TITLE_2019 = '2019年上海市人民政府办公厅政府信息公开工作年度报告';

test('a 2019-edition page with no merged cell: an empty cell between two figures of table 二 is dropped when every empty cell of the row is a placeholder; blank figures stay blank', async () => {
  const bytes = page(TITLE_2019, [unmerge(proactive2019('13')), unmerge(applicationsTable(APPLICATIONS_2019, '2019')), unmerge(appealsTable(APPEALS_2019))]);
  const report = await readReport(bytes, 'unmerged-2019.html');
  assert.equal(report.edition, '2019');
  const p = report.tables.proactive;
  assert.deepEqual(Object.values(p.regulations!).map((c) => c.value), [13, 13, 524]);
  assert.deepEqual(Object.values(p.normative_documents!).map((c) => c.value), [60, 60, 368]);
  assert.deepEqual(Object.values(p.administrative_fees!).map((c) => c.value), [0, 0]);
  assert.equal(p.centralized_procurement!.procurement_amount_10k_yuan!.value, 25.1);
  assertApplications(report, APPLICATIONS_2019, CODES_2019, 'unmerged-2019');
  assert.deepEqual(Object.values(report.tables.appeals.reconsideration!).map((c) => c.kind), ['number', 'blank', 'blank', 'number', 'number']);
});

test('where which empty cell is the placeholder cannot be told (a blank figure beside one), table 二 is refused, never read shifted', async () => {
  // 规章 | (blank) | 13 | (placeholder) | 524: two empty cells, one too many, neither first nor alone.
  const bytes = page(TITLE_2019, [unmerge(proactive2019('')), applicationsTable(APPLICATIONS_2019, '2019'), appealsTable(APPEALS_2019)]);
  await assert.rejects(readReport(bytes, 'ambiguous-2019.html'), /table 二/);
  // Merged as printed, the same blank is read as a blank.
  const merged = await readReport(page(TITLE_2019, [proactive2019(''), applicationsTable(APPLICATIONS_2019, '2019'), appealsTable(APPEALS_2019)]), 'merged-2019.html');
  assert.deepEqual(Object.values(merged.tables.proactive.regulations!).map((c) => c.kind === 'blank' ? null : c.value), [null, 13, 524]);
});

test('a footnote mark printed <sup>1</sup> after a figure is the cell\'s note, not a digit of it', async () => {
  const figures = APPLICATIONS_2025.map((r) => [...r]);
  figures[0]![6] = '14069<sup>1</sup>';
  const report = await readReport(page('测试市2025年政府信息公开工作年度报告', [PROACTIVE_2025, applicationsTable(figures, '2021'), appealsTable(APPEALS_2025)]), 'sup.html');
  const cell = report.tables.applications.received!.total!;
  assert.deepEqual([cell.value, cell.raw, cell.note], [14069, '14069¹', '¹']);
  assert.ok(validate(report).issues.some((i) => i.rule === 'value.note' && i.row === 'received' && i.column === 'total'));
});

test('a page whose tables are images: refused, and the reason says the sections print no table', async () => {
  const html = new TextDecoder().decode(page('测试市2025年政府信息公开工作年度报告', [PROACTIVE_2025, applicationsTable(APPLICATIONS_2025, '2021'), appealsTable(APPEALS_2025)]))
    .replace(/<table[\s\S]*?<\/table>/g, '<p><img src="table.png" alt="表格"></p>');
  await assert.rejects(readReport(new TextEncoder().encode(html), 'images.html'), /the sections print no table: are the tables images or an attachment\?/);
});

test('table 三: a cell too many after the figures, with a blank figure among them, is no placeholder: refused, never shifted', async () => {
  const figures = APPLICATIONS_2025.map((r) => [...r]);
  figures[0] = ['13612', '252', '', '45', '128', '32', '14069', '7'];
  const bytes = page('测试市2025年政府信息公开工作年度报告', [PROACTIVE_2025, applicationsTable(figures, '2021'), appealsTable(APPEALS_2025)]);
  await assert.rejects(readReport(bytes, 'stray.html'), /table 三/);
});
