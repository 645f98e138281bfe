/** The description of data/coverage.csv: one row per expected body and year due (coverage.ts). Pure data. */
import { AGENCY_KINDS, AGENCY_LEVELS } from '../model/agency.ts';
import { COVERAGE_STATUSES, EXPECTED_BY } from './coverage.ts';
import { C, col, type CsvTableSpec } from './table-columns.ts';

export const COVERAGE_CSV = 'data/coverage.csv';

export const COVERAGE: CsvTableSpec = {
  path: COVERAGE_CSV,
  name: 'coverage',
  title: { zh: '年度报告发布情况与及时性', en: 'Coverage and timeliness of the annual reports' },
  description: {
    zh: '每个应发布年度报告的机关每个年度一行：是否找到报告，报告落款日期和发布日期（网页所示发布日期，否则落款日期），距法定期限（次年1月31日）的天数，来源网址，以及报告是否无错误读取。应发布的机关：配置的来源所指机关、配置的行政区划内名录中的全部机关，以及此前发布过报告的机关。',
    en: 'One row per body expected to publish and year due: whether its report was found, the date it is signed and the date it was published (the date its web page shows, else the signature), days after the legal deadline (31 January of the next year), the source URL, and whether it reads without errors. Bodies expected: those the configured sources name, every registry body in a configured division, and every body that published a report before.',
  },
  row: { zh: '一个应发布报告的机关的一个年度', en: 'one body expected to publish, in one year due' },
  columns: [
    C.year,
    col({ name: 'body_id', label: { zh: '机关编号', en: 'Body id' }, type: 'string', required: true, pattern: '^[a-z0-9][a-z0-9-]*$',
      note: 'registry id (agencies.yaml); for a body whose printed name did not resolve, the pinyin slug of that name' }),
    col({ name: 'resolved', label: { zh: '已匹配名录', en: 'Resolved' }, type: 'boolean', required: true,
      note: 'true when the body is a registry body' }),
    col({ name: 'body_name', label: { zh: '机关名称', en: 'Body name' }, type: 'string', required: true, note: 'the registry\'s official name; the printed name when unresolved' }),
    col({ name: 'division', label: { zh: '行政区划代码', en: 'Division' }, type: 'string', pattern: '^[0-9]{6}$', note: 'GB/T 2260 code of the area the body serves' }),
    col({ name: 'level', label: { zh: '层级', en: 'Level' }, type: 'string', enum: AGENCY_LEVELS, note: 'level of government (registry)' }),
    col({ name: 'kind', label: { zh: '机关类型', en: 'Kind' }, type: 'string', enum: AGENCY_KINDS, note: 'government or department (registry)' }),
    col({ name: 'expected_by', label: { zh: '应发布依据', en: 'Expected by' }, type: 'string', required: true, enum: EXPECTED_BY,
      note: 'source: a configured source names the body; division: the body is in a configured division; history: the body published a report in an earlier year' }),
    col({ name: 'source', label: { zh: '来源', en: 'Source' }, type: 'string', note: 'id of the configured source that names the body' }),
    col({ name: 'found', label: { zh: '已找到', en: 'Found' }, type: 'boolean', required: true, note: 'a report of the body for the year was read' }),
    col({ name: 'report_id', label: { zh: '报告编号', en: 'Report id' }, type: 'string', note: 'the report, when found' }),
    col({ name: 'signed', label: { zh: '落款日期', en: 'Signed' }, type: 'date', note: 'the date the report is signed with (or the 发布日期 it prints)' }),
    col({ name: 'published', label: { zh: '发布日期', en: 'Published' }, type: 'date',
      note: 'the publication date its web page shows (meta PubDate or a 发布日期 line, else the date next to its link in the listing); the signature date when the page shows none' }),
    col({ name: 'published_from', label: { zh: '发布日期来源', en: 'Published from' }, type: 'string', enum: ['page', 'signature'],
      note: 'page: the site\'s date; signature: the report\'s own date' }),
    col({ name: 'deadline', label: { zh: '法定期限', en: 'Deadline' }, type: 'date', required: true, note: '31 January of the year after the year reported on (条例 第五十条)' }),
    col({ name: 'days_after_deadline', label: { zh: '超过期限天数', en: 'Days after deadline' }, type: 'integer',
      note: 'published minus deadline, in days: 0 or less is on time; empty when there is no date' }),
    col({ name: 'status', label: { zh: '状态', en: 'Status' }, type: 'string', required: true, enum: COVERAGE_STATUSES,
      note: 'on_time, late (published after the deadline), undated (found, no date), missing (not found)' }),
    col({ name: 'url', label: { zh: '来源网址', en: 'Source URL' }, type: 'string', note: 'where the report was fetched from (its page), when it came from the web' }),
    col({ name: 'valid', label: { zh: '无错误读取', en: 'Reads without errors' }, type: 'boolean',
      note: 'the report reads and validates without errors (a report with errors is found but kept out of the other files); empty when not found' }),
  ],
  primaryKey: ['body_id', 'year'],
  refersToReports: false,
};
