/**
 * The assets of a release: a zip of every CSV, the whole observations table as one gzip CSV (its partitions joined:
 * the catalog names it as a distribution when the target makes releases), catalog.jsonld and datapackage.json. The zip is deterministic —
 * entries sorted, a fixed date, no extra fields — so the same CSVs always give the same bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, openAsBlob } from 'node:fs';
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

/** An asset of bytes in memory. */
export function bytesAsset(name: string, contentType: string, data: Uint8Array): Asset {
  return { name, contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), blob: async () => new Blob([new Uint8Array(data)]) };
}

/** An asset of a file on disk: hashed as a stream, uploaded from a Blob backed by the file; never held whole. */
export async function fileAsset(name: string, contentType: string, file: string): Promise<Asset> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  const sha256 = hash.digest('hex');
  return {
    name, contentType, size, sha256, file,
    async blob() {
      const blob = await openAsBlob(file);
      // The Blob reads the file when it is sent: a file changed since it was hashed would upload other bytes.
      if (blob.size !== size) throw new PublishError(`${file} changed while it was being published (${size} bytes hashed, ${blob.size} now): rebuild, then publish again`);
      return blob;
    },
  };
}

/**
 * The national layout (files.assets): the build's compressed renderings and pages, each under its flat name
 * (release-layout.ts assetName), then catalog.jsonld and datapackage.json; no CSV zip (its CSVs are assets already).
 * From a release folder, each is hashed and later uploaded as a stream from its file.
 */
async function nationalAssets(files: ReleaseFiles, paths: readonly string[]): Promise<Asset[]> {
  const version = files.manifest.version;
  const asset = async (name: string, contentType: string, path: string) =>
    (files.file ? fileAsset(name, contentType, files.file(path)) : bytesAsset(name, contentType, await files.read(path)));
  const out: Asset[] = [];
  for (const path of paths) out.push(await asset(assetName(path, version), 'application/gzip', path));
  out.push(await asset('catalog.jsonld', 'application/ld+json', 'catalog.jsonld'));
  out.push(await asset('datapackage.json', 'application/json', 'datapackage.json'));
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
    bytesAsset(csvZipName(files.manifest.version), 'application/zip', zip),
    ...(observations.length
      ? [bytesAsset(observationsAssetName(files.manifest.version), 'application/gzip', await joinedGzip(observations, files.read))]
      : []),
    bytesAsset('catalog.jsonld', 'application/ld+json', await files.read('catalog.jsonld')),
    bytesAsset('datapackage.json', 'application/json', await files.read('datapackage.json')),
  ];
}
