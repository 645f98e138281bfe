/**
 * What the catalog lists: one dataset per statistical table (二, 三, 四) plus the reports index, each with the
 * release files that carry it. Paths are relative to the release's base URL.
 */
import { TABLE_IDS, TABLES, type TableId } from '../model/template.ts';
import type { FormatId } from './dcat-vocab.ts';
import { REPORTS_CSV, widePath } from './table-schemas.ts';
import type { Text } from './types.ts';

export interface DistributionSpec {
  /** Fragment-safe key, unique within its dataset. */
  key: string;
  path: string;
  format: FormatId;
  title: Text;
  description: Text;
}

export interface DatasetSpec {
  /** Fragment-safe key: the table id, or "reports". */
  key: TableId | 'reports';
  title: Text;
  description: Text;
  keywords: { zh: string[]; en: string[] };
  distributions: DistributionSpec[];
}

export const PATHS = {
  reportsJson: 'feed/reports.json',
  reportsCsv: REPORTS_CSV,
  observations: 'feed/observations.ndjson',
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
    zh: '每份年度报告一条：发布机关、年度、模板版本、校验结果、主要数字，以及指向该报告完整 JSON 文件的链接和 SHA-256 校验值。',
    en: 'One entry per annual report: publishing body, year, template edition, validation result, headline figures, and a link to the report\'s full JSON document with its SHA-256.',
  },
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
      {
        key: 'csv',
        path: PATHS.tableCsv(table),
        format: 'csv',
        title: { zh: `表${n}（CSV）`, en: `Table ${n} (CSV)` },
        description: {
          zh: `${def.heading}：每份报告的每个表行一行，CSV 格式（UTF-8）。`,
          en: `${def.en}: one line per report and row of the table, as CSV (UTF-8).`,
        },
      },
      reportsIndexJson,
      {
        key: 'ndjson',
        path: PATHS.observations,
        format: 'ndjson',
        title: { zh: '全部观测值（NDJSON）', en: 'All observations (NDJSON)' },
        description: {
          zh: `三张表的全部单元格，每行一个 JSON 对象；本表的观测值为 table 字段等于 "${table}" 的行。`,
          en: `Every cell of the three tables, one JSON object per line; this table's observations are the lines whose "table" is "${table}".`,
        },
      },
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
  distributions: [
    {
      key: 'csv',
      path: PATHS.reportsCsv,
      format: 'csv',
      title: { zh: '报告索引（CSV）', en: 'Reports index (CSV)' },
      description: { zh: '每份年度报告一行，CSV 格式（UTF-8）。', en: 'One row per annual report, as CSV (UTF-8).' },
    },
    reportsIndexJson,
  ],
};

/** The catalog's datasets, in catalog order. */
export const DATASETS: readonly DatasetSpec[] = [...TABLE_IDS.map(tableDataset), REPORTS];
