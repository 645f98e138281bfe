/**
 * The release's metadata when the configuration gives none: clearly placeholder URLs and addresses (xxgk.example), so
 * a release built without a `dataset:` section never points at someone else's site.
 */
import type { DatasetMeta } from './types.ts';

export const DEFAULT_META: DatasetMeta = {
  baseUrl: 'https://xxgk.example/data/latest/',
  title: { zh: '政府信息公开工作年度报告统计数据', en: 'Statistics from annual reports on government information disclosure' },
  description: {
    zh: '从各级行政机关发布的政府信息公开工作年度报告中提取的主动公开、依申请公开、行政复议和行政诉讼统计表（表二、表三、表四），逐格注明来源并经勾稽关系校验。',
    en: 'Tables 二, 三 and 四 (proactive disclosure, requests received and handled, administrative reconsideration and litigation) read from the annual reports on government information disclosure that Chinese government bodies publish, with the source of every cell and the results of the template\'s consistency checks.',
  },
  publisher: { name: { zh: 'xxgk 开放数据项目', en: 'The xxgk open-data project' }, url: 'https://xxgk.example/', email: 'data@xxgk.example' },
  contact: { name: { zh: 'xxgk 数据维护者', en: 'xxgk data maintainers' }, email: 'data@xxgk.example', url: 'https://xxgk.example/' },
  license: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' },
  version: '1.0.0',
  versionNotes: 'First release.',
  keywords: {
    zh: ['政府信息公开', '依申请公开', '年度报告', '行政复议', '行政诉讼'],
    en: ['freedom of information', 'government information disclosure', 'annual report', 'administrative reconsideration', 'litigation'],
  },
  themes: ['GOVE'],
  languages: ['zh', 'en'],
  spatial: { uri: 'http://publications.europa.eu/resource/authority/country/CHN', name: { zh: '中华人民共和国', en: "People's Republic of China" } },
  accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
  issued: '2026-01-31',
};
