/**
 * catalog-gbt21063.json: every dataset of the DCAT catalog described with the core metadata elements of Chinese
 * government resource catalogues (GB/T 21063.3 政务信息资源目录体系 第3部分：核心元数据, with the elements as the
 * 政务信息资源目录编制指南（试行） lists them). Read from the DCAT document itself, so the two cannot list different
 * datasets; the crosswalk is in the README. Elements the release cannot fill (the catalogue code and classification
 * a cataloguing body assigns, the provider's unified social credit code) are null, never invented. Pure.
 */
import type { CatalogDocument } from './dcat-graph.ts';
import { FORMATS, IANA } from './dcat-vocab.ts';
import { csvTableSpec } from './table-schemas.ts';
import { schemaUrl } from './to-json.ts';
import type { ReleaseContext } from './types.ts';

export const GBT21063_FILE = 'catalog-gbt21063.json';
export const GBT21063_SCHEMA = 'schemas/catalog-gbt21063.schema.json';

type Node = CatalogDocument['@graph'][number];
type Val = { '@value'?: string; '@language'?: string; '@id'?: string };

const FREQUENCY: Record<string, string> = {
  ANNUAL: '每年', ANNUAL_2: '每半年', ANNUAL_3: '每年三次', QUARTERLY: '每季度', MONTHLY: '每月', WEEKLY: '每周', DAILY: '每日',
  IRREG: '不定期', CONT: '实时', NEVER: '不更新', UNKNOWN: '未知',
};
const TYPE_ZH: Record<string, string> = { string: '字符型', integer: '整数型', number: '数值型', boolean: '布尔型', date: '日期型', year: '年份' };

const values = (node: Node | undefined, p: string): Val[] => {
  const v = node?.[p];
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]) as Val[];
};
const zhText = (node: Node | undefined, p: string): string | null =>
  values(node, p).find((v) => v['@language'] === 'zh')?.['@value'] ?? values(node, p)[0]?.['@value'] ?? null;
const ids = (node: Node | undefined, p: string): string[] => values(node, p).flatMap((v) => (v['@id'] ? [v['@id']] : []));
const isA = (node: Node, type: string) => ([] as unknown[]).concat(node['@type']).includes(type);

export function gbt21063Catalog(ctx: ReleaseContext, doc: CatalogDocument): object {
  const nodes = new Map(doc['@graph'].map((n) => [String(n['@id']), n]));
  const catalog = doc['@graph'].find((n) => isA(n, 'dcat:Catalog'))!;
  const publisherName = (n: Node) => zhText(nodes.get(ids(n, 'dct:publisher')[0] ?? ''), 'foaf:name');
  const resource = (ds: Node) => {
    const dists = ids(ds, 'dcat:distribution').map((id) => nodes.get(id)!);
    const urls = dists.flatMap((d) => ids(d, 'dcat:downloadURL'));
    const formats = [...new Set(dists.flatMap((d) => ids(d, 'dcat:mediaType')).map((m) =>
      Object.values(FORMATS).find((f) => `${IANA}${f.mediaType}` === m)?.label ?? m))].sort();
    const csv = urls.map((u) => csvTableSpec(u.slice(ctx.meta.baseUrl.length))).find((s) => s && !s.twinOf);
    const frequency = ids(ds, 'dct:accrualPeriodicity')[0] ?? '';
    const themes = ids(ds, 'dcat:theme').map((t) => zhText(nodes.get(t), 'skos:prefLabel') ?? t);
    return {
      信息资源名称: zhText(ds, 'dct:title'),
      信息资源代码: null,
      信息资源标识符: String(ds['@id']),
      信息资源分类: { 类目: null, 主题: themes },
      信息资源提供方: publisherName(ds),
      信息资源提供方代码: null,
      信息资源摘要: zhText(ds, 'dct:description'),
      关键字: values(ds, 'dcat:keyword').filter((v) => v['@language'] === 'zh').map((v) => v['@value']!),
      信息资源格式: formats,
      信息项信息: csv ? csv.columns.map((c) => ({ 信息项名称: c.label.zh, 字段名: c.name, 数据类型: TYPE_ZH[c.type] ?? c.type })) : [],
      共享属性: { 共享类型: '无条件共享', 共享条件: null, 共享方式: '在线下载' },
      开放属性: { 向社会开放: true, 开放条件: `${ctx.meta.license.title}（${ctx.meta.license.url}）` },
      更新周期: FREQUENCY[frequency.replace(/.*\//, '')] ?? frequency,
      发布日期: values(ds, 'dct:issued')[0]?.['@value'] ?? null,
      更新日期: values(ds, 'dct:modified')[0]?.['@value'] ?? null,
      在线资源链接地址: urls,
      关联资源代码: ids(ds, 'dcat:inSeries'),
    };
  };
  const doc21063 = {
    $schema: schemaUrl(ctx.meta, GBT21063_SCHEMA),
    标准: 'GB/T 21063.3 政务信息资源目录体系 第3部分：核心元数据',
    目录: {
      名称: zhText(catalog, 'dct:title'),
      提供方: publisherName(catalog),
      发布日期: values(catalog, 'dct:issued')[0]?.['@value'] ?? null,
      更新日期: values(catalog, 'dct:modified')[0]?.['@value'] ?? null,
      DCAT目录: String(catalog['@id']),
    },
    信息资源: doc['@graph'].filter((n) => isA(n, 'dcat:Dataset')).map(resource),
  };
  return doc21063;
}

export const gbt21063Json = (ctx: ReleaseContext, doc: CatalogDocument): string => `${JSON.stringify(gbt21063Catalog(ctx, doc), null, 2)}\n`;
