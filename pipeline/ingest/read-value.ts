/**
 * Read one printed cell into a Cell: a number (with sign, thousands separators, unit and note), a blank,
 * a "not applicable" mark, or text. Pure.
 */
import type { Cell, Location } from '../model/report.ts';
import { memoised } from '../memoised.ts';

/** Spaces that real reports leave in cells: ASCII, no-break, full-width, zero-width. */
const SPACE = /[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+/g;

const NOT_APPLICABLE = /^(?:[-—–―－/／\\、]+|无|不适用|\/)$/;

// After NFKC: full-width digits, signs and parentheses are ASCII.
const NUMBER = /^([+\-−])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万元|元|件|个|项|条|次|宗|份)?$/su;

/**
 * A footnote mark printed after a figure ("3*", "0注", "5注1", "12①", "7¹", "4[1]"). Found before NFKC, which would
 * turn ① and ¹ into digits ("12①" → "121").
 */
const MARK = /(?:注\s*[0-9０-９①-⑳]*|[*＊※△▲]+|[①-⑳]|[¹²³⁰-⁹]+|[[［]\s*[0-9０-９]+\s*[\]］])$/u;

/** What may stand in a figure as printed: digits (half or full width), a sign, separators, spaces, a count unit. */
const FIGURE = /^[+＋\-−－]?\s*[0-9０-９][0-9０-９,，.．\s]*(?:万元|元|件|个|项|条|次|宗|份)?$/u;

/**
 * Spaces between digits are only a thousands separator ("1 234", "12 345 678"); "1 0" is two figures, not 10, and so
 * is "0 281" (no figure's first group starts with 0: in layout text, a column's 0 one space before the next column's
 * "281（含转办94件）" was read as 281, the 0 lost).
 */
const SPACED_DIGITS = /\d(?: \d)/;
const SPACE_GROUPED = /^[+\-−]? ?[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?(?: ?[^\d\s.]+)?$/u;

export interface ReadOptions {
  /** The column holds money in 万元: amounts printed in 元 are converted. */
  money?: boolean;
  /**
   * Money columns: the unit the table states for the column (its header or a note, stated-unit.ts). A bare amount
   * under 元 is converted and keeps `unit: '元'`; under 万元 it is read as is (no `unit`: 万元 is the template's
   * own unit, so stating it changes nothing); a unit printed in the cell itself goes first.
   */
  statedUnit?: '元' | '万元';
}

/** Collapse the spaces inside a cell and trim it (keeps the text otherwise as printed). */
export function cleanCellText(text: string): string {
  return text.replace(SPACE, ' ').trim();
}

/**
 * Whether the text is ASCII digits only ("0", "1234"): the commonest cell of all, which the tests of a label, a
 * heading or a value can tell at once.
 */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const valueText = memoised((text: string): boolean => readValue(text).kind !== 'text');

/**
 * Whether the text is told to be text by its first character alone: an ASCII letter, an opening parenthesis (half or
 * full width: "（一）…"), or a CJK ideograph other than 无 and 不. A figure (FIGURE) starts with a sign or a digit, and a
 * mark of not applicable (NOT_APPLICABLE) with a dash, a slash, 、, 无 or 不; none of those characters is a space that
 * cleaning would remove first, and NFKC makes none of them one of those.
 */
function startsAsText(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff && c !== 0x65e0 && c !== 0x4e0d) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 0x28 || c === 0xff08;
}

/**
 * What readValue makes of a text, told from its characters alone, for two kinds of cell that are common and miss the
 * quick tests above: true for digits (ASCII or full width) in one run with spaces around them ("０", "　0", " 12 ":
 * cleaning trims the spaces, NFKC makes the digits ASCII, a figure); false for ASCII digits, "." or "、", then a CJK
 * ideograph ("3.危及…", "2、重复申请": an item's label; whatever the note, mark and parenthesis cuts take off its end,
 * what is left starts "3." or "3、" and goes on with no digit after the point, so it reads as no figure). Else null.
 */
