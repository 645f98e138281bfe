/**
 * The DCAT-AP 3 graph of a release as a JSON-LD document (inline @context, one flat @graph of nodes with stable
 * IRIs under the base URL). Every node the catalog links to is typed in the catalog itself, as the DCAT-AP shapes
 * check classes without inference. Pure: the same context gives the same document.
 */
import { bodyDatasets } from './dcat-bodies.ts';
import { DATASETS } from './dcat-datasets.ts';
import type { DistributionSpec } from './dcat-files.ts';
import { archiveDistributions, assetParts, bundleDistributions, expandParts, observationsAsset } from './dcat-files.ts';
import { catalogIris } from './dcat-iris.ts';
import { partsOf } from './partitions.ts';
import { OBSERVATIONS_CSV } from './table-schemas.ts';
import {
  COMPRESSIONS, EU, FORMATS, Graph, IANA, LANGUAGES, NS, PACKAGES, SHA256, THEMES, date, themeUri, plain, ref, text, typed, words, type OutputNode, type Ref,
} from './dcat-vocab.ts';
import type { FileStat, ReleaseContext } from './types.ts';

export interface CatalogDocument {
  '@context': Record<string, string>;
  '@graph': OutputNode[];
}

const SERIES_TEXT = {
  title: {
    zh: '政府信息公开工作年度报告统计表（数据集系列）',
    en: 'Annual-report statistics on government information disclosure (dataset series)',
  },
  description: {
    zh: '从同一批政府信息公开工作年度报告中提取的数据集：逐格数据（长表），表二、表三、表四各一个，报告索引，各机关历年数据，按行政区划的汇总，以及名录中每个机关一个；同步发布，版本相同。',
    en: 'The datasets read from the same annual reports on government information disclosure: every cell (tidy data), one for each of tables 二, 三 and 四, the reports index, the time series by body, the sums by division, and one for each registry body; released together under one version.',
  },
};

