/**
 * The Chinese definitions of the CSV columns for the data dictionary, by column name (per file where a name means
 * different things). The English definitions are the columns' notes in the table descriptions; a test checks that
 * every column of every CSV has a Chinese definition here, so a new column cannot go undocumented. Pure data.
 */
import { TABLES, type TableId } from '../model/template.ts';

const SUM = '为若干格之和：印出的数字相加，其中空白或“-”格按 0 计；均未印出数字时为空';
const SUMMED = '；按各机关报告相加，没有报告印出时为空';
const RATE = (num: string, den: string) => `${num} ÷ ${den}，小数，四舍五入到 4 位；任一为空或分母为 0 时为空（只有报告自身算术有误时才会大于 1）`;

const FIGURES: Record<string, string> = {
  received: '表三“一、本年新收政府信息公开申请数量”的总计栏',
  carried_over: '表三“二、上年结转政府信息公开申请数量”的总计栏',
  handled: '表三“（七）总计”的总计栏，即本年办理的申请总数；各项申请占比的分母',
  granted: '表三“（一）予以公开”的总计栏',
  partially_granted: '表三“（二）部分公开”的总计栏',
  refused: `表三“（三）不予公开”8 个项目（denied.*）的总计栏，${SUM}`,
  unavailable: `表三“（四）无法提供”3 个项目（unavailable.*）的总计栏，${SUM}`,
  not_processed: `表三“（五）不予处理”5 个项目（not_processed.*）的总计栏，${SUM}`,
  other: '表三“（六）其他处理”的总计栏；2021 版该行印为空白而分项有数时，取其分项 other.no_correction、other.fee_unpaid、other.other 之和',
  carried_forward: '表三“四、结转下年度继续办理”的总计栏',
  reconsiderations: '表四“行政复议”的总计栏',
  lawsuits: `表四“未经复议直接起诉”和“复议后起诉”两项的总计栏，${SUM}`,
  appeals: `表四行政复议、未经复议直接起诉、复议后起诉三项的总计栏（含尚未审结），${SUM}`,
  appeals_corrected: `表四上述三项的“结果纠正”栏，${SUM}`,
  granted_rate: RATE('granted', 'handled'),
  partially_granted_rate: RATE('partially_granted', 'handled'),
  refused_rate: RATE('refused', 'handled'),
  unavailable_rate: RATE('unavailable', 'handled'),
  appeals_corrected_rate: RATE('appeals_corrected', 'appeals'),
};

const COMMON: Record<string, string> = {
  report_id: '报告的稳定编号：机关拼音简称-年度；报告的完整 JSON 在 reports/<年度>/<报告编号>.json',
  agency: '报告上印出的机关名称',
  region: '行政区划代码（GB/T 2260），已知时填写',
  year: '报告所述年度',
  edition: '国家年度报告格式的版本（2019 版或 2021 版）',
  row: '项目代码（见代码表）',
  table: '表代码：proactive = 表二，applications = 表三，appeals = 表四',
  column: '栏目代码（见代码表）',
  value: '数值：件数、增减数（items_change 可为负）或金额（万元）；该格空白、印“-”或印文字时为空',
  kind: '单元格类型：number 印出数字；blank 空白；not_applicable 印“-”（或“—”“/”“无”）；text 印出非数字文字；derived 未印出、由印出格推导；inferred 由报告其他数字推断',
  raw: '印出的原文（去掉首尾空白，如“1,234”“-”“无”）；空白格、推导格及结构化输入（JSON、YAML）为空',
  published: '报告上印出的发布日期',
  valid: '校验未发现错误时为 true',
  errors: '校验错误的条数',
  warnings: '校验警告的条数',
  sources: '来源文件名，用“;”连接',
  json: '报告完整 JSON 文件的路径（相对于发布根目录）',
  body_id: '名录（agencies.yaml）中的机关编号；名称未能匹配名录时为去掉年度的报告编号（印出名称的拼音简称）',
  resolved: '印出的名称匹配到名录中的机关时为 true；为 false 时 body_id 为替代键，名录各列为空',
  body_name: '名录中的正式名称；未匹配时为印出的名称',
  parent: '名录中上级机关的编号（名录列出时）',
  division_name: '行政区划名称（GB/T 2260，取自名录所依据的区划表；否则为名录机关名称去掉“人民政府”）；未知时为空',
  city_name: '所在地级行政区的名称（地级行政区本身即填自身）；省级和省直辖县级行政区为空',
  province_name: '所在省级行政区的名称（省级行政区本身即填自身）；未知时为空',
  scope: 'own：区划代码本身的机关；within：本级及所有下级区划（代码前缀 xx0000 或 xxxx00）的机关',
  reports: '相加的报告数（每个机关一份）',
  reports_with_warnings: '其中有校验警告的报告数',
  includes_warnings: '相加的报告中有校验警告时为 true：其数字按原样发布，使用前请核对',
  ...FIGURES,
};

