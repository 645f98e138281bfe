/**
 * A schema.org Dataset for the site to embed in its pages (`<script type="application/ld+json">`), describing the
 * release as a whole with one DataDownload per data file. Pure. Files not in ctx.files are left out rather than
 * described with invented figures. The embedding page must escape "<" in the serialised JSON.
 */
import { DATASETS } from './dcat-datasets.ts';
import { expandParts } from './dcat-files.ts';
import { FORMATS } from './dcat-vocab.ts';
import type { ReleaseContext } from './types.ts';

export interface DataDownload {
  '@type': 'DataDownload';
  name: string;
  contentUrl: string;
  encodingFormat: string;
  contentSize: string;
  sha256: string;
}

export interface SchemaOrgDataset {
  '@context': 'https://schema.org';
  '@type': 'Dataset';
  name: string;
  description: string;
  url: string;
  license: string;
  version: string;
  dateModified: string;
  distribution: DataDownload[];
  [property: string]: unknown;
}

export function schemaOrgDataset(ctx: ReleaseContext): SchemaOrgDataset {
  const { meta } = ctx;
  const organization = (o: { name: { zh: string; en: string }; url: string; email: string }) => ({
    '@type': 'Organization',
    name: o.name.zh,
    alternateName: o.name.en,
    url: o.url,
    email: o.email,
  });
  // Each file once (the reports index and the observations serve several datasets), in path order.
  const byPath = new Map(DATASETS.flatMap((d) => d.distributions).flatMap((d) => expandParts(d, ctx.files)).map((dist) => [dist.path, dist]));
  const distribution = [...byPath.keys()].sort().flatMap((path): DataDownload[] => {
    const dist = byPath.get(path)!;
    const stat = ctx.files.find((f) => f.path === path);
    if (!stat) return [];
    return [{
      '@type': 'DataDownload',
      name: `${dist.title.zh} / ${dist.title.en}`,
      contentUrl: `${meta.baseUrl}${dist.path}`,
      encodingFormat: FORMATS[dist.format].mediaType,
      contentSize: `${stat.bytes} B`,
      sha256: stat.sha256,
    }];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${meta.baseUrl}catalog#series`,
    name: meta.title.zh,
    alternateName: meta.title.en,
    description: `${meta.description.zh}\n\n${meta.description.en}`,
    url: meta.baseUrl,
    includedInDataCatalog: { '@type': 'DataCatalog', '@id': `${meta.baseUrl}catalog`, name: meta.title.zh, url: meta.baseUrl },
    inLanguage: ['zh', 'en'],
    license: meta.license.url,
    isAccessibleForFree: true,
    creator: organization(meta.publisher),
    publisher: organization(meta.publisher),
    ...(ctx.years ? { temporalCoverage: `${ctx.years[0]}-01-01/${ctx.years[1]}-12-31` } : {}),
    spatialCoverage: 'code' in meta.spatial
      ? { '@type': 'Place', identifier: meta.spatial.code }
      : { '@type': 'Place', name: meta.spatial.name.zh, alternateName: meta.spatial.name.en, sameAs: meta.spatial.uri },
    keywords: [...meta.keywords.zh, ...meta.keywords.en],
    version: meta.version,
    datePublished: meta.issued,
    dateModified: ctx.modified,
    distribution,
  };
}
