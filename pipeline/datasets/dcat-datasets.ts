/**
 * What the catalog lists: one dataset per statistical table (二, 三, 四) plus the reports index, each with the
 * release files that carry it. Paths are relative to the release's base URL.
 */
import { TABLE_IDS, TABLES, type TableId } from '../model/template.ts';
import { DATAPACKAGE_DISTRIBUTION, DATAPACKAGE_STANDARD, type DistributionSpec, csvDistributions, jsonSchema } from './dcat-files.ts';
import type { FormatId } from './dcat-vocab.ts';
import { AGENCIES_FEED } from './to-json-agencies.ts';
import { COVERAGE_CSV } from './table-schemas-coverage.ts';
import { REGIONS_CSV, TIMESERIES_CSV } from './table-schemas-series.ts';
import { OBSERVATIONS_CSV, OBSERVATIONS_NDJSON, OBSERVATIONS_PARQUET, REPORTS_CSV, widePath } from './table-schemas.ts';
import type { Text } from './types.ts';

export interface DatasetSpec {
  /** Fragment-safe key: the table id, "observations", "reports", "timeseries", "regions" or "coverage". */
  key: TableId | 'observations' | 'reports' | 'timeseries' | 'regions' | 'coverage';
  title: Text;
  description: Text;
  keywords: { zh: string[]; en: string[] };
  distributions: DistributionSpec[];
}

export const PATHS = {
  reportsJson: 'feed/reports.json',
  reportsCsv: REPORTS_CSV,
  timeseries: TIMESERIES_CSV,
  regions: REGIONS_CSV,
  coverage: COVERAGE_CSV,
  agencies: AGENCIES_FEED,
  observations: OBSERVATIONS_NDJSON,
  /** The table's wide CSV with English headers (data/<table>.csv). */
  tableCsv: (table: TableId) => widePath(table, false),
} as const;

const NUMBER: Record<TableId, string> = { proactive: '二', applications: '三', appeals: '四' };

const DESCRIPTION: Record<TableId, Text> = {
  proactive: {
    zh: '各行政机关政府信息公开工作年度报告表二“主动公开政府信息情况”：规章和规范性文件的制发、废止与现行有效件数，行政许可、行政处罚、行政强制的决定数量，行政事业性收费金额等（2019年版和2021年版模板）。每个单元格注明来源，并附模板勾稽关系的校验结果。',
    en: 'Table 二 of the annual reports on government information disclosure (proactively disclosed information): government rules and normative documents issued, repealed and in force; licensing, penalty and coercion decisions; fees collected (2019 and 2021 editions of the national template). Every cell keeps its source and the results of the template\'s consistency checks.',
  },
  applications: {
    zh: '各行政机关政府信息公开工作年度报告表三“收到和处理政府信息公开申请情况”：按申请人类型统计的本年新收和上年结转申请数量，予以公开、部分公开、不予公开（按理由）、无法提供、不予处理、其他处理的办理结果，以及结转下年度继续办理的数量。每个单元格注明来源，并附模板勾稽关系的校验结果。',
    en: 'Table 三 of the annual reports on government information disclosure (requests for disclosure received and handled): requests received and carried over, by type of applicant, and how they were handled (disclosed, partially disclosed, withheld by reason, unavailable, not processed, other), and requests carried forward. Every cell keeps its source and the results of the template\'s consistency checks.',
  },
  appeals: {
    zh: '各行政机关政府信息公开工作年度报告表四“政府信息公开行政复议、行政诉讼情况”：行政复议、未经复议直接起诉和复议后起诉的案件按结果维持、结果纠正、其他结果、尚未审结统计的数量及总计。每个单元格注明来源，并附模板勾稽关系的校验结果。',
    en: 'Table 四 of the annual reports on government information disclosure (administrative reconsideration and litigation over disclosure): reconsiderations, lawsuits filed directly and lawsuits after reconsideration, by outcome (upheld, corrected, other, pending) and in total. Every cell keeps its source and the results of the template\'s consistency checks.',
  },
};

const reportsIndexJson: DistributionSpec = {
  key: 'json',
  path: PATHS.reportsJson,
  format: 'json',
  title: { zh: '报告索引（JSON）', en: 'Reports index (JSON)' },
  description: {
    zh: '报告索引的目录：按年度分为若干部分（feed/reports/<年度>.json），每部分一条，给出网址、报告数、首末报告编号、最近更新日期、大小和 SHA-256。',
    en: 'The reports index\'s table of contents: it comes in parts by report year (feed/reports/<year>.json), one entry per part with its URL, number of reports, first and last report id, latest modified date, size and SHA-256.',
  },
  conformsTo: [jsonSchema('feed-reports.schema.json', { zh: '报告索引目录的 JSON Schema', en: 'JSON Schema of the reports index\'s table of contents' })],
};

