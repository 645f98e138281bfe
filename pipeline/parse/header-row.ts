/**
 * Header rows read as rows of blanks. A page that copies a table without its merged cells (rowspan/colspan) prints an
 * empty cell wherever a header cell is merged over its neighbours: table 三's "商业企业 … 其他" between an empty cell
 * under 自然人 and one under 总计, table 二's "第二十条第（一）项" or "信息内容 | 本年处理决定数量" followed by empty
 * cells. Each reads as a row of blanks whose label is header text; it is no row of the table. Pure.
 */
import { PROACTIVE, type TableDef } from '../model/template.ts';
import type { DataRow } from './segment.ts';
import { labelKey } from './normalize.ts';

/**
 * Table 三's column headers, longest first (法人或其他组织 before 其他), and the pieces a header wrapped onto a row of its
 * own leaves ("商业" over "企业", "社会公益" over "组织", "商业企" over "业").
 */
const APPLICANT_HEADERS = [
  '法人或其他组织', '社会公益组织', '法律服务机构', '申请人情况', '商业企业', '科研机构', '社会公益', '法律服务', '自然人',
  '商业企', '科研机', '总计', '其他', '商业', '企业', '科研', '机构', '社会', '公益', '组织', '法律', '服务', '自然',
  '业', '构', '人',
];
/** Alone, these two could be a row's own label (3.其他, （七）总计 printed short): a header row names two or more. */
const AMBIGUOUS_ALONE = new Set(['其他', '总计']);

/** Table 三: the row's own label cells are column headers only (two or more, or one that is never a row's label). */
function isApplicantHeader(key: string): boolean {
  let rest = key;
  let words = 0;
  let word: string | undefined;
  while (rest !== '') {
    word = APPLICANT_HEADERS.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
    words++;
  }
  return words >= 2 || (words === 1 && !AMBIGUOUS_ALONE.has(word!));
}

/** Table 二's column headers in either edition, as label keys, longest first ("本年处理决定数量" before "处理决定数量"). */
const PROACTIVE_HEADERS = [...new Set(['信息内容', '本年处理决定数量', '本年收费金额', '单位万元', '单位元', '万元', '元',
  ...PROACTIVE.columns.map((c) => labelKey(c.zh))])].sort((a, b) => b.length - a.length);

/** Table 二: the heading of a block ("第二十条第（五）项") or header cells only ("信息内容 | 本年处理决定数量"). */
function isProactiveHeader(key: string): boolean {
  if (/^第二十条第[一二三四五六七八九十]+项$/.test(key)) return true;
  let rest = key;
  while (rest !== '') {
    const word = PROACTIVE_HEADERS.find((w) => rest.startsWith(w));
    if (!word) return false;
    rest = rest.slice(word.length);
  }
  return key !== '';
}

/** The row prints no figure and its own label cells are header text of the table. */
export function isHeaderRow(row: DataRow, table: TableDef): boolean {
  if (row.values.some((v) => v.text.trim() !== '')) return false;
  const key = labelKey(row.own);
  if (table.id === 'applications') return isApplicantHeader(key);
  if (table.id === 'proactive') return isProactiveHeader(key);
  return false;
}
