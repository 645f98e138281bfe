/**
 * Table 四 in layout text of an office suite's PDF (`pdftotext -layout`): its 15 narrow columns wrap the leaf headers
 * one or two characters per line ("结 / 果 / 维 / 持", "总 / 计"), wrap a figure one digit per line ("1 / 7" for 17),
 * and print nothing for a blank cell. Read it from the text's own structure:
 * 1. the header columns: fragments of the leaf headers (结果维持, 结果纠正, 其他结果, 尚未审结, 总计) stacked at the
 *    same character position (±1) on successive lines, each stack spelling one header; there must be 15, in the
 *    template's order;
 * 2. the figures: the value-only lines under the header; digits stacked at the same position on several lines are one
 *    figure read top to bottom (the row is one row: a column holds one figure);
 * 3. 15 figures are the 15 cells in order. Fewer: the placements of the figures, in order, into the 15 columns that
 *    add up (each row's 总计 = its four results, blanks 0: appeals.row_total), and of those the one whose figures
 *    stand nearest their headers, when it stands clearly nearer than any other (the column positions of layout text
 *    are only roughly comparable from line to line). Otherwise the cells the placements disagree on are flagged.
 * Never a guess. Null when the section shows no such header (other layouts are read as before). Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import { APPEALS } from '../model/template.ts';
import { type Fragment, dropPageNumberLines, layoutLines } from './layout-lines.ts';
import { WIDTH, addsUp, choosePlacements, numberOf } from './layout-appeals-place.ts';
import type { PlacedRow } from './place-columns.ts';
import { isValueText } from '../ingest/read-value.ts';
import { onlyPlacement } from './only-placement.ts';

const LEAVES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const LEAF_CHARS = new Set([...LEAVES.join('')]);
/**
 * A fragment goes on a stack within this many character slots of the stack's last fragment: header fragments (which
 * must also spell on a header word) a little further, as pdftotext shifts a line's text by a slot or two, and draws
 * a line of header pieces with single spaces between ("结果纠 其他结 尚未审") in by up to four slots against the
 * line under it ("正     果     结"). The 15 stacks must still spell 结果维持 … 总计 three times in order.
 */
const SAME_HEADER = 4;
/** A figure's digits stand at the same position line after line; a shorter last piece (centred) one slot right. */
const figureGoesOn = (s: Stack, f: Fragment): boolean => {
  const last = s.fragments.at(-1)!;
  return f.x === last.x || (f.x === last.x + 1 && [...f.text].length < [...last.text].length);
};
/** A wrapped figure's next digit a slot left of the one above, as wide. */
const wrappedLeft = (s: Stack, f: Fragment): boolean => {
  const last = s.fragments.at(-1)!;
  return f.x === last.x - 1 && [...f.text].length === [...last.text].length && /^\d+$/.test(f.text) && /^\d+$/.test(last.text);
};

interface Stack {
  fragments: Fragment[];
}

const stackText = (s: Stack): string => s.fragments.map((f) => f.text).join('');
const centreOf = (s: Stack): number => {
  const cs = s.fragments.map((f) => f.x + [...f.text].length / 2).sort((a, b) => a - b);
  return cs[Math.floor(cs.length / 2)]!;
};

/** The cell's fragments between spaces, each at its character position. */
function fragmentsOf(cell: TextCell, line: number): Fragment[] {
  const out: Fragment[] = [];
  const chars = [...cell.text];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    const blank = i === chars.length || chars[i]!.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ text: chars.slice(start, i).join(''), x: (cell.x ?? 0) + start, line, cell });
      start = -1;
    }
  }
  return out;
}

function linesOf(cells: readonly TextCell[]): Array<{ line: number; cells: TextCell[] }> {
  return layoutLines(cells).lines.map((row) => ({ line: row[0]!.at.line ?? 0, cells: row }));
}

/**
 * Put fragments on stacks, top to bottom: a fragment goes on the nearest stack at its position that it may continue
 * (`fits`) and that has no fragment on its line yet, else starts one (if `starts`), else the reading fails (null).
 */
