/**
 * The label cells of a table printed with narrow label columns (an office suite's PDF, through `pdftotext -layout`),
 * from its lines: each label is wrapped over several lines ("第三方 / 合法权 / 益"); the fragments of one label cell
 * stand at about the same character position on consecutive lines, and a cell ends where the next numbered item
 * ("2.", "（五）", "四、") starts in its column. pdftotext lays each page out anew, so a cell going on across a page
 * break moves with its column. Used by layout-rows.ts. Pure.
 */
import type { TextCell } from '../ingest/types.ts';
import type { Fragment } from './layout-lines.ts';
import { APPLICATIONS } from '../model/template.ts';
import { labelKey, startsItem, stripNumbering } from './normalize.ts';

/** Fragments of one label cell stand within this many character slots of each other, line after line. */
const SAME_COLUMN = 3;
/** A label cell goes on across at most this many lines without a fragment (blank lines, a page break). */
const MAX_GAP = 10;

/** A fragment that starts a label cell: a numbered item, or the first piece of one wrapped inside its number ("（六"). */
const startsCell = (text: string): boolean => startsItem(text) || /^[（(][一二三四五六七八九十]+$/.test(text.trim());

/** A label column on the next page stands within this many slots of where it stood (pdftotext lays out each page anew). */
export const PAGE_SLOTS = 3;

/** A label cell's text, its fragments joined. */
export const textOf = (c: LabelCell): string => c.fragments.map((f) => f.text.trim()).join('');

/** A label cell's text that ends in an item number opened and not closed ("（五", "（"). */
const OPEN_NUMBER = /[（(][一二三四五六七八九十]*$/;

/** Table 三's labels, whole (row labels and the headings of their groups), without their numbers. */
const WHOLE_LABELS = new Set([
  '本年度办理结果',
  ...APPLICATIONS.rows.flatMap((r) => [r.zh, ...(r.aliases ?? []), ...(r.group === undefined ? [] : [r.group])]),
].map((t) => labelKey(stripNumbering(t))));

/** The start of an item number, wrapped: "（", "（三", "（三）", "三", "三、". */
const NUMBER_PREFIX = /^(?:[（(][一二三四五六七八九十]*[）)]?|[一二三四五六七八九十]+、?)$/;

/** Lines of labels below a fragment that a numbered item wrapped one character per line ("三 / 、", "（ / 三 / ）") takes. */
const ITEM_WRAP = 2;

/**
 * Whether a fragment starts a numbered item wrapped one character per line: with the fragments standing under it (within
 * a slot) on the next lines it reads "三、" or "（三）", which it does not alone.
 */
function startsWrappedItem(body: readonly Line[], k: number, f: Fragment): boolean {
  if ([...f.text.trim()].length > 2) return false;
  let text = f.text.trim();
  let taken = 0;
  let slots = 1;
  let skipped = false;
  let crossed = false;
  // Where the number's column stands: after a page break, where its next piece stands on that page's grid.
  let x = f.x;
  for (let j = k + 1; taken < ITEM_WRAP && j < body.length; j++) {
    // The number may end a page, its mark start the next ("4" / [page break] / "、无正…"): that page's grid may stand a
    // slot off.
    const pageBreak = body[j]!.page !== undefined && body[j - 1]!.page !== undefined && body[j]!.page !== body[j - 1]!.page;
    if (body[j]!.line !== body[j - 1]!.line + 1 && !pageBreak) return false;
    if (pageBreak) {
      slots = PAGE_SLOTS;
      crossed = true;
    }
    // A line of figures only (the row's, its label wrapped around them) stands between two pieces of a label.
    if (body[j]!.labels.length === 0) continue;
    // Across a page break, the piece that goes on the number ("（" / [page] / "三" beside "于", four slots left of
    // where "（" stood: the label columns moved 3–4 slots), before another column's piece nearer it (seed 758).
    const going = crossed ? body[j]!.labels.filter((g) => Math.abs(g.x - x) <= slots + 1 && NUMBER_PREFIX.test(text + g.text.trim())) : [];
    const under = going.length === 1 ? going[0] : body[j]!.labels.find((g) => Math.abs(g.x - x) <= slots);
    // The last line before a page break may print nothing in the number's column ("（  1" / "、" / [page break] / "三"),
    // and after the break the number goes on where its column prints again, beside the other column's labels (a group
    // label centred in its rows: "（" at a page's foot, "四 / ）无法提供" lines down the next page).
    const breakAfter = body[j + 1] !== undefined && body[j + 1]!.page !== undefined && body[j + 1]!.page !== body[j]!.page;
    if (!under && (crossed || (breakAfter && !skipped)) && !body[j]!.labels.some((g) => Math.abs(g.x - x) <= 2)) {
      skipped = true;
      continue;
    }
    taken++;
    if (!under) return false;
    text += under.text.trim();
    if (crossed) x = under.x;
    if (startsCell(text)) return true;
  }
  return false;
}

export interface LabelCell {
  fragments: Fragment[];
  x: number;
  first: number;
  last: number;
}

export interface Line {
  line: number;
  /** The page (layout text knows it from pdftotext's form feeds). */
  page?: number;
  labels: Fragment[];
  values: TextCell[];
}

/** Lines without text between two lines of a table: a page break (its footer and header were dropped) when this many, or when the lines know their pages and these differ. */
const PAGE_GAP = 2;
/** Lines on each side of a page break that tell where the label columns stand. */
const NEAR_BREAK = 8;

/**
 * The rightmost label fragment's position over some lines, left of `limit` (where the lines' first figures stand, the median: a header
 * repeated at the top of a page stands over the figures and says nothing of the label columns).
 */
function rightmost(lines: readonly Line[], limit: number): number | null {
  const xs = lines.flatMap((l) => l.labels.map((f) => f.x)).filter((x) => x < limit);
  return xs.length > 0 ? Math.max(...xs) : null;
}

/**
 * Group the body's label fragments into label cells, top to bottom. pdftotext lays each page out anew, so after a
 * page break the label columns may stand a few slots left or right: the open cells move by as much as the rightmost
 * label column moved.
 */
export function labelCells(body: readonly Line[]): LabelCell[] {
  const cells: LabelCell[] = [];
  // The cells open at a page break: one may go on further down the next page (a group label cut by the break, "（六 /
  // ）其" … "他处 / 理" beside its rows' labels), as long as no fragment has stood in its column since the break.
  const crossed = new Set<LabelCell>();
  // Cells that end at a page break, reading whole labels, while the rest of one cut by it goes on.
  const closed = new Set<LabelCell>();
  // Where the figures start (the median of the lines' first figures): the label columns stand left of it. pdftotext
  // lays out each page on a grid of its own, so it is measured on each page when the lines know their pages.
  const limitOf = (lines: readonly Line[]): number => {
    const firsts = lines.flatMap((l) => (l.values[0]?.x === undefined ? [] : [l.values[0].x])).sort((a, b) => a - b);
    return firsts[Math.floor(firsts.length / 2)] ?? Infinity;
  };
  const whole = limitOf(body);
  const pageLimits = new Map<number | undefined, number>();
  const limitAt = (k: number): number => {
    const page = body[k]?.page;
    if (page === undefined) return whole;
    if (!pageLimits.has(page)) {
      const own = limitOf(body.filter((l) => l.page === page));
      pageLimits.set(page, own === Infinity ? whole : own);
    }
    return pageLimits.get(page)!;
  };
  for (const [k, line] of body.entries()) {
    const pageBreak = k > 0 && (line.line - body[k - 1]!.line > PAGE_GAP || (line.page !== undefined && line.page !== body[k - 1]!.page));
    if (pageBreak) {
      const limit = limitAt(k);
      const limitBefore = limitAt(k - 1);
      // The cells open at the break (a fragment on the last line of labels before it) go on in the first line of
      // labels after it, in order: when the counts agree, each goes on where its piece stands.
      const lastBefore = body.slice(0, k).filter((l) => l.labels.length > 0).at(-1)?.line;
      const open = cells.filter((c) => c.last === lastBefore).sort((a, b) => a.fragments.at(-1)!.x - b.fragments.at(-1)!.x);
      for (const c of open) crossed.add(c);
      // A group label's number cut open just above ("（" at a page's foot, "四 / ）无法提供" lines down the next page).
      for (const c of cells) if (lastBefore !== undefined && c.last >= lastBefore - ITEM_WRAP && /^[（(][一二三四五六七八九十]*$/.test(textOf(c))) crossed.add(c);
      const goingOn = body.slice(k).find((l) => l.labels.length > 0)?.labels.filter((f) => !startsCell(f.text) && f.x < limit) ?? [];
      // Fewer pieces go on than cells are open: a cell that reads a whole label of the table ("三、本年度办理结果")
      // ends at the break ("…办理结果" / "（二）部分公开（区分处理的，只" / [page] / "计这一情": the rest of （二）).
      const unfinished = open.filter((c) => !WHOLE_LABELS.has(labelKey(stripNumbering(textOf(c)))));
      const going = goingOn.length === open.length ? open : goingOn.length === unfinished.length ? unfinished : [];
      if (going.length > 0 && going !== open) for (const c of open) if (!going.includes(c)) closed.add(c);
      if (going.length > 0) {
        going.forEach((c, i) => c.fragments.push({ ...c.fragments.at(-1)!, x: goingOn[i]!.x, text: '', line: line.line }));
      } else {
        const before = rightmost(body.slice(Math.max(0, k - NEAR_BREAK), k), limitBefore);
        const after = rightmost(body.slice(k, k + NEAR_BREAK), limit);
        if (before !== null && after !== null && after !== before) {
          for (const c of cells) c.fragments.push({ ...c.fragments.at(-1)!, x: c.fragments.at(-1)!.x + after - before, text: '', line: line.line });
        }
      }
    }
    // The cell a fragment goes on: the one that went on last in its column (an older one there was closed by it),
    // the nearest of those that went on last together.
    const candidate = (f: Fragment, skip: ReadonlySet<LabelCell>): LabelCell | undefined => {
      if (startsCell(f.text) || startsWrappedItem(body, k, f)) return undefined;
      let best: LabelCell | undefined;
      // A piece that closes a number ("）不") goes on a cell whose number is open ("（五"), if one is near, before a
      // cell of the next column that went on later ("4.无", three slots right).
      let closing: LabelCell | undefined;
      const closes = /^[）)]/.test(f.text.trim());
      for (const c of cells) {
        const dx = Math.abs(c.fragments.at(-1)!.x - f.x);
        if (skip.has(c) || closed.has(c) || c.last >= f.line || (f.line - c.last > MAX_GAP && !crossed.has(c)) || dx > SAME_COLUMN) continue;
        // Of two columns (a piece standing within a slot of one cell's and three from the other's), the one it stands in.
        const bestDx = best === undefined ? Infinity : Math.abs(best.fragments.at(-1)!.x - f.x);
        const apart = (near: number, far: number): boolean => near <= 1 && far >= SAME_COLUMN;
        if (!best || apart(dx, bestDx) || (!apart(bestDx, dx) && (c.last > best.last || (c.last === best.last && dx < bestDx)))) best = c;
        if (closes && OPEN_NUMBER.test(textOf(c)) && (!closing || dx < Math.abs(closing.fragments.at(-1)!.x - f.x))) closing = c;
      }
      return closing ?? best;
    };
    const dxOf = (c: LabelCell, f: Fragment): number => Math.abs(c.fragments.at(-1)!.x - f.x);
    const taken = new Set<LabelCell>();
    for (const [i, f] of line.labels.entries()) {
      // Two fragments of a line that would go on one cell: the one standing nearer it takes it ("他处 逾期" after a page
      // break: 逾期 goes on "2.申请人" above it, 他处 on the group label "（六）其" two slots left).
      let best = candidate(f, taken);
      const rivals = line.labels.slice(i + 1);
      if (best && rivals.some((g) => candidate(g, taken) === best && dxOf(best!, g) < dxOf(best!, f))) {
        // Nor an older cell of that column: the rival's cell closed it.
        const column = best.fragments.at(-1)!.x;
        best = candidate(f, new Set([...taken, ...cells.filter((c) => Math.abs(c.fragments.at(-1)!.x - column) <= 1)]));
      }
      if (best) {
        best.fragments.push(f);
        best.last = f.line;
      } else {
        best = { fragments: [f], x: f.x, first: f.line, last: f.line };
        cells.push(best);
      }
      taken.add(best);
      crossed.delete(best);
      // A fragment in the column of a cell cut by the page break closes it.
      for (const c of crossed) if (dxOf(c, f) <= SAME_COLUMN) crossed.delete(c);
    }
  }
  return cells;
}
