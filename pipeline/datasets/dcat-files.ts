/**
 * The distributions of the catalog's files, with the standard each conforms to (dct:conformsTo): a CSV conforms to
 * its CSVW metadata (its Table Schema in CSVW form, also in datapackage.json), a JSON feed to its JSON Schema, a CSVW
 * file to W3C CSVW, datapackage.json to Frictionless Data Package v2. Paths are relative to the base URL. Pure data.
 */
import type { FormatId } from './dcat-vocab.ts';
import { partsOf, partitionOf } from './partitions.ts';
import { AGENCIES_ARCHIVE, ASSETS_DIR, assetName, assetPartition, assetPath, isReportBundle } from './release-layout.ts';
import { OBSERVATIONS_CSV, PARTITIONED, csvTableSpec } from './table-schemas.ts';
import { csvwPath } from './to-csvw.ts';
import { DATAPACKAGE_PROFILE } from './to-datapackage.ts';
import type { Text } from './types.ts';
import { zhPath } from './zh-twin.ts';

export interface DistributionSpec {
  /** Fragment-safe key, unique within its dataset. */
  key: string;
  path: string;
  format: FormatId;
  title: Text;
  description: Text;
  /** The standards (schemas) the file follows: dct:conformsTo. */
  conformsTo?: Standard[];
  /** A partitioned table (partitions.ts): path is the table's, and the catalog lists one distribution per file. */
  partitioned?: boolean;
  /** The partitioned table this file describes: listed only while the table has a part (a release without reports has none). */
  describes?: string;
  /** A release asset (path is its name): downloaded from the release (meta.releases), measured nowhere in the tree. */
  asset?: boolean;
  /** dcat:compressFormat of a compressed file. */
  compressFormat?: 'gzip';
  /** dcat:packageFormat of an archive of files (the national layout's pages: tar). */
  packageFormat?: 'tar';
  /**
   * Where the build wrote the file: a release asset's path in the release folder (assets/…), or a compressed file of
   * the tree (reports/2024.ndjson.gz), whose size and sha256 the catalog then gives.
   */
  source?: string;
}

export interface Standard {
  /** Absolute URL, or a path relative to the release's base URL. */
  uri: string;
  title: Text;
}

export const CSVW_STANDARD: Standard = {
  uri: 'http://www.w3.org/ns/csvw',
  title: { zh: 'W3C 表格数据元数据词汇（CSVW）', en: 'W3C Metadata Vocabulary for Tabular Data (CSVW)' },
};
export const DATAPACKAGE_STANDARD: Standard = {
  uri: DATAPACKAGE_PROFILE,
  title: { zh: 'Frictionless 数据包 v2', en: 'Frictionless Data Package v2' },
};

export const jsonSchema = (file: string, title: Text): Standard => ({ uri: `schemas/${file}`, title });

/** A CSV, its Chinese twin when it has one, and the CSVW metadata of each. */
export function csvDistributions(path: string, title: Text): DistributionSpec[] {
  const paths = csvTableSpec(zhPath(path)) ? [path, zhPath(path)] : [path];
  return paths.flatMap((p): DistributionSpec[] => {
    const spec = csvTableSpec(p)!;
    const zh = p !== path;
    const name = zh ? { zh: `${title.zh}（中文表头）`, en: `${title.en}, Chinese header` } : title;
    // Keys stay those of the single-CSV catalog (…-csv) so the CSV's distribution IRI does not move.
    const suffix = zh ? '-zh' : '';
    const metadata = csvwPath(p);
    const partitioned = PARTITIONED.has(p);
    const tableSchema: Standard = {
      uri: metadata,
      title: { zh: `${spec.title.zh}的表结构（CSVW）`, en: `Table schema of ${spec.title.en} (CSVW)` },
    };
    return [
      {
        key: `csv${suffix}`, path: p, format: 'csv', ...(partitioned ? { partitioned } : {}),
        title: zh ? { zh: `${title.zh}（CSV，中文表头）`, en: `${title.en} (CSV, Chinese header)` } : { zh: `${title.zh}（CSV）`, en: `${title.en} (CSV)` },
        description: {
          zh: `${spec.description.zh}CSV 格式（UTF-8，带 BOM，CRLF 换行）；表结构见 ${metadata} 和 datapackage.json。`,
          en: `${spec.description.en} CSV (UTF-8 with BOM, CRLF); its table schema is in ${metadata} and datapackage.json.`,
        },
        conformsTo: [tableSchema],
      },
      {
        key: `csvw${suffix}`, path: metadata, format: 'csvw', ...(partitioned ? { describes: p } : {}),
        title: { zh: `${name.zh}的 CSVW 元数据`, en: `CSVW metadata of ${name.en}` },
        description: {
          zh: `${p} 的 CSVW 元数据：列名、中英文标题、数据类型和主键。`,
          en: `CSVW metadata of ${p}: column names, Chinese and English titles, datatypes and primary keys.`,
        },
        conformsTo: [CSVW_STANDARD],
      },
    ];
  });
}

