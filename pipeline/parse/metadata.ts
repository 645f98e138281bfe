/**
 * The report's title facts: agency, year, publication date. Pure.
 *
 * Titles as agencies print them: "<agency>2020年政府信息公开工作年度报告", "<agency>2019年度…", the year first
 * ("2019年<agency>政府信息公开工作年度报告"), spaces inside ("沭阳县人民政府 2025 年 政府信息公开…"), 年度报告,
 * 工作年度报告 or 年报, and the title split over two or three lines. When the title names no agency, the agency is
 * the name-like line right above it, else the page's 发布机构, else the signature at the end.
 */
import type { TextCell } from '../ingest/types.ts';
import { isDigits } from '../ingest/read-value.ts';
import { keyLengthBound, normalizeText } from './normalize.ts';

/** Year, then (the year-first order) the agency, then 政府信息公开(工作)(年度)报告 or 年报. */
const TITLE = /(\d{4})年度?([^，。；：:,;、]{0,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const POSTED = /发布(?:时间|日期)[:：]?(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/;
/** The page's metadata: "发布机构：沭阳县人民政府", or the label alone with the name in the next cell. */
const PUBLISHER = /^(?:发布机构|发文机关|发布单位|公开主体|信息来源|来源)[:：]?(.*)$/;
/** A title longer than this is a sentence that mentions the report, not its title. */
const MAX_TITLE = 80;
/** How many lines a title may be split over. */
const MAX_TITLE_LINES = 3;
/** The signature: how many cells at the end of the document may hold it. */
const SIGNATURE_CELLS = 8;

/** What names a body, not the whole of a place's government work ("全市", "本机关"). */
const NOT_AN_AGENCY = /^(?:全|本|我)(?:市|区|县|省|镇|乡|机关|单位|局|委|办)?$/;
/** The ending of an agency's name. */
const AGENCY_END = /(?:政府|办公厅|办公室|委员会|管委会|办事处|街道|局|厅|委|院|署|会|中心|站|所|处|镇|乡|部|队|馆|社|办)$/;

export interface Metadata {
  agency: string | null;
  year: number | null;
  published: string | null;
}

/** A line that can be an agency's name: short, no sentence punctuation, not a date or a heading. */
function looksLikeName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[，。；：:,;]/.test(text) && !/^\d/.test(text) && !/报告$/.test(text);
}

function looksLikeAgency(text: string): boolean {
  return looksLikeName(text) && AGENCY_END.test(text) && !NOT_AN_AGENCY.test(text);
}

function cleanAgency(text: string): string {
  return text.replace(/^关于/, '').replace(/(?:关于|的)$/, '').replace(/[-_|｜—]+$/, '');
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

interface Title {
  /** Index of the title's first line. */
  index: number;
  year: number;
  agency: string | null;
}

/**
 * The normal texts of the cells before the tables, each made when first asked for: the title is most often among the
 * first few, and the cells after it are normalised only if the agency is still to be found.
 */
class Head {
  private readonly made: (string | undefined)[];
  readonly length: number;
  constructor(private readonly cells: readonly TextCell[]) {
    this.length = cells.length;
    this.made = new Array<string | undefined>(cells.length);
  }

  at(i: number): string {
    return (this.made[i] ??= normal(this.cells[i]!.text));
  }

  /** Lines i … i + lines − 1 joined. */
  joined(i: number, lines: number): string {
    let text = '';
    for (let k = i; k < i + lines; k++) text += this.at(k);
    return text;
  }
}

/** The first title on one line, else split over two or three consecutive lines. */
function findTitle(head: Head): Title | null {
  for (let lines = 1; lines <= MAX_TITLE_LINES; lines++) {
    for (let i = 0; i + lines <= head.length; i++) {
      const text = head.joined(i, lines);
      const m = TITLE.exec(text);
      if (!m || text.length > MAX_TITLE) continue;
      // A split title ends on its last line: a longer window whose last line adds nothing is a one-line title.
      if (lines > 1 && m.index + m[0].length <= text.length - head.at(i + lines - 1).length) continue;
      const before = cleanAgency(text.slice(0, m.index));
      const middle = cleanAgency(m[2]!);
      const agency = before.length >= 2 && !NOT_AN_AGENCY.test(before) ? before
        : middle.length >= 2 && !NOT_AN_AGENCY.test(middle) ? middle : null;
      return { index: i, year: Number(m[1]), agency };
    }
  }
  return null;
}

/** The page's 发布机构 (or 来源): the name after the label, or in the next cell. */
function publisher(head: Head): string | null {
  for (let i = 0; i < head.length; i++) {
    const m = PUBLISHER.exec(head.at(i));
    if (!m) continue;
    const name = cleanAgency(m[1] !== '' ? m[1]! : (i + 1 < head.length ? head.at(i + 1) : ''));
    if (looksLikeAgency(name)) return name;
  }
  return null;
}

/** The agency the report is signed by: the last agency-like line among the document's last cells (normalised). */
function signature(tail: readonly string[]): string | null {
  for (let i = tail.length - 1; i >= 0; i--) if (looksLikeAgency(tail[i]!)) return cleanAgency(tail[i]!);
  return null;
}

/** The text normalised for the patterns above (a figure of ASCII digits is its own normalised text). */
function normal(text: string): string {
  return isDigits(text) ? text : normalizeText(text);
}

/** Read the title (the cells that name a year's 政府信息公开工作年度报告) and the date it is signed with. */
export function readMetadata(cells: readonly TextCell[], tablesStart: number): Metadata {
  // Only the cells before the tables are read for the title; the signature only in the last cells.
  const head = new Head(cells.slice(0, tablesStart));
  const title = findTitle(head);
  if (!title) return { agency: null, year: null, published: readPublished(cells) };
  let agency = title.agency;
  const above = title.index > 0 ? cleanAgency(head.at(title.index - 1)) : '';
  if (agency === null && looksLikeAgency(above)) agency = above;
  agency ??= publisher(head) ?? signature(cells.slice(-SIGNATURE_CELLS).map((c) => normal(c.text)));
  for (let k = title.index - 1; k >= 0 && agency === null; k--) if (looksLikeName(head.at(k))) agency = cleanAgency(head.at(k));
  return { agency, year: title.year, published: readPublished(cells) };
}

const YEAR = /(\d{4})\s*年/g;

/**
 * The metadata, and when the text prints no title, the document's own title (a PDF's Info /Title: LibreOffice and
 * browsers set it from the page's <title>, the one the HTML reader reads; LibreOffice's PDF of a web page drops the
 * page's <h1>). Not when the text before the tables names years and not the title's (a template's stale title).
 */
export function readMetadataTitled(cells: readonly TextCell[], tablesStart: number, documentTitle: string | undefined): Metadata {
  const meta = readMetadata(cells, tablesStart);
  if (meta.year !== null || documentTitle === undefined) return meta;
  const titled = readMetadata([{ text: documentTitle, at: {} }, ...cells], tablesStart + 1);
  if (titled.year === null) return meta;
  const years = new Set(cells.slice(0, tablesStart).flatMap((c) => [...normal(c.text).matchAll(YEAR)].map((m) => Number(m[1]))));
  return years.size === 0 || years.has(titled.year) ? titled : meta;
}

/** The longest text DATE matches: "2024年12月31日". */
const LONGEST_DATE = 11;

/**
 * Whether the text, normalised, may match DATE: 年 in it (of all characters NFKC maps only U+F98E, a compatibility
 * ideograph, to 年, and composition makes none; removing spaces and "1、" → "1." make none), and, for a text of
 * quickNormal's characters (keyLengthBound finite), no more than 11 ideographs, letters and digits: its normal form
 * is then its characters but the spaces, one for one, and a text DATE matches is all digits and 年月日.
 */
function mayHoldSigned(text: string): boolean {
  if (!text.includes('年') && !text.includes('\uf98e')) return false;
  const bound = keyLengthBound(text);
  return bound === Infinity || bound <= LONGEST_DATE;
}

/** Whether the text, normalised, may match POSTED: 发 in it (NFKC maps no character to 发, composition makes none). */
function mayHoldPosted(text: string): boolean {
  return text.includes('发');
}

function readPublished(cells: readonly TextCell[]): string | null {
  let signed: string | null = null;
  let posted: string | null = null;
  for (const cell of cells) {
    const trySigned = mayHoldSigned(cell.text);
    const tryPosted = posted === null && mayHoldPosted(cell.text);
    if (!trySigned && !tryPosted) continue;
    const text = normal(cell.text);
    const d = trySigned ? DATE.exec(text) : null;
    if (d) signed = isoDate(d[1]!, d[2]!, d[3]!);
    const p = tryPosted ? POSTED.exec(text) : null;
    if (p) posted = isoDate(p[1]!, p[2]!, p[3]!);
  }
  return signed ?? posted;
}
