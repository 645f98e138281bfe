/**
 * Variants real reports print (issue 11 §1 "More variants to handle"), for the renderers to print now and then:
 * figures in full-width digits or padded with U+3000 / no-break spaces or grouped with a space ("1 234"), a note
 * inside a cell ("5（含转办2件）", "3*" with a footnote), the tables under 一/二/三 instead of 二/三/四, the other
 * edition's wording (规范性文件 and 处理决定数量 in a 2021 table, the reverse in a 2019 one), header cells printed as
 * several paragraphs or over a header row of their own, and a page number printed as a row of table 三. Drawn from generators of their own, so that no
 * other draw of an existing seed moves; a test forces one with `override`.
 */
import { createRng, hashString } from './prng.ts';

export type Digits = 'ascii' | 'full-width' | 'padded';
export type CellNote = 'none' | 'paren' | 'mark';

export interface Variants {
  /** How figures are printed: as usual, in full-width digits ("１２３"), or padded/grouped with spaces. */
  digits: Digits;
  /** A note in table 三's 一、本年新收 总计 cell: none, "12（含转办3件）", or "12*" with a footnote under the table. */
  note: CellNote;
  /** The tables under 一/二/三 (and 五/六 renumbered 四/五) instead of 二/三/四. Report-wide. */
  shiftedSections: boolean;
  /** The other edition's wording of table 二 (规范性文件 / 行政规范性文件, 处理决定数量 / 本年处理决定数量). Report-wide. */
  otherWording: boolean;
  /** Header cells printed as several paragraphs (<p>s in HTML, paragraphs in .docx). */
  headerParagraphs: boolean;
  /** A page number ("- 2 -") printed as a row inside table 三 (a footer pasted into the table). */
  footerRow: boolean;
  /** Header cells wrapped onto a header row of their own: table 三's "商业" / "企业", table 四's "结果" / "维持" (grid.ts). */
  splitHeaders: boolean;
  /**
   * Amounts too large for 万元 (above 100 万元, so above 1,000,000 as printed) printed in 元 where the table states no
   * unit: what value.unit_doubtful flags (print.ts). Never drawn — only forced, for its round trip: read, such an
   * amount is wrong by 10,000 unless the validator's flag is counted.
   */
  unstatedYuan: boolean;
  /**
   * Layout text only (an office suite's PDF, narrow figure columns): table 三's widest figures broken in their cells,
   * the last digit on the line under the row's figures ("238 … 317" / "6 … 4"), or the row on three lines, the first
   * digits above the row's other figures and the last under them ("108 … 141" / "246 0 0 87 0" / "0 … 3").
   * layout-broken-figures.ts.
   */
  brokenFigures: BrokenFigures;
  /**
   * Layout text only: a page break inside a row of table 三 — the rest of its wrapped label goes on at the top of the
   * next page ('label'), or the last digits of its broken figures do ('figure'). layout-cut-row.ts.
   */
  cutRow: CutRow;
  /** Layout text only: figures of four digits and more with their digit groups apart ("2    304"), as a grouped figure prints. */
  groupsApart: boolean;
  /**
   * Layout text only: table 四's line of figures stretched by pdftotext, each figure further right of its header than
   * the one before (up to 5–10 slots at the last). Never drawn — only forced, for its round trip (bench/layout-synth.ts):
   * where blank cells leave a figure's column to its position, the reader flags it, so a round trip is not exact.
   */
  stretchedLine: boolean;
  /**
   * Layout text only: table 三's header cut by a page break — after 自然人 / 总计 (商业 / 企业 … 其他 whole on the next
   * page) or inside the stacked words (业 / 构 / 益 … on the next). Only where no row of table 三 is cut. layout-cut-row.ts.
   */
  cutHeader: boolean;
  /**
   * Layout text only: table 三's labels wrapped at 4–8 characters a line, as a narrow label column prints them. Never
   * drawn — only forced (bench/layout-synth.ts): seeds 1–500 read 95.04% of cells exact, 2.14% flagged, 14 reports
   * refused, 0 wrong, where drawn it would fail round trips that must be exact.
   */
  narrowLabels: boolean;
  /**
   * Layout text only: table 三's rows indented past a margin of their own where 三、本年度办理结果 stands (spaced out,
   * down the margin or whole), 一、 and 二、 from the margin: （一）… from column 20, 1.… from 28, the figures further
   * right (a real report, 2023 洪泽区, prints its heading spaced out there). Drawn for one report in eight.
   */
  marginHeading: boolean;
  /**
   * Web page only (CMS): tables printed without merged cells, each grid position a rowspan/colspan covered an empty
   * cell of its own — table 三's header rows only ('headers'), or every row of every table ('all'). unmerge-grid.ts.
   */
  unmerged: Unmerged;
  /**
   * Word text only: each table row one line, its cells TAB-separated (a cell a merged cell covers not there, as a
   * page's text copies it), the line's trailing white space trimmed — so a row's blank cells at its end are lost, as text copied from a web
   * page or Word and trimmed prints them ("（一）予以公开\t258\t12\t\t\t1\t1", the 总计 blank). Drawn for one report
   * in eight, from a generator of its own.
   */
  tabRows: boolean;
  /**
   * Layout text only: table 二's label column as narrow as its widest label, each figure column right after it (a
   * browser's or an office suite's PDF of a page whose table has no rules, as pdftotext prints it): the widest label
   * of each block and its first figure one space apart ("行政规范性文件 88      55"). Never drawn — only forced
   * (tests/unit/layout-glued-labels.test.ts).
   */
  gluedLabels: boolean;
}

