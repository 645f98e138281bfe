/** Stable ASCII report ids: `<agency slug>-<year>`, the slug being the agency name in toneless pinyin. */
import { pinyin } from 'pinyin-pro';

export function agencySlug(agency: string): string {
  const latin = pinyin(agency.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return latin.slice(0, 60).replace(/-+$/, '') || 'agency';
}

export function reportId(agency: string, year: number): string {
  return `${agencySlug(agency)}-${year}`;
}