function stack(fragments: readonly Fragment[], reach: number, fits: (s: Stack, f: Fragment) => boolean, starts: (f: Fragment) => boolean): Stack[] | null {
  const stacks: Stack[] = [];
  for (const f of fragments) {
    let best: Stack | undefined;
    let bestDx = Infinity;
    for (const s of stacks) {
      const last = s.fragments.at(-1)!;
      const dx = Math.abs(last.x - f.x);
      if (last.line >= f.line || dx > reach || !fits(s, f)) continue;
      if (dx < bestDx || (dx === bestDx && last.line > best!.fragments.at(-1)!.line)) {
        best = s;
        bestDx = dx;
      }
    }
    if (best) best.fragments.push(f);
    else if (starts(f)) stacks.push({ fragments: [f] });
    else return null;
  }
  return stacks;
}

const isLeafText = (text: string): boolean => [...text].every((ch) => LEAF_CHARS.has(ch));
const startsLeaf = (text: string): boolean => LEAVES.some((w) => w.startsWith(text));

/** The 15 header columns' centres, left to right, or null when the leaf headers do not read as the template's. */
function headerColumns(lines: ReturnType<typeof linesOf>): { centres: number[]; lastLine: number } | null {
  const fragments = lines.flatMap((l) => l.cells.flatMap((c) => fragmentsOf(c, l.line))).filter((f) => isLeafText(f.text));
  if (fragments.length === 0) return null;
  const stacks = stack(fragments, SAME_HEADER, (s, f) => startsLeaf(stackText(s) + f.text), (f) => startsLeaf(f.text));
  if (!stacks || stacks.length !== WIDTH || !stacks.every((s) => (LEAVES as readonly string[]).includes(stackText(s)))) return null;
  const sorted = [...stacks].sort((a, b) => centreOf(a) - centreOf(b));
  if (!sorted.every((s, k) => stackText(s) === LEAVES[k % LEAVES.length])) return null;
  return { centres: sorted.map(centreOf), lastLine: Math.max(...fragments.map((f) => f.line)) };
}

/**
 * A table 四 that prints its header and no figure at all, its leaf headers cut by a page break (the next page lays
 * them out on another grid, so their stacks do not read): every character of the three groups' leaf headers is there
 * (结果维持 … 总计, three times), and not one figure or dash in the section. Its cells are all blank, as printed.
 */
function blankTable(lines: ReturnType<typeof linesOf>): boolean {
  const fragments = lines.flatMap((l) => l.cells.flatMap((c) => fragmentsOf(c, l.line)));
  return !fragments.some((f) => isValueText(f.text)) && allLeafHeaders(fragments);
}

/** Whether every character of the three groups' leaf headers (结果维持 … 总计, three times) is among the fragments. */
function allLeafHeaders(fragments: readonly Fragment[]): boolean {
  const count = (chars: Iterable<string>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const ch of chars) out.set(ch, (out.get(ch) ?? 0) + 1);
    return out;
  };
  const have = count(fragments.filter((f) => isLeafText(f.text)).flatMap((f) => [...f.text]));
  return [...count([...LEAVES.join('').repeat(APPEALS.rows.length)])].every(([ch, n]) => (have.get(ch) ?? 0) >= n);
}

function blankRows(at: TextCell['at']): Map<string, PlacedRow> {
  const out = new Map<string, PlacedRow>();
  for (const row of APPEALS.rows) out.set(row.code, { values: Array.from({ length: LEAVES.length }, (): TextCell => ({ text: '', at })), flagged: new Map() });
  return out;
}

/**
 * A table 四 whose leaf headers are cut by a page break (they do not stack), with its figures under them: every
 * character of the leaf headers is there, and after the last line holding one, the section prints figures (or dashes)
 * only, exactly 15 of them (on one line; or on several, wrapped digits stacked as under a whole header, "12 / 0", and
 * then each row's 总计 must be its four results). They are the 15 cells in order, as printed (no blank among them).
 */