function quickValue(text: string): boolean | null {
  let i = 0;
  const n = text.length;
  while (i < n && isPadding(text.charCodeAt(i))) i++;
  const start = i;
  let wide = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    // A full-width digit: one unsigned comparison, run for every character (`c >= 0xff10 && c <= 0xff19` ran its second
    // comparison first at the first full-width digit, late, and the compiled reader was thrown away there).
    if ((c - 0xff10) >>> 0 <= 9) wide = true;
    else if (c < 48 || c > 57) break;
  }
  if (i === start) return null;
  if (!wide && start === 0 && i + 1 < n) {
    const point = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if ((point === 0x2e || point === 0x3001) && next >= 0x4e00 && next <= 0x9fff) return false;
  }
  while (i < n && isPadding(text.charCodeAt(i))) i++;
  return i === n ? true : null;
}

/** A space SPACE matches that NFKC leaves a space or removes: ASCII, no-break, ideographic. */
function isPadding(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}

/** True when the printed text reads as a value (number, blank or not-applicable mark), not as a label. */
export function isValueText(text: string): boolean {
  // An empty cell (Word text's blank, the commonest after a figure) reads as a blank.
  return text.length === 0 || isDigits(text) || (!startsAsText(text) && (quickValue(text) ?? valueText(text)));
}

/** Shift a non-negative decimal string by `places` (negative = divide by 10^-places), exactly. */
function shiftDecimal(intPart: string, fracPart: string, places: number): number {
  const digits = intPart + fracPart;
  let point = intPart.length + places;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  return Number(`${padded.slice(0, point)}.${padded.slice(point) || '0'}`);
}

/** A figure, a comma, and a note opened by 含, 其中, 包括, 另, 注 …: "5，含转办2件". */
const COMMA_NOTE = /^(.*?[0-9０-９])\s*[，,；;]\s*((?:含|其中|包括|包含|另|注|均|系).*)$/su;

interface Figure {
  /** The figure with its unit, NFKC-normalised, spaces removed: "1234", "+3", "8810055元". */
  compact: string;
  /** The note beside it: the text in parentheses after it (NFKC, spaces removed), and/or a footnote mark as printed. */
  note?: string;
}

/**
 * Split a printed cell into its figure and the note beside it ("5（含转办2件）", "5，含转办2件", "3*", "0注"); null when the cell is not a
 * figure (with or without a note), e.g. "若干", "1 0", "3.其他".
 */
function splitFigure(raw: string): Figure | null {
  let text = raw;
  const notes: string[] = [];
  const mark = MARK.exec(text);
  if (mark && mark.index > 0) {
    notes.push(mark[0].trim());
    text = text.slice(0, mark.index).trimEnd();
  }
  // A note after a comma ("5，含转办2件", "12,其中3件为…"): words that open a note, never a figure's thousands group.
  const after = COMMA_NOTE.exec(text);
  if (after) {
    notes.unshift(after[2]!.normalize('NFKC').replace(SPACE, ''));
    text = after[1]!;
  }
  const open = text.search(/[（(]/);
  if (open > 0) {
    const inner = /^[（(](.*)[）)]$/su.exec(text.slice(open));
    if (!inner) return null;
    const note = inner[1]!.normalize('NFKC').replace(SPACE, '');
    if (note !== '') notes.unshift(note);
    text = text.slice(0, open).trimEnd();
  }
  if (!FIGURE.test(text)) return null;
  const spaced = text.normalize('NFKC');
  if (SPACED_DIGITS.test(spaced) && !SPACE_GROUPED.test(spaced)) return null;
  const compact = spaced.replace(SPACE, '');
  return notes.length > 0 ? { compact, note: notes.join(' ') } : { compact };
}

/**
 * The digits of a text that is one run of digits (ASCII or full width) with spaces around it ("０", "　12 "): what
 * cleanCellText leaves of it (trim takes these spaces). Null for any other text.
 */
function paddedDigits(text: string): string | null {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && (c < 0xff10 || c > 0xff19)) return null;
  }
  return text.slice(start, end);
}

