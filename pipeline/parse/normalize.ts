/** Text normalisation for matching printed labels against the template's. Pure. */

const SPACES = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

/** NFKC (full-width → half-width), spaces removed, "1、" → "1.". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(/(\d)[、,，．]/g, '$1.');
}

/** The characters that carry a label's meaning: CJK, letters and digits. */
export function labelKey(text: string): string {
  return normalizeText(text).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** Section numbering at the start of a heading or label: "二、", "（三）", "3.", "第四部分". */
const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?[、.]?|\(?[一二三四五六七八九十\d]+\)[、.]?|\d+[.、])/;

export function stripNumbering(text: string): string {
  return normalizeText(text).replace(NUMBERING, '');
}

/** Memoised: the same labels and contexts are scored against every template row. */
const CACHE_LIMIT = 4096;
const bigramCache = new Map<string, Set<string>>();

function bigramSet(text: string): Set<string> {
  let set = bigramCache.get(text);
  if (!set) {
    if (bigramCache.size >= CACHE_LIMIT) bigramCache.clear();
    set = new Set(bigrams(labelKey(text)));
    bigramCache.set(text, set);
  }
  return set;
}

function bigrams(key: string): string[] {
  if (key.length < 2) return key ? [key] : [];
  const out: string[] = [];
  for (let i = 0; i < key.length - 1; i++) out.push(key.slice(i, i + 2));
  return out;
}

/**
 * How much of `label` the printed `text` contains: the share of the label's character bigrams found in the text
 * (0..1). Extra text around the label (group headings, wrapped fragments) does not lower the score; typos
 * ("其他法律行政止公开") lower it only a little.
 */
export function labelRecall(text: string, label: string): number {
  const wanted = bigramSet(label);
  if (wanted.size === 0) return 0;
  const have = bigramSet(text);
  let hits = 0;
  for (const b of wanted) if (have.has(b)) hits++;
  return hits / wanted.size;
}

/** A page number printed inside the text: "-4-", "— 5 —", "第 3 页", "3/12". */
export function isPageNumber(text: string): boolean {
  const t = text.normalize('NFKC').replace(SPACES, '');
  return /^[-—–―‒~]\d{1,4}[-—–―‒~]$/.test(t) || /^第\d{1,4}页(?:共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t);
}

/** Item numbering inside normalised text: "1.", "(二)", "三、". */
export const ITEM_NUMBER = /\d+\.|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、/g;

/** A label that begins a numbered item: "1.", "（六）", "四、". */
export function startsItem(text: string): boolean {
  const t = normalizeText(text);
  ITEM_NUMBER.lastIndex = 0;
  const m = ITEM_NUMBER.exec(t);
  ITEM_NUMBER.lastIndex = 0;
  return m !== null && m.index === 0;
}
