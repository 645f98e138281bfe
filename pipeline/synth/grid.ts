/**
 * The three tables as printed in the national template (templates/FORMATS.md): header rows, row labels, and the
 * rowspan/colspan of every cell. Renderers share this model: HTML and docx print it as is, word text expands it.
 */
import type { Edition, TableId } from '../model/template.ts';
import type { StatedYuan, StrayHeader } from './print.ts';
import type { CompactTable, CompactValue } from './types.ts';

export interface GridCell {
  kind: 'heading' | 'header' | 'label' | 'value';
  /** Label or header text (empty for value cells). */
  text: string;
  rowspan: number;
  colspan: number;
  /** Value cells: where the value belongs, and the value. */
  ref?: { table: TableId; row: string; column: string };
  value?: CompactValue;
}

export interface Grid {
  table: TableId;
  /** Number of grid columns. */
  columns: number;
  /** Header rows at the top (table 三 and 四); table 二 repeats its headers per block. */
  headerRows: number;
  /** Each row lists the cells that start in it (as HTML does), left to right. */
  rows: GridCell[][];
}

export interface Labels {
  /** How sub-items are numbered: "1." (the template) or "1、". */
  numbering: '.' | '、';
  /** Where table 二 says its amounts are in 元 (default: nowhere). */
  statedYuan?: StatedYuan;
  /** Where table 三's header rows are printed again (default: nowhere). */
  strayHeader?: StrayHeader;
  /** Table 二 in the other edition's wording: 规范性文件 and 处理决定数量 in 2021, 行政规范性文件 and 本年处理决定数量 in 2019. */
  otherWording?: boolean;
  /**
   * Header cells wrapped onto a header row of their own ("商业" over "企业", "结果" over "维持"), as tables copied out of
   * PDFs or converted by tools print them: table 三's five 法人或其他组织 headers and table 四's ten 行政诉讼 leaves.
   */
  splitHeaders?: boolean;
}

/** A header split over two rows of cells: "社会公益组织" → "社会公益" / "组织" (the top keeps two characters or more). */
function splitHeader(text: string): [string, string] {
  const at = text.length > 4 ? text.length - 2 : 2;
  return [text.slice(0, at), text.slice(at)];
}

/** The header of table 二's amount column, and the note row that states 元 (none when the header does). */
export function amountHeader(edition: Edition, stated: StatedYuan = 'none'): { header: string; note: string | null } {
  const base = edition === '2019' ? '采购总金额' : '本年收费金额';
  if (stated === 'none') return { header: edition === '2019' ? base : `${base}（单位：万元）`, note: null };
  if (stated === 'header') return { header: edition === '2019' ? `${base}（元）` : `${base}（单位：元）`, note: null };
  return { header: base, note: '单位：元' };
}

const cell = (kind: GridCell['kind'], text: string, colspan = 1, rowspan = 1): GridCell => ({ kind, text, colspan, rowspan });
const valueCell = (table: TableId, t: CompactTable, row: string, column: string, colspan = 1): GridCell => ({
  kind: 'value', text: '', colspan, rowspan: 1, ref: { table, row, column }, value: t[row]?.[column] ?? null,
});

