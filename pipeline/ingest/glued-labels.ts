/**
 * Where the rows of tables 二 and 三 start in a page glued into one line (flat-text.ts), found by the template's row
 * labels: a row that prints no figure glues its label to the next row's, and no run of figures marks the end of the
 * row, so the row's start is found by its label. Each template row (both editions, in the template's order) is
 * looked for after the row found before it; a label is a row start only when it stands once in its table's part of
 * the line (a label found twice cannot be placed with certainty: no cut, and the rows read as the run of figures cuts
 * them). A row's group heading printed just before its label ("（三）不予公开1.属于国家秘密", "三、本年度办理结果（一）予以
 * 公开") starts the row with it, as the row's line in flattened text does. Table 四 has no row labels in flattened text
 * (its figures are one run). Table 二's block headings and unit note start rows too ("第二十条第（八）项" or "单位：元"
 * after a row of "—" marks, which no run of figures ends). Pure.
 */
import { APPLICATIONS, PROACTIVE, type RowDef } from '../model/template.ts';

/** Offsets where rows start in `text` (a table's part of a glued line), ascending. */
export type RowStarts = (text: string) => number[];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One label as a pattern: spaces allowed between its characters, the item number's point or 、 and brackets' widths. */
function labelPattern(label: string): string {
  return [...label]
    .map((ch) => {
      if (ch === '.' || ch === '．' || ch === '、') return '[.．、]';
      if (ch === '（' || ch === '(') return '[（(]';
      if (ch === '）' || ch === ')') return '[）)]';
      return escape(ch);
    })
    .join('\\s*');
}

/** A row's printed labels (template and aliases), longest first: "行政规范性文件" before "规范性文件". */
function rowPattern(def: RowDef): RegExp {
  const labels = [def.zh, ...(def.aliases ?? [])].sort((a, b) => b.length - a.length);
  return new RegExp(labels.map(labelPattern).join('|'), 'gu');
}

interface Row {
  pattern: RegExp;
  /** Group headings printed in the row's line before its label. */
  heads: RegExp[];
}

/** Table 二's rows: its block headings stand in rows of their own, with the block's header (BLOCK below). */
const PROACTIVE_ROWS: Row[] = PROACTIVE.rows.map((def) => ({ pattern: rowPattern(def), heads: [] }));
/** Table 三's rows, each after its group heading, and （一）予以公开 after "三、本年度办理结果". */
const APPLICATION_ROWS: Row[] = APPLICATIONS.rows.map((def) => ({
  pattern: rowPattern(def),
  heads: [def.group, def.code === 'granted' ? '三、本年度办理结果' : undefined]
    .filter((h): h is string => h !== undefined)
    .map((h) => new RegExp(`${labelPattern(h)}\\s*$`, 'u')),
}));

/**
 * Table 二's block headings ("第二十条第（五）项"), each starting a row of its own (with the block's header after it),
 * and a note row stating the unit ("单位：元"; not the header's "（单位：万元）").
 */
const BLOCK = /第二十条第\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*项|(?<![（(]\s*)单位\s*[:：]\s*万?元/gu;

function starts(rows: readonly Row[], text: string): number[] {
  const out: number[] = rows === PROACTIVE_ROWS ? [...text.matchAll(BLOCK)].map((m) => m.index) : [];
  let from = 0;
  // From the row found before on: in 2021 "（六）其他处理" is a row and its sub-rows' heading both.
  let last = 0;
  for (const row of rows) {
    const found = [...text.matchAll(row.pattern)];
    if (found.length !== 1 || found[0]!.index < from) continue;
    const m = found[0]!;
    let at = m.index;
    for (const head of row.heads) {
      const h = head.exec(text.slice(last, at));
      if (h) {
        at = last + h.index;
        break;
      }
    }
    out.push(at);
    from = m.index + m[0].length;
    last = m.index;
  }
  return out.sort((a, b) => a - b);
}

/** Where table 二's rows start in its part of a glued line. */
export const proactiveRowStarts: RowStarts = (text) => starts(PROACTIVE_ROWS, text);
/** Where table 三's rows start in its part of a glued line. */
export const applicationRowStarts: RowStarts = (text) => starts(APPLICATION_ROWS, text);
