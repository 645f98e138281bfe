/**
 * The vocabulary of the catalog: namespaces (the inline JSON-LD @context and the Turtle prefixes), the controlled
 * vocabularies it points to (IANA media types, EU file types, themes, languages), and a small JSON-LD node builder.
 */
import type { Text } from './types.ts';

export const NS = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export const IANA = 'http://www.iana.org/assignments/media-types/';
export const EU = 'http://publications.europa.eu/resource/authority/';

/**
 * The file formats the catalog describes. dcat:mediaType is an IANA URI; dct:format an EU file-type URI.
 * NDJSON has no IANA registration: application/x-ndjson is the type the files are served with, and the EU file-type
 * table's JSON is its nearest format.
 */
export const FORMATS = {
  csv: { mediaType: 'text/csv', fileType: 'CSV', label: 'CSV' },
  json: { mediaType: 'application/json', fileType: 'JSON', label: 'JSON' },
  ndjson: { mediaType: 'application/x-ndjson', fileType: 'JSON', label: 'NDJSON' },
  csvw: { mediaType: 'application/csvm+json', fileType: 'JSON_LD', label: 'CSVW' },
  parquet: { mediaType: 'application/vnd.apache.parquet', fileType: 'PARQUET', label: 'Parquet' },
  html: { mediaType: 'text/html', fileType: 'HTML', label: 'HTML' },
} as const;
/** IANA types of the compressions a distribution may have (dcat:compressFormat). */
export const COMPRESSIONS = { gzip: 'application/gzip' } as const;
/**
 * Types of the archives a distribution may be packaged in (dcat:packageFormat). tar has no IANA registration:
 * application/x-tar is the type it is served with, under the IANA media-type URI space like application/x-ndjson.
 */
export const PACKAGES = { tar: 'application/x-tar' } as const;
export type FormatId = keyof typeof FORMATS;

/** EU data themes (the config's dataset.theme codes), with their labels. */
export const THEMES: Record<string, Text> = {
  AGRI: { zh: '农业、渔业、林业和食品', en: 'Agriculture, fisheries, forestry and food' },
  ECON: { zh: '经济和金融', en: 'Economy and finance' },
  EDUC: { zh: '教育、文化和体育', en: 'Education, culture and sport' },
  ENER: { zh: '能源', en: 'Energy' },
  ENVI: { zh: '环境', en: 'Environment' },
  GOVE: { zh: '政府和公共部门', en: 'Government and public sector' },
  HEAL: { zh: '卫生', en: 'Health' },
  INTR: { zh: '国际事务', en: 'International issues' },
  JUST: { zh: '司法、法律体系和公共安全', en: 'Justice, legal system and public safety' },
  OP_DATPRO: { zh: '临时数据', en: 'Provisional data' },
  REGI: { zh: '地区和城市', en: 'Regions and cities' },
  SOCI: { zh: '人口和社会', en: 'Population and society' },
  TECH: { zh: '科学和技术', en: 'Science and technology' },
  TRAN: { zh: '交通', en: 'Transport' },
};
export const themeUri = (code: string): string => `${EU}data-theme/${code}`;

export const LANGUAGES = {
  zh: { uri: `${EU}language/ZHO`, label: { zh: '中文', en: 'Chinese' } satisfies Text },
  en: { uri: `${EU}language/ENG`, label: { zh: '英语', en: 'English' } satisfies Text },
};

export const SHA256 = `${NS.spdx}checksumAlgorithm_sha256`;

// ---- JSON-LD values ----

export type Ref = { '@id': string };
export type Literal = { '@value': string; '@language'?: string; '@type'?: string };
export type Value = Ref | Literal;
export interface JsonLdNode {
  '@id': string;
  '@type': string[];
  [property: string]: string | string[] | Value[];
}
/** A node as written: a single type or value is not wrapped in an array. */
export type OutputNode = Record<string, string | string[] | Value | Value[]>;

export const ref = (id: string): Ref => ({ '@id': id });
export const plain = (value: string): Literal => ({ '@value': value });
export const typed = (value: string, type: string): Literal => ({ '@value': value, '@type': type });
export const date = (value: string): Literal => typed(value, 'xsd:date');
export const text = (t: Text): Literal[] => [
  { '@value': t.zh, '@language': 'zh' },
  { '@value': t.en, '@language': 'en' },
];
export const words = (t: { zh: readonly string[]; en: readonly string[] }): Literal[] => [
  ...t.zh.map((w) => ({ '@value': w, '@language': 'zh' })),
  ...t.en.map((w) => ({ '@value': w, '@language': 'en' })),
];

/**
 * The catalog's nodes, in the order they were first added. Adding a node that exists merges its types and values
 * (so a URL used in two roles, e.g. a landing page that is also the homepage, is one node with both types).
 */
export class Graph {
  private readonly nodes = new Map<string, JsonLdNode>();

  add(id: string, types: readonly string[], properties: Record<string, readonly Value[]> = {}): Ref {
    const node = this.nodes.get(id) ?? { '@id': id, '@type': [] };
    for (const t of types) if (!node['@type'].includes(t)) node['@type'].push(t);
    for (const [property, values] of Object.entries(properties)) {
      if (values.length === 0) continue;
      const existing = (node[property] as Value[] | undefined) ?? [];
      const seen = new Set(existing.map((v) => JSON.stringify(v)));
      node[property] = [...existing, ...values.filter((v) => !seen.has(JSON.stringify(v)))];
    }
    this.nodes.set(id, node);
    return ref(id);
  }

  toArray(): OutputNode[] {
    return [...this.nodes.values()].map((node) =>
      Object.fromEntries(Object.entries(node).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0]! : v])),
    );
  }
}
