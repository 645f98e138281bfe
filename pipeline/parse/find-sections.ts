/** Find the three tables' sections in a document's cell stream, by their headings. Pure. */
import type { TextCell } from '../ingest/types.ts';
import { memoised } from '../memoised.ts';
import { type TableId, TABLES } from '../model/template.ts';
import { isDigits } from '../ingest/read-value.ts';
import { keyLengthBound, labelKey, labelRecall, normalizeText, stripNumbering } from './normalize.ts';

export interface Section {
  table: TableId;
  /** Index of the heading cell. */
  heading: number;
  /** Cells of the section: (heading, end). */
  start: number;
  end: number;
}

const MAX_EXTRA = 8;

/** Per heading, whether a cell's text is it. */
const headingTests = new Map<string, (text: string) => boolean>();

function isHeading(text: string, heading: string): boolean {
  let test = headingTests.get(heading);
  if (!test) {
    const want = labelKey(heading);
    const longest = want.length + MAX_EXTRA;
    // The key of a text near the heading's length, remembered per text (the labels of tables 二 and 三 before a
    // heading recur report after report); its bigrams only when it does not hold the heading whole.
    const full = memoised((t: string): boolean => {
      const key = labelKey(stripNumbering(t));
      if (key.length > longest || key.length < want.length - 4) return false;
      return key.includes(want) || labelRecall(key, want) >= 0.85;
    });
    // A figure's key is its digits: it holds none of a heading's bigrams when the heading has no digit. A text with
    // more ideographs than a heading's key may have is none (a paragraph: told without normalising it), nor one with
    // too few ideographs, letters and digits for its key to be near the heading's length (no look-up).
    const near = (t: string): boolean => !moreKeptIdeographs(t, longest) && keyLengthBound(t) >= want.length - 4;
    test = /\d/.test(want) ? (t) => near(t) && full(t) : (t) => !isDigits(t) && near(t) && full(t);
    headingTests.set(heading, test);
  }
  return test(text);
}

/** The ideographs stripNumbering may take from a heading's start: 第, 一 … 十, 部, 分. */
const NUMBERING_CHARS = new Set([...'第一二三四五六七八九十部分'].map((c) => c.charCodeAt(0)));

/**
 * Whether the text holds more than `limit` CJK ideographs (U+4E00–U+9FFF) that its label key keeps whatever comes
 * around them: NFKC leaves them as they are, labelKey keeps every Han character, and stripNumbering takes only
 * numbering characters. So its key is longer than `limit`.
 */
function moreKeptIdeographs(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !NUMBERING_CHARS.has(c) && ++n > limit) return true;
  }
  return false;
}

/** A heading after table 四: section 五/六, "存在的主要问题…", "其他需要报告的事项". */
function isClosingHeading(text: string): boolean {
  const t = normalizeText(text);
  if (t.length > 40) return false;
  return /^[五六七八][、.]/.test(t) || /存在的主要问题|其他需要报告的事项/.test(t);
}

export type SectionMap = Partial<Record<TableId, Section>>;

/** The sections found, in document order; a table whose heading is missing is left out. */
export function findSections(cells: readonly TextCell[]): SectionMap {
  const order: TableId[] = ['proactive', 'applications', 'appeals'];
  const headings: Array<{ table: TableId; index: number }> = [];
  let from = 0;
  for (const table of order) {
    const heading = TABLES[table].heading;
    for (let i = from; i < cells.length; i++) {
      if (isHeading(cells[i]!.text, heading)) {
        headings.push({ table, index: i });
        from = i + 1;
        break;
      }
    }
  }
  const out: SectionMap = {};
  headings.forEach((h, k) => {
    let end = headings[k + 1]?.index ?? cells.length;
    if (k === headings.length - 1 && h.table === 'appeals') {
      for (let i = h.index + 1; i < cells.length; i++) {
        if (isClosingHeading(cells[i]!.text)) {
          end = i;
          break;
        }
      }
    }
    out[h.table] = { table: h.table, heading: h.index, start: h.index + 1, end };
  });
  return out;
}
