/**
 * Structure-aware mutations of the lossy renderings for fuzzing (tests/unit/fuzz-readers.test.ts), each the way its
 * producer damages a report: Markdown pipe tables (cells dropped, doubled, merged, split, emptied, replaced; rule
 * rows, page footers and stray lines between rows; outer pipes lost; rows far too wide), OCR text (look-alike
 * characters, spaces gained or lost inside figures, lines joined or split), raw pdftotext text (blocks moved away
 * from their rows, blank lines between blocks lost, page numbers and form feeds between rows, labels wrapped one or
 * two characters a line) and flattened text (a row's cells glued, stray or non-breaking spaces, rows joined,
 * full-width figures).
 */
import fc from 'fast-check';

const JUNK = ['1O', 'l2', 'S8', '若干', '9'.repeat(30), '', ' ', '\\|', '—', '1,234', '１２', '-', '（一）', '<br>', '**5**', '0.5', '1e309'];

// --- Markdown pipe tables ---
export type MdOp =
  | { op: 'cell-drop' | 'cell-dup' | 'cell-empty' | 'merge' | 'split' | 'pipes'; line: number; cell: number }
  | { op: 'cell-text'; line: number; cell: number; text: string }
  | { op: 'insert'; line: number; text: string }
  | { op: 'wide'; line: number; cells: number };
export const mdOp: fc.Arbitrary<MdOp> = fc.oneof(
  fc.record({ op: fc.constantFrom('cell-drop' as const, 'cell-dup' as const, 'cell-empty' as const, 'merge' as const, 'split' as const, 'pipes' as const), line: fc.nat(), cell: fc.nat() }),
  fc.record({ op: fc.constant('cell-text' as const), line: fc.nat(), cell: fc.nat(), text: fc.constantFrom(...JUNK) }),
  fc.record({ op: fc.constant('insert' as const), line: fc.nat(), text: fc.constantFrom('| --- | --- | --- |', '— 5 —', '（续表）', '', '| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |', '|', '| |', '# 二、主动公开政府信息情况') }),
  fc.record({ op: fc.constant('wide' as const), line: fc.nat(), cells: fc.integer({ min: 10, max: 400 }) }),
);
export function applyMd(lines: string[], m: MdOp): string[] {
  const rows = lines.flatMap((l, k) => (l.trimStart().startsWith('|') ? [k] : []));
  const l = [...lines];
  if (m.op === 'insert') {
    l.splice(m.line % (l.length + 1), 0, m.text);
    return l;
  }
  if (rows.length === 0) return l;
  const k = rows[m.line % rows.length]!;
  if (m.op === 'wide') {
    l.splice(k, 0, `|${' 0 |'.repeat(m.cells)}`);
    return l;
  }
  if (m.op === 'pipes') {
    l[k] = l[k]!.trim().replace(/^\|/, '').replace(/\|$/, '');
    return l;
  }
  const cells = l[k]!.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  const at = m.cell % cells.length;
  if (m.op === 'cell-drop') cells.splice(at, 1);
  else if (m.op === 'cell-dup') cells.splice(at, 0, cells[at]!);
  else if (m.op === 'cell-empty') cells[at] = ' ';
  else if (m.op === 'merge' && at + 1 < cells.length) cells.splice(at, 2, `${cells[at]!.trimEnd()}${cells[at + 1]!.trimStart()}`);
  else if (m.op === 'split') {
    const c = cells[at]!;
    cells.splice(at, 1, c.slice(0, c.length >> 1), c.slice(c.length >> 1));
  } else if (m.op === 'cell-text') cells[at] = ` ${m.text} `;
  l[k] = `|${cells.join('|')}|`;
  return l;
}

// --- OCR text ---
/** What OCR reads instead: look-alikes in figures and labels. */
const CONFUSED: Array<[string, string]> = [['0', 'O'], ['0', 'o'], ['1', 'l'], ['1', 'I'], ['1', '|'], ['5', 'S'], ['8', 'B'], ['2', 'Z'], ['6', 'b'], ['一', '-'], ['二', '='], ['申', '甲'], ['人', '入'], ['已', '己'], ['未', '末'], ['（', '('], ['、', ','], ['.', '·']];
export type OcrOp =
  | { op: 'confuse'; pair: number; at: number }
  | { op: 'space' | 'unspace'; at: number }
  | { op: 'join'; line: number }
  | { op: 'split'; line: number; at: number };