export type BrokenFigures = 'none' | 'two-lines' | 'three-lines';
/** Tables printed without merged cells: none, table 三's header rows only, or every table (unmerge-grid.ts). */
export type Unmerged = 'none' | 'headers' | 'all';
export type CutRow = 'none' | 'label' | 'figure';

export const PLAIN_VARIANTS: Variants = {
  digits: 'ascii', note: 'none', shiftedSections: false, otherWording: false, headerParagraphs: false, footerRow: false,
  splitHeaders: false, unstatedYuan: false, brokenFigures: 'none', cutRow: 'none', groupsApart: false,
  stretchedLine: false, cutHeader: false, narrowLabels: false, marginHeading: false, unmerged: 'none', tabRows: false,
  gluedLabels: false,
};

/**
 * The variants of one report in one rendering. Report-wide ones (sections, wording) come from the report alone, so
 * that every rendering of a report prints the same text.
 */
export function drawVariants(
  values: { agency: string; year: number; edition: string },
  rendering: string,
  seed?: number,
  override: Partial<Variants> = {},
): Variants {
  const report = createRng(hashString(`variants|${values.agency}|${values.year}|${values.edition}`));
  const own = createRng(hashString(`variants|${rendering}`, seed ?? hashString(`${values.agency}|${values.year}|${values.edition}`)));
  return {
    shiftedSections: report.chance(0.08),
    otherWording: report.chance(0.1),
    digits: own.weighted<Digits>([['ascii', 16], ['full-width', 2], ['padded', 2]]),
    note: own.weighted<CellNote>([['none', 16], ['paren', 2], ['mark', 2]]),
    headerParagraphs: own.chance(0.15),
    footerRow: own.chance(0.1),
    // Drawn last: no earlier draw of existing seeds moves.
    splitHeaders: own.chance(0.1),
    unstatedYuan: false,
    ...officeLayout(rendering, seed ?? hashString(`${values.agency}|${values.year}|${values.edition}`)),
    stretchedLine: false,
    narrowLabels: false,
    // Drawn last, for the web page only: no earlier draw of existing seeds moves.
    unmerged: rendering === 'html' ? own.weighted<Unmerged>([['none', 16], ['headers', 2], ['all', 2]]) : 'none',
    tabRows: rendering === 'word-text' && createRng(hashString('variants|tab-rows', seed ?? hashString(`${values.agency}|${values.year}|${values.edition}`))).chance(0.125),
    gluedLabels: false,
    ...override,
  };
}

/**
 * The office-suite variants of layout text, from a generator of their own (no other draw of a seed moves); none in
 * other renderings.
 */
function officeLayout(rendering: string, seed: number): Pick<Variants, 'brokenFigures' | 'cutRow' | 'groupsApart' | 'cutHeader' | 'marginHeading'> {
  if (rendering !== 'pdftotext-layout') return { brokenFigures: 'none', cutRow: 'none', groupsApart: false, cutHeader: false, marginHeading: false };
  const rng = createRng(hashString(`variants|office|${rendering}`, seed));
  return {
    brokenFigures: rng.weighted<BrokenFigures>([['none', 12], ['two-lines', 4], ['three-lines', 4]]),
    cutRow: rng.weighted<CutRow>([['none', 12], ['label', 4], ['figure', 4]]),
    groupsApart: rng.chance(0.2),
    // Drawn last: no earlier draw of existing seeds moves.
    cutHeader: rng.chance(0.15),
    marginHeading: rng.chance(0.125),
  };
}

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '．', '+': '＋', '-': '－' };

/** What groups a padded figure's digits: a space, an ideographic space (U+3000) or a no-break space (&nbsp;). */
const GROUP_SEPARATORS = [' ', '\u3000', '\u00a0'];

/**
 * A printed figure in a digit style: "1,234" → "１，２３４"; padded: "1234" → "\u30001234", or grouped "1 234",
 * "1\u3000234", "1\u00a0234" (padding inside the number, as pages copied from Word print it).
 */
export function styleDigits(printed: string, digits: Digits, key: string): string {
  if (printed === '' || !/\d/.test(printed)) return printed;
  if (digits === 'full-width') {
    return printed.replace(/[0-9,.+-]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  }
  if (digits === 'padded') {
    const h = hashString(key) % 4;
    if (/^\d{4,}$/.test(printed) && h < 2) {
      return printed.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATORS[hashString(`${key}|group`) % GROUP_SEPARATORS.length]!);
    }
    return h === 0 || h === 2 ? `\u3000${printed}` : h === 1 ? `${printed}\u3000` : `\u00a0${printed}\u00a0`;
  }
  return printed;
}

/** The cell that carries the note: table 三, 一、本年新收, 总计 (when not 0). */
export function isNoteCell(table: string, row: string | undefined, column: string): boolean {
  return table === 'applications' && row === 'received' && column === 'total';
}

/** The footnote printed under table 三 for a "mark" note. */
export const FOOTNOTE = '注：*含上级机关转办的申请。';

/** "12（含转办3件）" or "12*". */
export function withNote(printed: string, value: number, note: CellNote): string {
  if (note === 'paren') return `${printed}（含转办${Math.ceil(value / 3)}件）`;
  if (note === 'mark') return `${printed}*`;
  return printed;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** A section heading renumbered one down ("二、主动公开…" → "一、主动公开…"), when sections are shifted. */
export function shiftHeading(text: string, shifted: boolean): string {
  if (!shifted) return text;
  return text.replace(/^([二三四五六])、/, (_, n: string) => `${NUMERALS[NUMERALS.indexOf(n) - 1]}、`);
}
