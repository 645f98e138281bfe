/**
 * The normal form names are matched in: NFKC (full-width letters, digits and punctuation become half-width), no
 * spaces, punctuation or symbols (zero-width and other format characters too), and 人民政府 written 政府. Pure.
 */
const IGNORED = /[\s\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]+/gu;

/** NFKC, without spaces, punctuation and symbols; 人民政府 as printed. */
export function compactName(name: string): string {
  return name.normalize('NFKC').replace(IGNORED, '');
}

export function normalizeName(name: string): string {
  return compactName(name).replace(/人民政府/g, '政府');
}

/** What a government's normalized name ends with after its place: 政府, 行政公署 (地区, 盟), 办事处 (街道). */
export const GOVERNMENT_SUFFIX = /(?:政府|行政公署|办事处)$/;
