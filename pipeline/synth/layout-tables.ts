/**
 * Tables 二, 三 and 四 as `pdftotext -layout` prints them: each row a line of label + values at the columns' x
 * positions (blank cells print nothing), wrapped labels with their values on the middle line or after them, group
 * labels split or on their own line, and 三、本年度办理结果 printed one character per line down the margin.
 */
import type { Edition, TableId } from '../model/template.ts';
import { APPEAL_GROUPS, APPEAL_LEAVES, amountHeader, applicationGroups } from './grid.ts';
import { type PrintStyle, printValue } from './print.ts';
import type { Rng } from './prng.ts';
import type { CompactTable } from './types.ts';
import { FOOTNOTE, isNoteCell } from './variants.ts';
import { displayWidth, wrapChars } from './wrap.ts';

export interface Piece {
  x: number;
  text: string;
  center?: boolean;
  /** A figure of a row: the index of its value column. */
  figure?: number;
  /** A piece of a row's own label (not a group label or a heading beside it). */
  label?: boolean;
}
export type PLine = Piece[];
/** Lines that stay on one page (a table row with its wrapped label). */
export interface Unit {
  lines: PLine[];
  table: TableId | null;
  /** A row of table 二: its number of cells. */
  cells?: number;
}

export interface LayoutStyle {
  rowGap: 0 | 1;
  wrapValues: 'middle' | 'after';
  groupLabel: 'inline' | 'own-line' | 'split';
  resultLabel: 'vertical' | 'spaced' | 'plain';
  numbering: '.' | '、';
  /** x of the first value column of table 三 and the distance between value columns. */
  first: number;
  step: number;
  print: PrintStyle;
  /** Table 四's figure line stretched: each figure this many slots further right than the one before (variants.ts stretchedLine). */
  stretch?: number;
  /** Table 三's labels wrapped at this many characters, as in a narrow label column (variants.ts narrowLabels). */
  labelChars?: number;
  /** Table 三's rows indented this many slots past a margin of their own, its figures as far right (variants.ts marginHeading). */
  indent?: number;
  /** Table 二's first figure column one slot after the block's widest label (variants.ts gluedLabels). */
  gluedLabels?: boolean;
}

const APP_COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

const blankLine = (): PLine => [];

/** Lines for a label (wrapped to fit before the values) with its values placed per style. */
function rowLines(s: LayoutStyle, x: number, label: string, maxChars: number, values: Piece[], extra: Piece[] = []): PLine[] {
  const parts = displayWidth(label) / 2 > maxChars ? wrapChars(label, maxChars) : [label];
  const lines: PLine[] = parts.map((p, i) => [...(i === 0 ? extra : []), { x, text: p, label: true }]);
  if (parts.length === 1) lines[0]!.push(...values);
  else if (s.wrapValues === 'after') lines.push([...values]);
  else if (parts.length % 2 === 1) lines[Math.floor(parts.length / 2)]!.push(...values);
  else lines.splice(parts.length / 2, 0, [...values]);
  for (let g = 0; g < s.rowGap; g++) lines.push(blankLine());
  return lines;
}

function valuePieces(s: LayoutStyle, table: TableId, t: CompactTable, row: string, columns: string[], centers: number[]): Piece[] {
  return columns.flatMap((c, i) => {
    const text = printValue(table, c, t[row]?.[c] ?? null, s.print, row);
    if (text === '') return [];
    // A figure with a note ("281（含转办94件）", "12*"): its figure centred as the others are, the note after it.
    const figure = isNoteCell(table, row, c) ? /^[0-9０-９]+(?=[^0-9０-９])/.exec(text)?.[0] : undefined;
    if (figure !== undefined) return [{ x: centers[i]! - Math.floor(displayWidth(figure) / 2), text, figure: i }];
    return [{ x: centers[i]!, text, center: true, figure: i }];
  });
}