function proactiveGrid(edition: Edition, t: CompactTable, stated: StatedYuan = 'none', otherWording = false): Grid {
  const rows: GridCell[][] = [];
  const amount = amountHeader(edition, stated);
  const [documents, decisions] = (edition === '2021') !== otherWording ? ['行政规范性文件', '本年处理决定数量'] : ['规范性文件', '处理决定数量'];
  const block = (heading: string, headers: string[], all: Array<[string, string]>, columns: string[]): void => {
    // Rows the report leaves out are not printed; a block with none left is left out whole.
    const items = all.filter(([code]) => t[code]);
    if (items.length === 0) return;
    rows.push([cell('heading', heading, 4)]);
    const last = 4 - headers.length; // the last header/value cell spans what is left of the 4 grid columns
    rows.push([cell('header', '信息内容'), ...headers.map((h, i) => cell('header', h, i === headers.length - 1 ? last : 1))]);
    for (const [code, label] of items) {
      rows.push([cell('label', label), ...columns.map((c, i) => valueCell('proactive', t, code, c, i === columns.length - 1 ? last : 1))]);
    }
  };
  if (edition === '2019') {
    const items = ['上一年项目数量', '本年增/减', decisions];
    const itemCols = ['items_previous_year', 'items_change', 'decisions'];
    block('第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      [['regulations', '规章'], ['normative_documents', documents]], ['made', 'published', 'published_total']);
    block('第二十条第（五）项', items, [['administrative_licensing', '行政许可'], ['other_management_services', '其他对外管理服务事项']], itemCols);
    block('第二十条第（六）项', items, [['administrative_penalty', '行政处罚'], ['administrative_coercion', '行政强制']], itemCols);
    block('第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['administrative_fees', '行政事业性收费']], ['items_previous_year', 'items_change']);
    block('第二十条第（九）项', ['采购项目数量', amount.header], [['centralized_procurement', '政府集中采购']],
      ['procurement_items', 'procurement_amount_10k_yuan']);
  } else {
    block('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'],
      [['regulations', '规章'], ['normative_documents', documents]], ['issued', 'repealed', 'in_force']);
    block('第二十条第（五）项', [decisions], [['administrative_licensing', '行政许可']], ['decisions']);
    block('第二十条第（六）项', [decisions], [['administrative_penalty', '行政处罚'], ['administrative_coercion', '行政强制']], ['decisions']);
    block('第二十条第（八）项', [amount.header], [['administrative_fees', '行政事业性收费']], ['fee_amount_10k_yuan']);
  }
  if (amount.note !== null) {
    const note = [cell('heading', amount.note, 4)];
    if (stated === 'note-above') rows.unshift(note);
    else rows.push(note);
  }
  return { table: 'proactive', columns: 4, headerRows: 0, rows };
}

export const APPLICATION_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APP_COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

/** The groups of table 三's outcome rows that the report prints: group label, and its rows with their labels. */
export function applicationGroups(edition: Edition, t: CompactTable, n: string): Array<{ group: string | null; rows: Array<[string, string]> }> {
  const num = (i: number, text: string): string => `${i}${n}${text}`;
  const groups: Array<{ group: string | null; rows: Array<[string, string]> }> = [
    { group: null, rows: [['granted', '（一）予以公开']] },
    { group: null, rows: [['partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']] },
    { group: '（三）不予公开', rows: [
      ['denied.state_secret', num(1, '属于国家秘密')], ['denied.prohibited_by_law', num(2, '其他法律行政法规禁止公开')],
      ['denied.security_stability', num(3, '危及“三安全一稳定”')], ['denied.third_party_rights', num(4, '保护第三方合法权益')],
      ['denied.internal_affairs', num(5, '属于三类内部事务信息')], ['denied.process_information', num(6, '属于四类过程性信息')],
      ['denied.enforcement_files', num(7, '属于行政执法案卷')], ['denied.administrative_query', num(8, '属于行政查询事项')],
    ] },
    { group: '（四）无法提供', rows: [
      ['unavailable.not_held', num(1, '本机关不掌握相关政府信息')], ['unavailable.needs_creation', num(2, '没有现成信息需要另行制作')],
      ['unavailable.unclear', num(3, '补正后申请内容仍不明确')],
    ] },
    { group: '（五）不予处理', rows: [
      ['not_processed.petition', num(1, '信访举报投诉类申请')], ['not_processed.duplicate', num(2, '重复申请')],
      ['not_processed.publication', num(3, '要求提供公开出版物')], ['not_processed.excessive', num(4, '无正当理由大量反复申请')],
      ['not_processed.confirmation', num(5, '要求行政机关确认或重新出具已获取信息')],
    ] },
  ];
  const subRows: Array<[string, string]> = [
    ['other.no_correction', num(1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')],
    ['other.fee_unpaid', num(2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')],
    ['other.other', num(3, '其他')],
  ];
  const printedSubRows = edition === '2021' ? subRows.filter(([code]) => t[code]) : [];
  if (printedSubRows.length === 0) groups.push({ group: null, rows: [['other', '（六）其他处理']] });
  else if (!t.other) groups.push({ group: '（六）其他处理', rows: printedSubRows });
  else groups.push({ group: null, rows: [['other', '（六）其他处理'], ...printedSubRows] });
  groups.push({ group: null, rows: [['total', '（七）总计']] });
  // Rows the report leaves out are not printed; a group with none left is left out whole.
  return groups.map((g) => ({ ...g, rows: g.rows.filter(([code]) => t[code]) })).filter((g) => g.rows.length > 0);
}

function applicationsGrid(edition: Edition, t: CompactTable, labels: Labels): Grid {
  const values = (row: string): GridCell[] => APP_COLUMNS.map((c) => valueCell('applications', t, row, c));
  const organisations = ['商业企业', '科研机构', '社会公益组织', '法律服务机构'];
  const split = labels.splitHeaders ? 1 : 0;
  const header = (): GridCell[][] => [
    [cell('header', APPLICATION_NOTE, 3, 3 + split), cell('header', '申请人情况', 7)],
    [cell('header', '自然人', 1, 2 + split), cell('header', '法人或其他组织', 5), cell('header', '总计', 1, 2 + split)],
    ...(split
      ? [[...organisations.map((h) => cell('header', splitHeader(h)[0])), cell('header', '其他', 1, 2)], organisations.map((h) => cell('header', splitHeader(h)[1]))]
      : [[...organisations, '其他'].map((h) => cell('header', h))]),
  ];
  const rows: GridCell[][] = header();
  if (t.received) rows.push([cell('label', '一、本年新收政府信息公开申请数量', 3), ...values('received')]);
  if (t.carried_over) rows.push([cell('label', '二、上年结转政府信息公开申请数量', 3), ...values('carried_over')]);
  if (labels.strayHeader === 'before-outcomes') rows.push(...header());
  const groups = applicationGroups(edition, t, labels.numbering);
  const outcomeRows = groups.reduce((s, g) => s + g.rows.length, 0);
  let first = true;
  for (const g of groups) {
    g.rows.forEach(([code, label], i) => {
      const row: GridCell[] = [];
      if (first) row.push(cell('label', '三、本年度办理结果', 1, outcomeRows));
      first = false;
      if (g.group === null) row.push(cell('label', label, 2));
      else {
        if (i === 0) row.push(cell('label', g.group, 1, g.rows.length));
        row.push(cell('label', label));
      }
      rows.push([...row, ...values(code)]);
    });
  }
  if (labels.strayHeader === 'before-carried-forward') rows.push(...header());
  if (t.carried_forward) rows.push([cell('label', '四、结转下年度继续办理', 3), ...values('carried_forward')]);
  return { table: 'applications', columns: 10, headerRows: 3 + split, rows };
}

export const APPEAL_GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export const APPEAL_LEAVES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const APPEAL_LEAF_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function appealsGrid(t: CompactTable, splitHeaders = false): Grid {
  const split = splitHeaders ? 1 : 0;
  const leaves = [...APPEAL_LEAF_LABELS, ...APPEAL_LEAF_LABELS];
  // Split: each 行政诉讼 leaf over two rows ("结果" / "维持"), 总计 on the lower one under an empty cell. (Not one cell
  // over both: Word text copies such a cell's lower half as an empty cell right before the figures, which a table of
  // zeros cannot tell from a blank first figure — leading-blanks.ts refuses it, rightly.)
  const litigationLeaves: GridCell[][] = split
    ? [leaves.map((h) => cell('header', h === '总计' ? '' : splitHeader(h)[0])),
      leaves.map((h) => cell('header', h === '总计' ? h : splitHeader(h)[1]))]
    : [leaves.map((h) => cell('header', h))];
  const rows: GridCell[][] = [
    [cell('header', '行政复议', 5), cell('header', '行政诉讼', 10)],
    [...APPEAL_LEAF_LABELS.map((h) => cell('header', h, 1, 2 + split)), cell('header', '未经复议直接起诉', 5), cell('header', '复议后起诉', 5)],
    ...litigationLeaves,
    APPEAL_GROUPS.flatMap((g) => APPEAL_LEAVES.map((c) => valueCell('appeals', t, g, c))),
  ];
  return { table: 'appeals', columns: 15, headerRows: 3 + split, rows };
}

export function buildGrid(table: TableId, edition: Edition, t: CompactTable, labels: Labels = { numbering: '.' }): Grid {
  if (table === 'proactive') return proactiveGrid(edition, t, labels.statedYuan, labels.otherWording);
  if (table === 'applications') return applicationsGrid(edition, t, labels);
  return appealsGrid(t, labels.splitHeaders);
}

export interface PlacedCell {
  cell: GridCell;
  /** 0-based grid column where the cell starts. */
  col: number;
  /** A position covered by a cell that started in a row above (Word's vertical-merge continuation). */
  continuation: boolean;
}

/** Each row with the vertically merged positions filled in, as Word stores a table (one entry per tc). */
export function expandGrid(grid: Grid): PlacedCell[][] {
  const covering: Array<{ cell: GridCell; until: number } | undefined> = [];
  return grid.rows.map((cells, r) => {
    const out: PlacedCell[] = [];
    let next = 0;
    for (let col = 0; col < grid.columns;) {
      const cover = covering[col];
      if (cover && cover.until > r) {
        out.push({ cell: cover.cell, col, continuation: true });
        col += cover.cell.colspan;
        continue;
      }
      const cell = cells[next++];
      if (!cell) throw new Error(`table ${grid.table}, row ${r + 1}: fewer cells than grid columns`);
      out.push({ cell, col, continuation: false });
      for (let k = 0; k < cell.colspan; k++) covering[col + k] = { cell, until: r + cell.rowspan };
      col += cell.colspan;
    }
    if (next !== cells.length) throw new Error(`table ${grid.table}, row ${r + 1}: more cells than grid columns`);
    return out;
  });
}