/** The parts of the reports index: a distribution per file (feed/reports/<year>.json). */
const reportsIndexParts: DistributionSpec = {
  key: 'json-part',
  path: PATHS.reportsJson,
  partitioned: true,
  format: 'json',
  title: { zh: '报告索引（JSON）', en: 'Reports index (JSON)' },
  description: {
    zh: '每份年度报告一条：发布机关、年度、模板版本、校验结果、主要数字，以及指向该报告完整 JSON 文件的链接和 SHA-256 校验值。',
    en: 'One entry per annual report: publishing body, year, template edition, validation result, headline figures, and a link to the report\'s full JSON document with its SHA-256.',
  },
  conformsTo: [jsonSchema('feed-reports-part.schema.json', { zh: '报告索引一部分的 JSON Schema', en: 'JSON Schema of a part of the reports index' })],
};

function tableDataset(table: TableId): DatasetSpec {
  const def = TABLES[table];
  const n = NUMBER[table];
  return {
    key: table,
    title: {
      zh: `政府信息公开工作年度报告：${def.heading}（表${n}）`,
      en: `Annual reports on government information disclosure: ${def.en.toLowerCase()} (table ${n})`,
    },
    description: DESCRIPTION[table],
    keywords: { zh: [def.heading], en: [def.en.toLowerCase()] },
    distributions: [
      ...csvDistributions(PATHS.tableCsv(table), { zh: `表${n}`, en: `Table ${n}` }),
      reportsIndexJson,
    ],
  };
}

const REPORTS: DatasetSpec = {
  key: 'reports',
  title: { zh: '政府信息公开工作年度报告索引', en: 'Index of annual reports on government information disclosure' },
  description: {
    zh: '已收录的政府信息公开工作年度报告清单：每份报告的发布机关、年度、模板版本、校验结果（错误和警告数量）、主要数字（新收申请、予以公开、办理总数、行政复议、行政诉讼），以及该报告 JSON 文件的链接、大小和 SHA-256 校验值。',
    en: 'The annual reports on government information disclosure in the release: for each report its publishing body, year, template edition, validation result (errors and warnings), headline figures (requests received, disclosed, handled; reconsiderations; lawsuits), and the link, size and SHA-256 of its JSON document.',
  },
  keywords: { zh: ['报告索引'], en: ['reports index'] },
  distributions: [...csvDistributions(PATHS.reportsCsv, { zh: '报告索引', en: 'Reports index' }), reportsIndexJson, reportsIndexParts],
};

const TIMESERIES: DatasetSpec = {
  key: 'timeseries',
  title: { zh: '各机关政府信息公开申请与复议诉讼历年数据', en: 'Disclosure requests and appeals by body and year' },
  description: {
    zh: '每个机关每年一行：新收、上年结转、办理总数，予以公开、部分公开、不予公开、无法提供、不予处理、其他处理，结转下年度，行政复议、行政诉讼及结果纠正数量，以及予以公开、部分公开、不予公开、无法提供占比和复议诉讼纠正占比；机关信息取自机关名录，并附每份报告的校验警告。另有机关索引（JSON），链接每个机关的历年数据文件。',
    en: 'One row per body and year: requests received, carried over and handled; granted, partially granted, refused, unavailable, not processed and otherwise handled; carried forward; reconsiderations, lawsuits and appeals corrected; and the shares granted, partially granted, refused and unavailable and the share of appeals corrected. Body facts come from the agency registry; each row carries its report\'s validation warnings. The index of bodies (JSON) links each body\'s own file.',
  },
  keywords: { zh: ['时间序列', '机关'], en: ['time series', 'government bodies'] },
  distributions: [
    ...csvDistributions(PATHS.timeseries, { zh: '各机关历年数据', en: 'Time series by body' }),
    {
      key: 'json',
      path: PATHS.agencies,
      format: 'json',
      title: { zh: '机关索引（JSON）', en: 'Index of bodies (JSON)' },
      description: {
        zh: '每个机关一条：名录信息、有报告的年度，以及该机关历年数据 JSON 文件和网页的链接。',
        en: 'One entry per body: registry facts, the years it has reports for, and links to its own JSON file and page.',
      },
      conformsTo: [jsonSchema('feed-agencies.schema.json', { zh: '机关索引的 JSON Schema', en: 'JSON Schema of the index of bodies' })],
    },
  ],
};