function figuresUnderCutHeader(lines: ReturnType<typeof linesOf>): TextCell[] | null {
  const fragmentsOf_ = (l: (typeof lines)[number]): Fragment[] => l.cells.flatMap((c) => fragmentsOf(c, l.line));
  const headerLines = lines.filter((l) => fragmentsOf_(l).some((f) => isLeafText(f.text)));
  if (headerLines.length === 0 || !allLeafHeaders(headerLines.flatMap(fragmentsOf_).filter((f) => isLeafText(f.text)))) return null;
  const below = lines.filter((l) => l.line > headerLines.at(-1)!.line);
  if (below.length === 0 || lines.some((l) => l.line <= headerLines.at(-1)!.line && fragmentsOf_(l).some((f) => isValueText(f.text)))) return null;
  const tokens = below.flatMap(fragmentsOf_);
  if (!tokens.every((f) => isValueText(f.text))) return null;
  // Figures wrapped one or more digits per line ("12 / 0" for 120) stack as under a whole header.
  const strict = stack(tokens, 1, figureGoesOn, () => true)!;
  // A digit of a figure wrapped in its narrow cell may stand a slot left of the one above too ("1 / 0" at 38 / 37, seed
  // 120: 17 figures): so stacked only when that makes exactly the 15 figures, adding up in every row.
  const lenient = strict.length === WIDTH ? null : stack(tokens, 1, (s, f) => figureGoesOn(s, f) || wrappedLeft(s, f), () => true)!;
  const lenientValues = lenient?.sort((a, b) => centreOf(a) - centreOf(b)).map((s) => numberOf(stackText(s)));
  const stacks = (lenient && lenient.length === WIDTH && addsUp(lenientValues!, Array.from({ length: WIDTH }, (_, c) => c)) ? lenient : strict).sort((a, b) => centreOf(a) - centreOf(b));
  if (stacks.length !== WIDTH) return null;
  const figures = stacks.map((s): TextCell => ({ text: stackText(s), at: s.fragments[0]!.cell.at, x: Math.min(...s.fragments.map((f) => f.x)) }));
  // Read over several lines, the stacks must add up as table 四 does (each row's 总计 = its four results).
  if (below.length > 1 && !addsUp(figures.map((f) => numberOf(f.text)), Array.from({ length: WIDTH }, (_, c) => c))) return null;
  return figures;
}

const leafOf = (text: string): number => {
  const words = LEAVES.flatMap((w, k) => (w.endsWith(text) ? [k] : []));
  return words.length === 1 ? words[0]! : -1;
};

/**
 * A table 四 whose leaf headers are cut by a page break, with fewer figures than cells: where the columns stand on the
 * figures' page, from the pieces of the leaf headers printed there ("维 / 持", "审 / 结"; each stack the end of one
 * leaf word), when their words, left to right, fall in the template's 15 columns in one way only. A column that
 * prints no piece there (a group's "总 / 计" left on the page before) is put between its neighbours (spaced as they
 * are, at either end). The figures are then placed as under a whole header (they must add up, and stand clearly
 * nearest). Null otherwise.
 */
