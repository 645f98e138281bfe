/**
 * The assets of a release: a zip of every CSV, the whole observations table as one gzip CSV (its partitions joined:
 * the catalog names it as a distribution when the target makes releases), catalog.jsonld and datapackage.json. The zip is deterministic —
 * entries sorted, a fixed date, no extra fields — so the same CSVs always give the same bytes.
 */
import { createGzip } from 'node:zlib';
import JSZip from 'jszip';
import { observationsAssetName } from '../datasets/dcat-files.ts';
import { partsOf } from '../datasets/partitions.ts';
import { assetName } from '../datasets/release-layout.ts';
import { OBSERVATIONS_CSV } from '../datasets/table-schemas.ts';
import { PublishError } from '../errors.ts';
import { hasBundles } from './bundles.ts';
import type { Asset, ReleaseFiles } from './types.ts';

/** The date of every zip entry: the zip's bytes depend on the CSVs only. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** A zip of the given files (path → bytes), entries in path order. */
export async function deterministicZip(entries: ReadonlyArray<{ path: string; data: Uint8Array }>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    zip.file(e.path, e.data, { date: ZIP_DATE, createFolders: false, binary: true });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

export const csvZipName = (version: string) => `xxgk-csv-${version}.zip`;

/**
 * The whole observations table in one gzip file: its partitions in year and part order, the header (and BOM) once.
 * Compressed part by part into one stream, so only one part and the compressed bytes are held. gzip's header carries
 * no time (mtime 0), so the same parts give the same bytes.
 */
export async function joinedGzip(parts: readonly string[], read: (path: string) => Promise<Uint8Array>): Promise<Uint8Array> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => { gzip.on('end', resolve); gzip.on('error', reject); });
  for (const [k, path] of parts.entries()) {
    const bytes = Buffer.from(await read(path));
    // Every part after the first without its header line.
    const body = k === 0 ? bytes : bytes.subarray(bytes.indexOf('\n') + 1);
    if (!gzip.write(body)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/**
 * The national layout (files.assets): the build's compressed renderings and pages, each under its flat name
 * (release-layout.ts assetName), then catalog.jsonld and datapackage.json; no CSV zip (its CSVs are assets already).
 */
async function nationalAssets(files: ReleaseFiles, paths: readonly string[]): Promise<Asset[]> {
  const version = files.manifest.version;
  const out: Asset[] = [];
  for (const path of paths) out.push({ name: assetName(path, version), contentType: 'application/gzip', data: await files.read(path) });
  out.push({ name: 'catalog.jsonld', contentType: 'application/ld+json', data: await files.read('catalog.jsonld') });
  out.push({ name: 'datapackage.json', contentType: 'application/json', data: await files.read('datapackage.json') });
  return out;
}

export async function releaseAssets(files: ReleaseFiles): Promise<Asset[]> {
  if (files.assets?.length) return nationalAssets(files, files.assets);
  // A national release's assets are made by its build, not from its tree: never the site layout's in their place.
  if (hasBundles(files.manifest.files)) {
    throw new PublishError(`release v${files.manifest.version} is in the national layout: its assets (the CSV and NDJSON renderings, the pages) come from its build, not from the files of its tree; re-run xxgk publish with the unchanged folder of that build to finish its release, then publish the new one`);
  }
  const csvs = files.manifest.files.filter((f) => f.path.endsWith('.csv')).map((f) => f.path);
  const zip = await deterministicZip(await Promise.all(csvs.map(async (path) => ({ path, data: await files.read(path) }))));
  const observations = partsOf(OBSERVATIONS_CSV, files.manifest.files).map((f) => f.path);
  return [
    { name: csvZipName(files.manifest.version), contentType: 'application/zip', data: zip },
    ...(observations.length
      ? [{ name: observationsAssetName(files.manifest.version), contentType: 'application/gzip', data: await joinedGzip(observations, files.read) }]
      : []),
    { name: 'catalog.jsonld', contentType: 'application/ld+json', data: await files.read('catalog.jsonld') },
    { name: 'datapackage.json', contentType: 'application/json', data: await files.read('datapackage.json') },
  ];
}
