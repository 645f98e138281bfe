/**
 * The assets of a release: a zip of every CSV, catalog.jsonld and datapackage.json. The zip is deterministic —
 * entries sorted, a fixed date, no extra fields — so the same CSVs always give the same bytes.
 */
import JSZip from 'jszip';
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

export async function releaseAssets(files: ReleaseFiles): Promise<Asset[]> {
  const csvs = files.manifest.files.filter((f) => f.path.endsWith('.csv')).map((f) => f.path);
  const zip = await deterministicZip(await Promise.all(csvs.map(async (path) => ({ path, data: await files.read(path) }))));
  return [
    { name: csvZipName(files.manifest.version), contentType: 'application/zip', data: zip },
    { name: 'catalog.jsonld', contentType: 'application/ld+json', data: await files.read('catalog.jsonld') },
    { name: 'datapackage.json', contentType: 'application/json', data: await files.read('datapackage.json') },
  ];
}