function columnsOnFiguresPage(lines: ReturnType<typeof linesOf>): { centres: number[]; lastLine: number } | null {
  const fragmentsOf_ = (l: (typeof lines)[number]): Fragment[] => l.cells.flatMap((c) => fragmentsOf(c, l.line));
  const headerLines = lines.filter((l) => fragmentsOf_(l).some((f) => isLeafText(f.text)));
  if (headerLines.length === 0 || !allLeafHeaders(headerLines.flatMap(fragmentsOf_).filter((f) => isLeafText(f.text)))) return null;
  const lastLine = headerLines.at(-1)!.line;
  const below = lines.filter((l) => l.line > lastLine);
  if (below.length === 0 || lines.some((l) => l.line <= lastLine && fragmentsOf_(l).some((f) => isValueText(f.text)))) return null;
  if (!below.flatMap(fragmentsOf_).every((f) => isValueText(f.text))) return null;
  const page = below[0]!.cells[0]!.page;
  if (page === undefined || below.some((l) => l.cells.some((c) => c.page !== page))) return null;
  const pieces = headerLines.filter((l) => l.cells[0]!.page === page).flatMap(fragmentsOf_).filter((f) => isLeafText(f.text));
  const inWord = (text: string): boolean => LEAVES.some((w) => w.includes(text));
  const stacks = stack(pieces, SAME_HEADER, (st, f) => inWord(stackText(st) + f.text), (f) => inWord(f.text));
  if (!stacks || stacks.length < 2) return null;
  stacks.sort((a, b) => centreOf(a) - centreOf(b));
  const words = stacks.map((st) => leafOf(stackText(st)));
  if (words.some((w) => w < 0)) return null;
  // The ways the words fall in the 15 columns in order (each column reads LEAVES[c % 5]): exactly one.
  const columnsOf = (word: number): number[] => Array.from({ length: WIDTH }, (_, c) => c).filter((c) => c % LEAVES.length === word);
  const way = onlyPlacement(words.map(columnsOf)) ?? cutColumns(headerLines.filter((l) => l.cells[0]!.page !== page).flatMap(fragmentsOf_).filter((f) => isLeafText(f.text)), stacks.map(stackText));
  if (!way) return null;
  const known = new Map(way.map((c, k) => [c, centreOf(stacks[k]!)]));
  const cols = [...known.keys()];
  const centres = Array.from({ length: WIDTH }, (_, c) => {
    if (known.has(c)) return known.get(c)!;
    const left = cols.filter((k) => k < c).at(-1);
    const right = cols.find((k) => k > c);
    if (left !== undefined && right !== undefined) return known.get(left)! + ((known.get(right)! - known.get(left)!) * (c - left)) / (right - left);
    // At an end: spaced as the two nearest known columns.
    const [a, b] = left !== undefined ? [cols.at(-2)!, left] : [right!, cols[1]!];
    const step = (known.get(b)! - known.get(a)!) / (b - a);
    return known.get(left ?? right!)! + step * (c - (left ?? right!));
  });
  return centres.every((x, c) => c === 0 || x > centres[c - 1]!) ? { centres, lastLine } : null;
}

/**
 * The columns a page's leaf-header pieces end (`ends`, left to right), read from the pieces printed before the page
 * break: they stack into the 15 columns in order, each reading the start of its leaf word, and the columns cut by the
 * break (their word not whole) are as many as the pieces after it and each goes on in its piece, in order ("结果维" …
 * "持"). Tells the pieces' columns when their words alone fall in the 15 columns more than one way ("持 正 果 结" twice:
 * 未经复议直接起诉 and 复议后起诉, or 行政复议 and either). Null otherwise.
 */
function cutColumns(before: readonly Fragment[], ends: readonly string[]): number[] | null {
  const stacks = stack(before, SAME_HEADER, (s, f) => startsLeaf(stackText(s) + f.text), (f) => startsLeaf(f.text));
  if (!stacks || stacks.length !== WIDTH) return null;
  stacks.sort((a, b) => centreOf(a) - centreOf(b));
  if (!stacks.every((s, c) => LEAVES[c % LEAVES.length]!.startsWith(stackText(s)))) return null;
  const cut = stacks.flatMap((s, c) => (stackText(s) === LEAVES[c % LEAVES.length] ? [] : [c]));
  if (cut.length !== ends.length || !cut.every((c, k) => stackText(stacks[c]!) + ends[k] === LEAVES[c % LEAVES.length])) return null;
  return cut;
}