function checkContext(ctx: ReleaseContext): void {
  const { baseUrl } = ctx.meta;
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(baseUrl)) {
    throw new Error(`catalog: meta.baseUrl must be an absolute http(s) URL ending with '/', got ${JSON.stringify(baseUrl)}`);
  }
  for (const [name, value] of [['meta.issued', ctx.meta.issued], ['modified', ctx.modified]] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`catalog: ${name} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/** The stat of a distribution's file; never invents a size or a checksum. */
function statOf(ctx: ReleaseContext, stats: ReadonlyMap<string, FileStat>, dataset: string, dist: DistributionSpec): FileStat {
  const stat = stats.get(dist.path);
  if (!stat) {
    throw new Error(
      `catalog: dataset "${dataset}" lists ${dist.path} (${dist.format}) but ctx.files has no stat for it; ` +
        `write the file before building the catalog (files held: ${ctx.files.map((f) => f.path).join(', ') || 'none'})`,
    );
  }
  if (!Number.isSafeInteger(stat.bytes) || stat.bytes < 0) {
    throw new Error(`catalog: ${stat.path}: size must be a non-negative integer, got ${stat.bytes}`);
  }
  if (!/^[0-9a-f]{64}$/.test(stat.sha256)) {
    throw new Error(`catalog: ${stat.path}: sha256 must be 64 lowercase hex digits, got ${JSON.stringify(stat.sha256)}`);
  }
  return stat;
}

export function catalogDocument(ctx: ReleaseContext): CatalogDocument {
  checkContext(ctx);
  const { meta } = ctx;
  const iri = catalogIris(meta.baseUrl);
  const g = new Graph(); // the catalog's own nodes
  const v = new Graph(); // the external things they link to (licence, vocabularies, pages), typed after them
  const issued = [date(meta.issued)];
  const modified = [date(ctx.modified)];

  // The catalog first, so it heads the document; its links are filled in below.
  g.add(iri.catalog, ['dcat:Catalog'], { 'dct:title': text(meta.title), 'dct:description': text(meta.description) });

  const publisher = g.add(iri.publisher, ['foaf:Agent'], {
    'foaf:name': text(meta.publisher.name),
    'foaf:homepage': [v.add(meta.publisher.url, ['foaf:Document'])],
    'foaf:mbox': [ref(`mailto:${meta.publisher.email}`)],
  });
  const contact = g.add(iri.contact, ['vcard:Kind'], {
    'vcard:fn': text(meta.contact.name),
    'vcard:hasEmail': [ref(`mailto:${meta.contact.email}`)],
    'vcard:hasURL': [ref(meta.contact.url)],
  });
  const license = v.add(meta.license.url, ['dct:LicenseDocument'], {
    'dct:title': [plain(meta.license.title)],
    'dct:identifier': [plain(meta.license.id)],
  });
  const homepage = v.add(meta.baseUrl, ['foaf:Document']);
  const spatial = 'code' in meta.spatial
    ? g.add(iri.division(meta.spatial.code), ['dct:Location'], { 'dct:identifier': [plain(meta.spatial.code)] })
    : v.add(meta.spatial.uri, ['dct:Location'], { 'skos:prefLabel': text(meta.spatial.name) });
  const frequency = v.add(meta.accrualPeriodicity, ['dct:Frequency']);
  const themes = meta.themes.map((code) => v.add(themeUri(code), ['skos:Concept'], { 'skos:prefLabel': text(THEMES[code] ?? { zh: code, en: code }) }));
  const language = (l: 'zh' | 'en') => v.add(LANGUAGES[l].uri, ['dct:LinguisticSystem'], { 'skos:prefLabel': text(LANGUAGES[l].label) });
  // The figures and names are Chinese; the catalog's texts are in the configured languages.
  const zh = language('zh');
  const catalogLanguages = meta.languages.map(language);
  const temporal: Ref[] = ctx.years
    ? [g.add(iri.period, ['dct:PeriodOfTime'], {
        'dcat:startDate': [date(`${ctx.years[0]}-01-01`)],
        'dcat:endDate': [date(`${ctx.years[1]}-12-31`)],
      })]
    : [];
  const common = {
    'dct:publisher': [publisher],
    'dcat:contactPoint': [contact],
    'dct:spatial': [spatial],
    'dct:temporal': temporal,
    'dct:accrualPeriodicity': [frequency],
    'dct:issued': issued,
    'dct:modified': modified,
  };

  // dcat:Dataset as well: DCAT 3 makes a series a dataset, and the catalog lists it with dcat:dataset.
  const series = g.add(iri.series, ['dcat:DatasetSeries', 'dcat:Dataset'], {
    'dct:title': text(SERIES_TEXT.title),
    'dct:description': text(SERIES_TEXT.description),
    ...common,
  });

  const stats = new Map(ctx.files.map((f) => [f.path, f]));
  // The national layout's release assets, as the build wrote them (release-layout.ts): their size and sha256.
  const assetStats = new Map((ctx.assets ?? []).map((f) => [f.path, f]));
  /** Size and checksum of a file: the node's dcat:byteSize and spdx:checksum, and the checksum node. */
  const measured = (dist: DistributionSpec, stat: FileStat) => {
    g.add(iri.checksum(dist.path), ['spdx:Checksum'], {
      'spdx:algorithm': [v.add(SHA256, ['spdx:ChecksumAlgorithm'])],
      'spdx:checksumValue': [typed(stat.sha256, 'xsd:hexBinary')],
    });
    return { 'dcat:byteSize': [typed(String(stat.bytes), 'xsd:nonNegativeInteger')], 'spdx:checksum': [ref(iri.checksum(dist.path))] };
  };
  const packaging = (dist: DistributionSpec) => ({
    ...(dist.compressFormat ? { 'dcat:compressFormat': [v.add(`${IANA}${COMPRESSIONS[dist.compressFormat]}`, ['dct:MediaType'])] } : {}),
    ...(dist.packageFormat ? { 'dcat:packageFormat': [v.add(`${IANA}${PACKAGES[dist.packageFormat]}`, ['dct:MediaType'])] } : {}),
  });
  /** A distribution of a dataset, with its checksum node. */
  const distribution = (datasetKey: string, dist: DistributionSpec, modifiedOn = modified): Ref => {
    if (dist.asset) return assetDistribution(datasetKey, dist, modifiedOn);
    const stat = statOf(ctx, stats, datasetKey, dist);
    const format = FORMATS[dist.format];
    const url = [ref(`${meta.baseUrl}${dist.path}`)];
    const node = g.add(iri.distribution(datasetKey, dist.key), ['dcat:Distribution'], {
      'dct:title': text(dist.title),
      'dct:description': text(dist.description),
      'dcat:accessURL': url,
      'dcat:downloadURL': url,
      'dcat:mediaType': [v.add(`${IANA}${format.mediaType}`, ['dct:MediaType'])],
      ...packaging(dist),
      'dct:format': [v.add(`${EU}file-type/${format.fileType}`, ['dct:MediaTypeOrExtent'])],
      'dcat:byteSize': [typed(String(stat.bytes), 'xsd:nonNegativeInteger')],
      'spdx:checksum': [ref(iri.checksum(dist.path))],
      'dct:license': [license],
      'dct:modified': modifiedOn,
      'dct:conformsTo': (dist.conformsTo ?? []).map((std) =>
        v.add(/^https?:/.test(std.uri) ? std.uri : `${meta.baseUrl}${std.uri}`, ['dct:Standard'], { 'dct:title': text(std.title) })),
    });
    g.add(iri.checksum(dist.path), ['spdx:Checksum'], {
      'spdx:algorithm': [v.add(SHA256, ['spdx:ChecksumAlgorithm'])],
      'spdx:checksumValue': [typed(stat.sha256, 'xsd:hexBinary')],
    });
    return node;
  };
  /**
   * A release asset: its download URL on the release; its size and checksum where the build wrote it (the national
   * layout's assets), none for an asset the publish step makes (the joined observations).
   */
  const assetDistribution = (datasetKey: string, dist: DistributionSpec, modifiedOn: ReturnType<typeof date>[]): Ref => {
    const format = FORMATS[dist.format];
    const stat = dist.source ? assetStats.get(dist.source) : undefined;
    if (dist.source && !stat) throw new Error(`catalog: dataset "${datasetKey}" lists the release asset ${dist.source} but ctx.assets has no stat for it`);
    return g.add(iri.distribution(datasetKey, dist.key), ['dcat:Distribution'], {
      'dct:title': text(dist.title),
      'dct:description': text(dist.description),
      'dcat:accessURL': [ref(`${meta.releases}v${meta.version}/${dist.path}`)],
      'dcat:downloadURL': [ref(`${meta.releases}v${meta.version}/${dist.path}`)],
      'dcat:mediaType': [v.add(`${IANA}${format.mediaType}`, ['dct:MediaType'])],
      ...packaging(dist),
      'dct:format': [v.add(`${EU}file-type/${format.fileType}`, ['dct:MediaTypeOrExtent'])],
      ...(stat ? measured(dist, stat) : {}),
      'dct:license': [license],
      'dct:modified': modifiedOn,
      'dct:conformsTo': (dist.conformsTo ?? []).map((std) =>
        v.add(/^https?:/.test(std.uri) ? std.uri : `${meta.baseUrl}${std.uri}`, ['dct:Standard'], { 'dct:title': text(std.title) })),
    });
  };
  const release = {
    'dcat:version': [plain(meta.version)],
    'adms:versionNotes': [plain(meta.versionNotes)],
    'dct:license': [license],
  };

  const archives = archiveDistributions(ctx.assets ?? [], meta.version);
  const datasets = DATASETS.map((spec) => {
    const dataset = g.add(iri.dataset(spec.key), ['dcat:Dataset'], {
      'dct:title': text(spec.title),
      'dct:description': text(spec.description),
      'dct:identifier': [plain(iri.dataset(spec.key))],
      'dcat:keyword': words({ zh: [...meta.keywords.zh, ...spec.keywords.zh], en: [...meta.keywords.en, ...spec.keywords.en] }),
      'dcat:theme': themes,
      'dct:language': [zh],
      ...common,
      ...release,
      'dcat:landingPage': [homepage],
      'dcat:inSeries': [series],
    });
    const distributions = [
      ...spec.distributions.flatMap((dist) => expandParts(dist, ctx.files)),
      // The whole observations table as a release asset, where the target makes releases with assets.
      ...(spec.key === 'observations' && meta.releases && partsOf(OBSERVATIONS_CSV, ctx.files).length ? [observationsAsset(meta.version)] : []),
      // The national layout: the renderings the tree does not hold, as the release's assets.
      ...(meta.releases && ctx.assets ? spec.distributions.flatMap((dist) => assetParts(dist, ctx.assets!, meta.version)) : []),
      // The national layout: the report documents' bundles (tree), the pages and the bodies' files (release assets).
      ...(spec.key === 'reports' ? [...bundleDistributions(ctx.files), ...(meta.releases ? archives.reports : [])] : []),
      ...(spec.key === 'timeseries' && meta.releases && archives.agencies ? [archives.agencies] : []),
    ];
    g.add(iri.dataset(spec.key), [], { 'dcat:distribution': distributions.map((dist) => distribution(spec.key, dist)) });
    return dataset;
  });
  const bodies = bodyDatasets({ ctx, g, v, iri, distribution, archive: meta.releases ? archives.agencies : null, shared: {
    publisher, contact, frequency, themes, language: zh, license, series, release, issued,
  } });

  g.add(iri.catalog, [], {
    'dct:publisher': [publisher],
    'foaf:homepage': [homepage],
    'dct:license': [license],
    'dct:language': catalogLanguages,
    'dct:issued': issued,
    'dct:modified': modified,
    'dcat:dataset': [series, ...datasets, ...bodies],
  });

  return { '@context': { ...NS }, '@graph': [...g.toArray(), ...v.toArray()] };
}