const REGIONS: DatasetSpec = {
  key: 'regions',
  title: { zh: '政府信息公开申请与复议诉讼：按行政区划和层级汇总', en: 'Disclosure requests and appeals summed by division and level' },
  description: {
    zh: '按年度、行政区划代码（GB/T 2260）、范围（区划本身的机关，或含下级区划的机关）和机关层级汇总的报告数、申请办理和复议诉讼数字；标明合计中是否含有有校验警告的报告。',
    en: 'Reports, request and appeal figures summed by year, division code (GB/T 2260), scope (the division\'s own bodies, or those of its subdivisions too) and level of government; each sum says whether it includes a report with validation warnings.',
  },
  keywords: { zh: ['行政区划', '汇总'], en: ['administrative divisions', 'sums'] },
  distributions: csvDistributions(PATHS.regions, { zh: '按行政区划汇总', en: 'Sums by division' }),
};

const OBSERVATIONS: DatasetSpec = {
  key: 'observations',
  title: { zh: '政府信息公开工作年度报告逐格数据（表二、表三、表四）', en: 'Annual reports on government information disclosure: every cell of tables 二, 三 and 四' },
  description: {
    zh: '每份报告表二、表三、表四中每个印出（或由印出格推导）的单元格一行的长表：报告、表、项目、栏目、数值，单元格类型（数字、空白、“-”、文字、推导）及印出原文，以及涉及该格的校验规则。另附中文表头版、NDJSON 版和整个发布的数据包描述。',
    en: 'Tidy data, one row per cell of tables 二, 三 and 四 that a report prints (or that is derived from printed cells): report, table, row, column, value, the kind of cell (number, blank, "-", text, derived) and its printed text, and the consistency rules that touch it. With a Chinese-header twin, an NDJSON feed and the Data Package descriptor of the whole release.',
  },
  keywords: { zh: ['逐格数据', '长表'], en: ['observations', 'tidy data'] },
  distributions: [
    ...csvDistributions(OBSERVATIONS_CSV, { zh: '逐格数据', en: 'Observations' }),
    {
      key: 'ndjson',
      path: PATHS.observations,
      partitioned: true,
      format: 'ndjson',
      title: { zh: '逐格数据（NDJSON）', en: 'Observations (NDJSON)' },
      description: {
        zh: '三张表的全部单元格，每行一个 JSON 对象（字段同 observations.csv，flags 为数组）。',
        en: 'Every cell of the three tables, one JSON object per line (the fields of observations.csv, flags as an array).',
      },
      conformsTo: [jsonSchema('observation.schema.json', { zh: '逐格数据一行的 JSON Schema', en: 'JSON Schema of one observation' })],
    },
    {
      key: 'parquet',
      path: OBSERVATIONS_PARQUET,
      partitioned: true,
      format: 'parquet',
      title: { zh: '逐格数据（Parquet）', en: 'Observations (Parquet)' },
      description: {
        zh: 'Apache Parquet 格式的逐格数据：行和列同 observations.csv（flags 为以“;”连接的文本），可直接用 DuckDB、pandas、R arrow 读取；表结构见 datapackage.json。',
        en: 'The observations in Apache Parquet: the rows and columns of observations.csv (flags as text joined with ";"), for DuckDB, pandas and R arrow; the Table Schema is in datapackage.json.',
      },
      conformsTo: [DATAPACKAGE_STANDARD],
    },
    DATAPACKAGE_DISTRIBUTION,
  ],
};

const COVERAGE: DatasetSpec = {
  key: 'coverage',
  title: { zh: '政府信息公开工作年度报告发布情况与及时性', en: 'Who published their annual report, and on time' },
  description: {
    zh: '每个应发布年度报告的机关每个年度一行：是否找到报告、落款日期、发布日期、距法定期限（次年1月31日）的天数、来源网址，以及报告是否无错误读取。',
    en: 'One row per body expected to publish and year due: whether its report was found, its signature and publication dates, days after the legal deadline (31 January of the next year), the source URL, and whether the report reads without errors.',
  },
  keywords: { zh: ['及时性', '发布期限', '覆盖情况'], en: ['timeliness', 'deadline', 'coverage'] },
  distributions: csvDistributions(PATHS.coverage, { zh: '发布情况与及时性', en: 'Coverage and timeliness' }),
};

/** The catalog's datasets, in catalog order (the per-body datasets follow them: dcat-bodies.ts). */
export const DATASETS: readonly DatasetSpec[] = [OBSERVATIONS, ...TABLE_IDS.map(tableDataset), REPORTS, TIMESERIES, REGIONS, COVERAGE];