export function proactiveUnits(rng: Rng, s: LayoutStyle, edition: Edition, t: CompactTable): Unit[] {
  const units: Unit[] = [];
  const centers = [32, 50, 68].map((c) => c + rng.int(0, 3));
  const headingX = rng.chance(0.5) ? 0 : 14;
  const amount = amountHeader(edition, s.print.statedYuan);
  const block = (heading: string, headers: string[], all: Array<[string, string]>, columns: string[]): void => {
    const rows = all.filter(([code]) => t[code]);
    if (rows.length === 0) return;
    const drawn = columns.length === 1 ? [centers[1]!] : columns.length === 2 ? [centers[0]!, centers[2]!] : centers;
    // Glued: the first column centred one slot after the widest label (a figure of two slots then starts right there).
    const widest = Math.max(...rows.map(([, label]) => [...label].length));
    const cs = s.gluedLabels ? drawn.map((_, i) => widest + 2 + i * 16) : drawn;
    units.push({ table: 'proactive', lines: [
      [{ x: headingX, text: heading }], blankLine(), blankLine(),
      // Glued: each header from where its figures start, after 信息内容.
      [{ x: 7, text: '信息内容' }, ...headers.map((h, i) => (s.gluedLabels ? { x: Math.max(cs[i]! - 1, 12), text: h } : { x: cs[i]!, text: h, center: true }))],
      blankLine(), blankLine(),
    ] });
    for (const [code, label] of rows) {
      units.push({ table: 'proactive', cells: columns.length, lines: [[{ x: 0, text: label }, ...valuePieces(s, 'proactive', t, code, columns, cs)], blankLine()] });
    }
  };
  if (edition === '2019') {
    const items = ['上一年项目数量', '本年增/减', '处理决定数量'];
    const itemCols = ['items_previous_year', 'items_change', 'decisions'];
    block('第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [['regulations', '规章'], ['normative_documents', '规范性文件']], ['made', 'published', 'published_total']);
    block('第二十条第（五）项', items, [['administrative_licensing', '行政许可'], ['other_management_services', '其他对外管理服务事项']], itemCols);
    block('第二十条第（六）项', items, [['administrative_penalty', '行政处罚'], ['administrative_coercion', '行政强制']], itemCols);
    block('第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['administrative_fees', '行政事业性收费']], ['items_previous_year', 'items_change']);
    block('第二十条第（九）项', ['采购项目数量', amount.header], [['centralized_procurement', '政府集中采购']], ['procurement_items', 'procurement_amount_10k_yuan']);
  } else {
    block('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [['regulations', '规章'], ['normative_documents', '行政规范性文件']], ['issued', 'repealed', 'in_force']);
    block('第二十条第（五）项', ['本年处理决定数量'], [['administrative_licensing', '行政许可']], ['decisions']);
    block('第二十条第（六）项', ['本年处理决定数量'], [['administrative_penalty', '行政处罚'], ['administrative_coercion', '行政强制']], ['decisions']);
    block('第二十条第（八）项', [amount.header], [['administrative_fees', '行政事业性收费']], ['fee_amount_10k_yuan']);
  }
  if (amount.note !== null) {
    const note: Unit = { table: 'proactive', lines: [[{ x: centers[2]!, text: amount.note }], blankLine()] };
    if (s.print.statedYuan === 'note-above') units.unshift(note);
    else units.push(note);
  }
  return units;
}

function split(text: string, rng: Rng): string[] {
  const chars = [...text];
  const cut = rng.int(2, chars.length - 2);
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

export function applicationsUnits(rng: Rng, s: LayoutStyle, edition: Edition, t: CompactTable): Unit[] {
  const indent = s.indent ?? 0;
  const centers = APP_COLUMNS.map((_, i) => s.first + indent + i * s.step);
  const mid = (a: number, b: number): number => Math.round((centers[a]! + centers[b]!) / 2);
  const header: PLine[] = [
    [{ x: mid(0, 6), text: '申请人情况', center: true }], blankLine(),
    [{ x: 0, text: '（本列数据的勾稽关系为：第一项加第二项之和，' }, { x: mid(1, 5), text: '法人或其他组织', center: true }],
    [{ x: 0, text: '等于第三项加第四项之和）' }],
    [{ x: centers[0]!, text: '自然人', center: true }, { x: centers[6]!, text: '总计', center: true }],
    [1, 2, 3, 4].map((i) => ({ x: centers[i]!, text: ['商业', '科研', '社会', '法律'][i - 1]!, center: true })),
    [...[1, 2, 3, 4].map((i) => ({ x: centers[i]!, text: ['企业', '机构', '公益', '服务'][i - 1]!, center: true })), { x: centers[5]!, text: '其他', center: true }],
    [{ x: centers[3]!, text: '组织', center: true }, { x: centers[4]!, text: '机构', center: true }],
    blankLine(),
  ];
  const units: Unit[] = [{ table: 'applications', lines: header }];
  const values = (row: string): Piece[] => valuePieces(s, 'applications', t, row, APP_COLUMNS, centers);
  const x2 = 6 + indent;
  const x3 = x2 + 8;
  const room = (x: number): number => Math.min(s.labelChars ?? Infinity, Math.floor((s.first + indent - 5 - x) / 2));
  const top = s.labelChars ?? 40;
  if (t.received) units.push({ table: 'applications', lines: rowLines(s, 0, '一、本年新收政府信息公开申请数量', top, values('received')) });
  if (t.carried_over) units.push({ table: 'applications', lines: rowLines(s, 0, '二、上年结转政府信息公开申请数量', top, values('carried_over')) });
  const outcome: Unit[] = [];
  for (const g of applicationGroups(edition, t, s.numbering)) {
    g.rows.forEach(([code, label], i) => {
      const middle = i === Math.floor((g.rows.length - 1) / 2);
      if (g.group === null) {
        outcome.push({ table: 'applications', lines: rowLines(s, x2, label, room(x2), values(code)) });
        return;
      }
      const before: PLine[] = [];
      let extra: Piece[] = [];
      if (middle && s.groupLabel === 'inline') extra = [{ x: x2, text: g.group }];
      if (middle && s.groupLabel === 'own-line') before.push([{ x: x2, text: g.group }]);
      if (middle && s.groupLabel === 'split') before.push(...split(g.group, rng).map((p) => [{ x: x2, text: p }]));
      const x = s.groupLabel === 'inline' ? x2 + 15 : x3;
      outcome.push({ table: 'applications', lines: [...before, ...rowLines(s, x, label, room(x), values(code), extra)] });
    });
  }
  placeResultLabel(rng, s, outcome);
  // Table 三's header printed again in the middle (a copied report, a page break that repeats it).
  const again = (): Unit => ({ table: 'applications', lines: header.map((line) => line.map((p) => ({ ...p }))) });
  if (s.print.strayHeader === 'before-outcomes') units.push(again());
  units.push(...outcome);
  if (s.print.strayHeader === 'before-carried-forward') units.push(again());
  if (t.carried_forward) units.push({ table: 'applications', lines: rowLines(s, 0, '四、结转下年度继续办理', top, values('carried_forward')) });
  // The footnote of a note mark ("12*"), on a line under the table.
  if (s.print.note === 'mark' && typeof t.received?.total === 'number' && t.received.total > 0) units.push({ table: 'applications', lines: [[{ x: 0, text: FOOTNOTE }], blankLine()] });
  return units;
}

/** 三、本年度办理结果: down the left margin one character per line, or letter-spaced on a line of its own. */
function placeResultLabel(rng: Rng, s: LayoutStyle, outcome: Unit[]): void {
  const label = '三、本年度办理结果';
  if (s.resultLabel === 'vertical') {
    const lines = outcome.flatMap((u) => u.lines);
    const pieces = ['三、', ...[...label.slice(2)]];
    const start = Math.max(0, Math.floor((lines.length - pieces.length * 2) / 2));
    pieces.forEach((p, i) => {
      const target = lines[Math.min(lines.length - 1, start + i * 2)]!;
      target.unshift({ x: 0, text: p });
    });
    return;
  }
  const text = s.resultLabel === 'plain' ? label : [...label].map((ch) => (rng.chance(0.5) ? ` ${ch}` : ch)).join('');
  const at = s.resultLabel === 'plain' ? 0 : Math.min(outcome.length - 1, 3);
  outcome[at]!.lines.splice(s.resultLabel === 'plain' ? 0 : outcome[at]!.lines.length, 0, [{ x: 1, text: text.trim() }]);
}

export function appealsUnits(s: LayoutStyle, t: CompactTable): Unit[] {
  const centers = Array.from({ length: 15 }, (_, i) => 2 + i * 6 + (i >= 5 ? 3 : 0));
  const group = (a: number, b: number): number => Math.round((centers[a]! + centers[b]!) / 2);
  const leafTop = ['结果', '结果', '其他', '尚未'];
  const leafBottom = ['维持', '纠正', '结果', '审结'];
  const leaves = (from: number, row: string[]): Piece[] => row.map((text, i) => ({ x: centers[from + i]!, text, center: true }));
  const header: PLine[] = [
    [{ x: group(0, 4), text: '行政复议', center: true }, { x: group(5, 14), text: '行政诉讼', center: true }], blankLine(),
    [{ x: group(5, 9), text: '未经复议直接起诉', center: true }, { x: group(10, 14), text: '复议后起诉', center: true }], blankLine(),
    [...leaves(0, leafTop), ...leaves(5, leafTop), ...leaves(10, leafTop)],
    [{ x: centers[4]!, text: '总计', center: true }, { x: centers[9]!, text: '总计', center: true }, { x: centers[14]!, text: '总计', center: true }],
    [...leaves(0, leafBottom), ...leaves(5, leafBottom), ...leaves(10, leafBottom)],
    blankLine(), blankLine(),
  ];
  const columns = APPEAL_GROUPS.flatMap((g) => APPEAL_LEAVES.map((c) => [g, c] as const));
  const values: Piece[] = columns.flatMap(([g, c], i) => {
    const text = printValue('appeals', c, t[g]?.[c] ?? null, s.print);
    return text === '' ? [] : [{ x: centers[i]! + (s.stretch === undefined ? 0 : Math.round(i * s.stretch)), text, center: true, figure: i }];
  });
  return [{ table: 'appeals', lines: header }, { table: 'appeals', lines: [values, blankLine()] }];
}