/** Table 四's rows (by template row code) read from layout text, or null when the section is not laid out so. */
export function layoutAppeals(printed: readonly TextCell[]): Map<string, PlacedRow> | null {
  if (printed.length === 0 || !printed.every((c) => c.at.line !== undefined && c.x !== undefined)) return null;
  // A page number ("- 10 -") between the header and the figures, or under them, is no figure.
  const cells = dropPageNumberLines(printed);
  if (cells.length === 0) return null;
  const lines = linesOf(cells);
  let header = headerColumns(lines);
  // Under leaf headers cut by a page break (placed by their pieces on the figures' page), 15 figures must add up too.
  const cut = !header;
  if (!header) {
    if (blankTable(lines)) return blankRows(cells[0]!.at);
    const figures = figuresUnderCutHeader(lines);
    if (figures) {
      const out = new Map<string, PlacedRow>();
      APPEALS.rows.forEach((row, r) => out.set(row.code, { values: figures.slice(r * 5, r * 5 + 5), flagged: new Map() }));
      return out;
    }
    header = columnsOnFiguresPage(lines);
    if (!header) return null;
  }
  // The figures: value-only lines under the header, up to the first line of text after them.
  const below = lines.filter((l) => l.line > header.lastLine);
  const figureLines: typeof lines = [];
  for (const l of below) {
    if (l.cells.flatMap((c) => fragmentsOf(c, l.line)).every((f) => isValueText(f.text))) figureLines.push(l);
    else if (figureLines.length > 0) break;
    // Text between the header and the figures: not a layout this reads.
    else return null;
  }
  const tokens = figureLines.flatMap((l) => l.cells.flatMap((c) => fragmentsOf(c, l.line)));
  const strict = stack(tokens, 1, figureGoesOn, () => true)!;
  // A digit of a figure wrapped in its narrow cell may stand a slot left of the one above too ("1 / 0" at 38 / 37, seed
  // 120: 17 figures): so stacked only when that makes exactly the 15 figures, adding up in every row.
  const lenient = strict.length === WIDTH ? null : stack(tokens, 1, (s, f) => figureGoesOn(s, f) || wrappedLeft(s, f), () => true)!;
  const lenientValues = lenient?.sort((a, b) => centreOf(a) - centreOf(b)).map((s) => numberOf(stackText(s)));
  const stacks = (lenient && lenient.length === WIDTH && addsUp(lenientValues!, Array.from({ length: WIDTH }, (_, c) => c)) ? lenient : strict).sort((a, b) => centreOf(a) - centreOf(b));
  const figures: TextCell[] = stacks.map((s) => ({ text: stackText(s), at: s.fragments[0]!.cell.at, x: Math.min(...s.fragments.map((f) => f.x)) }));
  const at = figures[0]?.at ?? cells[0]!.at;
  let chosen: number[][];
  let inferred = false;
  let note = '';
  const inOrder = Array.from({ length: WIDTH }, (_, c) => c);
  if (figures.length === WIDTH && (!cut || addsUp(figures.map((f) => numberOf(f.text)), inOrder))) chosen = [inOrder];
  // Nothing under the header to the section's end: a table printing no figure, every cell blank (as printed).
  else if (figures.length === 0 && below.length === 0) chosen = [[]];
  else if (figures.length > WIDTH || figures.some((f) => !isValueText(f.text))) {
    chosen = [];
    note = `layout text: ${figures.length} figures (${figures.map((f) => f.text).join(' ')}) under table 四's ${WIDTH} columns: not read`;
  } else {
    ({ chosen, inferred, note } = choosePlacements(figures.map((f) => f.text), stacks.map(centreOf), header.centres));
  }
  const placed = (p: readonly number[]): TextCell[] => {
    const out = Array.from({ length: WIDTH }, (): TextCell => ({ text: '', at }));
    p.forEach((c, j) => { out[c] = figures[j]!; });
    return out;
  };
  const first = chosen[0] ? placed(chosen[0]) : Array.from({ length: WIDTH }, (): TextCell => ({ text: '', at }));
  const others = chosen.slice(1).map(placed);
  const flagged = (c: number): boolean => chosen.length === 0 || others.some((o) => o[c]!.text !== first[c]!.text);
  const out = new Map<string, PlacedRow>();
  APPEALS.rows.forEach((row, r) => {
    const columns = [0, 1, 2, 3, 4].map((k) => r * 5 + k);
    out.set(row.code, {
      values: columns.map((c) => first[c]!),
      flagged: new Map(columns.filter(flagged).map((c) => [c - r * 5, note])),
      ...(inferred ? { inferredBy: ['appeals.row_total'] } : {}),
    });
  });
  return out;
}