/** Names whose meaning depends on the file. */
const BY_FILE: Record<string, Record<string, string>> = {
  'data/observations.csv': { flags: '涉及该格的校验规则编号（警告或错误），用“;”连接' },
  'data/reports.csv': {
    flags: '校验警告的规则编号，排序后用“;”连接',
    received: '表三“一、本年新收政府信息公开申请数量”的总计栏',
    granted: '表三“（三）本年度办理结果”中“（一）予以公开”的总计栏',
    handled: '表三“（七）总计”的总计栏',
    reconsiderations: '表四行政复议的总计栏',
    lawsuits: '表四两项行政诉讼的总计栏之和',
  },
  'data/timeseries.csv': {
    flags: '该报告校验警告的规则编号，排序后用“;”连接',
    division: '机关所辖区域的行政区划代码（GB/T 2260，取自名录）；未匹配名录时为报告的区划代码（已知时）',
    level: '行政层级（名录）：province 省级、city 市级、county 县级、township 乡级；未匹配时为空',
    kind: '机关类别（名录）：government 人民政府，department 政府部门；未匹配时为空',
  },
  'data/coverage.csv': {
    year: '应发布报告的年度（报告所述年度）',
    division: '机关所辖区域的行政区划代码（GB/T 2260，取自名录）；未匹配名录时为报告的区划代码（已知时）',
    level: '行政层级（名录）：province 省级、city 市级、county 县级、township 乡级；未匹配时为空',
    kind: '机关类别（名录）：government 人民政府，department 政府部门；未匹配时为空',
    expected_by: '应发布的依据：source 配置的来源所指机关；division 配置的行政区划内名录中的机关；history 此前年度发布过报告的机关',
    source: '所指该机关的配置来源编号；不是由来源而应发布时为空',
    found: '找到并读取了该机关该年度的报告时为 true',
    report_id: '找到的报告的编号；未找到时为空',
    signed: '报告落款日期（或报告印出的发布日期）；未找到或未印出时为空',
    published: '发布日期：网页所示的发布日期（网页元数据 PubDate 或“发布日期”一行，否则为栏目列表中链接旁的日期）；网页未示日期时为落款日期',
    published_from: '发布日期的来源：page 网页所示日期；signature 报告落款日期',
    deadline: '法定发布期限：报告所述年度次年的 1 月 31 日（《政府信息公开条例》第五十条）',
    days_after_deadline: '发布日期减去法定期限的天数：0 或负数为按时发布；没有日期时为空',
    status: 'on_time 按时发布；late 逾期发布；undated 已找到但没有日期；missing 未找到',
    url: '报告的来源网址（栏目来源为报告网页，网址来源为配置的网址）；本地文件为空',
    valid: '报告读取和校验未发现错误时为 true（有错误的报告算作已找到，但不进入其他文件）；未找到时为空',
  },
  'data/regions.csv': {
    division: '行政区划代码（GB/T 2260）',
    level: '相加机关的行政层级，all 为全部层级',
    ...Object.fromEntries(Object.entries(FIGURES).filter(([k]) => !k.endsWith('_rate')).map(([k, v]) => [k, `${v}${SUMMED}`])),
  },
};

const WIDE: Record<string, TableId> = { 'data/proactive.csv': 'proactive', 'data/applications.csv': 'applications', 'data/appeals.csv': 'appeals' };

/** A value column of a wide table: what its cells count, in the template's words. */
function wideValue(table: TableId, name: string): string | undefined {
  const c = TABLES[table].columns.find((x) => x.code === name);
  if (!c) return undefined;
  const what = c.signed ? '增减数（可为负）' : c.money ? '金额，单位万元' : '件数';
  return `“${c.zh}”栏的${what}；该格空白、印“-”或该项目无此栏时为空`;
}

/** The Chinese definition of a column of a CSV, or undefined when there is none (a test forbids that). */
export function definitionZh(path: string, name: string): string | undefined {
  const wide = WIDE[path];
  return BY_FILE[path]?.[name] ?? (wide ? wideValue(wide, name) : undefined) ?? COMMON[name];
}
