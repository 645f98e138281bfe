/** Text normalisation for matching printed labels against the template's. Pure. */
import { memoised } from '../memoised.ts';

const SPACES = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

const normalized = memoised((text: string): string =>
  text
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(/(\d)[、,，．]/g, '$1.'));

/** A character quickNormal keeps as it is (full-width forms are mapped into the printable ASCII first). */
function quickKept(c: number): boolean {
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002 || isPunctuation(c);
}

/**
 * normalizeText without NFKC's tables or a cache look-up, for the characters of nearly every printed label: printable
 * ASCII, the CJK Unified Ideographs (U+4E00–U+9FFF, none of which NFKC changes), 、 and 。 (nor these), the full-width
 * forms U+FF01–U+FF5E (NFKC: their ASCII characters), the punctuation of isPunctuation (NFKC leaves it) and the spaces SPACES removes (NFKC makes some of them a plain
 * space, removed all the same). None of these composes with another under NFKC. Then a digit's 、 or , becomes ".",
 * as the replace does once the spaces are gone. Null for a text with any other character (the full path decides).
 * A text it leaves as it is comes back as the same string.
 */
function quickNormal(text: string): string | null {
  // What is changed is appended run by run: the text up to `done` is in `out` (null while nothing has changed).
  let out: string | null = null;
  let done = 0;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let same = true;
    if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
      same = false;
    }
    if (quickKept(c)) {
      if (digit && (c === 0x2c || c === 0x3001)) {
        c = 0x2e;
        same = false;
      }
      digit = c >= 48 && c <= 57;
      if (!same) {
        out = `${out ?? ''}${text.slice(done, i)}${String.fromCharCode(c)}`;
        done = i + 1;
      }
    } else if (isSpace(c)) {
      out = `${out ?? ''}${text.slice(done, i)}`;
      done = i + 1;
    } else return null;
  }
  return out === null ? text : `${out}${text.slice(done)}`;
}

/**
 * The text without the spaces SPACES removes, when every character is one of quickNormal's (then quickNormal gives the
 * same string for both, as it skips a space without changing anything else: and so do normalizeText, labelKey and
 * bigramSet); null for a text with any other character. A text without spaces comes back as the same string.
 */
export function quickWithoutSpaces(text: string): string | null {
  let out: string | null = null;
  let done = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quickKept(c) || (c >= 0xff01 && c <= 0xff5e)) continue;
    if (!isSpace(c)) return null;
    out = `${out ?? ''}${text.slice(done, i)}`;
    done = i + 1;
  }
  return out === null ? text : `${out}${text.slice(done)}`;
}

/**
 * Punctuation that Chinese text prints and NFKC leaves as it is (no decomposition, none composes): the dashes – —,
 * the quotation marks ‘ ’ “ ”, the middle dot ·, and the brackets 〈〉《》「」『』【】〔〕. Not … (NFKC: "...").
 */
function isPunctuation(c: number): boolean {
  return c === 0x2013 || c === 0x2014 || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201c && c <= 0x201d) || c === 0xb7 ||
    (c >= 0x3008 && c <= 0x3011) || c === 0x3014 || c === 0x3015;
}

/** The characters of SPACES: \s and the no-break, full-width and zero-width spaces. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** NFKC (full-width → half-width), spaces removed, "1、" → "1.". */
export function normalizeText(text: string): string {
  return quickNormal(text) ?? normalized(text);
}

const keyOf = memoised((text: string): string => normalizeText(text).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, ''));

/**
 * The characters that carry a label's meaning: CJK, letters and digits. Of quickNormal's characters those are the
 * ASCII letters and digits and the ideographs (every one of U+4E00–U+9FFF is of the Han script).
 */
export function labelKey(text: string): string {
  const normal = quickNormal(text);
  if (normal === null) return keyOf(text);
  // The kept characters appended run by run (`out` null while every character so far is kept).
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < normal.length; i++) {
    const c = normal.charCodeAt(i);
    const kept = (c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!kept) {
      out = `${out ?? ''}${normal.slice(from, i)}`;
      from = i + 1;
    }
  }
  return out === null ? normal : `${out}${normal.slice(from)}`;
}

/**
 * At most how long labelKey(text) is, and so labelKey of any part of its normal form (stripNumbering's): the number of
 * ideographs, letters and digits (ASCII or full width) in a text of quickNormal's characters, told by one scan
 * without making a string — for such a text exactly labelKey's length. Infinity for a text with any other character
 * (NFKC may make it longer).
 */
export function keyLengthBound(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
    else if (!((c > 0x20 && c < 0x7f) || c === 0x3001 || c === 0x3002 || isPunctuation(c) || isSpace(c))) return Infinity;
  }
  return n;
}

/** labelKey(text).length, without making the key when the text is of quickNormal's characters. */
export function keyLength(text: string): number {
  const n = keyLengthBound(text);
  return n === Infinity ? labelKey(text).length : n;
}

/** Section numbering at the start of a heading or label: "二、", "（三）", "3.", "第四部分". */
const NUMBERING = /^(?:第?[一二三四五六七八九十]+(?:部分)?[、.]?|\(?[一二三四五六七八九十\d]+\)[、.]?|\d+[.、])/;

const stripped = memoised((text: string): string => normalizeText(text).replace(NUMBERING, ''));

export function stripNumbering(text: string): string {
  const normal = quickNormal(text);
  return normal === null ? stripped(text) : normal.replace(NUMBERING, '');
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
 * other than 第, 页 and 共 (NFKC leaves both as they are, and no pattern of isPageNumber has them), or digits (ASCII or
 * full width) and spaces only, or nothing (a page number has a dash, a slash or 第 around its figure). Most cells, at the cost of a scan.
 */
function notPageNumber(text: string): boolean {
  let digits = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (c !== 0x7b2c && c !== 0x9875 && c !== 0x5171) return true;
      digits = false;
    } else if ((c < 48 || c > 57) && !isSpaceOrWideDigit(c)) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
      digits = false;
    }
  }
  return digits;
}

/** A space SPACES removes that NFKC leaves a space (ASCII, no-break, ideographic), or a full-width digit (NFKC: its ASCII digit). */
function isSpaceOrWideDigit(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0xff10 && c <= 0xff19);
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
