/** Bilingual labels the pages share. */
import type { Headline } from '../types.ts';
import { esc } from './html.ts';

export const HEADLINE: ReadonlyArray<{ key: keyof Headline; zh: string; en: string }> = [
  { key: 'received', zh: '本年新收申请', en: 'Requests received' },
  { key: 'granted', zh: '予以公开', en: 'Disclosed' },
  { key: 'handled', zh: '本年办结', en: 'Requests handled' },
  { key: 'reconsiderations', zh: '行政复议', en: 'Reconsiderations' },
  { key: 'lawsuits', zh: '行政诉讼', en: 'Lawsuits' },
];

/** The four figures the index charts over time. */
export const TREND_KEYS: ReadonlyArray<keyof Headline> = ['received', 'handled', 'reconsiderations', 'lawsuits'];

export function headlineLabel(key: keyof Headline): { zh: string; en: string } {
  const found = HEADLINE.find((h) => h.key === key);
  return found ? { zh: found.zh, en: found.en } : { zh: key, en: key };
}

export function editionLabel(edition: string): string {
  return `${esc(edition)} 年版模板 <span class="en" lang="en">${esc(edition)} template</span>`;
}
