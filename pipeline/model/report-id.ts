/**
 * Stable ASCII report ids for printed names that resolve to no registry body: `<slug>-<hash>-<year>`, the slug
 * being the name in toneless pinyin (cut to fit) and the hash six hex digits of the sha256 of the name's normal
 * form (agency-name.ts). Pinyin loses tones and characters: 李庄镇人民政府 and 里庄镇人民政府 share the slug
 * "lizhuangzhenrenminzhengfu", and two long names share their first 60 letters. The hash keeps them apart, and it
 * depends on the name alone, so the id is the same in every run whatever other names are read beside it. Pure.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { normalizeName } from './agency-name.ts';
import { memoised } from '../memoised.ts';

/** The slug's longest length; with "-" and the hash, a name key is at most 60 characters. */
const SLUG_LENGTH = 53;

export function agencySlug(agency: string, max = 60): string {
  const latin = pinyin(agency.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return latin.slice(0, max).replace(/-+$/, '') || 'agency';
}

/** Six hex digits that tell printed names apart: the same for names equal after normalisation. */
export function nameHash(agency: string): string {
  return createHash('sha256').update(normalizeName(agency)).digest('hex').slice(0, 6);
}

/**
 * A printed name's key: `<slug>-<hash>`, unique per distinct name after normalisation. Remembered per name: a body
 * reports every year, often in more than one rendering, and the pinyin is most of the key's cost.
 */
export const nameKey = memoised((agency: string): string => `${agencySlug(agency, SLUG_LENGTH)}-${nameHash(agency)}`, 4096);

export function reportId(agency: string, year: number): string {
  return `${nameKey(agency)}-${year}`;
}

/**
 * Who a report is by, for merging renderings: the registry body when the name resolved, else the printed name
 * after normalisation. Two renderings are one report only when this and the year agree.
 */
export function identityKey(report: { agency: string; body?: { id: string } | null }): string {
  return report.body ? `body:${report.body.id}` : `name:${normalizeName(report.agency)}`;
}