/** The ASCII digits of digits printed ASCII or full width (NFKC's). */
function asciiDigits(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    out += String.fromCharCode(c >= 0xff10 ? c - 0xfee0 : c);
  }
  return out;
}

/**
 * A cell of `kind` with its value and raw text, and its source when known: `{ kind, value, raw, source }` in that
 * order, as an object literal (one shape for every cell, no object spread).
 */
function cellOf(kind: Cell['kind'], value: number | null, raw: string, source: Location | undefined): Cell {
  return source ? { kind, value, raw, source } : { kind, value, raw };
}

/**
 * A number's cell with its unit and note when it has them: `{ kind, value, raw, source, unit, note }` in that order,
 * the keys it lacks left out, made whole as one literal. Not cellOf's cell given its value, unit and note afterwards:
 * a property added to a shape, or a value changed, after code was compiled for it, threw that code away (V8 had
 * taken the shape as stable and the value as constant), in every function reading cells.
 */
function numberCell(value: number, raw: string, source: Location | undefined, unit: Cell['unit'], note: string | undefined): Cell {
  if (note === undefined) {
    if (unit === undefined) return cellOf('number', value, raw, source);
    return source ? { kind: 'number', value, raw, source, unit } : { kind: 'number', value, raw, unit };
  }
  if (unit === undefined) return source ? { kind: 'number', value, raw, source, note } : { kind: 'number', value, raw, note };
  return source ? { kind: 'number', value, raw, source, unit, note } : { kind: 'number', value, raw, unit, note };
}

/** A figure of plain digits, as the path below reads it: no sign, no fraction, no unit printed, no note. */
function digitsCell(raw: string, digits: string, options: ReadOptions, source: Location | undefined): Cell {
  if (options.money && options.statedUnit === '元') return numberCell(shiftDecimal(digits, '', -4), raw, source, '元', undefined);
  return cellOf('number', Number(digits), raw, source); // shiftDecimal(digits, '', 0) is Number(`${digits}.0`): the same value
}

/**
 * No money, no stated unit: readValue's default, with both keys (the shape of every options object read-tables.ts
 * passes, so that a compiled readValue meets one shape, not a second when a call without options came late).
 */
export const PLAIN_READ: ReadOptions = Object.freeze({ money: undefined, statedUnit: undefined });

export function readValue(printed: string, options: ReadOptions = PLAIN_READ, source?: Location): Cell {
  if (isDigits(printed)) return digitsCell(printed, printed, options, source);
  // Padded or full-width digits ("　0", "０"): cleaning trims the spaces, NFKC makes the digits ASCII.
  const padded = paddedDigits(printed);
  if (padded !== null) return digitsCell(padded, isDigits(padded) ? padded : asciiDigits(padded), options, source);
  const raw = cleanCellText(printed);
  if (raw === '') return cellOf('blank', null, raw, source);
  const compact = raw.normalize('NFKC').replace(SPACE, '');
  if (NOT_APPLICABLE.test(compact)) return cellOf('not_applicable', null, raw, source);
  const figure = splitFigure(raw);
  const m = figure ? NUMBER.exec(figure.compact) : null;
  if (!m) return cellOf('text', null, raw, source);
  const [, sign, int = '0', frac = '', unit] = m;
  const intPart = int.replace(/,/g, '');
  const negative = sign === '-' || sign === '−';
  let value = shiftDecimal(intPart, frac, 0);
  // The unit printed in the cell goes first; else 元 stated by the table (万元 stated there is the template's own).
  const stated = unit ?? (options.money && options.statedUnit === '元' ? '元' : undefined);
  const kept = stated === '元' || stated === '万元' ? stated : undefined;
  if (kept === '元' && options.money) value = shiftDecimal(intPart, frac, -4);
  return numberCell(negative && value !== 0 ? -value : value, raw, source, kept, figure!.note);
}
