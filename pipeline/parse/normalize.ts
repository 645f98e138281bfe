/** Text normalisation for matching printed labels against the template's. Pure. */
import { memoised } from '../memoised.ts';

const SPACES = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

const normalized = memoised((text: string): string =>
  text
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(/(\d)[、,，．]/g, '$1.'));

/** What a scan of a text's characters tells (`plainness`): only the full normalisation can tell; */
const NOT_PLAIN = 0;
/** printable ASCII other than a space, CJK ideographs (U+4E00–U+9FFF), 、 and 。, no 、 or , after a digit; */
const NORMAL = 1;
/** besides, ASCII letters and digits and CJK ideographs only. */
const KEY = 2;

/**
 * Whether normalizeText (and labelKey) leave the text as it is, told from its characters: NFKC leaves printable ASCII
 * and the CJK Unified Ideographs as they are (none has a decomposition, and nothing composes with them), none is a
 * space, and only a digit before 、 or , is rewritten. Every CJK ideograph of that block is of the Han script, so a
 * text of those, ASCII letters and digits is its own label key. Cheaper than a cache look-up (which hashes the text).
 */
function plainness(text: string): number {
  let key = true;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) digit = false;
    else if (c >= 48 && c <= 57) digit = true;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) digit = false;
    else if ((c > 0x20 && c < 0x7f) || c === 0x3001 || c === 0x3002) {
      if (digit && (c === 0x2c || c === 0x3001)) return NOT_PLAIN;
      key = false;
      digit = false;
    } else return NOT_PLAIN;
  }
  return key ? KEY : NORMAL;
}

/** NFKC (full-width → half-width), spaces removed, "1、" → "1.". */
export function normalizeText(text: string): string {
  return plainness(text) !== NOT_PLAIN ? text : normalized(text);
}

const keyOf = memoised((text: string): string => normalizeText(text).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, ''));

/** The characters that carry a label's meaning: CJK, letters and digits. */
export function labelKey(text: string): string {
  return plainness(text) === KEY ? text : keyOf(text);
}

/** Section numbering at the start of a heading or label: "二、", "（三）", "3.", "第四部分". */
const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?[、.]?|\(?[一二三四五六七八九十\d]+\)[、.]?|\d+[.、])/;

const stripped = memoised((text: string): string => normalizeText(text).replace(NUMBERING, ''));

const NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/** NUMBERING matches only from one of these: 第, 一 … 十, (, a digit. */
function mayBeNumbered(c: number): boolean {
  return c === 0x7b2c || c === 0x28 || (c >= 48 && c <= 57) || NUMERALS.has(c);
}

export function stripNumbering(text: string): string {
  // A plain text is its own normal form: when it cannot start with a number, there is nothing to strip.
  if (text.length > 0 && !mayBeNumbered(text.charCodeAt(0)) && plainness(text) !== NOT_PLAIN) return text;
  return stripped(text);
}

/**
 * A text's character bigrams (of its labelKey), each as one number: the two UTF-16 code units side by side, in 32
 * bits. A key of one character is that character's code (no pair has a first unit of 0: a key holds no NUL). The
 * template's labels (the second argument of labelRecall) have a cache of their own, so that the stream of printed
 * texts never pushes them out.
 */
export const bigramSet = memoised((text: string): Set<number> => new Set(bigrams(foldLookAlikes(labelKey(text)))));

/**
 * Characters OCR takes for one another in these labels (政/攻, 申/甲, 处/夂 …): each pair matches as one character, so
 * that a label with a slip still names its row ("行攻许可" is 行政许可). Only for matching; the text is kept as printed.
 */
const LOOK_ALIKES: Record<string, string> = {
  沐: '沭', 已: '己', 末: '未', 入: '人', 曰: '日', 士: '土', 干: '千', 甲: '申', 清: '请', 升: '开', 攻: '政',
  埋: '理', 亊: '事', 候: '侯', 力: '办', 剬: '制', 诀: '决', 夂: '处', 夏: '复',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

function foldLookAlikes(key: string): string {
  return key.replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c]!);
}
export const labelBigrams = memoised((label: string): number[] => [...bigramSet(label)], 4096);

function bigrams(key: string): number[] {
  if (key.length < 2) return key ? [key.charCodeAt(0)] : [];
  const out: number[] = [];
  for (let i = 0; i < key.length - 1; i++) out.push(((key.charCodeAt(i) << 16) | key.charCodeAt(i + 1)) | 0);
  return out;
}

/**
 * How much of `label` the printed `text` contains: the share of the label's character bigrams found in the text
 * (0..1). Extra text around the label (group headings, wrapped fragments) does not lower the score; typos
 * ("其他法律行政止公开") lower it only a little.
 */
export function labelRecall(text: string, label: string): number {
  return bigramRecall(bigramSet(text), labelBigrams(label));
}

/** labelRecall over bigrams already taken: bigramSet(text) and labelBigrams(label). */
export function bigramRecall(have: ReadonlySet<number>, wanted: readonly number[]): number {
  if (wanted.length === 0) return 0;
  let hits = 0;
  for (let k = 0; k < wanted.length; k++) if (have.has(wanted[k]!)) hits++;
  return hits / wanted.length;
}

const pageNumber = memoised((text: string): boolean => {
  const t = text.normalize('NFKC').replace(SPACES, '');
  return /^[-—–―‒~]\d{1,4}[-—–―‒~]$/.test(t) || /^第\d{1,4}页(?:共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t);
});

/**
 * Whether the text cannot be a page number, told from its characters alone: an ASCII letter, or a CJK ideograph
 * other than 第, 页 and 共 (NFKC leaves both as they are, and no pattern of isPageNumber has them), or ASCII digits
 * only (a page number has a dash, a slash or 第 around its figure). Most cells, at the cost of a scan.
 */
function notPageNumber(text: string): boolean {
  let digits = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (c !== 0x7b2c && c !== 0x9875 && c !== 0x5171) return true;
      digits = false;
    } else if (c < 48 || c > 57) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
      digits = false;
    }
  }
  return digits && text.length > 0;
}

/** A page number printed inside the text: "-4-", "— 5 —", "第 3 页", "3/12". */
export function isPageNumber(text: string): boolean {
  return !notPageNumber(text) && pageNumber(text);
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
