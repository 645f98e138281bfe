/** The report's title facts: agency, year, publication date. Pure. */
import type { TextCell } from '../ingest/types.ts';
import { normalizeText } from './normalize.ts';

const TITLE = /(\d{4})年度?(?:政府)?信息公开(?:工作)?年度?报告/;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const POSTED = /发布(?:时间|日期)[:：]?(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/;

export interface Metadata {
  agency: string | null;
  year: number | null;
  published: string | null;
}

/** A line that can be an agency's name: short, no sentence punctuation, not a date or a heading. */
function looksLikeName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[，。；：:,;]/.test(text) && !/^\d/.test(text) && !/报告$/.test(text);
}

function cleanAgency(text: string): string {
  return text.replace(/^关于/, '').replace(/(?:关于|的)$/, '').replace(/[-_|｜—]+$/, '');
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Read the title (the first cell that names a year's 政府信息公开工作年度报告) and the date it is signed with. */
export function readMetadata(cells: readonly TextCell[], tablesStart: number): Metadata {
  const head = cells.slice(0, tablesStart).map((c) => normalizeText(c.text));
  let agency: string | null = null;
  let year: number | null = null;
  for (let i = 0; i < head.length; i++) {
    const text = head[i]!;
    const m = TITLE.exec(text);
    if (!m || text.length > 80) continue;
    year = Number(m[1]);
    const before = cleanAgency(text.slice(0, m.index));
    if (before.length >= 2) agency = before;
    else {
      for (let k = i - 1; k >= 0 && agency === null; k--) if (looksLikeName(head[k]!)) agency = cleanAgency(head[k]!);
    }
    break;
  }
  return { agency, year, published: readPublished(cells) };
}

function readPublished(cells: readonly TextCell[]): string | null {
  let signed: string | null = null;
  let posted: string | null = null;
  for (const cell of cells) {
    const text = normalizeText(cell.text);
    const d = DATE.exec(text);
    if (d) signed = isoDate(d[1]!, d[2]!, d[3]!);
    const p = posted === null ? POSTED.exec(text) : null;
    if (p) posted = isoDate(p[1]!, p[2]!, p[3]!);
  }
  return signed ?? posted;
}
