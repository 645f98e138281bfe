/**
 * The national template's three statistical tables, for both editions, keyed by the project's stable codes.
 * This is the single source of the code list; schemas/codes.json is generated from it (scripts/write-codes.ts).
 */

export const EDITIONS = ['2019', '2021'] as const;
export type Edition = (typeof EDITIONS)[number];

export const TABLE_IDS = ['proactive', 'applications', 'appeals'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface Label {
  code: string;
  zh: string;
  en: string;
}

export interface RowDef extends Label {
  editions: readonly Edition[];
  /** Printed label variants the parser matches against (besides zh). */
  aliases?: readonly string[];
  /** Columns of this row, per edition (only for tables whose columns vary by row). */
  columns?: Partial<Record<Edition, readonly string[]>>;
  /** The template groups this row under a heading (三（三）, 三（四）, …). */
  group?: string;
}

export interface ColumnDef extends Label {
  editions: readonly Edition[];
  /** Column may hold a signed change ("-230", "+12"). */
  signed?: boolean;
  /** Column is money in 万元 (10,000 yuan); 元 amounts are converted. */
  money?: boolean;
}

export interface TableDef extends Label {
  id: TableId;
  /** Section heading without its number, as printed ("主动公开政府信息情况"). */
  heading: string;
  rows: readonly RowDef[];
  columns: readonly ColumnDef[];
}

const BOTH: readonly Edition[] = ['2019', '2021'];
const E2019: readonly Edition[] = ['2019'];
const E2021: readonly Edition[] = ['2021'];

const DOCS_2019 = ['made', 'published', 'published_total'];
const DOCS_2021 = ['issued', 'repealed', 'in_force'];
const ITEMS_2019 = ['items_previous_year', 'items_change', 'decisions'];

export const PROACTIVE: TableDef = {
  id: 'proactive',
  code: 'proactive',
  zh: '二、主动公开政府信息情况',
  en: 'Proactively disclosed information',
  heading: '主动公开政府信息情况',
  rows: [
    { code: 'regulations', zh: '规章', en: 'Government rules', editions: BOTH, group: '第二十条第（一）项',
      columns: { '2019': DOCS_2019, '2021': DOCS_2021 } },
    { code: 'normative_documents', zh: '规范性文件', en: '(Administrative) normative documents', editions: BOTH,
      aliases: ['行政规范性文件'], group: '第二十条第（一）项', columns: { '2019': DOCS_2019, '2021': DOCS_2021 } },
    { code: 'administrative_licensing', zh: '行政许可', en: 'Administrative licensing', editions: BOTH,
      group: '第二十条第（五）项', columns: { '2019': ITEMS_2019, '2021': ['decisions'] } },
    { code: 'other_management_services', zh: '其他对外管理服务事项', en: 'Other external management services',
      editions: E2019, group: '第二十条第（五）项', columns: { '2019': ITEMS_2019 } },
    { code: 'administrative_penalty', zh: '行政处罚', en: 'Administrative penalties', editions: BOTH,
      group: '第二十条第（六）项', columns: { '2019': ITEMS_2019, '2021': ['decisions'] } },
    { code: 'administrative_coercion', zh: '行政强制', en: 'Administrative coercive measures', editions: BOTH,
      group: '第二十条第（六）项', columns: { '2019': ITEMS_2019, '2021': ['decisions'] } },
    { code: 'administrative_fees', zh: '行政事业性收费', en: 'Administrative fees', editions: BOTH,
      group: '第二十条第（八）项',
      columns: { '2019': ['items_previous_year', 'items_change'], '2021': ['fee_amount_10k_yuan'] } },
    { code: 'centralized_procurement', zh: '政府集中采购', en: 'Centralized government procurement', editions: E2019,
      group: '第二十条第（九）项', columns: { '2019': ['procurement_items', 'procurement_amount_10k_yuan'] } },
  ],
  columns: [
    { code: 'made', zh: '本年新制作数量', en: 'Made this year', editions: E2019 },
    { code: 'published', zh: '本年新公开数量', en: 'Newly published this year', editions: E2019 },
    { code: 'published_total', zh: '对外公开总数量', en: 'Total published', editions: E2019 },
    { code: 'issued', zh: '本年制发件数', en: 'Issued this year', editions: E2021 },
    { code: 'repealed', zh: '本年废止件数', en: 'Repealed this year', editions: E2021 },
    { code: 'in_force', zh: '现行有效件数', en: 'In force', editions: E2021 },
    { code: 'items_previous_year', zh: '上一年项目数量', en: 'Items last year', editions: E2019 },
    { code: 'items_change', zh: '本年增/减', en: 'Change this year (signed)', editions: E2019, signed: true },
    { code: 'decisions', zh: '处理决定数量', en: 'Decisions this year', editions: BOTH },
    { code: 'fee_amount_10k_yuan', zh: '本年收费金额（单位：万元）', en: 'Fees collected this year (10,000 yuan)',
      editions: E2021, money: true },
    { code: 'procurement_items', zh: '采购项目数量', en: 'Procurement projects', editions: E2019 },
    { code: 'procurement_amount_10k_yuan', zh: '采购总金额', en: 'Procurement amount (10,000 yuan)',
      editions: E2019, money: true },
  ],
};

const DENIED = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

export const APPLICATIONS: TableDef = {
  id: 'applications',
  code: 'applications',
  zh: '三、收到和处理政府信息公开申请情况',
  en: 'Requests for disclosure received and handled',
  heading: '收到和处理政府信息公开申请情况',
  rows: [
    { code: 'received', zh: '一、本年新收政府信息公开申请数量', en: 'New requests received this year', editions: BOTH },
    { code: 'carried_over', zh: '二、上年结转政府信息公开申请数量', en: 'Requests carried over from last year',
      editions: BOTH },
    { code: 'granted', zh: '（一）予以公开', en: 'Disclosed', editions: BOTH },
    { code: 'partially_granted', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      en: 'Partially disclosed', editions: BOTH },
    { code: 'denied.state_secret', zh: '1.属于国家秘密', en: 'Withheld: state secret', editions: BOTH, group: DENIED },
    { code: 'denied.prohibited_by_law', zh: '2.其他法律行政法规禁止公开',
      en: 'Withheld: prohibited by other laws and regulations', editions: BOTH, group: DENIED },
    { code: 'denied.security_stability', zh: '3.危及“三安全一稳定”', en: 'Withheld: endangers security or stability',
      editions: BOTH, group: DENIED },
    { code: 'denied.third_party_rights', zh: '4.保护第三方合法权益', en: 'Withheld: third-party rights',
      editions: BOTH, group: DENIED },
    { code: 'denied.internal_affairs', zh: '5.属于三类内部事务信息', en: 'Withheld: internal affairs',
      editions: BOTH, group: DENIED },
    { code: 'denied.process_information', zh: '6.属于四类过程性信息', en: 'Withheld: process information',
      editions: BOTH, group: DENIED },
    { code: 'denied.enforcement_files', zh: '7.属于行政执法案卷', en: 'Withheld: law-enforcement case files',
      editions: BOTH, group: DENIED },
    { code: 'denied.administrative_query', zh: '8.属于行政查询事项', en: 'Withheld: administrative query matter',
      editions: BOTH, group: DENIED, aliases: ['8.属于行政咨询事项'] },
    { code: 'unavailable.not_held', zh: '1.本机关不掌握相关政府信息', en: 'Unavailable: not held by this body',
      editions: BOTH, group: UNAVAILABLE },
    { code: 'unavailable.needs_creation', zh: '2.没有现成信息需要另行制作', en: 'Unavailable: would have to be created',
      editions: BOTH, group: UNAVAILABLE },
    { code: 'unavailable.unclear', zh: '3.补正后申请内容仍不明确', en: 'Unavailable: still unclear after correction',
      editions: BOTH, group: UNAVAILABLE },
    { code: 'not_processed.petition', zh: '1.信访举报投诉类申请', en: 'Not processed: petition, report or complaint',
      editions: BOTH, group: NOT_PROCESSED },
    { code: 'not_processed.duplicate', zh: '2.重复申请', en: 'Not processed: duplicate request', editions: BOTH,
      group: NOT_PROCESSED },
    { code: 'not_processed.publication', zh: '3.要求提供公开出版物', en: 'Not processed: asks for a publication',
      editions: BOTH, group: NOT_PROCESSED },
    { code: 'not_processed.excessive', zh: '4.无正当理由大量反复申请', en: 'Not processed: mass repeated requests',
      editions: BOTH, group: NOT_PROCESSED },
    { code: 'not_processed.confirmation', zh: '5.要求行政机关确认或重新出具已获取信息',
      en: 'Not processed: asks to confirm or reissue information already obtained', editions: BOTH,
      group: NOT_PROCESSED },
    { code: 'other', zh: '（六）其他处理',
      en: 'Other handling (2019 edition: one row; 2021 edition: sum of its three sub-rows)', editions: BOTH },
    { code: 'other.no_correction', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      en: 'Other: applicant did not correct in time', editions: E2021, group: OTHER },
    { code: 'other.fee_unpaid', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      en: 'Other: applicant did not pay the fee in time', editions: E2021, group: OTHER },
    { code: 'other.other', zh: '3.其他', en: 'Other: other', editions: E2021, group: OTHER },
    { code: 'total', zh: '（七）总计', en: 'Total handled this year', editions: BOTH },
    { code: 'carried_forward', zh: '四、结转下年度继续办理', en: 'Carried forward to next year', editions: BOTH },
  ],
  columns: [
    { code: 'natural_person', zh: '自然人', en: 'Natural persons', editions: BOTH },
    { code: 'commercial_enterprise', zh: '商业企业', en: 'Commercial enterprises', editions: BOTH },
    { code: 'research_institution', zh: '科研机构', en: 'Research institutions', editions: BOTH },
    { code: 'social_welfare_org', zh: '社会公益组织', en: 'Public-interest organisations', editions: BOTH },
    { code: 'legal_service_org', zh: '法律服务机构', en: 'Legal service organisations', editions: BOTH },
    { code: 'other_org', zh: '其他', en: 'Other organisations', editions: BOTH },
    { code: 'total', zh: '总计', en: 'Total', editions: BOTH },
  ],
};

export const APPEALS: TableDef = {
  id: 'appeals',
  code: 'appeals',
  zh: '四、政府信息公开行政复议、行政诉讼情况',
  en: 'Administrative reconsideration and litigation over disclosure',
  heading: '政府信息公开行政复议、行政诉讼情况',
  rows: [
    { code: 'reconsideration', zh: '行政复议', en: 'Administrative reconsideration', editions: BOTH },
    { code: 'litigation_direct', zh: '行政诉讼·未经复议直接起诉', en: 'Litigation without prior reconsideration',
      editions: BOTH },
    { code: 'litigation_after_reconsideration', zh: '行政诉讼·复议后起诉', en: 'Litigation after reconsideration',
      editions: BOTH },
  ],
  columns: [
    { code: 'upheld', zh: '结果维持', en: 'Upheld', editions: BOTH },
    { code: 'corrected', zh: '结果纠正', en: 'Corrected', editions: BOTH },
    { code: 'other', zh: '其他结果', en: 'Other outcome', editions: BOTH },
    { code: 'pending', zh: '尚未审结', en: 'Pending', editions: BOTH },
    { code: 'total', zh: '总计', en: 'Total', editions: BOTH },
  ],
};

export const TABLES: Record<TableId, TableDef> = {
  proactive: PROACTIVE,
  applications: APPLICATIONS,
  appeals: APPEALS,
};

/** Each table's rows per edition, filtered once (asked for several times a report). */
const tableRows = new WeakMap<TableDef, Map<Edition, readonly RowDef[]>>();

/**
 * The rows a table has in an edition, in template order: a new array each call (callers may change it), copied from
 * the one filtered once (filtering every call read `editions` of rows of many shapes, a site that cost compiled
 * callers a deoptimisation).
 */
export function rowsOf(table: TableDef, edition: Edition): RowDef[] {
  let byEdition = tableRows.get(table);
  if (byEdition === undefined) tableRows.set(table, (byEdition = new Map()));
  let rows = byEdition.get(edition);
  if (rows === undefined) byEdition.set(edition, (rows = table.rows.filter((r) => r.editions.includes(edition))));
  return rows.slice();
}

/** The column codes of one row in an edition. */
export function columnsOf(table: TableDef, row: RowDef, edition: Edition): readonly string[] {
  if (row.columns) return row.columns[edition] ?? [];
  // The table's own columns in the edition, made once per table and edition (asked for every row of every report).
  let byEdition = tableColumns.get(table);
  if (byEdition === undefined) tableColumns.set(table, (byEdition = new Map()));
  let codes = byEdition.get(edition);
  if (codes === undefined) byEdition.set(edition, (codes = Object.freeze(table.columns.filter((c) => c.editions.includes(edition)).map((c) => c.code))));
  return codes;
}

const tableColumns = new WeakMap<TableDef, Map<Edition, readonly string[]>>();

export function columnDef(table: TableDef, code: string): ColumnDef {
  const col = table.columns.find((c) => c.code === code);
  if (!col) throw new Error(`unknown column ${table.id}.${code}`);
  return col;
}

export function rowDef(table: TableDef, code: string): RowDef {
  const row = table.rows.find((r) => r.code === code);
  if (!row) throw new Error(`unknown row ${table.id}.${code}`);
  return row;
}

/** Every (row, column) pair of a table in an edition, in template order. */
export function cellsOf(table: TableDef, edition: Edition): Array<{ row: RowDef; column: string }> {
  return rowsOf(table, edition).flatMap((row) => columnsOf(table, row, edition).map((column) => ({ row, column })));
}

/** The template's consistency rules (勾稽关系), by id. Implementations are in pipeline/validate/rules.ts. */
export const CONSISTENCY_RULES = [
  { id: 'applications.balance', zh: '第一项加第二项之和，等于第三项加第四项之和（每一列）',
    en: 'received + carried_over = total + carried_forward, for every column', source: 'stated in the template' },
  { id: 'applications.row_total', zh: '总计列等于六类申请人之和（每一行）',
    en: 'column total = sum of the six applicant columns, for every row', source: 'implied by the total column' },
  { id: 'applications.outcome_total', zh: '总计行等于各项办理结果之和（每一列）',
    en: 'row total = granted + partially_granted + all denied.* + all unavailable.* + all not_processed.* + other, for every column',
    source: 'implied by the total row' },
  { id: 'applications.other_subtotal', zh: '（六）其他处理等于其三个子项之和（2021年版）',
    en: '2021 edition: other = other.no_correction + other.fee_unpaid + other.other', source: 'implied' },
  { id: 'appeals.row_total', zh: '总计等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'total = upheld + corrected + other + pending, for each of the three rows', source: 'implied by the total columns' },
  { id: 'cross_year.carry', zh: '本年上年结转数等于上年结转下年度继续办理数',
    en: 'carried_over (year N) = carried_forward (year N-1) of the same body', source: 'cross-year heuristic, not in the template' },
  { id: 'cross_year.in_force', zh: '本年现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数（2021年版）',
    en: '2021 edition: in_force (N) = in_force (N-1) + issued (N) - repealed (N)', source: 'cross-year heuristic, often broken by re-counts' },
] as const;