export const DATAPACKAGE_DISTRIBUTION: DistributionSpec = {
  key: 'datapackage',
  path: 'datapackage.json',
  format: 'json',
  title: { zh: '数据包描述（Frictionless Data Package v2）', en: 'Data Package descriptor (Frictionless v2)' },
  description: {
    zh: '发布中每个 CSV 一个资源：路径、大小、SHA-256、CSV 方言和表结构（Table Schema）。',
    en: 'One resource per CSV of the release: path, size, SHA-256, CSV dialect and Table Schema.',
  },
  conformsTo: [DATAPACKAGE_STANDARD],
};

/**
 * The distributions of a dataset as the catalog lists them: a partitioned table's becomes one per file of the
 * release (key and title with the year and part), in year and part order; none when the release has no such file.
 */
export function expandParts(dist: DistributionSpec, files: ReadonlyArray<{ path: string }>): DistributionSpec[] {
  if (dist.describes !== undefined) {
    const { describes, ...rest } = dist;
    return partsOf(describes, files).length > 0 ? [rest] : [];
  }
  if (!dist.partitioned) return [dist];
  return partsOf(dist.path, files).map((f) => {
    const { year, part } = partitionOf(f.path)!;
    const label = part > 1 ? `${year}-${part}` : `${year}`;
    const { partitioned: _, ...rest } = dist;
    return {
      ...rest, key: `${dist.key}-${label}`, path: f.path,
      title: { zh: `${dist.title.zh}，${year}年${part > 1 ? `第${part}部分` : ''}`, en: `${dist.title.en}, ${year}${part > 1 ? ` part ${part}` : ''}` },
    };
  });
}

/**
 * The national layout: a partitioned table's files are release assets (gzip), one distribution each, downloaded from
 * the release (meta.releases), keys and titles those of the tree's file with -gz and the asset's name.
 */
export function assetParts(dist: DistributionSpec, assets: ReadonlyArray<{ path: string }>, version: string): DistributionSpec[] {
  if (!dist.partitioned) return [];
  const asTree = assets.filter((a) => a.path.endsWith('.gz')).map((a) => ({ path: a.path.slice(ASSETS_DIR.length, -'.gz'.length) }));
  return expandParts(dist, asTree).map((d) => ({
    ...d, key: `${d.key}-gz`, path: assetName(assetPath(d.path), version), asset: true, compressFormat: 'gzip', source: assetPath(d.path),
    title: { zh: `${d.title.zh}（gzip 压缩，发布附件）`, en: `${d.title.en} (gzip; release asset)` },
  }));
}

/** The release asset with the whole observations table: its parts joined (header once), gzip (publish/assets.ts). */
export const observationsAssetName = (version: string): string => `xxgk-observations-${version}.csv.gz`;

/** The catalog's distribution of the bulk asset: downloaded from the release (meta.releases), not the tree. */
export function observationsAsset(version: string): DistributionSpec {
  return {
    key: 'csv-gz',
    path: observationsAssetName(version),
    asset: true,
    format: 'csv',
    compressFormat: 'gzip',
    title: { zh: '逐格数据全集（CSV，gzip 压缩，发布附件）', en: 'Observations, whole table (CSV, gzip; release asset)' },
    description: {
      zh: 'observations.csv 的全部分区按年度顺序合为一个文件（表头一次），gzip 压缩，作为该版本发布的附件下载；列同 observations.csv。',
      en: 'Every partition of observations.csv joined in year order into one file (the header once), gzip-compressed, downloaded as an asset of this version\'s release; the columns of observations.csv.',
    },
    conformsTo: [csvDistributions(OBSERVATIONS_CSV, { zh: '', en: '' })[0]!.conformsTo![0]!],
  };
}

