/**
 * What the harvester remembers between runs, per listing source (<output>/state/harvest.json): each listing page's
 * validators and the links it showed, and each report taken: its validators, title, year, the date the site shows
 * and the documents held. A report once fetched is asked for again only conditionally.
 */
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../adapters/fs.ts';
import type { ReportLink } from '../harvest/index.ts';
import type { HeldDocument } from './job-sources.ts';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface HarvestedPage extends Validators {
  reports: ReportLink[];
  /** The listing's other pages this page links to. */
  pages: string[];
}

export interface HarvestedReport extends Validators {
  title: string;
  year: number;
  /** The publication date the site shows (the page's 发布日期, else the listing's date), YYYY-MM-DD. */
  posted: string | null;
  documents: HeldDocument[];
}

export interface ListingState {
  pages: Record<string, HarvestedPage>;
  reports: Record<string, HarvestedReport>;
}

export type HarvestState = Record<string, ListingState>;

export const emptyListing = (): ListingState => ({ pages: {}, reports: {} });

export async function readHarvest(path: string): Promise<HarvestState> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as HarvestState) : {};
  } catch {
    return {};
  }
}

export async function writeHarvest(path: string, state: HarvestState): Promise<void> {
  await writeAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}