export const ocrOp: fc.Arbitrary<OcrOp> = fc.oneof(
  fc.record({ op: fc.constant('confuse' as const), pair: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('space' as const, 'unspace' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('join' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), line: fc.nat(), at: fc.nat() }),
);
/** The index of the `at`-th match of `re` (modulo their count), or -1. */
function nth(text: string, re: RegExp, at: number): number {
  const found = [...text.matchAll(re)].map((m) => m.index);
  return found.length === 0 ? -1 : found[at % found.length]!;
}
export function applyOcr(text: string, m: OcrOp): string {
  if (m.op === 'confuse') {
    const [from, to] = CONFUSED[m.pair % CONFUSED.length]!;
    const k = text.split(from).length - 1;
    if (k === 0) return text;
    let seen = -1;
    return text.split(from).reduce((acc, part, i) => (i === 0 ? part : `${acc}${++seen === m.at % k ? to : from}${part}`), '');
  }
  if (m.op === 'space') {
    const k = nth(text, /\d(?=\d)/g, m.at);
    return k < 0 ? text : `${text.slice(0, k + 1)} ${text.slice(k + 1)}`;
  }
  if (m.op === 'unspace') {
    const k = nth(text, / /g, m.at);
    return k < 0 ? text : text.slice(0, k) + text.slice(k + 1);
  }
  if (m.op !== 'join' && m.op !== 'split') return text;
  const lines = text.split('\n');
  const k = m.line % lines.length;
  if (m.op === 'join' && k + 1 < lines.length) lines.splice(k, 2, `${lines[k]}${lines[k + 1]}`);
  else if (m.op === 'split') lines.splice(k, 1, lines[k]!.slice(0, m.at % (lines[k]!.length + 1)), lines[k]!.slice(m.at % (lines[k]!.length + 1)));
  return lines.join('\n');
}

// --- raw pdftotext text: blocks separated by blank lines ---
export type RawOp =
  | { op: 'move'; block: number; to: number }
  | { op: 'unblank'; block: number }
  | { op: 'page'; block: number; text: string }
  | { op: 'rewrap'; line: number; width: number }
  | { op: 'drop' | 'dup'; line: number };
export const rawOp: fc.Arbitrary<RawOp> = fc.oneof(
  fc.record({ op: fc.constant('move' as const), block: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('unblank' as const), block: fc.nat() }),
  fc.record({ op: fc.constant('page' as const), block: fc.nat(), text: fc.constantFrom('-3-', '\f', '— 12 —', '第 2 页 共 5 页', '\f-4-') }),
  fc.record({ op: fc.constant('rewrap' as const), line: fc.nat(), width: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constantFrom('drop' as const, 'dup' as const), line: fc.nat() }),
);
export function applyRaw(text: string, m: RawOp): string {
  if (m.op === 'move' || m.op === 'unblank' || m.op === 'page') {
    const blocks = text.split(/\n\n/);
    const n = blocks.length;
    const k = m.block % n;
    if (m.op === 'move') {
      const [b] = blocks.splice(k, 1);
      blocks.splice(m.to % n, 0, b!);
    } else if (m.op === 'unblank' && k + 1 < n) blocks.splice(k, 2, `${blocks[k]}\n${blocks[k + 1]}`);
    else if (m.op === 'page') blocks.splice(k, 0, m.text);
    return blocks.join('\n\n');
  }
  const lines = text.split('\n');
  const k = m.line % lines.length;
  if (m.op === 'drop') lines.splice(k, 1);
  else if (m.op === 'dup') lines.splice(k, 0, lines[k]!);
  else if (m.op !== 'rewrap') return text;
  else if (m.width === 0 && k + 1 < lines.length) lines.splice(k, 2, `${lines[k]}${lines[k + 1]}`);
  else if (m.width > 0) {
    const s = lines[k]!;
    const pieces: string[] = [];
    for (let i = 0; i < s.length; i += m.width) pieces.push(s.slice(i, i + m.width));
    lines.splice(k, 1, ...(pieces.length ? pieces : ['']));
  }
  return lines.join('\n');
}

// --- flattened text: one row a line, cells glued ---
export type FlatOp = { op: 'glue' | 'nbsp' | 'fullwidth' | 'join'; line: number } | { op: 'stray'; line: number; at: number };
export const flatOp: fc.Arbitrary<FlatOp> = fc.oneof(
  fc.record({ op: fc.constantFrom('glue' as const, 'nbsp' as const, 'fullwidth' as const, 'join' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('stray' as const), line: fc.nat(), at: fc.nat() }),
);
export function applyFlat(lines: string[], m: FlatOp): string[] {
  // Rows with figures are what the reader works hardest on: the mutation strikes one of them.
  const rows = lines.flatMap((l, k) => (/\d/.test(l) ? [k] : []));
  if (rows.length === 0) return lines;
  const l = [...lines];
  const k = rows[m.line % rows.length]!;
  const s = l[k]!;
  if (m.op === 'glue') l[k] = s.replace(/ +/g, '');
  else if (m.op === 'nbsp') l[k] = s.replace(/ /g, '\u00a0');
  else if (m.op === 'fullwidth') l[k] = s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  else if (m.op === 'join' && k + 1 < l.length) l.splice(k, 2, `${s}${l[k + 1]}`);
  else if (m.op === 'stray') {
    const at = m.at % (s.length + 1);
    l[k] = `${s.slice(0, at)} ${s.slice(at)}`;
  }
  return l;
}