const partLabel = (path: string) => {
  const p = assetPartition(path)!;
  return { key: p.part > 1 ? `${p.year}-${p.part}` : `${p.year}`, zh: `${p.year}年${p.part > 1 ? `第${p.part}部分` : ''}`, en: `${p.year}${p.part > 1 ? ` part ${p.part}` : ''}` };
};
const byPart = (a: string, b: string) => {
  const p = assetPartition(a)!;
  const q = assetPartition(b)!;
  return p.year - q.year || p.part - q.part;
};

/**
 * The national layout's report documents in the tree: one distribution per bundle (reports/<year>.ndjson.gz, one
 * document a line, gzip), in year and part order; none in the site layout.
 */
export function bundleDistributions(files: ReadonlyArray<{ path: string }>): DistributionSpec[] {
  return files.map((f) => f.path).filter(isReportBundle).sort(byPart).map((path) => {
    const label = partLabel(path);
    return {
      key: `ndjson-gz-${label.key}`, path, format: 'ndjson', compressFormat: 'gzip', source: path,
      title: { zh: `报告 JSON 文档（NDJSON，gzip 压缩），${label.zh}`, en: `Report documents (NDJSON, gzip), ${label.en}` },
      description: {
        zh: '每行一份报告的 JSON 文档（报告和校验结果），与站点布局中 reports/<年度>/<编号>.json 的内容逐字节相同；报告索引中的 url 指向所在文件，# 后为报告编号，sha256 为该行（含换行）的校验值。',
        en: 'One report document a line (the report and its validation result), byte for byte the site layout\'s reports/<year>/<id>.json; the reports index\'s url names this file with the report id after #, and its sha256 is the line\'s (with its newline).',
      },
      conformsTo: [jsonSchema('report-document.schema.json', { zh: '报告 JSON 文档的 JSON Schema', en: 'JSON Schema of a report document' })],
    };
  });
}

/**
 * The national layout's archives, release assets (tar, gzip): the pages of each year's reports, and the bodies'
 * pages and JSON files; none without them.
 */
export function archiveDistributions(assets: ReadonlyArray<{ path: string }>, version: string): { reports: DistributionSpec[]; agencies: DistributionSpec | null } {
  const pages = assets.map((a) => a.path).filter((p) => /^assets\/reports\/\d{4}\.tar\.gz$/.test(p)).sort();
  const reports = pages.map((path): DistributionSpec => {
    const year = path.slice('assets/reports/'.length, -'.tar.gz'.length);
    return {
      key: `html-tar-${year}`, path: assetName(path, version), format: 'html', asset: true, compressFormat: 'gzip', packageFormat: 'tar', source: path,
      title: { zh: `${year}年各报告的网页（tar.gz，发布附件）`, en: `Pages of the ${year} reports (tar.gz; release asset)` },
      description: {
        zh: `本年度每份报告一个网页 reports/${year}/<编号>.html（tar 打包，gzip 压缩），解压到站点目录即可浏览；年度页 reports/${year}/index.html 列出各报告。`,
        en: `One page per report of ${year}, reports/${year}/<id>.html (tar, gzip): extract it into the site's folder to browse them; the year page reports/${year}/index.html lists the reports.`,
      },
    };
  });
  const agencies = assets.some((a) => a.path === AGENCIES_ARCHIVE)
    ? {
      key: 'agencies-tar', path: assetName(AGENCIES_ARCHIVE, version), format: 'json' as const, asset: true, compressFormat: 'gzip' as const, packageFormat: 'tar' as const, source: AGENCIES_ARCHIVE,
      title: { zh: '各机关历年数据文件和网页（tar.gz，发布附件）', en: 'Each body\'s file and page (tar.gz; release asset)' },
      description: {
        zh: '每个机关的历年数据 feed/agencies/<编号>.json 和网页 agencies/<编号>.html（tar 打包，gzip 压缩）；机关索引 feed/agencies.json 和 agencies/index.html 列出各机关。',
        en: 'Each body\'s feed/agencies/<id>.json and page agencies/<id>.html (tar, gzip); the index of bodies feed/agencies.json and agencies/index.html list them.',
      },
      conformsTo: [jsonSchema('feed-agency.schema.json', { zh: '机关历年数据的 JSON Schema', en: 'JSON Schema of a body\'s file' })],
    }
    : null;
  return { reports, agencies };
}
